import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Notice, StatusBadge, StatusReason } from '../../components';
import { SANDBOX_PROFILE_ID } from '@shared/contract/test-send';
import { formatMoney, formatNumber, formatTime, statusTone } from './format';
import { freeReason } from './SendLogTable';
import { useSendLogStore } from './send-log-store';

/** Statuses where MessageBird's or the gateway's error code means something. */
const FAILURE_STATUSES: ReadonlySet<string> = new Set(['failed', 'delivery_failed', 'expired', 'unknown']);

/**
 * Every stored field of one row, in a modal dialog: Escape or Close shuts it and focus returns to the
 * row it was opened from. Follows the row's status while the table refreshes.
 */
export function RowDetailDialog({ profileNames }: { profileNames: ReadonlyMap<string, string> }) {
  const { t, i18n } = useTranslation('sendLog');
  const language = i18n.language;
  const row = useSendLogStore((s) => s.detail);
  const close = useSendLogStore((s) => s.closeDetail);
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const open = row !== undefined;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.hasAttribute('open')) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      // jsdom has no showModal; the attribute keeps tests meaningful.
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
      closeRef.current?.focus();
    } else if (!open && dialog.hasAttribute('open')) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
      returnTo.current?.focus({ preventScroll: true });
    }
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  };

  const none = t('detail.notKnown');
  const facts: [string, React.ReactNode][] = row
    ? [
        [t('detail.logId'), formatNumber(row.id, language)],
        [t('detail.created'), formatTime(row.createdAt, language)],
        [t('detail.updated'), formatTime(row.updatedAt, language)],
        [t('detail.status'), <StatusBadge tone={statusTone(row.status)}>{t(`status.${row.status}`)}</StatusBadge>],
        [t('detail.statusReason'), row.statusReason ? <StatusReason reason={row.statusReason} /> : none],
        // An error code belongs to a failure; a delivered or waiting message shows none.
        ...(FAILURE_STATUSES.has(row.status) ? [[t('detail.errorCode'), row.errorCode ? <span className="mono">{row.errorCode}</span> : none] as [string, React.ReactNode]] : []),
        [t('detail.profile'), row.profileId === SANDBOX_PROFILE_ID ? t('filters.sandbox') : row.participantNumber],
        [t('detail.profileId'), profileNames.get(row.profileId) ?? <span className="mono">{row.profileId}</span>],
        [t('detail.purpose'), t(`purpose.${row.purpose}`)],
        [t('detail.recipient'), <span className="mono">{row.recipientMasked}</span>],
        [t('detail.recipientHash'), <span className="mono">{row.recipientHash}</span>],
        [t('detail.country'), row.country],
        [t('detail.sender'), row.originator],
        [t('detail.parts'), formatNumber(row.parts, language)],
        [
          t('detail.price'),
          freeReason(row)
            ? t(`detail.priceNone.${freeReason(row)!}`)
            : row.priceAmount === null || !row.priceCurrency
            ? none
            : t(row.priceIsEstimate ? 'detail.priceEstimate' : 'detail.priceReported', {
                price: formatMoney(row.priceAmount, row.priceCurrency, language),
              }),
        ],
        [t('detail.mode'), t(`mode.${row.mode}`)],
        [t('detail.messageId'), row.messagebirdId ? <span className="mono">{row.messagebirdId}</span> : none],
      ]
    : [];

  return (
    <dialog
      ref={ref}
      className="dialog send-log__detail"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onClose={() => {
        if (useSendLogStore.getState().detail) close();
      }}
    >
      {row ? (
        <div className="dialog__content">
          <h2 className="dialog__title" id={titleId}>
            {t('detail.title')}
          </h2>
          {row.status === 'unknown' ? <Notice tone="warning">{t('detail.maybeSent')}</Notice> : null}
          {row.status === 'failed' ? <Notice tone="info">{t('detail.notSent')}</Notice> : null}
          <dl className="facts" data-testid="send-log-detail">
            {facts.map(([label, value]) => (
              <div className="send-log__fact" key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <div className="dialog__actions">
            <Button ref={closeRef} variant="primary" onClick={close}>
              {t('detail.close')}
            </Button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
