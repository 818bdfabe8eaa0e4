import type { SendLogFilter } from '../../../shared/send-log-types';
import { csvFromRows } from './csv';
import { rowWhere } from './filter-sql';
import type { LogContext } from './log-context';
import { NEWEST_FIRST, ROW_COLUMNS, toRow, type DbRow } from './row-mapping';

/** Every matching row as CSV (masked numbers only), newest first, plus the number of data rows. */
export function exportCsv(ctx: LogContext, filter: SendLogFilter): { csv: string; rows: number } {
  const where = rowWhere(filter, ctx.hashKey, true);
  const statement = ctx.db.prepare(`SELECT ${ROW_COLUMNS} FROM send_log WHERE ${where.sql} ${NEWEST_FIRST}`);
  let rows = 0;
  // Rows stream from SQLite into the CSV one at a time; a large export never holds them all as objects.
  const csv = csvFromRows(
    mapIterable(statement.iterate(...where.params) as Iterable<unknown> as Iterable<DbRow>, (row) => {
      rows += 1;
      return toRow(row);
    }),
  );
  return { csv, rows };
}

function* mapIterable<A, B>(items: Iterable<A>, map: (a: A) => B): Generator<B> {
  for (const item of items) yield map(item);
}
