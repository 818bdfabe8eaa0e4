import type { SendLogFilter } from '@shared/send-log-types';
import type { FileSink } from '../ports';
import { csvFromRows, ENGLISH_CSV, writeCsvDataRows, writeCsvHeader, type CsvFormat } from './csv';
import { rowWhere } from './filter-sql';
import type { LogContext } from './log-context';
import { NEWEST_FIRST, ROW_COLUMNS, toRow, type DbRow } from './row-mapping';

/** Every matching row as CSV (masked numbers only), newest first, plus the number of data rows. */
export function exportCsv(ctx: LogContext, filter: SendLogFilter, format: CsvFormat = ENGLISH_CSV): { csv: string; rows: number } {
  let rows = 0;
  const csv = csvFromRows(
    mapIterable(matchingRows(ctx, filter), (row) => {
      rows += 1;
      return toRow(row);
    }),
    format,
  );
  return { csv, rows };
}

/** Rows per batch of a streamed export: a few milliseconds of work between two turns of the event loop. */
export const EXPORT_BATCH_ROWS = 250;

/**
 * The same CSV as `exportCsv`, written into `sink` (header first) in batches of rows read by keyset
 * cursor, newest first. Between batches the event loop runs, so a million-row export never freezes the
 * app, and no SQLite statement stays open across those turns. Memory stays flat: one batch at a time.
 * Rows added while the export runs are newer than its first batch and not included; a row changed
 * meanwhile is written as it is when its batch is read.
 */
export async function writeCsvExport(
  ctx: LogContext,
  filter: SendLogFilter,
  sink: FileSink,
  batchRows: number = EXPORT_BATCH_ROWS,
  format: CsvFormat = ENGLISH_CSV,
): Promise<number> {
  const where = rowWhere(filter, ctx.hashKey, true);
  const first = ctx.db.prepare(`SELECT ${ROW_COLUMNS} FROM send_log WHERE ${where.sql} ${NEWEST_FIRST} LIMIT ?`);
  const next = ctx.db.prepare(
    `SELECT ${ROW_COLUMNS} FROM send_log WHERE (${where.sql}) AND (created_at, id) < (?, ?) ${NEWEST_FIRST} LIMIT ?`,
  );
  writeCsvHeader(sink, format);
  let rows = 0;
  let batch = first.all(...where.params, batchRows) as unknown as DbRow[];
  while (batch.length > 0) {
    writeCsvDataRows(batch.map(toRow), sink, format);
    rows += batch.length;
    if (batch.length < batchRows) break;
    const last = batch[batch.length - 1] as DbRow;
    await nextTurn();
    batch = next.all(...where.params, last.created_at, last.id, batchRows) as unknown as DbRow[];
  }
  return rows;
}

/** Lets timers, I/O and IPC run before the next batch. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Rows stream from SQLite one at a time; a large export never holds them all as objects. */
function matchingRows(ctx: LogContext, filter: SendLogFilter): Iterable<DbRow> {
  const where = rowWhere(filter, ctx.hashKey, true);
  const statement = ctx.db.prepare(`SELECT ${ROW_COLUMNS} FROM send_log WHERE ${where.sql} ${NEWEST_FIRST}`);
  return statement.iterate(...where.params) as Iterable<unknown> as Iterable<DbRow>;
}

function* mapIterable<A, B>(items: Iterable<A>, map: (a: A) => B): Generator<B> {
  for (const item of items) yield map(item);
}
