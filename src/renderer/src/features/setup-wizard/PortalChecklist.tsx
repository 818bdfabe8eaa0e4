import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '@shared/profile-types';
import { PORTAL_NOTE_MAX } from '@shared/review-types';
import { Button, Field, Notice, Section } from '../../components';
import { useErrorText } from '../../i18n/error-text';
import { formatDateTime } from './format';
import { PortalStateBadge, isSandboxProfile } from './PortalStateBadge';
import { useSetupStore } from './setup-store';
import { WizardSteps } from './WizardSteps';
import './portal-checklist.css';

/** Copies a value to the clipboard and says so; where the clipboard is refused, the text is selected instead. */
function CopyValue({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation('setup');
  const [copied, setCopied] = useState<'yes' | 'no'>();
  const id = useId();

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      const range = document.createRange();
      const node = document.getElementById(id);
      if (node) {
        range.selectNodeContents(node);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
      }
      setCopied('no');
    }
  }

  return (
    <span className="portal-checklist__value">
      <code className="mono" id={id}>
        {value}
      </code>
      <Button variant="secondary" onClick={() => void copy()} aria-label={t('portal.copy', { label })}>
        {t('portal.copyShort')}
      </Button>
      <span role="status" className="portal-checklist__copied">
        {copied === 'yes' ? t('portal.copied') : copied === 'no' ? t('portal.copySelect') : ''}
      </span>
    </span>
  );
}

/** Compares a key pasted from the MessageBird dashboard with the stored one by fingerprint, without storing or sending it. */
function CompareKey({ fingerprint }: { fingerprint: string }) {
  const { t } = useTranslation('setup');
  const [key, setKey] = useState('');
  const [result, setResult] = useState<'same' | 'different' | 'unavailable'>();
  const whyId = useId();
  const empty = key.trim() === '';

  async function compare() {
    const text = key.trim();
    if (!text) return;
    try {
      const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
      const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
      setResult(hex.slice(0, 8) === fingerprint ? 'same' : 'different');
    } catch {
      setResult('unavailable');
    }
  }

  return (
    <div className="stack portal-checklist__compare">
      <Field label={t('portal.compareLabel')} hint={t('portal.compareHint')}>
        {(control) => (
          <input
            {...control}
            className="input mono"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={key}
            onChange={(e) => {
              setKey(e.target.value);
              setResult(undefined);
            }}
          />
        )}
      </Field>
      <div className="actions">
        <Button onClick={() => void compare()} disabled={empty} aria-describedby={empty ? whyId : undefined}>
          {t('portal.compare')}
        </Button>
      </div>
      {empty ? (
        <p className="field__hint" id={whyId}>
          {t('portal.compareWhyDisabled')}
        </p>
      ) : null}
      {result === 'same' ? <Notice tone="success">{t('portal.compareSame', { fingerprint })}</Notice> : null}
      {result === 'different' ? <Notice tone="warning">{t('portal.compareDifferent', { fingerprint })}</Notice> : null}
      {result === 'unavailable' ? <Notice tone="info">{t('portal.compareUnavailable')}</Notice> : null}
    </div>
  );
}

function Step({ children }: { children: ReactNode }) {
  return <li className="portal-checklist__step">{children}</li>;
}

/**
 * After Save: what the admin types in the AFAS Online portal (Beheer → SMS-provider → Nieuw) for this
 * participant number. The app never talks to AFAS; the admin marks here when it is done. Opened right
 * after Save (`asStep`) it is step 4 of the wizard: the step list shows, and focus lands on its title.
 */
export function PortalChecklist({ profile, onClose, asStep = false }: { profile: ProfileView; onClose: () => void; asStep?: boolean }) {
  const { t, i18n } = useTranslation('setup');
  const errorText = useErrorText({ ns: 'setup' });
  const { markPortalSaved, clearPortalSaved } = useSetupStore.getState();
  const busy = useSetupStore((s) => s.actionBusy === profile.id);
  const error = useSetupStore((s) => (s.portalError?.id === profile.id ? s.portalError.error : undefined));
  const [note, setNote] = useState('');
  const active = profile.active;
  const sandbox = isSandboxProfile(profile);
  const portal = profile.portal;
  const participantNumber = profile.participantNumber;
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Save's button is gone with the wizard: keyboard and screen-reader users land on step 4's title.
  useEffect(() => {
    if (asStep) headingRef.current?.focus();
  }, [asStep]);

  return (
    <Section title={t('portal.title', { participantNumber })} className="portal-checklist" {...(asStep && { headingRef })}>
      {asStep ? <WizardSteps current="portal" /> : null}
      <p>{t('portal.intro', { participantNumber })}</p>
      {sandbox ? (
        <Notice tone="warning" title={t('portal.sandboxTitle')}>
          <p>{t('portal.sandboxBody')}</p>
        </Notice>
      ) : null}
      {!active ? <Notice tone="info">{t('portal.notActive')}</Notice> : null}
      {active ? (
        <ol className="portal-checklist__steps">
          <Step>{t('portal.stepLogin', { participantNumber })}</Step>
          <Step>{t('portal.stepNew')}</Step>
          <Step>
            {t('portal.stepDescription')} <CopyValue label={t('portal.descriptionLabel')} value={profile.description} />
          </Step>
          <Step>
            {t('portal.stepSender')} <CopyValue label={t('portal.senderLabel')} value={active.originator} />
          </Step>
          <Step>
            <p>{t('portal.stepKey')}</p>
            {active.key.fingerprint ? (
              <>
                <p>{t('portal.keyFingerprint', { fingerprint: active.key.fingerprint })}</p>
                <CompareKey fingerprint={active.key.fingerprint} />
              </>
            ) : (
              <p>{t('portal.noKey')}</p>
            )}
          </Step>
          <Step>{t('portal.stepNext')}</Step>
          <Step>{t('portal.stepCode')}</Step>
          <Step>{t('portal.stepSave', { participantNumber })}</Step>
        </ol>
      ) : null}

      <h3>{t('portal.markHeading')}</h3>
      <p>
        <PortalStateBadge profile={profile} />{' '}
        {portal.state === 'changed_since' && portal.savedAt !== null ? t('portal.markedOn', { date: formatDateTime(portal.savedAt, i18n.language) }) : null}
      </p>
      {portal.note ? <p>{t('portal.noteShown', { note: portal.note })}</p> : null}
      {portal.state === 'changed_since' ? <Notice tone="warning">{t('portal.changedSince')}</Notice> : null}
      {active && !sandbox && portal.state !== 'done' ? (
        <div className="stack">
          <Field label={t('portal.noteLabel')} hint={t('portal.noteHint', { max: PORTAL_NOTE_MAX })}>
            {(control) => <textarea {...control} className="input" rows={2} maxLength={PORTAL_NOTE_MAX} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <div className="actions">
            <Button variant="primary" busy={busy} onClick={() => void markPortalSaved(profile.id, note.trim() || undefined)}>
              {t('portal.markSaved')}
            </Button>
          </div>
        </div>
      ) : null}
      {sandbox ? <p className="field__hint">{t('portal.sandboxNoMark')}</p> : null}
      {error ? <Notice tone="error">{errorText(error)}</Notice> : null}
      <div className="actions">
        {portal.state !== 'not_yet' ? (
          <Button busy={busy} onClick={() => void clearPortalSaved(profile.id)}>
            {t('portal.undo')}
          </Button>
        ) : null}
        <Button onClick={onClose}>{t('portal.close')}</Button>
      </div>
    </Section>
  );
}
