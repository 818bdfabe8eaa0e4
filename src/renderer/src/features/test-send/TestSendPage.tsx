import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fillTemplate, SAMPLE_CODE, SANDBOX_PROFILE_ID } from '@shared/contract/test-send';
import { startingTemplate } from './default-template';
import { estimate } from '@shared/rules/cost';
import { parseMobile } from '@shared/rules/phone';
import { countSegments } from '@shared/rules/sms-segments';
import { useNavigationStore } from '../../app/navigation-store';
import { Button, ConfirmDialog, Notice, Page, Section, SelectField, Spinner } from '../../components';
import { useErrorText } from '../../i18n/error-text';
import { CostGuardsSection } from './CostGuardsSection';
import { formatMoney } from './format';
import { PreviewFacts } from './PreviewFacts';
import { RecipientField } from './RecipientField';
import { TemplateEditor } from './TemplateEditor';
import { TestSendResult } from './TestSendResult';
import { useTestSendStore, type SendForm } from './test-send-store';
import './test-send.css';

/** Settings a refusal can point to; the notice then offers a way to the Cost guards section. */
const GUARD_SETTINGS = new Set(['dailyCap', 'allowedCountries']);

/**
 * Test send: pick a provider, type a number, edit the text with live counts and estimated
 * cost, confirm the cost, send, and watch the status follow up. Main runs the same guards again
 * before anything is sent; this page only shows them early.
 */
export function TestSendPage() {
  const { t, i18n } = useTranslation(['testSend', 'common']);
  const errorText = useErrorText({ ns: 'testSend' });
  const go = useNavigationStore((s) => s.go);
  const store = useTestSendStore();
  const { load, stop, setup, phase, error, result, preview } = store;

  const [profileId, setProfileId] = useState<string>();
  const [recipient, setRecipient] = useState('');
  const [template, setTemplate] = useState<string>();
  const recipientRef = useRef<HTMLInputElement>(null);
  const templateRef = useRef<HTMLTextAreaElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const guardsRef = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void load();
    return () => stop();
  }, [load, stop]);

  // Move focus to what the refusal is about, so a keyboard user lands on it.
  useEffect(() => {
    if (!error) return;
    if (error.field === 'recipient') recipientRef.current?.focus();
    else if (error.field === 'template') templateRef.current?.focus();
    else noticeRef.current?.focus();
  }, [error]);

  // After a send, the result takes focus (the confirmation dialog has closed).
  const sentLogId = phase === 'done' && !error ? result?.logId : undefined;
  useEffect(() => {
    if (sentLogId !== undefined) resultRef.current?.focus();
  }, [sentLogId]);

  const profiles = setup?.profiles ?? [];
  const profile = profiles.find((p) => p.id === (profileId ?? store.defaultProfileId)) ?? profiles[0];
  const settings = setup?.settings;
  const templateText = template ?? startingTemplate(settings?.template, i18n.language);
  const body = fillTemplate(templateText, SAMPLE_CODE);
  const segments = useMemo(() => countSegments(body), [body]);
  const parsed = parseMobile(recipient);
  const country = parsed.ok ? (parsed.value.country ?? 'NL') : 'NL';
  const cost = estimate(segments.parts, country, settings?.pricesPerPart);

  const form: SendForm | undefined = profile ? { profileId: profile.id, recipient, template: templateText } : undefined;

  // Any change to the form starts a new send: an earlier result or refusal no longer describes it.
  function edited() {
    if (phase === 'done' || error) store.clearResult();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    if (phase === 'done') store.clearResult();
    if (phase === 'editing' || phase === 'done') void store.check(form);
  }

  function another() {
    store.clearResult();
    recipientRef.current?.focus();
  }

  if (store.loadStatus === 'loading' || store.loadStatus === 'idle') {
    return (
      <Page title={t('title')}>
        <Spinner label={t('loading')} />
      </Page>
    );
  }
  if (store.loadStatus === 'error' || !setup || !settings) {
    return (
      <Page title={t('title')}>
        <Notice tone="error" title={t('loadFailed')}>
          {store.loadError ? errorText(store.loadError) : null}
        </Notice>
        <div className="actions">
          <Button onClick={() => void load()}>{t('common:actions.retry')}</Button>
        </div>
      </Page>
    );
  }

  const fieldError = error && (error.field === 'recipient' || error.field === 'template') ? error : undefined;
  const pointsToGuards = error?.details?.setting !== undefined && GUARD_SETTINGS.has(String(error.details.setting));

  return (
    <Page title={t('title')} intro={t('intro')} className="test-send">
      {!profile ? (
        <Notice tone="info" role="note">
          <p>{t('noProfiles')}</p>
          <Button variant="link" onClick={() => go('setup')}>
            {t('goToSetup')}
          </Button>
        </Notice>
      ) : (
        <form className="stack" onSubmit={submit} noValidate aria-label={t('form.heading')}>
          <Section title={t('form.heading')}>
            <div className="stack">
              <SelectField
                label={t('form.profile')}
                value={profile.id}
                onChange={(event) => {
                  edited();
                  setProfileId(event.target.value);
                }}
                options={profiles.map((p) => ({
                  value: p.id,
                  label:
                    p.id === SANDBOX_PROFILE_ID
                      ? t('form.sandboxOption', { originator: p.originator })
                      : t('form.profileOption', { label: p.label, originator: p.originator }),
                }))}
                error={error && error.field === 'profileId' ? errorText(error) : undefined}
              />
              <RecipientField
                ref={recipientRef}
                value={recipient}
                onChange={(value) => {
                  edited();
                  setRecipient(value);
                }}
                allowedCountries={settings.allowedCountries}
                error={fieldError?.field === 'recipient' ? errorText(fieldError) : undefined}
              />
              <TemplateEditor
                ref={templateRef}
                value={templateText}
                onChange={(value) => {
                  edited();
                  setTemplate(value);
                }}
                segments={segments}
                saving={store.settingsSaving}
                saved={store.settingsSaved === 'template'}
                onSave={() => void store.saveSettings({ template: templateText }, 'template')}
                error={fieldError?.field === 'template' ? errorText(fieldError) : undefined}
              />
            </div>
          </Section>

          <PreviewFacts
            profile={profile}
            recipient={parsed.ok ? parsed.value.international : undefined}
            body={body}
            segments={segments}
            estimate={cost}
            dailyCap={settings.dailyCap}
          />

          {error && !fieldError ? (
            <div ref={noticeRef} tabIndex={-1} className="test-send__error">
              <Notice tone="error">{errorText(error)}</Notice>
            </div>
          ) : null}
          {pointsToGuards ? (
            <div className="actions">
              <Button variant="link" onClick={() => guardsRef.current?.focus()}>
                {t('guards.heading')}
              </Button>
            </div>
          ) : null}

          <div className="actions">
            <Button type="submit" variant="primary" busy={phase === 'checking' || phase === 'sending'}>
              {t('form.submit')}
            </Button>
          </div>
        </form>
      )}

      {phase === 'done' && result ? (
        <div ref={resultRef} tabIndex={-1} className="test-send__result-wrap">
          <TestSendResult result={result} onAnother={another} />
        </div>
      ) : null}

      <CostGuardsSection
        ref={guardsRef}
        settings={settings}
        saving={store.settingsSaving}
        saved={store.settingsSaved === 'guards'}
        error={store.settingsError}
        onSave={(patch) => store.saveSettings(patch, 'guards')}
      />

      <ConfirmDialog
        open={(phase === 'confirming' || phase === 'sending') && preview !== undefined}
        title={t('confirm.title')}
        confirmLabel={phase === 'sending' ? t('confirm.sending') : t('confirm.action')}
        busy={phase === 'sending'}
        onCancel={store.cancel}
        onConfirm={() => form && void store.send(form)}
      >
        {preview ? (
          <div className="stack">
            <p>{t('confirm.body', { originator: preview.originator, recipient: preview.recipient.international })}</p>
            {preview.mode === 'sandbox' ? <p>{t('confirm.sandbox')}</p> : null}
            {preview.mode === 'test' ? <p>{t('confirm.testKey')}</p> : null}
            {preview.mode === 'live' ? (
              <p>
                {t('confirm.cost', {
                  cost: formatMoney(preview.estimate.amount, preview.estimate.currency, i18n.language),
                  parts: t('form.parts', { count: preview.segments.parts }),
                })}
              </p>
            ) : null}
          </div>
        ) : null}
      </ConfirmDialog>
    </Page>
  );
}
