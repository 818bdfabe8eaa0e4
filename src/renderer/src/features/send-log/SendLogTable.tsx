import { defaultRangeExtractor, useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../../components';
import { SANDBOX_PROFILE_ID } from '@shared/contract/test-send';
import type { SendLogRow } from '@shared/send-log-types';
import { formatMoney, formatNumber, formatTime, OPEN_STATUSES, statusTone } from './format';
import { PAGE_SIZE } from './page-cache';
import { AUTO_REFRESH_MS, tableRowCount, useSendLogStore } from './send-log-store';
import { scrollHeight, scrollRatio, scrollTopToReveal } from './virtual-scale';

/** Fixed row height: every row's position is known without measuring, at any depth. */
export const ROW_HEIGHT = 40;
/** The sticky header row; the rows' viewport is the scroll area minus this. */
export const HEADER_HEIGHT = 40;
/** Rows rendered above and below the visible ones, so a short scroll shows no gap. */
const OVERSCAN = 6;

/**
 * Columns in order. When the window is narrow, send-log.css hides the lower-priority ones (message ID
 * first, then sender and country, then purpose and parts); time, participant, recipient, the whole
 * status badge, cost and mode always stay. The row's details show every field.
 */
const COLUMNS = ['time', 'profile', 'purpose', 'recipient', 'country', 'sender', 'status', 'parts', 'cost', 'mode', 'messageId'] as const;

/** Why a row cost nothing, or undefined when it may have been charged. */
export function freeReason(row: SendLogRow): 'sandbox' | 'test' | 'failed' | undefined {
  if (row.mode === 'sandbox') return 'sandbox';
  if (row.mode === 'test') return 'test';
  if (row.status === 'failed') return 'failed';
  return undefined;
}

const rowDomId = (index: number) => `send-log-row-${index}`;

export interface SendLogTableProps {
  /** Profile id → how the admin named it, for the participant column's tooltip. */
  profileNames: ReadonlyMap<string, string>;
}

/**
 * The send log as an ARIA grid over a virtual list: only the rows in view (plus a few) are in the
 * DOM, pages come from `queryLog` as the admin scrolls, and the focused row moves with the arrow keys,
 * Page Up/Down, Home and End; Enter opens its details.
 */
export function SendLogTable({ profileNames }: SendLogTableProps) {
  const { t, i18n } = useTranslation('sendLog');
  const language = i18n.language;
  const cache = useSendLogStore((s) => s.cache);
  // Read so a page arriving re-renders the table; the rows themselves come from the cache.
  const version = useSendLogStore((s) => s.version);
  const totals = useSendLogStore((s) => s.totals);
  const openDetail = useSendLogStore((s) => s.openDetail);
  const refresh = useSendLogStore((s) => s.refresh);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` says when the cache changed
  const count = useMemo(() => tableRowCount(totals, cache), [totals, cache, version]);
  const exactCount = cache.knownEnd !== undefined || !totals?.capped;

  const scrollRef = useRef<HTMLDivElement>(null);
  const viewportRef = useRef(0);
  const notifyOffset = useRef<(() => void) | null>(null);
  const [active, setActive] = useState(0);
  const focusActive = useRef(false);
  const current = Math.min(active, Math.max(0, count - 1));

  const rangeExtractor = useCallback(
    // The focused row stays rendered even when scrolled away, so focus is never lost to the page.
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (range.count > 0 && !indexes.includes(current)) indexes.push(current);
      return indexes.sort((a, b) => a - b);
    },
    [current],
  );

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read fresh each render
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    rangeExtractor,
    observeElementRect: observeRowsViewport(viewportRef),
    observeElementOffset: (instance, cb) => observeScaledOffset(instance, cb, viewportRef, notifyOffset),
    scrollToFn: (offset, _options, instance) => {
      const element = instance.scrollElement;
      const ratio = scrollRatio(instance.options.count * ROW_HEIGHT, viewportRef.current);
      if (element) element.scrollTop = offset / ratio;
    },
  });

  const virtualSize = count * ROW_HEIGHT;
  const viewport = virtualizer.scrollRect?.height ?? 0;
  const ratio = scrollRatio(virtualSize, viewport);
  const offset = virtualizer.scrollOffset ?? 0;
  // Where the table's pixel 0 sits inside the (possibly shorter) scroll area.
  const shift = offset - offset / ratio;

  // A new row count changes the scale: re-read the scroll position in table pixels.
  useLayoutEffect(() => notifyOffset.current?.(), [ratio]);

  // getVirtualItems() computes `range`; read it after, or it is the previous render's.
  const items = virtualizer.getVirtualItems();
  const range = virtualizer.range;
  const first = range ? Math.max(0, range.startIndex - OVERSCAN) : 0;
  const last = range ? Math.min(count - 1, range.endIndex + OVERSCAN) : -1;
  // The focused row's page too: after End it is the row the admin looks at, even before the scroll lands.
  const focusedRow = count > 0 ? current : undefined;
  useEffect(() => cache.ensure(first, last, focusedRow), [cache, first, last, focusedRow]);

  // Rows whose status may still change: refresh their pages every few seconds, one request at a time,
  // only while the page is visible.
  const visibleRows: SendLogRow[] = [];
  for (let i = first; i <= last; i += 1) {
    const row = cache.row(i);
    if (row) visibleRows.push(row);
  }
  const hasOpen = visibleRows.some((row) => OPEN_STATUSES.includes(row.status));
  const pagesRef = useRef<number[]>([]);
  useEffect(() => {
    const pages: number[] = [];
    for (let k = Math.floor(first / PAGE_SIZE); k <= Math.floor(Math.max(first, last) / PAGE_SIZE); k += 1) pages.push(k);
    pagesRef.current = pages;
  }, [first, last]);
  useEffect(() => {
    if (!hasOpen) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      if (document.visibilityState !== 'hidden') await refresh(pagesRef.current);
      if (!stopped) timer = setTimeout(tick, AUTO_REFRESH_MS);
    };
    timer = setTimeout(tick, AUTO_REFRESH_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [hasOpen, refresh]);

  useEffect(() => {
    if (!focusActive.current) return;
    focusActive.current = false;
    document.getElementById(rowDomId(current))?.focus({ preventScroll: true });
  }, [current]);

  const moveTo = (index: number) => {
    const target = Math.max(0, Math.min(count - 1, index));
    const element = scrollRef.current;
    if (element) {
      const top = scrollTopToReveal(target * ROW_HEIGHT, ROW_HEIGHT, viewportRef.current, element.scrollTop, ratio);
      if (top !== null) element.scrollTop = top;
    }
    focusActive.current = true;
    setActive(target);
    if (target === current) document.getElementById(rowDomId(current))?.focus({ preventScroll: true });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (count === 0) return;
    const pageRows = Math.max(1, Math.floor(viewportRef.current / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + pageRows,
      PageUp: current - pageRows,
      Home: 0,
      End: count - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]!);
    } else if (event.key === 'Enter' || event.key === ' ') {
      const row = cache.row(current);
      if (row) {
        event.preventDefault();
        void openDetail(row);
      }
    }
  };

  const colCount = COLUMNS.length;
  const areaHeight = scrollHeight(virtualSize);

  return (
    <div className="send-log__scroll" ref={scrollRef} data-testid="send-log-scroll">
      <div
        className="send-log__grid"
        role="grid"
        aria-label={t('table.label')}
        aria-rowcount={exactCount ? count + 1 : -1}
        aria-colcount={colCount}
        aria-describedby="send-log-keyboard-hint"
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup" className="send-log__head" style={{ height: HEADER_HEIGHT }}>
          <div role="row" aria-rowindex={1} className="send-log__row send-log__row--head">
            {COLUMNS.map((column, c) => (
              <div key={column} role="columnheader" aria-colindex={c + 1} className={`send-log__cell send-log__cell--${column}`}>
                {t(`table.${column}`)}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="send-log__body" style={{ height: areaHeight }}>
          {items.map((item) => {
            const row = cache.row(item.index);
            // Clamped so the focused row, kept rendered while far away, never stretches the scroll area.
            const top = Math.max(0, Math.min(areaHeight - ROW_HEIGHT, item.start - shift));
            const isActive = item.index === current;
            return (
              <div
                key={item.key}
                id={rowDomId(item.index)}
                role="row"
                aria-rowindex={item.index + 2}
                tabIndex={isActive ? 0 : -1}
                className={['send-log__row', isActive ? 'send-log__row--active' : '', row ? `send-log__row--${row.mode}` : 'send-log__row--loading'].filter(Boolean).join(' ')}
                data-mode={row?.mode}
                style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
                onClick={() => {
                  setActive(item.index);
                  if (row) void openDetail(row);
                }}
                onFocus={() => {
                  if (!isActive) setActive(item.index);
                }}
              >
                {row ? (
                  <RowCells row={row} language={language} profileNames={profileNames} />
                ) : (
                  <div role="gridcell" aria-colindex={1} aria-colspan={colCount} className="send-log__cell send-log__cell--loading">
                    {t('table.loadingRow')}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function RowCells({ row, language, profileNames }: { row: SendLogRow; language: string; profileNames: ReadonlyMap<string, string> }) {
  const { t } = useTranslation('sendLog');
  const sandbox = row.profileId === SANDBOX_PROFILE_ID;
  const cells: Record<(typeof COLUMNS)[number], React.ReactNode> = {
    time: formatTime(row.createdAt, language),
    profile: <span title={profileNames.get(row.profileId)}>{sandbox ? t('filters.sandbox') : row.participantNumber}</span>,
    purpose: t(`purpose.${row.purpose}`),
    recipient: <span className="mono">{row.recipientMasked}</span>,
    country: row.country,
    sender: row.originator,
    status: <StatusBadge tone={statusTone(row.status)}>{t(`status.${row.status}`)}</StatusBadge>,
    parts: formatNumber(row.parts, language),
    cost: <Cost row={row} language={language} />,
    mode: <span className={`send-log__mode send-log__mode--${row.mode}`}>{t(`mode.${row.mode}`)}</span>,
    messageId: row.messagebirdId ? (
      <span className="mono" title={row.messagebirdId}>
        {row.messagebirdId}
      </span>
    ) : (
      <span aria-label={t('detail.notKnown')}>{t('table.none')}</span>
    ),
  };
  return (
    <>
      {COLUMNS.map((column, c) => (
        <div key={column} role="gridcell" aria-colindex={c + 1} className={`send-log__cell send-log__cell--${column}`}>
          {cells[column]}
        </div>
      ))}
    </>
  );
}

/**
 * MessageBird's price, or the app's estimate marked `≈` (and "estimate" in words for screen readers);
 * "free" with its reason for Sandbox, test-key and never-sent rows.
 */
export function Cost({ row, language }: { row: SendLogRow; language: string }) {
  const { t } = useTranslation('sendLog');
  const free = freeReason(row);
  if (free) {
    return (
      <span className="send-log__free" title={t(`table.freeReason.${free}`)}>
        {t('table.free')}
        <span className="visually-hidden"> ({t(`table.freeReason.${free}`)})</span>
      </span>
    );
  }
  if (row.priceAmount === null || !row.priceCurrency) return <span aria-label={t('detail.notKnown')}>{t('table.none')}</span>;
  const price = formatMoney(row.priceAmount, row.priceCurrency, language);
  if (!row.priceIsEstimate) return <>{price}</>;
  return (
    <span title={t('table.estimate')}>
      <span aria-hidden="true">≈ </span>
      {price}
      <span className="visually-hidden"> ({t('table.estimate')})</span>
    </span>
  );
}

type OffsetCallback = (offset: number, isScrolling: boolean) => void;

/** The rows' viewport: the scroll area's height minus the sticky header. */
function observeRowsViewport(viewportRef: { current: number }) {
  return (instance: Virtualizer<HTMLDivElement, HTMLDivElement>, cb: (rect: { width: number; height: number }) => void) => {
    const element = instance.scrollElement;
    if (!element) return;
    const report = () => {
      const height = Math.max(0, element.clientHeight - HEADER_HEIGHT);
      viewportRef.current = height;
      cb({ width: element.clientWidth, height });
    };
    report();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(report);
    observer.observe(element);
    return () => observer.disconnect();
  };
}

/** Reports the scroll position in table pixels (scaled, see virtual-scale.ts) to the virtualizer. */
function observeScaledOffset(
  instance: Virtualizer<HTMLDivElement, HTMLDivElement>,
  cb: OffsetCallback,
  viewportRef: { current: number },
  notify: { current: (() => void) | null },
) {
  const element = instance.scrollElement;
  if (!element) return;
  const report = (isScrolling: boolean) => {
    const ratio = scrollRatio(instance.options.count * ROW_HEIGHT, viewportRef.current);
    cb(element.scrollTop * ratio, isScrolling);
  };
  const onScroll = () => report(false);
  notify.current = () => report(false);
  report(false);
  element.addEventListener('scroll', onScroll, { passive: true });
  return () => {
    element.removeEventListener('scroll', onScroll);
    notify.current = null;
  };
}
