import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import {
  IN_FLIGHT_STATUSES,
  MAX_PAGE_SIZE,
  SEARCH_TOTALS_CAP,
  SEND_MODES,
  SEND_PURPOSES,
  type CostTotal,
  type SendLogCursor,
  type SendLogFilter,
  type SendLogPage,
  type SendLogRow,
  type SendLogStatus,
  type SendLogTotals,
  type SendPurpose,
} from '../../../shared/send-log-types';
import type { SendMode } from '../../../shared/gateway-types';
import type { Clock } from '../ports';
import { csvFromRows } from './csv';
import { and, dimensionWhere, searchWhere, timeWhere, type SqlPart } from './filter-sql';
import { hashRecipient, normalizeInternational, storedRecipient } from './recipient';
import { BUCKET_MS, migrate } from './schema';
import { loadDatabaseSync } from './sqlite-driver';

export interface SendLogDeps {
  /** The database file, normally `<dataDir>/send-log.sqlite`; `:memory:` works for tests. */
  path: string;
  clock: Clock;
  /** Per-install secret for the recipient hash (see `loadOrCreateHashKey`). */
  hashKey: Uint8Array;
}

export interface Price {
  amount: number;
  currency: string;
}

/** What the caller knows before the API call. The number is masked and hashed here, never stored. */
export interface PendingSend {
  profileId: string;
  participantNumber: string;
  purpose: SendPurpose;
  /** International format, e.g. `+31612345678`. */
  recipient: string;
  /** ISO country; taken from the number when omitted. */
  country?: string;
  originator: string;
  mode: SendMode;
  parts: number;
  /** The app's own estimate; MessageBird's price replaces it when the API reports one. */
  estimate?: Price | null;
}

/** Statuses MessageBird (or the caller, for test keys) can report after accepting a message. */
export type AcceptedStatus =
  | 'scheduled'
  | 'sent'
  | 'buffered'
  | 'delivered'
  | 'delivery_failed'
  | 'expired'
  | 'not_delivered_test_key';

export interface SentUpdate {
  messagebirdId: string;
  status: AcceptedStatus;
  statusReason?: string | null;
  parts?: number | null;
  /** MessageBird's price; when absent the estimate stays. */
  price?: Price | null;
}

export interface FailedUpdate {
  reason: string;
  errorCode?: string | number | null;
}

/** A later status from polling `GET /messages/{id}`. */
export interface StatusUpdate {
  status: Exclude<AcceptedStatus, 'not_delivered_test_key'>;
  statusReason?: string | null;
  errorCode?: string | number | null;
  parts?: number | null;
  price?: Price | null;
}

export interface PageRequest {
  offset?: number;
  limit: number;
  /** Continue after this row instead of counting an offset (fast at any depth). */
  after?: SendLogCursor | null;
  /** Default true; a scrolling table can skip them for pages after the first. */
  withTotals?: boolean;
}

export interface SendLogStats {
  rows: number;
  oldestCreatedAt: number | null;
}

const DAY_MS = 86_400_000;
const MAX_TEXT = 500;
const COLUMNS = `id, created_at, updated_at, profile_id, participant_number, purpose, recipient_masked,
  recipient_hash, country, originator, messagebird_id, status, status_reason, error_code, parts,
  price_amount, price_currency, price_is_estimate, mode`;
const ORDER = 'ORDER BY created_at DESC, id DESC';

interface DbRow {
  id: number;
  created_at: number;
  updated_at: number;
  profile_id: string;
  participant_number: string;
  purpose: SendPurpose;
  recipient_masked: string;
  recipient_hash: string;
  country: string;
  originator: string;
  messagebird_id: string | null;
  status: SendLogStatus;
  status_reason: string | null;
  error_code: string | null;
  parts: number;
  price_amount: number | null;
  price_currency: string | null;
  price_is_estimate: number;
  mode: SendMode;
}

interface TotalsRow {
  currency: string;
  count: number;
  parts: number;
  cost_micros: number;
  estimated: number;
}

/**
 * The durable send log (ARCHITECTURE.md "Data", SECURITY.md "Reliability"): SQLite in WAL mode.
 * Every method is synchronous and each write commits before it returns, so a row written by
 * `appendPending` survives a crash of the process at any later moment.
 */
export class SendLog {
  private readonly db: DatabaseSync;
  private readonly clock: Clock;
  private readonly hashKey: Uint8Array;
  private readonly statements = new Map<string, StatementSync>();
  private closed = false;

  constructor(deps: SendLogDeps) {
    this.clock = deps.clock;
    this.hashKey = deps.hashKey;
    const DatabaseSync = loadDatabaseSync();
    this.db = new DatabaseSync(deps.path);
    try {
      // WAL + synchronous=NORMAL: a commit is in the WAL file (the OS has it) before COMMIT returns,
      // so killing the process never loses a committed row; only an OS crash or power cut can drop
      // the last commits, and never corrupts the file. FULL would fsync every send for no gain here.
      this.db.exec('PRAGMA journal_mode = WAL');
      this.db.exec('PRAGMA synchronous = NORMAL');
      this.db.exec('PRAGMA busy_timeout = 5000');
      // 16 MB page cache (default 2 MB): a 1M-row log's hot index pages stay in memory.
      this.db.exec('PRAGMA cache_size = -16384');
      // Reads through a memory map: row lookups by index cost no system call (5–10× faster searches
      // at 1M rows here). Only the first 256 MB is mapped; the rest is read as usual.
      this.db.exec('PRAGMA mmap_size = 268435456');
      migrate(this.db);
      // Keeps planner statistics fresh enough to pick the right index, cheaply (SQLite's advice
      // for long-lived connections).
      this.db.exec('PRAGMA analysis_limit = 1000');
      this.db.exec('PRAGMA optimize = 0x10002');
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  /** Records a send before the API call, committed on return. Returns the row id. */
  appendPending(send: PendingSend): number {
    const e164 = normalizeInternational(send.recipient);
    if (!e164) throw new RangeError('recipient must be an international number like +31612345678');
    oneOf(send.purpose, SEND_PURPOSES, 'purpose');
    oneOf(send.mode, SEND_MODES, 'mode');
    const recipient = storedRecipient(this.hashKey, e164);
    const country = send.country ?? recipient.country;
    if (!/^[A-Z]{2}$/.test(country)) throw new RangeError('country must be an ISO 3166 alpha-2 code');
    const estimate = send.estimate ? checkedPrice(send.estimate) : null;
    const now = this.clock.now();
    const result = this.statement(
      `INSERT INTO send_log (created_at, updated_at, profile_id, participant_number, purpose,
         recipient_masked, recipient_tail_rev, recipient_hash, country, originator, status, parts,
         price_amount, price_currency, price_is_estimate, mode)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, 1, ?)`,
    ).run(
      now,
      now,
      cap(send.profileId, 100),
      cap(send.participantNumber, 32),
      send.purpose,
      recipient.masked,
      recipient.tailReversed,
      recipient.hash,
      country,
      cap(send.originator, 32),
      count(send.parts),
      estimate?.amount ?? null,
      estimate?.currency ?? null,
      send.mode,
    );
    return Number(result.lastInsertRowid);
  }

  /**
   * MessageBird accepted the message. Applies to a `pending` row, and to an `unknown` one (the
   * answer proves it was sent). Returns false when the row is missing or already past that.
   */
  markSent(id: number, update: SentUpdate): boolean {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(update.messagebirdId)) throw new RangeError('invalid MessageBird id');
    const status = acceptedStatus(update.status);
    const price = update.price ? checkedPrice(update.price) : null;
    return this.update(id, ['pending', 'unknown'], {
      messagebird_id: update.messagebirdId,
      status,
      status_reason: optionalText(update.statusReason),
      error_code: null,
      ...partsAndPrice(update.parts, price),
    });
  }

  /** MessageBird refused the request, or it never left: nothing was sent. Applies to `pending` rows. */
  markFailed(id: number, update: FailedUpdate): boolean {
    return this.update(id, ['pending'], {
      status: 'failed',
      status_reason: text(update.reason, MAX_TEXT),
      error_code: errorCode(update.errorCode),
    });
  }

  /** The outcome cannot be known (timeout, reset): maybe sent, never retried. Applies to `pending` rows. */
  markUnknown(id: number, reason: string): boolean {
    return this.update(id, ['pending'], { status: 'unknown', status_reason: text(reason, MAX_TEXT) });
  }

  /** A status from polling. Applies only while the row is `sent` or `buffered`; final rows stay. */
  updateStatus(id: number, update: StatusUpdate): boolean {
    const status = acceptedStatus(update.status);
    const price = update.price ? checkedPrice(update.price) : null;
    return this.update(id, IN_FLIGHT_STATUSES, {
      status,
      ...(update.statusReason !== undefined ? { status_reason: optionalText(update.statusReason) } : {}),
      ...(update.errorCode !== undefined ? { error_code: errorCode(update.errorCode) } : {}),
      ...partsAndPrice(update.parts, price),
    });
  }

  /** Rows MessageBird accepted whose delivery is not final yet, oldest first: resume polling these. */
  unfinished(limit = 1000): SendLogRow[] {
    const rows = this.statement(
      `SELECT ${COLUMNS} FROM send_log INDEXED BY send_log_in_flight
       WHERE status IN ('sent', 'buffered') AND messagebird_id IS NOT NULL ORDER BY id LIMIT ?`,
    ).all(count(limit)) as unknown as DbRow[];
    return rows.map(toRow);
  }

  /**
   * Rows still `pending` from before `beforeMs` belong to a process that stopped mid-send: the
   * request may have reached MessageBird, so they become `unknown` (never retried). Run at start.
   */
  interruptPending(beforeMs: number = this.clock.now()): number {
    const result = this.statement(
      `UPDATE send_log SET status = 'unknown', updated_at = ?,
         status_reason = 'The app stopped before the send finished; it may have been sent.'
       WHERE status = 'pending' AND created_at < ?`,
    ).run(this.clock.now(), beforeMs);
    return Number(result.changes);
  }

  get(id: number): SendLogRow | null {
    const row = this.statement(`SELECT ${COLUMNS} FROM send_log WHERE id = ?`).get(id) as DbRow | undefined;
    return row ? toRow(row) : null;
  }

  /** A page of rows, newest first, with totals for everything the filter matches. */
  query(filter: SendLogFilter, page: PageRequest): SendLogPage {
    const limit = count(page.limit);
    if (limit < 1 || limit > MAX_PAGE_SIZE) throw new RangeError(`limit must be 1–${MAX_PAGE_SIZE}`);
    const offset = count(page.offset ?? 0);
    const after: SqlPart = page.after
      ? { sql: '(created_at, id) < (?, ?)', params: [page.after.createdAt, page.after.id] }
      : { sql: '1', params: [] };
    const where = and([this.rowWhere(filter, true), after]);
    const rows = (
      this.statement(`SELECT ${COLUMNS} FROM send_log WHERE ${where.sql} ${ORDER} LIMIT ? OFFSET ?`).all(
        ...where.params,
        limit,
        offset,
      ) as unknown as DbRow[]
    ).map(toRow);
    const last = rows.at(-1);
    return {
      rows,
      ...(page.withTotals === false ? {} : { totals: this.totals(filter) }),
      next: last && rows.length === limit ? { createdAt: last.createdAt, id: last.id } : null,
    };
  }

  /**
   * Count, parts and cost of every row the filter matches. Without a search these come from the
   * day buckets for whole days plus an exact scan of the partial days at the range's edges. A search
   * is counted from the matching rows, up to `SEARCH_TOTALS_CAP` (then `capped`).
   */
  totals(filter: SendLogFilter): SendLogTotals {
    if (filter.search?.trim()) return this.searchTotals(filter);
    const firstDay = filter.from === undefined ? undefined : Math.ceil(filter.from / BUCKET_MS);
    const endDay = filter.to === undefined ? undefined : Math.floor(filter.to / BUCKET_MS);
    if (firstDay !== undefined && endDay !== undefined && firstDay >= endDay) {
      return this.exactTotals(filter, filter.from, filter.to);
    }
    const parts: TotalsRow[][] = [this.bucketTotals(filter, firstDay, endDay)];
    if (firstDay !== undefined && filter.from !== undefined && filter.from < firstDay * BUCKET_MS) {
      parts.push(this.exactTotalsRows(filter, filter.from, firstDay * BUCKET_MS));
    }
    if (endDay !== undefined && filter.to !== undefined && endDay * BUCKET_MS < filter.to) {
      parts.push(this.exactTotalsRows(filter, endDay * BUCKET_MS, filter.to));
    }
    return combineTotals(parts.flat());
  }

  /** Every matching row as CSV (masked numbers only), newest first. */
  exportCsv(filter: SendLogFilter): string {
    return this.export(filter).csv;
  }

  /** `exportCsv` plus the number of data rows written. */
  export(filter: SendLogFilter): { csv: string; rows: number } {
    const where = this.rowWhere(filter, true);
    const statement = this.db.prepare(`SELECT ${COLUMNS} FROM send_log WHERE ${where.sql} ${ORDER}`);
    let rows = 0;
    const csv = csvFromRows(
      mapIterable(statement.iterate(...where.params) as Iterable<unknown> as Iterable<DbRow>, (row) => {
        rows += 1;
        return toRow(row);
      }),
    );
    return { csv, rows };
  }

  /** Deletes rows created more than `days` days ago; returns how many. */
  purgeOlderThan(days: number): number {
    if (!Number.isFinite(days) || days < 0) throw new RangeError('days must be 0 or more');
    const cutoff = this.clock.now() - Math.round(days * DAY_MS);
    return this.transaction(() => {
      // Take the doomed rows out of the buckets first, grouped, in the same transaction.
      this.statement(
        `INSERT INTO send_log_totals (day, profile_id, purpose, status, mode, currency, count, parts, cost_micros, estimated)
         SELECT created_at / ${BUCKET_MS}, profile_id, purpose, status, mode, COALESCE(price_currency, ''),
           -count(*), -sum(parts), -sum(${rowMicros}), -sum(${rowEstimated})
         FROM send_log WHERE created_at < ? GROUP BY 1, 2, 3, 4, 5, 6
         ON CONFLICT DO UPDATE SET count = count + excluded.count, parts = parts + excluded.parts,
           cost_micros = cost_micros + excluded.cost_micros, estimated = estimated + excluded.estimated`,
      ).run(cutoff);
      this.statement('DELETE FROM send_log_totals WHERE count <= 0').run();
      return Number(this.statement('DELETE FROM send_log WHERE created_at < ?').run(cutoff).changes);
    });
  }

  /** Deletes every row; the freed pages are then vacuumed so the old rows leave the file too. */
  clear(): number {
    const deleted = this.transaction(() => {
      const n = Number(this.statement('DELETE FROM send_log').run().changes);
      this.statement('DELETE FROM send_log_totals').run();
      return n;
    });
    this.db.exec('VACUUM');
    this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    return deleted;
  }

  stats(): SendLogStats {
    const rows = this.statement('SELECT COALESCE(sum(count), 0) AS n FROM send_log_totals').get() as { n: number };
    const oldest = this.statement('SELECT min(created_at) AS t FROM send_log').get() as { t: number | null };
    return { rows: rows.n, oldestCreatedAt: oldest.t };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.db.exec('PRAGMA optimize');
    } finally {
      this.statements.clear();
      this.db.close();
    }
  }

  // ---- internals ------------------------------------------------------------------------------

  /** `forPage`: rows are wanted newest first, a page at a time (see `searchWhere` on broad terms). */
  private rowWhere(filter: SendLogFilter, forPage = false): SqlPart {
    const search = filter.search ? searchWhere(filter.search, (e164) => hashRecipient(this.hashKey, e164)) : null;
    const searchPart =
      search && search.broad && forPage ? { sql: `likelihood(${search.sql}, 0.9)`, params: search.params } : search;
    return and([dimensionWhere(filter), timeWhere(filter.from, filter.to), searchPart ?? { sql: '1', params: [] }]);
  }

  private bucketTotals(filter: SendLogFilter, firstDay?: number, endDay?: number): TotalsRow[] {
    const days: SqlPart[] = [];
    if (firstDay !== undefined) days.push({ sql: 'day >= ?', params: [firstDay] });
    if (endDay !== undefined) days.push({ sql: 'day < ?', params: [endDay] });
    const where = and([dimensionWhere(filter), ...days]);
    return this.statement(
      `SELECT currency, sum(count) AS count, sum(parts) AS parts, sum(cost_micros) AS cost_micros,
         sum(estimated) AS estimated
       FROM send_log_totals WHERE ${where.sql} GROUP BY currency`,
    ).all(...where.params) as unknown as TotalsRow[];
  }

  private exactTotalsRows(filter: SendLogFilter, from?: number, to?: number): TotalsRow[] {
    const where = this.rowWhere({ ...filter, from, to });
    return this.statement(
      `SELECT COALESCE(price_currency, '') AS currency, count(*) AS count, sum(parts) AS parts,
         sum(${rowMicros}) AS cost_micros, sum(${rowEstimated}) AS estimated
       FROM send_log WHERE ${where.sql} GROUP BY 1`,
    ).all(...where.params) as unknown as TotalsRow[];
  }

  private exactTotals(filter: SendLogFilter, from?: number, to?: number): SendLogTotals {
    return combineTotals(this.exactTotalsRows(filter, from, to));
  }

  private searchTotals(filter: SendLogFilter): SendLogTotals {
    const where = this.rowWhere(filter);
    const rows = this.statement(
      `SELECT currency, count(*) AS count, sum(parts) AS parts, sum(micros) AS cost_micros, sum(est) AS estimated
       FROM (SELECT COALESCE(price_currency, '') AS currency, parts, ${rowMicros} AS micros, ${rowEstimated} AS est
             FROM send_log WHERE ${where.sql} LIMIT ?)
       GROUP BY currency`,
    ).all(...where.params, SEARCH_TOTALS_CAP + 1) as unknown as TotalsRow[];
    const totals = combineTotals(rows);
    return totals.count > SEARCH_TOTALS_CAP ? { ...totals, capped: true } : totals;
  }

  private update(id: number, from: readonly SendLogStatus[], values: Record<string, SQLInputValue>): boolean {
    const columns = Object.keys(values);
    const sql =
      `UPDATE send_log SET ${columns.map((c) => `${c} = ?`).join(', ')}, updated_at = ? ` +
      `WHERE id = ? AND status IN (${from.map(() => '?').join(', ')})`;
    const result = this.statement(sql).run(...Object.values(values), this.clock.now(), id, ...from);
    return Number(result.changes) === 1;
  }

  private transaction<T>(work: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = work();
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Prepared statements are reused; filters produce a bounded number of distinct SQL texts. */
  private statement(sql: string): StatementSync {
    if (this.closed) throw new Error('send log is closed');
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= 200) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

const rowMicros = 'CAST(round(COALESCE(price_amount, 0) * 1000000) AS INTEGER)';
const rowEstimated = 'CASE WHEN price_amount IS NOT NULL AND price_is_estimate THEN 1 ELSE 0 END';

function combineTotals(rows: TotalsRow[]): SendLogTotals {
  let total = 0;
  let parts = 0;
  const byCurrency = new Map<string, { micros: number; estimated: number }>();
  for (const row of rows) {
    total += row.count ?? 0;
    parts += row.parts ?? 0;
    if (!row.currency) continue;
    const entry = byCurrency.get(row.currency) ?? { micros: 0, estimated: 0 };
    entry.micros += row.cost_micros ?? 0;
    entry.estimated += row.estimated ?? 0;
    byCurrency.set(row.currency, entry);
  }
  const cost: CostTotal[] = [...byCurrency]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, e]) => ({ currency, amount: e.micros / 1_000_000, includesEstimates: e.estimated > 0 }));
  return { count: total, parts, cost };
}

function toRow(r: DbRow): SendLogRow {
  return {
    id: r.id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    profileId: r.profile_id,
    participantNumber: r.participant_number,
    purpose: r.purpose,
    recipientMasked: r.recipient_masked,
    recipientHash: r.recipient_hash,
    country: r.country,
    originator: r.originator,
    messagebirdId: r.messagebird_id,
    status: r.status,
    statusReason: r.status_reason,
    errorCode: r.error_code,
    parts: r.parts,
    priceAmount: r.price_amount,
    priceCurrency: r.price_currency,
    priceIsEstimate: r.price_is_estimate === 1,
    mode: r.mode,
  };
}

function* mapIterable<A, B>(items: Iterable<A>, map: (a: A) => B): Generator<B> {
  for (const item of items) yield map(item);
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): asserts value is T {
  if (!(allowed as readonly string[]).includes(value)) throw new RangeError(`invalid ${name}`);
}

const ACCEPTED_STATUSES = ['sent', 'buffered', 'delivered', 'delivery_failed', 'expired', 'not_delivered_test_key'] as const;

function acceptedStatus(status: AcceptedStatus): SendLogStatus {
  // MessageBird reports `scheduled` briefly before sending; the app never schedules, so it reads as sent.
  const stored: string = status === 'scheduled' ? 'sent' : status;
  oneOf(stored, ACCEPTED_STATUSES, 'status');
  return stored;
}

function count(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError('expected a whole number ≥ 0');
  return value;
}

function checkedPrice(price: Price): Price {
  if (!Number.isFinite(price.amount) || price.amount < 0) throw new RangeError('invalid price amount');
  if (!/^[A-Z]{3}$/.test(price.currency)) throw new RangeError('invalid price currency');
  return price;
}

function partsAndPrice(parts: number | null | undefined, price: Price | null): Record<string, SQLInputValue> {
  return {
    ...(parts != null ? { parts: count(parts) } : {}),
    ...(price ? { price_amount: price.amount, price_currency: price.currency, price_is_estimate: 0 } : {}),
  };
}

/** Identifiers the caller chose (profile id, participant number, sender), capped. */
function cap(value: string, max: number): string {
  if (typeof value !== 'string' || value === '') throw new RangeError('expected a non-empty text');
  return value.slice(0, max);
}

/**
 * Free text from MessageBird or the gateway, capped. Runs of six or more digits are blanked: a
 * provider message could echo a phone number or a code, and the log must hold neither.
 */
function text(value: string, max: number): string {
  return String(value).replace(/\+?\d[\d ]{4,}\d/g, (run) => (run.replace(/\D/g, '').length >= 6 ? '••••' : run)).slice(0, max);
}

function optionalText(value: string | null | undefined): string | null {
  return value == null || value === '' ? null : text(value, MAX_TEXT);
}

function errorCode(value: string | number | null | undefined): string | null {
  if (value == null || value === '') return null;
  const code = String(value);
  if (!/^[A-Za-z0-9_.:-]{1,40}$/.test(code)) throw new RangeError('invalid error code');
  return code;
}
