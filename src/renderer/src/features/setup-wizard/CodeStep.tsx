import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Notice, Spinner, TextField } from '../../components';
import { useErrorText } from '../../i18n/error-text';
import { formatCountdown } from '../../i18n/format';
import { ConfirmationDelivery } from './ConfirmationDelivery';
import { formatTime } from './format';
import { DEAD_CODE_ERRORS, useSetupStore } from './setup-store';
import { useCountdown } from './use-countdown';

/** Refusals of a new code that the live countdown below the resend button already explains. */
const WAIT_ERRORS = new Set(['resend_cooldown', 'send_limit_reached']);

/**
 * Step 2: where the code went (the admin's own number in full), the code field, and a resend that
 * counts its wait down in minutes and seconds. The wizard keys it by the send, so a new code starts
 * with an empty field. While a new code is being sent, the earlier notices make way for one
 * "sending" state.
 */
export function CodeStep() {
  const { t, i18n } = useTranslation('setup');
  const errorText = useErrorText({ ns: 'setup' });
  const wizard = useSetupStore((s) => s.wizard)!;
  const { verify, resend, goTo } = useSetupStore.getState();
  const { sent, error, busy, busyAction } = wizard;
  const [code, setCode] = useState('');
  const [localIssue, setLocalIssue] = useState<'empty' | 'format'>();
  const inputRef = useRef<HTMLInputElement>(null);
  const waitSeconds = useCountdown(wizard.resendAtLocal);
  const language = i18n.language === 'nl' ? 'nl' : 'en';
  const deadHintId = useId();
  const waitId = useId();
  const busyId = useId();

  useEffect(() => {
    if (error && !WAIT_ERRORS.has(error.code)) inputRef.current?.focus();
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

  const resending = busyAction === 'resend';
  const codeDead = !!error && DEAD_CODE_ERRORS.has(error.code);
  const fieldError = localIssue ? t(`fieldErrors.code.${localIssue}`) : error && error.field === 'code' ? errorText(error) : undefined;
  const expiresLocal = sent ? sent.receivedAt + (sent.expiresAt - sent.serverNow) : undefined;
  const phone = sent ? (sent.sentToFull ?? sent.sentTo) : '';
  const limited = error?.code === 'send_limit_reached';

  return (
    <div className="stack">
      {resending ? (
        <div id={busyId}>
          <Spinner label={t('code.resending', { phone })} />
        </div>
      ) : sent ? (
        <>
          {sent.delivery === 'unknown' ? (
            <Notice tone="warning">{t('code.sentUnknown', { phone })}</Notice>
          ) : (
            <Notice tone="success">
              {t('code.sentTo', { phone })} {sent.resent ? t('code.previousInvalid') : null}
            </Notice>
          )}
          {sent.delivery === 'sent' ? <ConfirmationDelivery profileId={sent.profileId} logId={sent.logId} /> : null}
          {sent.simulatedSms ? (
            <figure className="setup-wizard__phone" aria-label={t('code.simulatedPhone')}>
              <figcaption>{t('code.simulatedPhone')}</figcaption>
              <p className="mono">{sent.simulatedSms.body}</p>
            </figure>
          ) : null}
          {expiresLocal !== undefined && !codeDead ? <p>{t('code.validUntil', { time: formatTime(expiresLocal, i18n.language) })}</p> : null}
        </>
      ) : (
        <Notice tone="info">{t('code.restartNote')}</Notice>
      )}

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
        {error && error.field !== 'code' && !WAIT_ERRORS.has(error.code) ? <Notice tone="error">{errorText(error)}</Notice> : null}
        {codeDead ? (
          <p className="field__hint" id={deadHintId}>
            {t('code.deadHint')}
          </p>
        ) : null}
        <div className="actions">
          <Button onClick={() => goTo('details')} disabled={busy} aria-describedby={resending ? busyId : undefined}>
            {t('actions.back')}
          </Button>
          <Button
            type="submit"
            variant="primary"
            busy={busyAction === 'verify'}
            disabled={codeDead || (busy && busyAction !== 'verify')}
            aria-describedby={codeDead ? deadHintId : undefined}
          >
            {t('actions.verify')}
          </Button>
        </div>
      </form>

      <div className="stack">
        <p id={waitId} aria-live="off" className={waitSeconds > 0 ? 'setup-wizard__wait' : undefined}>
          {waitSeconds > 0
            ? t(limited ? 'code.limitWait' : 'code.resendIn', { time: formatCountdown(waitSeconds) })
            : t(codeDead ? 'code.resendNow' : 'code.resendReady')}
        </p>
        <div className="actions">
          <Button
            variant={codeDead && waitSeconds === 0 ? 'primary' : 'secondary'}
            onClick={() => void resend(language)}
            disabled={waitSeconds > 0 || (busy && !resending)}
            busy={resending}
            aria-describedby={waitId}
          >
            {t('actions.resend')}
          </Button>
        </div>
      </div>
    </div>
  );
}
