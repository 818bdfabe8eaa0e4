import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components';
import { AcknowledgeStep } from './AcknowledgeStep';
import { CodeStep } from './CodeStep';
import { DetailsStep } from './DetailsStep';
import { IntroStep } from './IntroStep';
import { useSetupStore } from './setup-store';
import { WizardSteps } from './WizardSteps';

/**
 * The wizard frame: a step list (current step named for screen readers) and the step itself. Step 4, the
 * AFAS portal steps, opens after Save above the profile list (see SetupWizardPage).
 */
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
      {step === 'intro' ? null : <WizardSteps current={step} />}
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
