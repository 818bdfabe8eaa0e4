import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ELIGIBILITY_STATUSES, SKIPPED_ROWS_SHOWN, USER_LIST_MAX_BYTES, type EligibilityStatus, type UserListImport } from '@shared/review-types';
import { Button, ConfirmDialog, Notice, Section, SelectField, Spinner, StatusBadge, TextField } from '../../components';
import { useErrorText } from '../../i18n/error-text';
import { ColumnMapping } from './ColumnMapping';
import { startDownload } from '../../download';
import { EligibilityTable, STATUS_TONE } from './EligibilityTable';
import { formatDateTime, formatNumber, withReadableLimit } from './format';
import { OpenFileButton } from './OpenFileButton';
import { useReviewStore } from './review-store';

/** Counts per status, in the rule's order. */
export function EligibilityCounts({ list }: { list: UserListImport }) {
  const { t, i18n } = useTranslation('review');
  const { summary } = list;
  return (
    <div className="stack">
      <p>
        {t('eligibility.summary.users', { count: summary.users, formatted: formatNumber(summary.users, i18n.language), rows: formatNumber(summary.rowsRead, i18n.language) })}
        {summary.skippedRows > 0 ? `; ${t('eligibility.summary.skipped', { count: summary.skippedRows, formatted: formatNumber(summary.skippedRows, i18n.language) })}` : ''}
      </p>
      <dl className="facts review-counts" aria-label={t('eligibility.summary.title')}>
        {ELIGIBILITY_STATUSES.map((status) => (
          <div key={status} className="review-counts__pair" data-status={status}>
            <dt>
              <StatusBadge tone={STATUS_TONE[status]}>{t(`eligibility.status.${status}`)}</StatusBadge>
            </dt>
            <dd className="review-counts__count">{formatNumber(summary.counts[status], i18n.language)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function SkippedRows({ list }: { list: UserListImport }) {
  const { t, i18n } = useTranslation('review');
  if (list.summary.skippedRows === 0) return null;
  const more = list.summary.skippedRows - list.skipped.length;
  return (
    <div className="stack">
      <h3>{t('eligibility.skipped.title')}</h3>
      <ul className="list review-skipped">
        {list.skipped.slice(0, SKIPPED_ROWS_SHOWN).map((row) => (
          <li key={`${row.line}-${row.reason}`}>{t('eligibility.skipped.line', { line: row.line, reason: t(`eligibility.skipped.reason.${row.reason}`) })}</li>
        ))}
      </ul>
      {more > 0 ? <p>{t('eligibility.skipped.more', { count: more, formatted: formatNumber(more, i18n.language) })}</p> : null}
    </div>
  );
}

function ListNotices() {
  const { t, i18n } = useTranslation('review');
  const notice = useReviewStore((s) => s.listNotice);
  if (!notice) return null;
  if (notice.kind === 'cancelled') return <Notice tone="info">{t('eligibility.cancelled')}</Notice>;
  if (notice.kind === 'kept') return <Notice tone="success">{t('eligibility.keptNotice')}</Notice>;
  if (notice.kind === 'cleared') return <Notice tone="success">{t('eligibility.cleared')}</Notice>;
  const { outcome } = notice;
  const formatted = formatNumber(outcome.rows, i18n.language);
  return (
    <Notice tone="success">
      <span className="review-path">
        {outcome.status === 'saved' ? t('eligibility.exported', { count: outcome.rows, formatted, path: outcome.path }) : t('eligibility.downloaded', { count: outcome.rows, formatted })}
      </span>
    </Notice>
  );
}

/** The user list: import, columns, counts, the filterable table, rows that could not be read, export, keep, clear. */
export function EligibilitySection() {
  const { t, i18n } = useTranslation(['review', 'common']);
  const errorText = useErrorText({ ns: 'review' });
  const list = useReviewStore((s) => s.list);
  const busy = useReviewStore((s) => s.listBusy);
  const error = useReviewStore((s) => s.listError);
  const statusFilter = useReviewStore((s) => s.statusFilter);
  const search = useReviewStore((s) => s.search);
  const tableKey = useReviewStore((s) => s.tableKey);
  const { importList, setStatusFilter, setSearch, exportList, keepList, clearList, setListError } = useReviewStore.getState();
  const [confirmClear, setConfirmClear] = useState(false);
  const [typed, setTyped] = useState(search);
  const current = list.value ?? null;
  const language = i18n.language.startsWith('nl') ? 'nl' : 'en';

  const statusOptions = [{ value: '', label: t('eligibility.filter.all') }, ...ELIGIBILITY_STATUSES.map((s) => ({ value: s, label: t(`eligibility.status.${s}`) }))];

  return (
    <Section title={t('eligibility.title')} className="review-eligibility">
      <p>{t('eligibility.intro')}</p>
      <div className="actions">
        <OpenFileButton
          label={t('eligibility.import')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxBytes={USER_LIST_MAX_BYTES}
          variant={current ? 'secondary' : 'primary'}
          busy={busy === 'import'}
          disabled={busy !== undefined && busy !== 'import'}
          onSource={(source) => void importList(source)}
          onTooLarge={() => setListError({ code: 'file_too_large', message: '', details: { maxBytes: USER_LIST_MAX_BYTES } })}
        />
      </div>
      {busy === 'import' ? <Spinner label={t('eligibility.importing')} /> : null}
      {error ? <Notice tone="error">{errorText(withReadableLimit(error, i18n.language))}</Notice> : null}
      <ListNotices />
      {list.status === 'loading' && !current ? <Spinner label={t('loading')} /> : null}
      {current ? (
        <div className="stack">
          <p data-testid="user-list-file">
            {t('eligibility.file', { fileName: current.fileName, format: current.format.toUpperCase(), time: formatDateTime(current.importedAt, i18n.language) })}
            {current.delimiter ? `, ${t('eligibility.delimiter', { delimiter: current.delimiter })}` : ''}. {current.kept ? t('eligibility.kept') : t('eligibility.notKept')}
          </p>
          <ColumnMapping key={`${current.importId}-${JSON.stringify(current.mapping)}`} list={current} />
          {current.mappingComplete ? (
            <>
              <h3>{t('eligibility.summary.title')}</h3>
              <EligibilityCounts list={current} />
              <div className="row review-filters">
                <SelectField
                  label={t('eligibility.filter.status')}
                  options={statusOptions}
                  value={statusFilter ?? ''}
                  onChange={(e) => setStatusFilter(e.target.value === '' ? undefined : (e.target.value as EligibilityStatus))}
                />
                <form
                  className="review-filters__search"
                  role="search"
                  onSubmit={(e) => {
                    e.preventDefault();
                    setSearch(typed);
                  }}
                >
                  <TextField label={t('eligibility.filter.search')} hint={t('eligibility.filter.searchHint')} type="search" value={typed} maxLength={100} onChange={(e) => setTyped(e.target.value)} onBlur={() => typed !== search && setSearch(typed)} />
                </form>
              </div>
              <EligibilityTable key={tableKey} importId={current.importId} status={statusFilter} search={search} />
            </>
          ) : null}
          <SkippedRows list={current} />
          <div className="actions">
            <Button
              onClick={() =>
                void exportList(language).then((outcome) => {
                  if (outcome?.status === 'download') startDownload(outcome.url);
                })
              }
              busy={busy === 'export'}
              disabled={!current.mappingComplete || (busy !== undefined && busy !== 'export')}
            >
              {t('eligibility.export')}
            </Button>
            {!current.kept ? (
              <Button onClick={() => void keepList()} busy={busy === 'keep'} disabled={busy !== undefined && busy !== 'keep'}>
                {t('eligibility.keep')}
              </Button>
            ) : null}
            <Button variant="danger" onClick={() => setConfirmClear(true)} disabled={busy !== undefined}>
              {t('eligibility.clear')}
            </Button>
          </div>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirmClear}
        tone="danger"
        title={t('eligibility.clearTitle')}
        confirmLabel={t('eligibility.clear')}
        busy={busy === 'clear'}
        onCancel={() => setConfirmClear(false)}
        onConfirm={() => void clearList().then(() => setConfirmClear(false))}
      >
        <p>{t('eligibility.clearBody')}</p>
      </ConfirmDialog>
    </Section>
  );
}
