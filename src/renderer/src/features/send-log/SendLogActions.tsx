import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog, Notice, Section, Spinner, TextField } from '../../components';
import { startDownload } from '../../download';
import { useErrorText } from '../../i18n/error-text';
import { MAX_RETENTION_DAYS } from '@shared/send-log-types';
import { formatNumber, formatTime } from './format';
import { useSendLogStore } from './send-log-store';

/** CSV export of the current filter: the native save dialog in Electron, a download in the browser host. */
export function ExportSection() {
  const { t, i18n } = useTranslation('sendLog');
  const errorText = useErrorText({ ns: 'sendLog' });
  const busy = useSendLogStore((s) => s.busy);
  const notice = useSendLogStore((s) => s.notice);
  const error = useSendLogStore((s) => (s.errorArea === 'export' ? s.actionError : undefined));
  const exportCsv = useSendLogStore((s) => s.exportCsv);
  const waiting = busy !== undefined && busy !== 'export';
  const whyId = useId();

  const onExport = async () => {
    const outcome = await exportCsv();
    if (outcome?.status === 'download') startDownload(outcome.url);
  };

  let message: string | undefined;
  if (notice?.kind === 'exportCancelled') message = t('export.cancelled');
  if (notice?.kind === 'exported') {
    const rows = notice.outcome.rows;
    const formatted = formatNumber(rows, i18n.language);
    message =
      notice.outcome.status === 'saved'
        ? t('export.saved', { count: rows, formatted, path: notice.outcome.path })
        : t('export.downloaded', { count: rows, formatted });
  }

  return (
    <Section title={t('export.title')}>
      <p>{t('export.hint')}</p>
      <div className="actions">
        <Button onClick={() => void onExport()} busy={busy === 'export'} disabled={waiting} aria-describedby={waiting ? whyId : undefined}>
          {t('export.button')}
        </Button>
      </div>
      {waiting ? (
        <p className="field__hint" id={whyId}>
          {t('retention.busyWhy')}
        </p>
      ) : null}
      {message ? (
        <Notice tone={notice?.kind === 'exportCancelled' ? 'info' : 'success'}>
          <span className="send-log__path">{message}</span>
        </Notice>
      ) : null}
      {error ? <Notice tone="error">{errorText(error)}</Notice> : null}
    </Section>
  );
}

/** Retention days and row count, changing the retention, purging now and clearing the whole log. */
export function RetentionSection() {
  const { t, i18n } = useTranslation(['sendLog', 'common']);
  const language = i18n.language;
  const errorText = useErrorText({ ns: 'sendLog' });
  const info = useSendLogStore((s) => s.info);
  const busy = useSendLogStore((s) => s.busy);
  const notice = useSendLogStore((s) => s.notice);
  const plan = useSendLogStore((s) => s.plan);
  const error = useSendLogStore((s) => (s.errorArea === 'retention' ? s.actionError : undefined));
  const { planDeletion, cancelPlan, confirmPlan, clear } = useSendLogStore.getState();
  // Undefined until edited: the field shows the stored value, also after it reloads.
  const [edited, setDays] = useState<string | undefined>();
  const days = edited ?? (info ? String(info.retentionDays) : '');
  const [daysError, setDaysError] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);

  const parsedDays = /^\d{1,5}$/.test(days.trim()) ? Number(days.trim()) : NaN;
  const onChangeRetention = () => {
    if (!Number.isInteger(parsedDays) || parsedDays < 1 || parsedDays > MAX_RETENTION_DAYS) {
      setDaysError(true);
      return;
    }
    setDaysError(false);
    void planDeletion('retention', parsedDays);
  };

  let message: string | undefined;
  if (notice && (notice.kind === 'purged' || notice.kind === 'retentionSet' || notice.kind === 'cleared')) {
    const formatted = formatNumber(notice.deleted, language);
    message =
      notice.kind === 'cleared'
        ? t('retention.cleared', { count: notice.deleted, formatted })
        : t(notice.kind === 'purged' ? 'retention.purged' : 'retention.retentionSet', { count: notice.deleted, formatted, days: notice.days });
  }

  const planBody = () => {
    if (!plan) return null;
    const formatted = plan.count === undefined ? '' : formatNumber(plan.count, language);
    if (plan.kind === 'purge') {
      return plan.count === undefined
        ? t('retention.purgeBodyUnknown', { days: plan.days })
        : t('retention.purgeBody', { count: plan.count, formatted, days: plan.days });
    }
    if (plan.count === 0) return t('retention.retentionBodyNone', { days: plan.days });
    return plan.count === undefined
      ? t('retention.purgeBodyUnknown', { days: plan.days })
      : t('retention.retentionBody', { count: plan.count, formatted, days: plan.days });
  };

  const rows = info?.rows ?? 0;
  const anyBusy = busy !== undefined;
  // A disabled button says why: one line under the buttons, tied to each by aria-describedby.
  const whyId = useId();
  const why = anyBusy ? t('retention.busyWhy') : !info ? t('retention.loadingWhy') : undefined;
  return (
    <Section title={t('retention.title')}>
      {info ? (
        <div>
          <p data-testid="send-log-info">{t('retention.summary', { count: info.rows, formatted: formatNumber(info.rows, language), days: info.retentionDays })}</p>
          {info.oldestCreatedAt !== null ? <p className="field__hint">{t('retention.oldest', { time: formatTime(info.oldestCreatedAt, language) })}</p> : null}
          {info.cleared[0] ? (
            <p data-testid="send-log-cleared">
              {t('retention.lastCleared', {
                count: info.cleared[0].rows,
                formatted: formatNumber(info.cleared[0].rows, language),
                time: formatTime(info.cleared[0].at, language),
              })}
            </p>
          ) : null}
        </div>
      ) : error ? null : (
        <Spinner label={t('retention.loading')} />
      )}
      <div className="row">
        <TextField
          className="send-log__days"
          label={t('retention.days')}
          hint={t('retention.daysHint', { max: MAX_RETENTION_DAYS })}
          error={daysError ? t('retention.daysInvalid', { max: MAX_RETENTION_DAYS }) : undefined}
          inputMode="numeric"
          value={days}
          onChange={(e) => setDays(e.target.value)}
        />
      </div>
      <div className="actions">
        <Button
          onClick={onChangeRetention}
          busy={busy === 'retention' || (busy === 'plan' && plan === undefined)}
          disabled={anyBusy || !info}
          aria-describedby={why ? whyId : undefined}
        >
          {t('retention.change')}
        </Button>
        <Button onClick={() => info && void planDeletion('purge', info.retentionDays)} disabled={anyBusy || !info} aria-describedby={why ? whyId : undefined}>
          {t('retention.purge')}
        </Button>
        <Button variant="danger" onClick={() => setConfirmClear(true)} disabled={anyBusy} aria-describedby={anyBusy ? whyId : undefined}>
          {t('retention.clear')}
        </Button>
      </div>
      {why ? (
        <p className="field__hint" id={whyId}>
          {why}
        </p>
      ) : null}
      {message ? <Notice tone="success">{message}</Notice> : null}
      {error ? <Notice tone="error">{errorText(error)}</Notice> : null}

      <ConfirmDialog
        open={plan !== undefined}
        tone="danger"
        title={plan?.kind === 'retention' ? t('retention.retentionTitle', { days: plan.days }) : t('retention.purgeTitle')}
        confirmLabel={plan?.kind === 'retention' ? t('retention.retentionConfirm') : t('retention.purgeConfirm')}
        busy={busy === 'purge' || busy === 'retention'}
        onCancel={cancelPlan}
        onConfirm={() => void confirmPlan()}
      >
        <p>{planBody()}</p>
        {plan?.count !== 0 ? <p>{t('retention.cannotUndo')}</p> : null}
      </ConfirmDialog>

      <ConfirmDialog
        open={confirmClear}
        tone="danger"
        title={t('retention.clearTitle')}
        confirmLabel={t('retention.clearConfirm')}
        busy={busy === 'clear'}
        onCancel={() => setConfirmClear(false)}
        onConfirm={() => {
          void clear().then(() => setConfirmClear(false));
        }}
      >
        <p>{t('retention.clearBody', { count: rows, formatted: formatNumber(rows, language) })}</p>
        <p>{t('retention.cannotUndo')}</p>
      </ConfirmDialog>
    </Section>
  );
}
