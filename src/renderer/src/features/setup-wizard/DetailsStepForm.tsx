import { useEffect, useRef, useState, type FocusEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../app/app-store';
import { Button, ConfirmDialog, Notice, Spinner, TextField } from '../../components';
import { useErrorText } from '../../i18n/error-text';
import { apiKeyIssue, DETAIL_FIELDS, firstIssue, isConnectionProblem, originatorWarnings, validateDetails, type DetailField, type DetailIssues, type FieldIssue } from './details-validation';
import { formatCountdown, formatMoney } from '../../i18n/format';
import { COST_CURRENCY, estimate } from '@shared/rules/cost';
import { parseMobile } from '@shared/rules/phone';
import { formatBalance } from './format';
import { configuredPrices } from './configured-prices';
import { useSetupStore, type KeyCheckState } from './setup-store';
import { useCountdown } from './use-countdown';
import type { AppError } from '@shared/result';

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** The cost line of "Send the confirmation code?" by where the price per part came from. */
const SEND_COST_TEXT = { quoted: 'sendConfirm.cost', configured: 'sendConfirm.costConfigured', assumed: 'sendConfirm.costAssumed' } as const;

/** Main's field errors by the `field` it names; the UI shows them under that field. */
function isDetailField(field: string | undefined): field is DetailField {
  return (DETAIL_FIELDS as readonly string[]).includes(field ?? '');
}

/** The field an error from main is about; a connection problem is about no field (never "wrong key"). */
function serverField(error: AppError | undefined): DetailField | undefined {
  if (!error || isConnectionProblem(error)) return undefined;
  return isDetailField(error.field) ? error.field : undefined;
}

/** Step 1: the provider details, validated as the admin types and again in main on "Next". */
export function DetailsStepForm() {
  const { t, i18n } = useTranslation('setup');
  const looseT = t as unknown as LooseT;
  const errorText = useErrorText({ ns: 'setup' });
  const wizard = useSetupStore((s) => s.wizard)!;
  const { setForm, next, checkKey, close, goTo, clearError } = useSetupStore.getState();
  const sandbox = useAppStore((s) => s.info?.gatewayMode === 'sandbox');
  const { form, existing, error, keyCheck } = wizard;
  const [touched, setTouched] = useState<Partial<Record<DetailField, boolean>>>({});
  const [submitted, setSubmitted] = useState(false);
  // MessageBird mode: "Next" costs an SMS, so it asks first and shows the estimated cost, priced with the
  // admin's own prices under Cost guards (`null`: main could not say, the built-in price is used).
  const [confirmingSend, setConfirmingSend] = useState(false);
  const [prices, setPrices] = useState<Readonly<Record<string, number>> | null>(null);
  const refs = useRef<Partial<Record<DetailField, HTMLInputElement | null>>>({});
  const errorRef = useRef<HTMLDivElement>(null);

  // A test key that main refused at Next (MessageBird mode) is no "current key" to keep: the admin must
  // type another one.
  const refusedTestKey = !sandbox && existing?.pending?.key.kind === 'test';
  const keyOnFile = refusedTestKey ? false : (existing?.pending?.key.hasApiKey ?? existing?.active?.key.hasApiKey ?? false);
  const keyFingerprint = existing?.pending?.key.fingerprint ?? existing?.active?.key.fingerprint;
  const phoneOnFile = existing?.active ? existing.active.adminPhoneMasked : undefined;
  const locked = !!existing?.active;
  const issues: DetailIssues = validateDetails(form, { hasKey: keyOnFile, hasPhone: !!(existing?.pending || existing?.active) });

  // Main's verdict on a field stands until the admin edits that field again (then the error is cleared).
  const errorField = serverField(error);
  useEffect(() => {
    const field = serverField(error);
    if (field) {
      refs.current[field]?.focus();
    } else if (error) {
      errorRef.current?.focus();
    }
  }, [error]);

  // "Replace key" and similar open the form on one field.
  useEffect(() => {
    if (wizard.focusField) refs.current[wizard.focusField]?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the step opens
  }, []);

  function issueText(field: DetailField, issue: FieldIssue | undefined): string | undefined {
    if (!issue) return undefined;
    return looseT(`fieldErrors.${field}.${issue.issue}`, issue.details);
  }

  function fieldError(field: DetailField): string | undefined {
    if (errorField === field && error) return errorText(error);
    if (!(touched[field] || submitted)) return undefined;
    return issueText(field, issues[field]);
  }

  function change(field: DetailField, value: string) {
    if (errorField === field) clearError();
    setForm({ [field]: value });
  }

  function blur(field: DetailField, event: FocusEvent<HTMLInputElement>) {
    // Leaving for a button (Next, Cancel): no error yet. One appearing now would push the button away
    // from under the pointer between press and release; Next validates everything anyway.
    if (event.relatedTarget instanceof HTMLButtonElement) return;
    setTouched((t) => ({ ...t, [field]: true }));
  }

  // An explicit button rather than a check on leaving the field: a result appearing on blur shifts the
  // layout under the pointer on its way to "Next". "Next" checks the key again in main anyway.
  function checkTypedKey() {
    const key = form.apiKey.trim();
    const problem = apiKeyIssue(key);
    if (problem) {
      setTouched((t) => ({ ...t, apiKey: true }));
      refs.current.apiKey?.focus();
      return;
    }
    void checkKey(key);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    clearError();
    const first = firstIssue(issues);
    if (first) {
      refs.current[first]?.focus();
      return;
    }
    if (!sandbox) {
      // Read when asked, so a price changed under Cost guards meanwhile counts.
      setPrices((await configuredPrices()) ?? null);
      setConfirmingSend(true);
      return;
    }
    await next(i18n.language === 'nl' ? 'nl' : 'en');
  }

  // The code SMS is one GSM-7 part; priced as the app prices test sends: the admin's own price for the
  // country, else the built-in one, else NL's.
  const typedPhone = parseMobile(form.adminPhone);
  const sendCost = estimate(1, typedPhone.ok ? (typedPhone.value.country ?? 'NL') : 'NL', prices ?? {});
  const sendTo = typedPhone.ok ? typedPhone.value.international : (phoneOnFile ?? '');

  const warnings = issues.originator ? [] : originatorWarnings(form.originator);
  const currentKeyCheck = keyCheck.forKey !== undefined && keyCheck.forKey === form.apiKey.trim() ? keyCheck : undefined;
  const hasErrors = submitted && firstIssue(issues) !== undefined;
  const sending = wizard.busyAction === 'send';
  const waitError = error && (error.code === 'resend_cooldown' || error.code === 'send_limit_reached') ? error : undefined;

  return (
    <form className="stack" onSubmit={(event) => void onSubmit(event)} noValidate aria-describedby="setup-details-intro">
      <p id="setup-details-intro">{t('details.intro')}</p>
      {sandbox ? <Notice tone="info" role="note">{t('details.sandboxMode')}</Notice> : null}
      {existing?.status === 'active' ? <Notice tone="info" role="note">{t('details.editingActive')}</Notice> : null}
      {hasErrors ? <Notice tone="error">{t('details.fixErrors')}</Notice> : null}
      {error && !errorField ? (
        <div tabIndex={-1} ref={errorRef}>
          {waitError ? (
            <WaitNotice limited={waitError.code === 'send_limit_reached'} until={wizard.resendAtLocal} />
          ) : isConnectionProblem(error) ? (
            <Notice tone="warning" title={t('details.connectionProblem')}>
              {errorText(error)} {error.details?.sendOutcome === undefined ? t('details.keyNotJudged') : null}
            </Notice>
          ) : (
            <Notice tone="error">{errorText(error)}</Notice>
          )}
        </div>
      ) : null}

      <TextField
        label={t('details.participantNumber')}
        hint={locked ? t('details.participantLocked') : t('details.participantNumberHint')}
        error={fieldError('participantNumber')}
        value={form.participantNumber}
        onChange={(e) => change('participantNumber', e.target.value)}
        onBlur={(e) => blur('participantNumber', e)}
        ref={(el) => {
          refs.current.participantNumber = el;
        }}
        inputMode="numeric"
        autoComplete="off"
        maxLength={20}
        readOnly={locked}
        required
      />
      <TextField
        label={t('details.description')}
        hint={t('details.descriptionHint')}
        error={fieldError('description')}
        value={form.description}
        onChange={(e) => change('description', e.target.value)}
        onBlur={(e) => blur('description', e)}
        ref={(el) => {
          refs.current.description = el;
        }}
        autoComplete="off"
        maxLength={200}
        required
      />
      <TextField
        label={t('details.originator')}
        hint={[t('details.originatorHint'), ...warnings.map((w) => t(`originatorWarning.${w}`))].join(' ')}
        error={fieldError('originator')}
        value={form.originator}
        onChange={(e) => change('originator', e.target.value)}
        onBlur={(e) => blur('originator', e)}
        ref={(el) => {
          refs.current.originator = el;
        }}
        autoComplete="off"
        maxLength={40}
        required
      />
      <TextField
        label={t('details.apiKey')}
        hint={keyOnFile && keyFingerprint ? t('details.apiKeyKeepHint', { fingerprint: keyFingerprint }) : t('details.apiKeyHint')}
        error={fieldError('apiKey')}
        type="password"
        value={form.apiKey}
        onChange={(e) => change('apiKey', e.target.value)}
        onBlur={(e) => blur('apiKey', e)}
        ref={(el) => {
          refs.current.apiKey = el;
        }}
        autoComplete="off"
        spellCheck={false}
        maxLength={128}
        required={!keyOnFile}
      />
      <div className="actions">
        {/* Never disabled without a reason: with an empty field it says "Enter the API key" there. */}
        <Button onClick={checkTypedKey} busy={keyCheck.status === 'checking'}>
          {t('actions.checkThisKey')}
        </Button>
      </div>
      {/* Main's verdict on the key already stands under the field: say it once. */}
      {errorField === 'apiKey' ? null : <KeyCheckResult state={currentKeyCheck} sandbox={sandbox} language={i18n.language} />}
      <TextField
        label={t('details.adminPhone')}
        hint={`${phoneOnFile && !form.adminPhone ? t('details.adminPhoneKeepHint', { phone: phoneOnFile }) : t('details.adminPhoneHint')} ${t('details.adminPhonePortalHint')}`}
        error={fieldError('adminPhone')}
        type="tel"
        value={form.adminPhone}
        onChange={(e) => change('adminPhone', e.target.value)}
        onBlur={(e) => blur('adminPhone', e)}
        ref={(el) => {
          refs.current.adminPhone = el;
        }}
        autoComplete="tel"
        maxLength={32}
        required={!phoneOnFile}
      />

      {/* While the code is being sent the other buttons wait; this line says why (aria-describedby). */}
      {sending ? (
        <div id="setup-details-sending">
          <Spinner label={t('sending.progress')} />
        </div>
      ) : null}
      <div className="actions">
        {existing ? null : (
          <Button variant="link" onClick={() => goTo('intro')} disabled={wizard.busy} aria-describedby={sending ? 'setup-details-sending' : undefined}>
            {t('actions.showIntro')}
          </Button>
        )}
        <Button onClick={close} disabled={wizard.busy} aria-describedby={sending ? 'setup-details-sending' : undefined}>
          {existing ? t('actions.backToList') : t('actions.cancel')}
        </Button>
        <Button type="submit" variant="primary" busy={sending} disabled={wizard.busy && !sending}>
          {t('actions.next')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirmingSend}
        title={t('sendConfirm.title')}
        confirmLabel={t('sendConfirm.confirm')}
        onCancel={() => setConfirmingSend(false)}
        onConfirm={() => {
          setConfirmingSend(false);
          void next(i18n.language === 'nl' ? 'nl' : 'en');
        }}
      >
        <p>{t('sendConfirm.body', { phone: sendTo })}</p>
        <p data-testid="setup-send-cost">
          {t(SEND_COST_TEXT[sendCost.basis], {
            cost: formatMoney(sendCost.amount, COST_CURRENCY, i18n.language),
            perPart: formatMoney(sendCost.perPart, COST_CURRENCY, i18n.language),
            country: sendCost.country,
          })}
          {prices === null ? ` ${t('sendConfirm.costUnread')}` : null}
        </p>
      </ConfirmDialog>
    </form>
  );
}

/** Main refused a new code for now: the wait, counting down in minutes and seconds. */
function WaitNotice({ limited, until }: { limited: boolean; until: number | undefined }) {
  const { t } = useTranslation('setup');
  const seconds = useCountdown(until);
  if (seconds === 0) return <Notice tone="info">{t('code.resendReady')}</Notice>;
  return <Notice tone="warning">{t(limited ? 'code.limitWait' : 'code.resendIn', { time: formatCountdown(seconds) })}</Notice>;
}

function KeyCheckResult({ state, sandbox, language }: { state: KeyCheckState | undefined; sandbox: boolean; language: string }) {
  const { t } = useTranslation('setup');
  const errorText = useErrorText({ ns: 'setup' });
  if (!state || state.status === 'idle') return null;
  if (state.status === 'checking') return <p role="status">{t('keyCheck.checking')}</p>;
  if (state.status === 'error' && state.error) {
    return isConnectionProblem(state.error) ? (
      <Notice tone="warning" title={t('details.connectionProblem')}>
        {errorText(state.error)} {t('details.keyNotJudged')}
      </Notice>
    ) : (
      <Notice tone="error">{errorText(state.error)}</Notice>
    );
  }
  const result = state.result;
  if (!result) return null;
  const balance = formatBalance(result.balance, language);
  if (sandbox) return <Notice tone="info">{t('keyCheck.sandbox', { balance })}</Notice>;
  if (result.keyKind === 'test') return <Notice tone="warning">{t('keyCheck.test')}</Notice>;
  const low = result.balance.payment === 'prepaid' && result.balance.amount <= 0;
  return (
    <Notice tone={low ? 'warning' : 'success'}>
      {t('keyCheck.live', { balance })} {low ? t('keyCheck.lowBalance') : null}
    </Notice>
  );
}
