import { useTranslation } from 'react-i18next';
import type { Readiness } from '@shared/review-types';
import { api } from '../../api';
import { Button, Notice, Section, Spinner, StatusBadge } from '../../components';
import { useErrorText } from '../../i18n/error-text';
import { formatDateTime } from './format';
import { ReadinessList, VerdictBadge } from './ReadinessList';
import { useReviewStore } from './review-store';

/** The overall verdict and the AFAS advice, shown first and never folded away. */
export function ReadinessSummary({ readiness }: { readiness: Readiness }) {
  const { t, i18n } = useTranslation('review');
  return (
    <>
      <p className="review-overall" data-verdict={readiness.verdict}>
        <span className="review-overall__label">{t('readiness.overallLabel')}</span> <VerdictBadge verdict={readiness.verdict} />{' '}
        <span>{t(`readiness.overall.${readiness.verdict}`)}</span>
      </p>
      <p className="field__hint">{t('readiness.checkedAt', { time: formatDateTime(readiness.checkedAt, i18n.language) })}</p>
    </>
  );
}

/** Per-profile and installation-wide checks with their verdicts. */
export function ReadinessDetails({ readiness, withFixes = true }: { readiness: Readiness; withFixes?: boolean }) {
  const { t } = useTranslation('review');
  const now = readiness.checkedAt;
  return (
    <div className="stack">
      {readiness.profiles.length === 0 ? <p>{t('readiness.noProfiles')}</p> : null}
      {readiness.profiles.map((profile) => {
        const subject = t('readiness.profile', { participantNumber: profile.participantNumber, description: profile.description });
        return (
          <section key={profile.profileId} className="review-profile" aria-label={subject} data-profile={profile.participantNumber}>
            <h3 className="review-profile__title">
              {subject} <VerdictBadge verdict={profile.verdict} />{' '}
              {profile.sandbox ? <StatusBadge tone="info">{t('readiness.sandboxBadge')}</StatusBadge> : null}
            </h3>
            {profile.sandbox ? <p className="field__hint">{t('readiness.sandboxNever')}</p> : null}
            <ReadinessList items={profile.items} subject={subject} now={now} withFixes={withFixes} />
          </section>
        );
      })}
      <section className="review-profile" aria-label={t('readiness.general')}>
        <h3 className="review-profile__title">{t('readiness.general')}</h3>
        <ReadinessList items={readiness.general} subject={t('readiness.general')} now={now} withFixes={withFixes} />
      </section>
    </div>
  );
}

/** AFAS's own advice about SMS login: part of the review, not a footnote. */
export function AfasAdvice({ withLinks = true }: { withLinks?: boolean }) {
  const { t } = useTranslation('review');
  return (
    <Notice tone="warning" role="note" title={t('readiness.afasAdviceTitle')}>
      <p>{t('readiness.afasAdvice')}</p>
      {withLinks ? (
        <div className="row">
          <Button variant="link" onClick={() => void api.openExternal({ target: 'afas_pocket' })}>
            {t('readiness.pocketLink')}
          </Button>
          <Button variant="link" onClick={() => void api.openExternal({ target: 'nist_sms' })}>
            {t('readiness.nistLink')}
          </Button>
        </div>
      ) : null}
    </Notice>
  );
}

/** Readiness: the overall verdict at the top, then each profile's checklist with a way to fix each item. */
export function ReadinessSection() {
  const { t } = useTranslation('review');
  const errorText = useErrorText({ ns: 'review' });
  const readiness = useReviewStore((s) => s.readiness);
  const loadReadiness = useReviewStore((s) => s.loadReadiness);
  return (
    <Section title={t('readiness.title')} className="review-readiness">
      {readiness.value ? <ReadinessSummary readiness={readiness.value} /> : null}
      {readiness.status === 'loading' && !readiness.value ? <Spinner label={t('loading')} /> : null}
      {readiness.error ? <Notice tone="error">{errorText(readiness.error)}</Notice> : null}
      <AfasAdvice />
      {readiness.value ? <ReadinessDetails readiness={readiness.value} /> : null}
      <div className="actions">
        <Button onClick={() => void loadReadiness()} busy={readiness.status === 'loading'}>
          {t('readiness.refresh')}
        </Button>
      </div>
    </Section>
  );
}
