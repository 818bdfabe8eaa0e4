import { inTransaction, type LogContext } from './log-context';
import { BUCKET_MS } from './schema';
import { ROW_ESTIMATED, ROW_MICROS } from './totals';

const DAY_MS = 86_400_000;

export interface SendLogStats {
  rows: number;
  oldestCreatedAt: number | null;
}

// Deletes adjust the totals buckets here, in the same transaction, instead of through a per-row
// delete trigger, which would make clearing a large log slow (see schema.ts).

/** Deletes rows created more than `days` days ago; returns how many. */
export function purgeOlderThan(ctx: LogContext, days: number): number {
  if (!Number.isFinite(days) || days < 0) throw new RangeError('days must be 0 or more');
  const cutoff = ctx.clock.now() - Math.round(days * DAY_MS);
  return inTransaction(ctx.db, () => {
    // Take the doomed rows out of the buckets first, grouped, in the same transaction.
    ctx
      .statement(
        `INSERT INTO send_log_totals (day, profile_id, purpose, status, mode, currency, count, parts, cost_micros, estimated)
         SELECT created_at / ${BUCKET_MS}, profile_id, purpose, status, mode, COALESCE(price_currency, ''),
           -count(*), -sum(parts), -sum(${ROW_MICROS}), -sum(${ROW_ESTIMATED})
         FROM send_log WHERE created_at < ? GROUP BY 1, 2, 3, 4, 5, 6
         ON CONFLICT DO UPDATE SET count = count + excluded.count, parts = parts + excluded.parts,
           cost_micros = cost_micros + excluded.cost_micros, estimated = estimated + excluded.estimated`,
      )
      .run(cutoff);
    ctx.statement('DELETE FROM send_log_totals WHERE count <= 0').run();
    return Number(ctx.statement('DELETE FROM send_log WHERE created_at < ?').run(cutoff).changes);
  });
}

/** Deletes every row; the freed pages are then vacuumed so the old rows leave the file too. */
export function clearAll(ctx: LogContext): number {
  const deleted = inTransaction(ctx.db, () => {
    const n = Number(ctx.statement('DELETE FROM send_log').run().changes);
    ctx.statement('DELETE FROM send_log_totals').run();
    return n;
  });
  ctx.db.exec('VACUUM');
  ctx.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  return deleted;
}

/** Row count (from the buckets, no table scan) and the oldest row's time. */
export function logStats(ctx: LogContext): SendLogStats {
  const rows = ctx.statement('SELECT COALESCE(sum(count), 0) AS n FROM send_log_totals').get() as { n: number };
  const oldest = ctx.statement('SELECT min(created_at) AS t FROM send_log').get() as { t: number | null };
  return { rows: rows.n, oldestCreatedAt: oldest.t };
}
