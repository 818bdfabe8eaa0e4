import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AFAS_QUOTED_NL_PRICE, COST_CURRENCY } from '@shared/rules/cost';
import { Button, CheckboxField, Notice } from '../../components';
import { useErrorText } from '../../i18n/error-text';
import { formatMoney } from '../../i18n/format';
import { useSetupStore } from './setup-store';

/** Step 3: the cost split the admin must acknowledge, then Save makes the profile active. */
export function AcknowledgeStep() {
  const { t, i18n } = useTranslation('setup');
  const errorText = useErrorText({ ns: 'setup' });
  const wizard = useSetupStore((s) => s.wizard)!;
  const { activate, close } = useSetupStore.getState();
  const [acknowledged, setAcknowledged] = useState(false);
  const [missing, setMissing] = useState(false);
  const boxRef = useRef<HTMLInputElement>(null);
  const participantNumber = wizard.existing?.participantNumber ?? wizard.form.participantNumber;
  const originator = wizard.existing?.pending?.originator ?? wizard.form.originator;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!acknowledged) {
      setMissing(true);
      boxRef.current?.focus();
      return;
    }
    await activate();
  }

  return (
    <form className="stack" onSubmit={(event) => void onSubmit(event)} noValidate>
      <Notice tone="success">{t('acknowledge.verified')}</Notice>
      <p>{t('acknowledge.intro', { participantNumber, originator })}</p>
      <h3>{t('acknowledge.costsHeading')}</h3>
      <dl className="facts">
        <dt>{t('acknowledge.paidByOrganisation')}</dt>
        <dd>
          {t('acknowledge.loginSms')}
          <span className="setup-wizard__price">{t('acknowledge.pricePerPart', { price: formatMoney(AFAS_QUOTED_NL_PRICE, COST_CURRENCY, i18n.language) })}</span>
        </dd>
        <dt>{t('acknowledge.paidByAfas')}</dt>
        <dd>
          <ul className="list">
            <li>{t('acknowledge.afasSignup')}</li>
            <li>{t('acknowledge.afasPocketReset')}</li>
            <li>{t('acknowledge.afasAuthenticatorReset')}</li>
            <li>{t('acknowledge.afasNewPhone')}</li>
            <li>{t('acknowledge.afasNewNumber')}</li>
          </ul>
        </dd>
      </dl>
      <p>{t('acknowledge.eligibility')}</p>
      <CheckboxField
        label={t('acknowledge.checkbox')}
        checked={acknowledged}
        onChange={(e) => {
          setAcknowledged(e.target.checked);
          setMissing(false);
        }}
        error={missing ? t('acknowledge.checkboxRequired') : undefined}
        ref={boxRef}
      />
      {wizard.error ? <Notice tone="error">{errorText(wizard.error)}</Notice> : null}
      <div className="actions">
        <Button onClick={close}>{t('actions.cancel')}</Button>
        <Button type="submit" variant="primary" busy={wizard.busy}>
          {t('actions.save')}
        </Button>
      </div>
    </form>
  );
}
