import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { Clock } from '../ports';

/**
 * What every part of the send log (writes, queries, totals, retention, export) works through: the one
 * open connection of a `SendLog`, its cached statements, its clock and its recipient hash key.
 */
export interface LogContext {
  readonly db: DatabaseSync;
  readonly clock: Clock;
  /** Per-install secret for the recipient hash (see `loadOrCreateHashKey`). */
  readonly hashKey: Uint8Array;
  /** A prepared statement for `sql`, reused across calls; throws once the log is closed. */
  statement(sql: string): StatementSync;
}

/** Bounds the cache; when full it starts over rather than grow with every new filter shape. */
const MAX_CACHED_STATEMENTS = 200;

/** Prepared statements are reused; filters produce a bounded number of distinct SQL texts. */
export class StatementCache {
  private readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();
  private closed = false;

  // A plain field, not a parameter property: the bench and crash child load this file with Node's type stripping.
  constructor(db: DatabaseSync) {
    this.db = db;
  }

  get(sql: string): StatementSync {
    if (this.closed) throw new Error('send log is closed');
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= MAX_CACHED_STATEMENTS) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Drops every statement; later `get` calls throw. */
  close(): void {
    this.closed = true;
    this.statements.clear();
  }
}

/** Runs `work` in one write transaction (taken at once, so it never fails halfway on a lock upgrade). */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
