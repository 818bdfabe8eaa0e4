import type { DatabaseSync } from 'node:sqlite';
import type { SendLogFilter, SendLogPage, SendLogRow, SendLogTotals } from '../../../shared/send-log-types';
import type { Clock, FileSink } from '../ports';
import { forgetCleanClose, isPlainFilePath, recordCleanClose } from './clean-close';
import { exportCsv, writeCsvExport } from './csv-export';
import { StatementCache, type LogContext } from './log-context';
import { openLogDatabase } from './open-database';
import { liveCostBuckets, type LiveCostBucket } from './cost-history';
import { clearAll, logStats, purgeOlderThan, sendCount, type SendLogStats } from './retention';
import { getRow, queryPage, unfinishedRows, type PageRequest } from './row-queries';
import { appendPending, interruptPending, markFailed, markSent, markUnknown, updateStatus } from './row-writes';
import { totals } from './totals';
import type { FailedUpdate, PendingSend, SentUpdate, StatusUpdate } from './write-types';

// The parts of the log live in their own modules; these re-exports keep `./send-log` the one import.
export type { PageRequest } from './row-queries';
export type { SendLogStats } from './retention';
export type { AcceptedStatus, FailedUpdate, PendingSend, Price, SentUpdate, StatusUpdate } from './write-types';

export interface SendLogDeps {
  /** The database file, normally `<dataDir>/send-log.sqlite`; `:memory:` works for tests. */
  path: string;
  clock: Clock;
  /** Per-install secret for the recipient hash (see `loadOrCreateHashKey`). */
  hashKey: Uint8Array;
}

/**
 * The durable send log (docs/ARCHITECTURE.md "Data", docs/SECURITY.md "Reliability"): SQLite in WAL mode.
 * Every method is synchronous and each write commits before it returns, so a row written by
 * `appendPending` survives a crash of the process at any later moment. The work is done by
 * `row-writes`, `row-queries`, `totals`, `retention` and `csv-export`; this class owns the connection.
 */
export class SendLog {
  private readonly db: DatabaseSync;
  private readonly clock: Clock;
  private readonly statements: StatementCache;
  private readonly ctx: LogContext;
  private readonly path: string;
  private closed = false;

  constructor(deps: SendLogDeps) {
    this.clock = deps.clock;
    this.path = deps.path;
    // Before the first write: a run that ends without `close()` must leave no clean-close marker.
    if (isPlainFilePath(deps.path)) forgetCleanClose(deps.path);
    this.db = openLogDatabase(deps.path);
    this.statements = new StatementCache(this.db);
    const statements = this.statements;
    this.ctx = { db: this.db, clock: deps.clock, hashKey: deps.hashKey, statement: (sql) => statements.get(sql) };
  }

  /** Records a send before the API call, committed on return. Returns the row id. */
  appendPending(send: PendingSend): number {
    return appendPending(this.ctx, send);
  }

  /**
   * MessageBird accepted the message. Applies to a `pending` row, and to an `unknown` one (the
   * answer proves it was sent). Returns false when the row is missing or already past that.
   */
  markSent(id: number, update: SentUpdate): boolean {
    return markSent(this.ctx, id, update);
  }

  /** MessageBird refused the request, or it never left: nothing was sent. Applies to `pending` rows. */
  markFailed(id: number, update: FailedUpdate): boolean {
    return markFailed(this.ctx, id, update);
  }

  /** The outcome cannot be known (timeout, reset): maybe sent, never retried. Applies to `pending` rows. */
  markUnknown(id: number, reason: string): boolean {
    return markUnknown(this.ctx, id, reason);
  }

  /** A status from polling. Applies only while the row is `sent` or `buffered`; final rows stay. */
  updateStatus(id: number, update: StatusUpdate): boolean {
    return updateStatus(this.ctx, id, update);
  }

  /** Rows MessageBird accepted whose delivery is not final yet, oldest first: resume polling these. */
  unfinished(limit = 1000): SendLogRow[] {
    return unfinishedRows(this.ctx, limit);
  }

  /**
   * Rows still `pending` from before `beforeMs` belong to a process that stopped mid-send: the
   * request may have reached MessageBird, so they become `unknown` (never retried). Run at start.
   */
  interruptPending(beforeMs: number = this.clock.now()): number {
    return interruptPending(this.ctx, beforeMs);
  }

  get(id: number): SendLogRow | null {
    return getRow(this.ctx, id);
  }

  /** A page of rows, newest first, with totals for everything the filter matches. */
  query(filter: SendLogFilter, page: PageRequest): SendLogPage {
    return queryPage(this.ctx, filter, page);
  }

  /**
   * Count, parts and cost of every row the filter matches. Without a search these come from the
   * day buckets for whole days plus an exact scan of the partial days at the range's edges. A search
   * is counted from the matching rows, up to `SEARCH_TOTALS_CAP` (then `capped`).
   */
  totals(filter: SendLogFilter): SendLogTotals {
    return totals(this.ctx, filter);
  }

  /** Every matching row as CSV (masked numbers only), newest first. */
  exportCsv(filter: SendLogFilter): string {
    return this.export(filter).csv;
  }

  /** `exportCsv` plus the number of data rows written. */
  export(filter: SendLogFilter): { csv: string; rows: number } {
    return exportCsv(this.ctx, filter);
  }

  /**
   * The same CSV as `exportCsv`, written into `sink` in batches that let the event loop run between
   * them; resolves to the number of data rows.
   */
  exportTo(filter: SendLogFilter, sink: FileSink): Promise<number> {
    return writeCsvExport(this.ctx, filter, sink);
  }

  /** Deletes rows created more than `days` days ago; returns how many. */
  purgeOlderThan(days: number): number {
    return purgeOlderThan(this.ctx, days);
  }

  /** Deletes every row; the freed pages are then vacuumed so the old rows leave the file too. */
  clear(): number {
    return clearAll(this.ctx);
  }

  stats(): SendLogStats {
    return logStats(this.ctx);
  }

  /** Sends counted for the daily caps since `from`; clearing and retention do not lower it. */
  sendCount(query: { purpose: 'confirmation' | 'test'; from: number; profileId?: string }): number {
    return sendCount(this.ctx, query);
  }

  /** Count, parts and cost of live sends per UTC day and profile (the cost history; sandbox and test keys cost nothing). */
  liveCostBuckets(): LiveCostBucket[] {
    return liveCostBuckets(this.ctx);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.db.exec('PRAGMA optimize');
    } finally {
      this.statements.close();
      this.db.close();
    }
    // Only reached when the connection closed without error (see clean-close.ts).
    if (isPlainFilePath(this.path)) recordCleanClose(this.path);
  }
}
