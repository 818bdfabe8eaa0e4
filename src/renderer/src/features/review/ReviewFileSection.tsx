import { useTranslation } from 'react-i18next';
import { REVIEW_FILE_MAX_BYTES } from '@shared/review-types';
import { Button, CheckboxField, Notice, Section, Spinner } from '../../components';
import { useErrorText } from '../../i18n/error-text';
import { startDownload } from '../../download';
import { withReadableLimit } from './format';
import { OpenFileButton } from './OpenFileButton';
import { ReviewComparison } from './ReviewComparison';
import { useReviewStore } from './review-store';

/** Export the review as a file (no secrets), and open one read-only beside this computer's setup. */
export function ReviewFileSection() {
  const { t, i18n } = useTranslation('review');
  const errorText = useErrorText({ ns: 'review' });
  const busy = useReviewStore((s) => s.fileBusy);
  const error = useReviewStore((s) => s.fileError);
  const notice = useReviewStore((s) => s.fileNotice);
  const includeEmails = useReviewStore((s) => s.includeEmails);
  const imported = useReviewStore((s) => s.imported);
  const { setIncludeEmails, exportReview, importReview, setFileError } = useReviewStore.getState();

  return (
    <Section title={t('file.title')} className="review-file">
      <p>{t('file.intro')}</p>
      <CheckboxField label={t('file.includeEmails')} hint={t('file.includeEmailsHint')} checked={includeEmails} onChange={(e) => setIncludeEmails(e.target.checked)} />
      <div className="actions">
        <Button
          variant="primary"
          busy={busy === 'export'}
          disabled={busy === 'import'}
          onClick={() =>
            void exportReview().then((outcome) => {
              if (outcome?.status === 'download') startDownload(outcome.url);
            })
          }
        >
          {t('file.export')}
        </Button>
        <OpenFileButton
          label={t('file.open')}
          accept=".json,application/json"
          maxBytes={REVIEW_FILE_MAX_BYTES}
          busy={busy === 'import'}
          disabled={busy === 'export'}
          onSource={(source) => void importReview(source)}
          onTooLarge={() => setFileError({ code: 'file_too_large', message: '', details: { maxBytes: REVIEW_FILE_MAX_BYTES } })}
        />
      </div>
      {busy === 'import' ? <Spinner label={t('file.opening')} /> : null}
      {error ? <Notice tone="error">{errorText(withReadableLimit(error, i18n.language))}</Notice> : null}
      {notice?.kind === 'cancelled' ? <Notice tone="info">{t('file.cancelled')}</Notice> : null}
      {notice?.kind === 'exported' ? (
        <Notice tone="success">
          <span className="review-path">{notice.outcome.status === 'saved' ? t('file.saved', { path: notice.outcome.path }) : t('file.downloaded')}</span>
        </Notice>
      ) : null}
      {imported ? <ReviewComparison imported={imported} /> : null}
    </Section>
  );
}
