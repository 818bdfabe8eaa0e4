import { inTransaction, type LogContext } from './log-context';
import { BUCKET_MS } from './schema';
import { ROW_ESTIMATED, ROW_MICROS } from './totals';

const DAY_MS = 86_400_000;

export interface SendLogStats {
  rows: number;
  oldestCreatedAt: number | null;
  /** The last times the log was cleared, newest first (kept when the rows go). */
  cleared: Array<{ at: number; rows: number }>;
}

/** How many "cleared" events `logStats` reports. */
const CLEARED_EVENTS_SHOWN = 5;

function recordEvent(ctx: LogContext, kind: 'cleared' | 'purged', rows: number): void {
  ctx.statement('INSERT INTO send_log_events (at, kind, rows) VALUES (?, ?, ?)').run(ctx.clock.now(), kind, rows);
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
    const deleted = Number(ctx.statement('DELETE FROM send_log WHERE created_at < ?').run(cutoff).changes);
    if (deleted > 0) recordEvent(ctx, 'purged', deleted);
    return deleted;
  });
}

/** Deletes every row; the freed pages are then vacuumed so the old rows leave the file too. */
export function clearAll(ctx: LogContext): number {
  const deleted = inTransaction(ctx.db, () => {
    const n = Number(ctx.statement('DELETE FROM send_log').run().changes);
    ctx.statement('DELETE FROM send_log_totals').run();
    // The cap counters (send_counts) stay; the clearing itself is recorded and stays visible.
    recordEvent(ctx, 'cleared', n);
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
  const cleared = ctx
    .statement(`SELECT at, rows FROM send_log_events WHERE kind = 'cleared' ORDER BY id DESC LIMIT ${CLEARED_EVENTS_SHOWN}`)
    .all() as Array<{ at: number; rows: number }>;
  return { rows: rows.n, oldestCreatedAt: oldest.t, cleared: cleared.map(({ at, rows: n }) => ({ at, rows: n })) };
}

/**
 * Sends counted for the caps since `from` (ms): every send except those MessageBird refused, from the
 * counters that clearing and retention leave alone. `profileId` narrows it to one profile.
 */
export function sendCount(ctx: LogContext, query: { purpose: 'confirmation' | 'test'; from: number; profileId?: string }): number {
  const row = (
    query.profileId === undefined
      ? ctx.statement('SELECT count(*) AS n FROM send_counts WHERE purpose = ? AND at >= ? AND counted = 1').get(query.purpose, query.from)
      : ctx
          .statement('SELECT count(*) AS n FROM send_counts WHERE purpose = ? AND at >= ? AND counted = 1 AND profile_id = ?')
          .get(query.purpose, query.from, query.profileId)
  ) as { n: number };
  return row.n;
}
