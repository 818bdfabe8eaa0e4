import { SEARCH_TOTALS_CAP, type CostTotal, type SendLogFilter, type SendLogTotals } from '@shared/send-log-types';
import { and, dimensionWhere, rowWhere, type SqlPart } from './filter-sql';
import type { LogContext } from './log-context';
import { BUCKET_MS } from './schema';

/** A row's price in millionths, as the buckets store it, so sums over a million rows stay exact. */
export const ROW_MICROS = 'CAST(round(COALESCE(price_amount, 0) * 1000000) AS INTEGER)';
/** 1 when the row's price is the app's estimate rather than MessageBird's. */
export const ROW_ESTIMATED = 'CASE WHEN price_amount IS NOT NULL AND price_is_estimate THEN 1 ELSE 0 END';

/**
 * What a row costs the organisation: `sandbox` (simulated, counted apart), `free` (a MessageBird test
 * key, or a send that failed before it left: nothing was charged) or `paid`. Works on rows and on
 * buckets alike: both carry mode and status.
 */
const COST_KIND = `CASE WHEN mode = 'sandbox' THEN 'sandbox' WHEN mode = 'live' AND status <> 'failed' THEN 'paid' ELSE 'free' END`;

/** Count, parts and cost for one currency ('' for rows without a price) and cost kind, from buckets or rows. */
interface TotalsRow {
  kind: 'sandbox' | 'free' | 'paid';
  currency: string;
  count: number;
  parts: number;
  cost_micros: number;
  estimated: number;
}

/**
 * Count, parts and cost of every row the filter matches. Without a search these come from the
 * day buckets for whole days plus an exact scan of the partial days at the range's edges. A search
 * is counted from the matching rows, up to `SEARCH_TOTALS_CAP` (then `capped`).
 */
export function totals(ctx: LogContext, filter: SendLogFilter): SendLogTotals {
  if (filter.search?.trim()) return searchTotals(ctx, filter);
  const firstDay = filter.from === undefined ? undefined : Math.ceil(filter.from / BUCKET_MS);
  const endDay = filter.to === undefined ? undefined : Math.floor(filter.to / BUCKET_MS);
  if (firstDay !== undefined && endDay !== undefined && firstDay >= endDay) {
    return combineTotals(exactTotalsRows(ctx, filter, filter.from, filter.to));
  }
  const parts: TotalsRow[][] = [bucketTotals(ctx, filter, firstDay, endDay)];
  if (firstDay !== undefined && filter.from !== undefined && filter.from < firstDay * BUCKET_MS) {
    parts.push(exactTotalsRows(ctx, filter, filter.from, firstDay * BUCKET_MS));
  }
  if (endDay !== undefined && filter.to !== undefined && endDay * BUCKET_MS < filter.to) {
    parts.push(exactTotalsRows(ctx, filter, endDay * BUCKET_MS, filter.to));
  }
  return combineTotals(parts.flat());
}

/** Whole days [firstDay, endDay) from the maintained buckets. */
function bucketTotals(ctx: LogContext, filter: SendLogFilter, firstDay?: number, endDay?: number): TotalsRow[] {
  const days: SqlPart[] = [];
  if (firstDay !== undefined) days.push({ sql: 'day >= ?', params: [firstDay] });
  if (endDay !== undefined) days.push({ sql: 'day < ?', params: [endDay] });
  const where = and([dimensionWhere(filter), ...days]);
  return ctx
    .statement(
      `SELECT ${COST_KIND} AS kind, currency, sum(count) AS count, sum(parts) AS parts,
         sum(cost_micros) AS cost_micros, sum(estimated) AS estimated
       FROM send_log_totals WHERE ${where.sql} GROUP BY 1, 2`,
    )
    .all(...where.params) as unknown as TotalsRow[];
}

/** A partial day (or any short range), counted from the rows themselves. */
function exactTotalsRows(ctx: LogContext, filter: SendLogFilter, from?: number, to?: number): TotalsRow[] {
  const where = rowWhere({ ...filter, from, to }, ctx.hashKey);
  return ctx
    .statement(
      `SELECT ${COST_KIND} AS kind, COALESCE(price_currency, '') AS currency, count(*) AS count,
         sum(parts) AS parts, sum(${ROW_MICROS}) AS cost_micros, sum(${ROW_ESTIMATED}) AS estimated
       FROM send_log WHERE ${where.sql} GROUP BY 1, 2`,
    )
    .all(...where.params) as unknown as TotalsRow[];
}

/** A search has no buckets: read the matching rows, stopping one past the cap. */
function searchTotals(ctx: LogContext, filter: SendLogFilter): SendLogTotals {
  const where = rowWhere(filter, ctx.hashKey);
  const rows = ctx
    .statement(
      `SELECT kind, currency, count(*) AS count, sum(parts) AS parts, sum(micros) AS cost_micros, sum(est) AS estimated
       FROM (SELECT ${COST_KIND} AS kind, COALESCE(price_currency, '') AS currency, parts, ${ROW_MICROS} AS micros,
               ${ROW_ESTIMATED} AS est
             FROM send_log WHERE ${where.sql} LIMIT ?)
       GROUP BY 1, 2`,
    )
    .all(...where.params, SEARCH_TOTALS_CAP + 1) as unknown as TotalsRow[];
  const result = combineTotals(rows);
  return result.count > SEARCH_TOTALS_CAP ? { ...result, capped: true } : result;
}

function combineTotals(rows: TotalsRow[]): SendLogTotals {
  let total = 0;
  let parts = 0;
  let sandboxCount = 0;
  const byCurrency = new Map<string, { micros: number; estimated: number }>();
  for (const row of rows) {
    total += row.count ?? 0;
    parts += row.parts ?? 0;
    if (row.kind === 'sandbox') sandboxCount += row.count ?? 0;
    // Only what may have been charged counts as cost: not Sandbox, a test key or a send that never left.
    if (row.kind !== 'paid' || !row.currency) continue;
    const entry = byCurrency.get(row.currency) ?? { micros: 0, estimated: 0 };
    entry.micros += row.cost_micros ?? 0;
    entry.estimated += row.estimated ?? 0;
    byCurrency.set(row.currency, entry);
  }
  const cost: CostTotal[] = [...byCurrency]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, e]) => ({ currency, amount: e.micros / 1_000_000, includesEstimates: e.estimated > 0 }));
  return { count: total, parts, cost, sandboxCount };
}
