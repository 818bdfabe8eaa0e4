import type { DatabaseSync } from 'node:sqlite';
import type { StartupWarning } from '@shared/contract/platform';
import type { SendLogFilter, SendLogPage, SendLogRow, SendLogTotals } from '@shared/send-log-types';
import type { Clock, FileSink } from '../ports';
import { forgetCleanClose, isPlainFilePath, recordCleanClose } from './clean-close';
import type { CsvFormat } from './csv';
import { exportCsv, writeCsvExport } from './csv-export';
import { isDamagedFileError, moveLogAside } from './damaged-log-file';
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
  /**
   * Told when the file turned out damaged while in use (SQLITE_CORRUPT, SQLITE_NOTADB): it was moved
   * aside and a fresh log took its place. The app shows it as a warning.
   */
  onDamaged?: (warning: StartupWarning) => void;
}

/**
 * The durable send log (docs/ARCHITECTURE.md "Data", docs/SECURITY.md "Reliability"): SQLite in WAL mode.
 * Every method is synchronous and each write commits before it returns, so a row written by
 * `appendPending` survives a crash of the process at any later moment. The work is done by
 * `row-writes`, `row-queries`, `totals`, `retention` and `csv-export`; this class owns the connection.
 */
export class SendLog {
  private db!: DatabaseSync;
  private readonly clock: Clock;
  private statements!: StatementCache;
  private ctx!: LogContext;
  private readonly path: string;
  private readonly hashKey: Uint8Array;
  private readonly onDamaged: ((warning: StartupWarning) => void) | undefined;
  private closed = false;

  constructor(deps: SendLogDeps) {
    this.clock = deps.clock;
    this.path = deps.path;
    this.hashKey = deps.hashKey;
    this.onDamaged = deps.onDamaged;
    // Before the first write: a run that ends without `close()` must leave no clean-close marker.
    if (isPlainFilePath(deps.path)) forgetCleanClose(deps.path);
    try {
      this.connect();
    } catch (error) {
      // Damage the start-up check could not see (it trusts a clean close) shows up while migrating.
      if (!this.canRecover(error)) throw error;
      this.replaceDamagedFile();
    }
  }

  private connect(): void {
    const db = openLogDatabase(this.path);
    const statements = new StatementCache(db);
    this.db = db;
    this.statements = statements;
    this.ctx = { db, clock: this.clock, hashKey: this.hashKey, statement: (sql) => statements.get(sql) };
  }

  private canRecover(error: unknown): boolean {
    return !this.closed && isPlainFilePath(this.path) && isDamagedFileError(error);
  }

  /**
   * Runs one operation; when SQLite says the file is damaged, moves it aside, continues on a fresh log
   * and runs the operation once more there. Never a permanent internal error: the damaged file is out
   * of the way for this run and the next (docs/SECURITY.md "Reliability").
   */
  private guard<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (!this.canRecover(error)) throw error;
      this.replaceDamagedFile();
      return run();
    }
  }

  private replaceDamagedFile(): void {
    try {
      this.statements?.close();
      this.db?.close();
    } catch {
      // The connection to a damaged file may refuse to close cleanly; it is abandoned either way.
    }
    const movedTo = moveLogAside(this.path, 'corrupt', this.clock.now());
    forgetCleanClose(this.path);
    this.connect();
    this.onDamaged?.({ code: 'send_log_corrupt', movedTo });
  }

  /** Records a send before the API call, committed on return. Returns the row id. */
  appendPending(send: PendingSend): number {
    return this.guard(() => appendPending(this.ctx, send));
  }

  /**
   * MessageBird accepted the message. Applies to a `pending` row, and to an `unknown` one (the
   * answer proves it was sent). Returns false when the row is missing or already past that.
   */
  markSent(id: number, update: SentUpdate): boolean {
    return this.guard(() => markSent(this.ctx, id, update));
  }

  /** MessageBird refused the request, or it never left: nothing was sent. Applies to `pending` rows. */
  markFailed(id: number, update: FailedUpdate): boolean {
    return this.guard(() => markFailed(this.ctx, id, update));
  }

  /** The outcome cannot be known (timeout, reset): maybe sent, never retried. Applies to `pending` rows. */
  markUnknown(id: number, reason: string): boolean {
    return this.guard(() => markUnknown(this.ctx, id, reason));
  }

  /** A status from polling. Applies only while the row is `sent` or `buffered`; final rows stay. */
  updateStatus(id: number, update: StatusUpdate): boolean {
    return this.guard(() => updateStatus(this.ctx, id, update));
  }

  /** Rows MessageBird accepted whose delivery is not final yet, oldest first: resume polling these. */
  unfinished(limit = 1000): SendLogRow[] {
    return this.guard(() => unfinishedRows(this.ctx, limit));
  }

  /**
   * Rows still `pending` from before `beforeMs` belong to a process that stopped mid-send: the
   * request may have reached MessageBird, so they become `unknown` (never retried). Run at start.
   */
  interruptPending(beforeMs: number = this.clock.now()): number {
    return this.guard(() => interruptPending(this.ctx, beforeMs));
  }

  get(id: number): SendLogRow | null {
    return this.guard(() => getRow(this.ctx, id));
  }

  /** A page of rows, newest first, with totals for everything the filter matches. */
  query(filter: SendLogFilter, page: PageRequest): SendLogPage {
    return this.guard(() => queryPage(this.ctx, filter, page));
  }

  /**
   * Count, parts and cost of every row the filter matches. Without a search these come from the
   * day buckets for whole days plus an exact scan of the partial days at the range's edges. A search
   * is counted from the matching rows, up to `SEARCH_TOTALS_CAP` (then `capped`).
   */
  totals(filter: SendLogFilter): SendLogTotals {
    return this.guard(() => totals(this.ctx, filter));
  }

  /** Every matching row as CSV (masked numbers only), newest first. */
  exportCsv(filter: SendLogFilter, format?: CsvFormat): string {
    return this.export(filter, format).csv;
  }

  /** `exportCsv` plus the number of data rows written. */
  export(filter: SendLogFilter, format?: CsvFormat): { csv: string; rows: number } {
    return this.guard(() => exportCsv(this.ctx, filter, format));
  }

  /**
   * The same CSV as `exportCsv`, written into `sink` in batches that let the event loop run between
   * them; resolves to the number of data rows.
   */
  exportTo(filter: SendLogFilter, sink: FileSink, format?: CsvFormat): Promise<number> {
    return writeCsvExport(this.ctx, filter, sink, undefined, format);
  }

  /** Deletes rows created more than `days` days ago; returns how many. */
  purgeOlderThan(days: number): number {
    return this.guard(() => purgeOlderThan(this.ctx, days));
  }

  /** Deletes every row; the freed pages are then vacuumed so the old rows leave the file too. */
  clear(): number {
    return this.guard(() => clearAll(this.ctx));
  }

  stats(): SendLogStats {
    return this.guard(() => logStats(this.ctx));
  }

  /** Sends counted for the daily caps since `from`; clearing and retention do not lower it. */
  sendCount(query: { purpose: 'confirmation' | 'test'; from: number; profileId?: string }): number {
    return this.guard(() => sendCount(this.ctx, query));
  }

  /** Count, parts and cost of live sends per UTC day and profile (the cost history; sandbox and test keys cost nothing). */
  liveCostBuckets(): LiveCostBucket[] {
    return liveCostBuckets(this.ctx);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    let rows: number | undefined;
    try {
      this.db.exec('PRAGMA optimize');
      // Recorded with the clean close, so a file found emptied at the next start is reported.
      rows = (this.db.prepare('SELECT COALESCE(sum(count), 0) AS n FROM send_log_totals').get() as { n: number }).n;
    } finally {
      this.statements.close();
      this.db.close();
    }
    // Only reached when the connection closed without error (see clean-close.ts).
    if (isPlainFilePath(this.path)) recordCleanClose(this.path, Date.now(), rows);
  }
}
