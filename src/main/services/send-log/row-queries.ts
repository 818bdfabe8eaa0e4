import {
  MAX_PAGE_SIZE,
  type SendLogCursor,
  type SendLogFilter,
  type SendLogPage,
  type SendLogRow,
} from '@shared/send-log-types';
import { and, rowWhere, type SqlPart } from './filter-sql';
import type { LogContext } from './log-context';
import { NEWEST_FIRST, ROW_COLUMNS, toRow, type DbRow } from './row-mapping';
import { totals } from './totals';
import { count } from './write-validation';

export interface PageRequest {
  offset?: number;
  limit: number;
  /** Continue after this row instead of counting an offset (fast at any depth). */
  after?: SendLogCursor | null;
  /** Default true; a scrolling table can skip them for pages after the first. */
  withTotals?: boolean;
}

export function getRow(ctx: LogContext, id: number): SendLogRow | null {
  const row = ctx.statement(`SELECT ${ROW_COLUMNS} FROM send_log WHERE id = ?`).get(id) as DbRow | undefined;
  return row ? toRow(row) : null;
}

/** Rows MessageBird accepted whose delivery is not final yet, oldest first: resume polling these. */
export function unfinishedRows(ctx: LogContext, limit: number): SendLogRow[] {
  const rows = ctx
    .statement(
      `SELECT ${ROW_COLUMNS} FROM send_log INDEXED BY send_log_in_flight
       WHERE status IN ('sent', 'buffered') AND messagebird_id IS NOT NULL ORDER BY id LIMIT ?`,
    )
    .all(count(limit)) as unknown as DbRow[];
  return rows.map(toRow);
}

/** A page of rows, newest first, with totals for everything the filter matches. */
export function queryPage(ctx: LogContext, filter: SendLogFilter, page: PageRequest): SendLogPage {
  const limit = count(page.limit);
  if (limit < 1 || limit > MAX_PAGE_SIZE) throw new RangeError(`limit must be 1–${MAX_PAGE_SIZE}`);
  const offset = count(page.offset ?? 0);
  // Keyset paging: the row comparison uses the time index, so page 5,000 costs what page 1 does.
  const after: SqlPart = page.after
    ? { sql: '(created_at, id) < (?, ?)', params: [page.after.createdAt, page.after.id] }
    : { sql: '1', params: [] };
  const where = and([rowWhere(filter, ctx.hashKey, true), after]);
  const rows = (
    ctx
      .statement(`SELECT ${ROW_COLUMNS} FROM send_log WHERE ${where.sql} ${NEWEST_FIRST} LIMIT ? OFFSET ?`)
      .all(...where.params, limit, offset) as unknown as DbRow[]
  ).map(toRow);
  const last = rows.at(-1);
  return {
    rows,
    ...(page.withTotals === false ? {} : { totals: totals(ctx, filter) }),
    next: last && rows.length === limit ? { createdAt: last.createdAt, id: last.id } : null,
  };
}
