import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EligibilityRow, EligibilityStatus } from '@shared/review-types';
import { api } from '../../api';
import { Notice, StatusBadge, type Tone } from '../../components';
import { useErrorText } from '../../i18n/error-text';
import type { AppError } from '@shared/result';
import { eligibilityReason } from './eligibility-text';
import { formatNumber } from './format';

/** Fixed row height: positions are known without measuring, at 100,000 rows. */
export const ROW_HEIGHT = 36;
const PAGE = 200;
const COLUMNS = ['line', 'email', 'name', 'participantNumbers', 'mobile', 'status', 'reason'] as const;

export const STATUS_TONE: Record<EligibilityStatus, Tone> = {
  eligible: 'success',
  several_participants: 'warning',
  no_active_provider: 'danger',
  no_mobile: 'neutral',
  invalid_mobile: 'danger',
  duplicate: 'neutral',
};

export interface EligibilityTableProps {
  importId: string;
  status?: EligibilityStatus;
  search: string;
}

/**
 * The classified users in a virtual table: only the rows in view are in the DOM, fetched in pages from
 * main as the admin scrolls. Remount it (key) when the list or the filter changes.
 */
export function EligibilityTable({ importId, status, search }: EligibilityTableProps) {
  const { t, i18n } = useTranslation('review');
  const errorText = useErrorText({ ns: 'review' });
  const pages = useRef(new Map<number, EligibilityRow[]>());
  const asked = useRef(new Set<number>());
  const [total, setTotal] = useState<number>();
  const [, setVersion] = useState(0);
  const [error, setError] = useState<AppError>();
  const scrollRef = useRef<HTMLDivElement>(null);

  const fetchPage = useCallback(
    async (page: number) => {
      if (asked.current.has(page)) return;
      asked.current.add(page);
      const result = await api.getEligibilityRows({ importId, offset: page * PAGE, limit: PAGE, ...(status && { status }), ...(search.trim() && { search: search.trim() }) });
      if (result.ok) {
        pages.current.set(page, result.value.rows);
        setTotal(result.value.total);
        setVersion((v) => v + 1);
      } else {
        asked.current.delete(page);
        setError(result.error);
      }
    },
    [importId, status, search],
  );

  useEffect(() => {
    void fetchPage(0);
  }, [fetchPage]);

  const count = total ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read fresh each render
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (last < 0) return;
    for (let page = Math.floor(first / PAGE); page <= Math.floor(last / PAGE); page += 1) void fetchPage(page);
  }, [first, last, fetchPage]);

  const row = (index: number) => pages.current.get(Math.floor(index / PAGE))?.[index % PAGE];

  return (
    <div className="stack">
      {error ? <Notice tone="error">{errorText(error)}</Notice> : null}
      <p className="field__hint" role="status">
        {total === undefined ? t('eligibility.table.loadingRow') : t('eligibility.table.count', { count: total, formatted: formatNumber(total, i18n.language) })}
      </p>
      <div className="review-table__scroll" ref={scrollRef} tabIndex={0} role="region" aria-label={t('eligibility.table.label')}>
        <div className="review-table" role="table" aria-label={t('eligibility.table.label')} aria-rowcount={count + 1}>
          <div role="rowgroup" className="review-table__head">
            <div role="row" aria-rowindex={1} className="review-table__row">
              {COLUMNS.map((column) => (
                <div key={column} role="columnheader" className={`review-table__cell review-table__cell--${column}`}>
                  {t(`eligibility.table.${column}`)}
                </div>
              ))}
            </div>
          </div>
          <div role="rowgroup" className="review-table__body" style={{ height: count * ROW_HEIGHT }}>
            {items.map((item) => {
              const r = row(item.index);
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="review-table__row"
                  data-status={r?.status}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                >
                  {r ? (
                    <>
                      <div role="cell" className="review-table__cell review-table__cell--line">
                        {r.line}
                      </div>
                      <div role="cell" className="review-table__cell review-table__cell--email" title={r.email}>
                        {r.email}
                      </div>
                      <div role="cell" className="review-table__cell review-table__cell--name">
                        {r.name ?? ''}
                      </div>
                      <div role="cell" className="review-table__cell review-table__cell--participantNumbers">
                        {r.participantNumbers.join(', ')}
                      </div>
                      <div role="cell" className="review-table__cell review-table__cell--mobile mono">
                        {r.mobileMasked ?? ''}
                      </div>
                      <div role="cell" className="review-table__cell review-table__cell--status">
                        <StatusBadge tone={STATUS_TONE[r.status]}>{t(`eligibility.status.${r.status}`)}</StatusBadge>
                      </div>
                      <div role="cell" className="review-table__cell review-table__cell--reason" title={eligibilityReason(t, r)}>
                        {eligibilityReason(t, r)}
                      </div>
                    </>
                  ) : (
                    <div role="cell" className="review-table__cell review-table__cell--loading">
                      {t('eligibility.table.loadingRow')}
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {total === 0 ? <Notice tone="info">{t('eligibility.table.empty')}</Notice> : null}
    </div>
  );
}
