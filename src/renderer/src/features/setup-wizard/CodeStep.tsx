import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Notice, TextField } from '../../components';
import { useErrorText } from '../../i18n/error-text';
import { ConfirmationDelivery } from './ConfirmationDelivery';
import { formatTime } from './format';
import { useSetupStore } from './setup-store';
import { useCountdown } from './use-countdown';

/** Errors after which the code cannot be used any more: the admin needs a new one. */
const DEAD_CODE = new Set(['code_expired', 'code_exhausted', 'code_not_pending']);

/**
 * Step 3: where the code went, the code field, and a resend that respects the cooldown. The wizard keys
 * it by the send, so a new code starts with an empty field.
 */
export function CodeStep() {
  const { t, i18n } = useTranslation('setup');
  const errorText = useErrorText({ ns: 'setup' });
  const wizard = useSetupStore((s) => s.wizard)!;
  const { verify, resend, goTo } = useSetupStore.getState();
  const { sent, error, busy } = wizard;
  const [code, setCode] = useState('');
  const [localIssue, setLocalIssue] = useState<'empty' | 'format'>();
  const inputRef = useRef<HTMLInputElement>(null);
  const waitSeconds = useCountdown(wizard.resendAtLocal);
  const language = i18n.language === 'nl' ? 'nl' : 'en';

  useEffect(() => {
    if (error) inputRef.current?.focus();
  }, [error]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = code.replace(/\s/g, '');
    const issue = trimmed === '' ? 'empty' : /^\d{6}$/.test(trimmed) ? undefined : 'format';
    setLocalIssue(issue);
    if (issue) {
      inputRef.current?.focus();
      return;
    }
    await verify(trimmed);
  }

  const fieldError = localIssue ? t(`fieldErrors.code.${localIssue}`) : error && error.field === 'code' ? errorText(error) : undefined;
  const expiresLocal = sent ? sent.receivedAt + (sent.expiresAt - sent.serverNow) : undefined;

  return (
    <div className="stack">
      {sent ? (
        sent.delivery === 'unknown' ? (
          <Notice tone="warning">{t('code.sentUnknown', { phone: sent.sentTo })}</Notice>
        ) : (
          <Notice tone="success">{t('code.sentTo', { phone: sent.sentTo })}</Notice>
        )
      ) : (
        <Notice tone="info">{t('code.restartNote')}</Notice>
      )}
      {sent?.delivery === 'sent' ? <ConfirmationDelivery profileId={sent.profileId} logId={sent.logId} /> : null}
      {sent?.simulatedSms ? (
        <figure className="setup-wizard__phone" aria-label={t('code.simulatedPhone')}>
          <figcaption>{t('code.simulatedPhone')}</figcaption>
          <p className="mono">{sent.simulatedSms.body}</p>
        </figure>
      ) : null}
      {expiresLocal !== undefined ? <p>{t('code.validUntil', { time: formatTime(expiresLocal, i18n.language) })}</p> : null}

      <form className="stack" onSubmit={(event) => void onSubmit(event)} noValidate>
        <TextField
          label={t('code.label')}
          hint={t('code.hint')}
          error={fieldError}
          value={code}
          onChange={(e) => {
            setLocalIssue(undefined);
            setCode(e.target.value);
          }}
          ref={inputRef}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          autoFocus
          required
        />
        {error && error.field !== 'code' ? <Notice tone="error">{errorText(error)}</Notice> : null}
        <div className="actions">
          <Button onClick={() => goTo('details')}>{t('actions.back')}</Button>
          <Button type="submit" variant="primary" busy={busy} disabled={error ? DEAD_CODE.has(error.code) : false}>
            {t('actions.verify')}
          </Button>
        </div>
      </form>

      <div className="stack">
        <p aria-live="off">{waitSeconds > 0 ? t('code.resendIn', { count: waitSeconds }) : t('code.resendReady')}</p>
        <div className="actions">
          <Button onClick={() => void resend(language)} disabled={waitSeconds > 0} busy={busy}>
            {t('actions.resend')}
          </Button>
        </div>
      </div>
    </div>
  );
}
