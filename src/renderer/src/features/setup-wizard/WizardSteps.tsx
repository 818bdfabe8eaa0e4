import { useTranslation } from 'react-i18next';

/**
 * The numbered steps, 1 to 4. "Before you start" is an introduction before step 1, not a step; sending
 * the code is what "Next" on step 1 does, so it is no step of its own. Step 4 is the handoff to the AFAS
 * Online portal: the admin does it there, the app only lists what to type.
 */
export const NUMBERED_STEPS = ['details', 'code', 'acknowledge', 'portal'] as const;
export type NumberedStep = (typeof NUMBERED_STEPS)[number];

/** The step list with the current step marked (aria-current and, for screen readers, in words). */
export function WizardSteps({ current }: { current: NumberedStep }) {
  const { t } = useTranslation('setup');
  return (
    <ol className="setup-wizard__steps" aria-label={t('steps.label')}>
      {NUMBERED_STEPS.map((s, index) => (
        <li key={s} className={s === current ? 'setup-wizard__step setup-wizard__step--current' : 'setup-wizard__step'} aria-current={s === current ? 'step' : undefined}>
          <span className="setup-wizard__step-number" aria-hidden="true">
            {index + 1}
          </span>
          {t(`steps.${s}`)}
          {s === current ? <span className="visually-hidden"> ({t('steps.current')})</span> : null}
        </li>
      ))}
    </ol>
  );
}
