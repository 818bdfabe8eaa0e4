import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiKeySchema } from '@shared/api-key';
import type { KeyCheck } from '@shared/contract';
import { Button, Notice, Section, TextField } from '../../components';
import { useErrorText } from '../../i18n/error-text';
import { useConnectionTestStore } from './settings-store';
import { formatMoney, formatNumber } from '../../i18n/format';

type KeyProblem = 'empty' | 'too_long' | 'bad_characters';

/** The same shape check main applies, so an obvious typo is caught before a round trip. */
function keyProblem(apiKey: string): KeyProblem | undefined {
  const parsed = apiKeySchema.safeParse(apiKey);
  if (parsed.success) return undefined;
  const message = parsed.error.issues[0]?.message;
  return message === 'too_long' || message === 'bad_characters' ? message : 'empty';
}

function KeyCheckResult({ result }: { result: KeyCheck }) {
  const { t, i18n } = useTranslation('settings');
  const { amount, type, payment } = result.balance;
  const amountText = type === 'euros' ? formatMoney(amount, 'EUR', i18n.language) : formatNumber(amount, i18n.language);
  const typeText = type === 'euros' || type === 'credits' ? t(`connection.balanceTypes.${type}`) : type;
  const paymentText = payment === 'prepaid' || payment === 'postpaid' ? t(`connection.paymentKinds.${payment}`) : payment;
  const isTest = result.keyKind === 'test';
  return (
    <div className="stack">
      <Notice tone={isTest ? 'warning' : 'success'} role="none" title={t('connection.success')}>
        <p>{isTest ? t('connection.testExplain') : t('connection.liveExplain')}</p>
      </Notice>
      <dl className="facts">
        <dt>{t('connection.keyKind')}</dt>
        <dd>{isTest ? t('connection.keyTest') : t('connection.keyLive')}</dd>
        <dt>{t('connection.balance')}</dt>
        <dd>{amountText}</dd>
        <dt>{t('connection.balanceType')}</dt>
        <dd>{typeText}</dd>
        <dt>{t('connection.payment')}</dt>
        <dd>{paymentText}</dd>
      </dl>
    </div>
  );
}

/**
 * Checks a MessageBird key without storing it (`checkApiKey` → `GET /balance`). The key lives only in
 * this component's state. The field, button and result region have stable accessible names: the
 * platform's browser end-to-end test drives them.
 */
export function ConnectionTest() {
  const { t } = useTranslation('settings');
  const errorText = useErrorText({ ns: 'settings' });
  const { status, result, error, checkKey } = useConnectionTestStore();
  const [apiKey, setApiKey] = useState('');
  const [problem, setProblem] = useState<KeyProblem>();
  const inputRef = useRef<HTMLInputElement>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const found = keyProblem(apiKey);
    setProblem(found);
    if (found) {
      inputRef.current?.focus();
      return;
    }
    await checkKey(apiKey.trim());
  }

  const problemText = problem
    ? { empty: t('connection.keyErrors.empty'), too_long: t('connection.keyErrors.too_long'), bad_characters: t('connection.keyErrors.bad_characters') }[problem]
    : undefined;

  return (
    <Section title={t('connection.heading')}>
      <p>{t('connection.intro')}</p>
      <form className="row" onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          ref={inputRef}
          label={t('connection.keyLabel')}
          hint={t('connection.keyHint')}
          error={problemText}
          type="password"
          name="messagebird-api-key"
          autoComplete="off"
          spellCheck={false}
          value={apiKey}
          onChange={(event) => setApiKey(event.target.value)}
        />
        <div className="actions">
          <Button type="submit" variant="primary" busy={status === 'checking'}>
            {t('connection.check')}
          </Button>
        </div>
      </form>
      <div className="connection-result" role="status" aria-label={t('connection.resultLabel')}>
        {status === 'checking' ? (
          <span className="spinner">
            <span className="spinner__wheel" aria-hidden="true" />
            {t('connection.checking')}
          </span>
        ) : null}
        {status === 'done' && result ? <KeyCheckResult result={result} /> : null}
        {status === 'failed' && error ? (
          <Notice tone="error" role="none" title={t('connection.failed')}>
            <p>{errorText(error)}</p>
          </Notice>
        ) : null}
      </div>
    </Section>
  );
}
