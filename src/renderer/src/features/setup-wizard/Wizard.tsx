import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components';
import { AcknowledgeStep } from './AcknowledgeStep';
import { CodeStep } from './CodeStep';
import { DetailsStep } from './DetailsStep';
import { IntroStep } from './IntroStep';
import { useSetupStore, type WizardStep } from './setup-store';

/** The numbered steps; "Before you start" is an introduction before step 1, not a step. */
const STEPS: readonly WizardStep[] = ['details', 'code', 'acknowledge'];

/** The wizard frame: a step list (current step named for screen readers) and the step itself. */
export function Wizard() {
  const { t } = useTranslation('setup');
  const step = useSetupStore((s) => s.wizard?.step) ?? 'details';
  const sentAt = useSetupStore((s) => s.wizard?.sent?.receivedAt);
  const participantNumber = useSetupStore((s) => s.wizard?.existing?.participantNumber);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const title = t(`steps.${step}`);

  // Each step change moves focus to the step's heading, so keyboard and screen-reader users follow.
  // The details step focuses a field (or the error) itself when it has one to show.
  useEffect(() => {
    const wizard = useSetupStore.getState().wizard;
    if (!(step === 'details' && (wizard?.focusField || wizard?.error))) headingRef.current?.focus();
  }, [step]);

  return (
    <Section title={participantNumber ? t('wizardTitleExisting', { participantNumber }) : t('wizardTitleNew')} className="setup-wizard">
      {step === 'intro' ? null : (
        <ol className="setup-wizard__steps" aria-label={t('steps.label')}>
          {STEPS.map((s, index) => (
            <li key={s} className={s === step ? 'setup-wizard__step setup-wizard__step--current' : 'setup-wizard__step'} aria-current={s === step ? 'step' : undefined}>
              <span className="setup-wizard__step-number" aria-hidden="true">
                {index + 1}
              </span>
              {t(`steps.${s}`)}
              {s === step ? <span className="visually-hidden"> ({t('steps.current')})</span> : null}
            </li>
          ))}
        </ol>
      )}
      <h3 className="setup-wizard__heading" tabIndex={-1} ref={headingRef}>
        {title}
      </h3>
      {step === 'intro' ? <IntroStep /> : null}
      {step === 'details' ? <DetailsStep /> : null}
      {step === 'code' ? <CodeStep key={sentAt} /> : null}
      {step === 'acknowledge' ? <AcknowledgeStep /> : null}
    </Section>
  );
}
