import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useAppStore } from '../../app/app-store';
import { SwitchToMessageBirdDialog } from '../../app/SwitchToMessageBirdDialog';
import { Button, Notice } from '../../components';
import { useSetupStore } from './setup-store';

/**
 * The introduction before step 1: what the admin should know before connecting MessageBird (skippable
 * after the first time). "I have a contract" in Sandbox mode offers the switch to MessageBird right
 * here, so a live key is never tried against the simulator.
 */
export function IntroStep() {
  const { t } = useTranslation('setup');
  const goTo = useSetupStore((s) => s.goTo);
  const close = useSetupStore((s) => s.close);
  const gatewayMode = useAppStore((s) => s.preferences?.gatewayMode);
  const updatePreferences = useAppStore((s) => s.updatePreferences);
  const [mailFallback, setMailFallback] = useState<string>();
  const [switching, setSwitching] = useState(false);
  const [switchFailed, setSwitchFailed] = useState(false);

  async function contact() {
    const result = await api.openExternal({ target: 'messagebird_contact' });
    // The browser host cannot open a mail program: then say where to write.
    if (result.ok && !result.value.opened) setMailFallback(result.value.url.replace(/^mailto:/, ''));
  }

  function continueLive() {
    if (gatewayMode === 'messagebird') goTo('details');
    else setSwitching(true);
  }

  async function continueInSandbox() {
    if (gatewayMode !== 'sandbox') await updatePreferences({ gatewayMode: 'sandbox' });
    goTo('details');
  }

  return (
    <div className="stack">
      <ul className="list setup-wizard__intro">
        <li>{t('introStep.afasEnded')}</li>
        <li>{t('introStep.advice')}</li>
        <li>{t('introStep.ownRisk')}</li>
        <li>{t('introStep.adminOnly')}</li>
        <li>{t('introStep.contract')}</li>
        <li>{t('introStep.sandbox')}</li>
        <li>{t('introStep.portal')}</li>
      </ul>
      <div className="row">
        <Button variant="link" onClick={() => void api.openExternal({ target: 'afas_pocket' })}>
          {t('introStep.pocketLink')}
        </Button>
        <Button variant="link" onClick={() => void api.openExternal({ target: 'nist_sms' })}>
          {t('introStep.nistLink')}
        </Button>
      </div>
      {mailFallback ? <Notice tone="info">{t('introStep.mailNotOpened', { url: mailFallback })}</Notice> : null}
      {switchFailed ? <Notice tone="error">{t('introStep.switchFailed')}</Notice> : null}
      <div className="actions">
        <Button onClick={() => void contact()}>{t('actions.contactMessageBird')}</Button>
        <Button onClick={() => void continueInSandbox()}>{t('actions.useSandbox')}</Button>
        <Button variant="primary" onClick={continueLive}>
          {t('actions.continueLive')}
        </Button>
        <Button variant="link" onClick={close}>
          {t('actions.cancel')}
        </Button>
      </div>
      <SwitchToMessageBirdDialog
        open={switching}
        onCancel={() => setSwitching(false)}
        onDone={(switched) => {
          setSwitching(false);
          setSwitchFailed(!switched);
          if (switched) goTo('details');
        }}
      />
    </div>
  );
}
