import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Page, Section } from '../../components';
import { CostSection } from './CostSection';
import { EligibilitySection } from './EligibilitySection';
import { ReadinessSection } from './ReadinessSection';
import { ReportView } from './ReportView';
import { ReviewFileSection } from './ReviewFileSection';
import { useReviewStore } from './review-store';
import './review.css';
import './review-print.css';

/**
 * The offline review: readiness per profile and overall, which users can log in by SMS, what it costs,
 * the review file and the printable report. It reads only what is on this computer, so it works with
 * the network off and never calls MessageBird.
 */
export function ReviewPage() {
  const { t } = useTranslation('review');
  const [report, setReport] = useState(false);
  const reportButton = useRef<HTMLButtonElement>(null);
  const backFromReport = useRef(false);

  // Back from the report: focus returns to the button that opened it.
  useEffect(() => {
    if (!report && backFromReport.current) reportButton.current?.focus();
  }, [report]);

  useEffect(() => {
    void useReviewStore.getState().loadAll();
  }, []);

  if (report) {
    return (
      <ReportView
        onClose={() => {
          backFromReport.current = true;
          setReport(false);
        }}
      />
    );
  }

  return (
    <Page title={t('title')} intro={t('intro')} className="review">
      <ReadinessSection />
      <EligibilitySection />
      <CostSection />
      <ReviewFileSection />
      <Section title={t('report.title')}>
        <p>{t('report.intro')}</p>
        <div className="actions">
          <Button ref={reportButton} onClick={() => setReport(true)}>
            {t('report.open')}
          </Button>
        </div>
      </Section>
    </Page>
  );
}
