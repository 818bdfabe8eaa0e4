import { vi } from 'vitest';
import type { SmsAdminBridge } from '@shared/contract';
import { ok } from '@shared/result';
import type { SendLogFilter, SendLogPage, SendLogRow, SendLogTotals } from '@shared/send-log-types';

const T0 = Date.UTC(2025, 5, 17, 12, 0, 0);

/**
 * Row `index` of a fake log (0 = newest). Everything is derived from the index, so a test can tell
 * which page a rendered row came from: the MessageBird id is `mb<index>`.
 */
export function fakeRow(index: number, total: number, patch: Partial<SendLogRow> = {}): SendLogRow {
  const id = total - index;
  return {
    id,
    createdAt: T0 - index * 60_000,
    updatedAt: T0 - index * 60_000 + 2_000,
    profileId: 'p1',
    participantNumber: '12345',
    purpose: index % 10 === 0 ? 'test' : 'confirmation',
    recipientMasked: `+31 6 •••• ${String(index % 10_000).padStart(4, '0')}`,
    recipientHash: 'ab'.repeat(16),
    country: 'NL',
    originator: 'Acme',
    messagebirdId: `mb${index}`,
    status: 'delivered',
    statusReason: null,
    errorCode: null,
    parts: 1,
    priceAmount: 0.056,
    priceCurrency: 'EUR',
    priceIsEstimate: index % 2 === 1,
    mode: 'live',
    ...patch,
  };
}

export interface FakeLogOptions {
  total: number;
  totals?: Partial<SendLogTotals>;
  /** Overrides per row index (status, reason …). */
  patch?: (index: number) => Partial<SendLogRow>;
}

/**
 * `queryLog` over a virtual log of `total` rows that never exist all at once (a million rows cost
 * nothing): offset and cursor paging like the real service, every call recorded.
 */
export function fakeLog({ total, totals, patch }: FakeLogOptions) {
  const row = (index: number) => fakeRow(index, total, patch?.(index));
  const queryLog = vi.fn<SmsAdminBridge['queryLog']>(async (input) => {
    // The cursor names the last row shown: continue with the one after it (ids fall by one per row).
    const start = input.after ? total - input.after.id + 1 : (input.offset ?? 0);
    const end = Math.min(total, start + input.limit);
    const rows: SendLogRow[] = [];
    for (let i = start; i < end; i += 1) rows.push(row(i));
    const last = rows.at(-1);
    const page: SendLogPage = {
      rows,
      next: last && rows.length === input.limit ? { createdAt: last.createdAt, id: last.id } : null,
      ...(input.withTotals
        ? { totals: { count: total, parts: total, cost: [{ currency: 'EUR', amount: total * 0.056, includesEstimates: true }], sandboxCount: 0, ...totals } }
        : {}),
    };
    return ok(page);
  });
  return { queryLog, row };
}

/** The filters `queryLog` was called with, in order. */
export function filtersSent(queryLog: ReturnType<typeof fakeLog>['queryLog']): SendLogFilter[] {
  return queryLog.mock.calls.map(([input]) => input.filter);
}
