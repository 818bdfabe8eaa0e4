import { useEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { PdfOutcome } from '@shared/contract/review';
import type { AppError } from '@shared/result';
import { api } from '../../api';
import { useAppStore } from '../../app/app-store';
import { Button, Notice, SelectField } from '../../components';
import { useErrorText } from '../../i18n/error-text';
import { CostHistoryChart, CostHistoryTable } from './CostHistoryChart';
import { CostSplitTable, EstimateFacts } from './CostSection';
import { EligibilityCounts } from './EligibilitySection';
import { formatDateTime } from './format';
import { AfasAdvice, ReadinessDetails, ReadinessSummary } from './ReadinessSection';
import { reportI18n } from './report-i18n';
import { useReviewStore } from './review-store';

/** The report itself: the review's content without buttons, in the language of the i18n instance around it. */
function ReportBody() {
  const { t, i18n } = useTranslation('review');
  const version = useAppStore((s) => s.info?.version ?? '');
  const readiness = useReviewStore((s) => s.readiness.value);
  const list = useReviewStore((s) => s.list.value);
  const estimate = useReviewStore((s) => s.estimate.value);
  const history = useReviewStore((s) => s.history.value);
  const [madeAt] = useState(() => Date.now());
  return (
    <article className="review-report" lang={i18n.language}>
      <h1 className="page__title" tabIndex={-1}>
        {t('report.heading')}
      </h1>
      <p>{t('report.generated', { time: formatDateTime(madeAt, i18n.language), version })}</p>
      <p>{t('report.truth')}</p>
      <h2>{t('readiness.title')}</h2>
      {readiness ? <ReadinessSummary readiness={readiness} /> : null}
      <AfasAdvice withLinks={false} />
      {readiness ? <ReadinessDetails readiness={readiness} withFixes={false} /> : null}
      <h2>{t('report.eligibility')}</h2>
      {list?.mappingComplete ? (
        <>
          <p>{list.fileName}</p>
          <EligibilityCounts list={list} />
        </>
      ) : (
        <p>{t('report.noList')}</p>
      )}
      <h2>{t('cost.title')}</h2>
      {estimate ? <EstimateFacts estimate={estimate} /> : null}
      <h3>{t('cost.splitTitle')}</h3>
      <CostSplitTable />
      <h3>{t('cost.historyTitle')}</h3>
      <p>{t('cost.historyIntro')}</p>
      {history && history.months.length > 0 ? (
        <>
          <CostHistoryChart history={history} />
          <CostHistoryTable history={history} />
        </>
      ) : (
        <p>{t('cost.historyEmpty')}</p>
      )}
    </article>
  );
}

/**
 * The printable report: the desktop app saves it as PDF through main (print-to-PDF with a save dialog);
 * the browser host shows it print-ready and opens the browser's print dialog. The print style sheet
 * hides the app's frame and this toolbar.
 */
export function ReportView({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation('review');
  const errorText = useErrorText({ ns: 'review' });
  const inBrowser = useAppStore((s) => s.info?.host === 'browser');
  const [language, setLanguage] = useState<'nl' | 'en'>(i18n.language.startsWith('nl') ? 'nl' : 'en');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PdfOutcome>();
  const [error, setError] = useState<AppError>();
  const i18nForReport = useMemo(() => reportI18n(language), [language]);

  // The report replaces the page: its heading takes focus, as after a navigation.
  useEffect(() => {
    document.querySelector<HTMLElement>('.review-report h1')?.focus();
  }, []);

  useEffect(() => {
    document.documentElement.classList.add('printing-review');
    return () => document.documentElement.classList.remove('printing-review');
  }, []);

  async function savePdf() {
    setBusy(true);
    setError(undefined);
    setOutcome(undefined);
    const result = await api.saveReportPdf();
    setBusy(false);
    if (result.ok) setOutcome(result.value);
    else if (result.error.code === 'not_available_in_browser') window.print();
    else setError(result.error);
  }

  return (
    <div className="page review-report-page">
      <div className="review-report__toolbar stack">
        <div className="row">
          <SelectField
            label={t('report.language')}
            value={language}
            options={[
              { value: 'nl', label: 'Nederlands' },
              { value: 'en', label: 'English' },
            ]}
            onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'nl')}
          />
        </div>
        <div className="actions">
          {inBrowser ? (
            <Button variant="primary" onClick={() => window.print()}>
              {t('report.print')}
            </Button>
          ) : (
            <Button variant="primary" busy={busy} onClick={() => void savePdf()}>
              {t('report.pdf')}
            </Button>
          )}
          <Button onClick={onClose}>{t('report.back')}</Button>
        </div>
        {outcome?.status === 'saved' ? (
          <Notice tone="success">
            <span className="review-path">{t('report.saved', { path: outcome.path })}</span>
          </Notice>
        ) : null}
        {outcome?.status === 'cancelled' ? <Notice tone="info">{t('report.cancelled')}</Notice> : null}
        {error ? <Notice tone="error">{errorText(error)}</Notice> : null}
      </div>
      <I18nextProvider i18n={i18nForReport}>
        <ReportBody />
      </I18nextProvider>
    </div>
  );
}
