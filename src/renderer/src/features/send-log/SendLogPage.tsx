import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Notice, Page, Section } from '../../components';
import { useErrorText } from '../../i18n/error-text';
import { RowDetailDialog } from './RowDetailDialog';
import { ExportSection, RetentionSection } from './SendLogActions';
import { SendLogFilters } from './SendLogFilters';
import { SendLogTable } from './SendLogTable';
import { SendLogTotals } from './SendLogTotals';
import { useSendLogStore } from './send-log-store';
import './send-log.css';

/**
 * The send log: every SMS the app sent, filtered and totalled, in a virtual table that stays
 * smooth at a million rows; row details, CSV export, retention and clearing.
 */
export function SendLogPage() {
  const { t } = useTranslation(['sendLog', 'common']);
  const errorText = useErrorText({ ns: 'sendLog' });
  const status = useSendLogStore((s) => s.status);
  const totals = useSendLogStore((s) => s.totals);
  const loadError = useSendLogStore((s) => s.loadError);
  const filter = useSendLogStore((s) => s.filter);
  const profiles = useSendLogStore((s) => s.profiles);
  const tableKey = useSendLogStore((s) => s.tableKey);
  const failed = useSendLogStore((s) => s.cache.hasFailed);

  useEffect(() => {
    const { reload, loadInfo, loadProfiles, stop } = useSendLogStore.getState();
    void reload();
    void loadInfo();
    void loadProfiles();
    return stop;
  }, []);

  const profileNames = useMemo(() => new Map(profiles.map((p) => [p.id, p.label])), [profiles]);
  const filtered = Object.keys(filter).length > 0;
  const empty = status === 'ready' && totals !== undefined && totals.count === 0;

  return (
    <Page title={t('title')} intro={t('intro')} className="send-log">
      <Section title={t('filters.title')}>
        <SendLogFilters />
      </Section>

      <section className="send-log__results" aria-label={t('table.label')}>
        <div className="send-log__results-bar">
          <SendLogTotals />
          <Button onClick={() => void useSendLogStore.getState().reload()} busy={status === 'loading'}>
            {t('table.refresh')}
          </Button>
        </div>
        <p className="field__hint" id="send-log-keyboard-hint">
          {t('table.keyboardHint')} {t('table.following')}
        </p>
        {status === 'error' && loadError ? (
          <Notice tone="error" title={t('table.loadFailed')}>
            {errorText(loadError)}
          </Notice>
        ) : null}
        {failed ? <Notice tone="warning">{t('table.pageFailed')}</Notice> : null}
        <SendLogTable key={tableKey} profileNames={profileNames} />
        {empty ? (
          <Notice tone="info" role="status">
            {filtered ? t('table.empty') : t('table.emptyLog')}
          </Notice>
        ) : null}
      </section>

      <ExportSection />
      <RetentionSection />
      <RowDetailDialog profileNames={profileNames} />
    </Page>
  );
}
