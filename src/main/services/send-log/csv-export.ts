import type { SendLogFilter } from '../../../shared/send-log-types';
import type { FileSink } from '../ports';
import { csvFromRows, writeCsvRows } from './csv';
import { rowWhere } from './filter-sql';
import type { LogContext } from './log-context';
import { NEWEST_FIRST, ROW_COLUMNS, toRow, type DbRow } from './row-mapping';

/** Every matching row as CSV (masked numbers only), newest first, plus the number of data rows. */
export function exportCsv(ctx: LogContext, filter: SendLogFilter): { csv: string; rows: number } {
  let rows = 0;
  const csv = csvFromRows(
    mapIterable(matchingRows(ctx, filter), (row) => {
      rows += 1;
      return toRow(row);
    }),
  );
  return { csv, rows };
}

/**
 * The same CSV as `exportCsv`, written line by line into `sink` (header first); returns the number
 * of data rows. Nothing is built up here: memory stays flat however many rows match.
 */
export function writeCsvExport(ctx: LogContext, filter: SendLogFilter, sink: FileSink): number {
  let rows = 0;
  writeCsvRows(
    mapIterable(matchingRows(ctx, filter), (row) => {
      rows += 1;
      return toRow(row);
    }),
    sink,
  );
  return rows;
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
