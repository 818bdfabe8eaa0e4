import type { DatabaseSync } from 'node:sqlite';

/** Width of a bucket in the maintained totals; a UTC day keeps bucket counts small at 1M rows. */
export const BUCKET_MS = 86_400_000;

/** Price in millionths, so sums over a million rows stay exact (prices are fractions of a cent). */
const micros = (row: 'NEW' | 'OLD') => `CAST(round(COALESCE(${row}.price_amount, 0) * 1000000) AS INTEGER)`;
const estimated = (row: 'NEW' | 'OLD') =>
  `(CASE WHEN ${row}.price_amount IS NOT NULL AND ${row}.price_is_estimate THEN 1 ELSE 0 END)`;
const bucketKey = (row: 'NEW' | 'OLD') =>
  `day = ${row}.created_at / ${BUCKET_MS} AND profile_id = ${row}.profile_id AND purpose = ${row}.purpose ` +
  `AND status = ${row}.status AND mode = ${row}.mode AND currency = COALESCE(${row}.price_currency, '')`;
const addNew = `
  INSERT INTO send_log_totals (day, profile_id, purpose, status, mode, currency, count, parts, cost_micros, estimated)
  VALUES (NEW.created_at / ${BUCKET_MS}, NEW.profile_id, NEW.purpose, NEW.status, NEW.mode,
          COALESCE(NEW.price_currency, ''), 1, NEW.parts, ${micros('NEW')}, ${estimated('NEW')})
  ON CONFLICT DO UPDATE SET count = count + 1, parts = parts + excluded.parts,
    cost_micros = cost_micros + excluded.cost_micros, estimated = estimated + excluded.estimated;`;

const statusList = `'pending','sent','buffered','delivered','delivery_failed','expired','failed','unknown','not_delivered_test_key'`;

/**
 * Version 1. `send_log_totals` holds count, parts and cost per (day, profile, purpose, status, mode,
 * currency), kept current by triggers on insert and update, so totals for a 1M-row filter read a few
 * thousand buckets instead of a million rows. Deletes (purge, clear) adjust it in the service, in the
 * same transaction, because a per-row delete trigger would make clearing a large log slow.
 */
const V1 = `
CREATE TABLE send_log (
  id INTEGER PRIMARY KEY,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  profile_id TEXT NOT NULL,
  participant_number TEXT NOT NULL,
  purpose TEXT NOT NULL CHECK (purpose IN ('confirmation', 'test')),
  recipient_masked TEXT NOT NULL,
  recipient_tail_rev TEXT NOT NULL,
  recipient_hash TEXT NOT NULL,
  country TEXT NOT NULL,
  originator TEXT NOT NULL,
  messagebird_id TEXT,
  status TEXT NOT NULL CHECK (status IN (${statusList})),
  status_reason TEXT,
  error_code TEXT,
  parts INTEGER NOT NULL CHECK (parts >= 0),
  price_amount REAL,
  price_currency TEXT,
  price_is_estimate INTEGER NOT NULL DEFAULT 1,
  mode TEXT NOT NULL CHECK (mode IN ('live', 'test', 'sandbox'))
);
CREATE INDEX send_log_by_time ON send_log (created_at);
CREATE INDEX send_log_by_profile ON send_log (profile_id, created_at);
CREATE INDEX send_log_by_status ON send_log (status, created_at);
CREATE INDEX send_log_by_purpose ON send_log (purpose, created_at);
CREATE INDEX send_log_by_messagebird_id ON send_log (messagebird_id) WHERE messagebird_id IS NOT NULL;
CREATE INDEX send_log_by_tail ON send_log (recipient_tail_rev);
CREATE INDEX send_log_by_masked ON send_log (recipient_masked);
CREATE INDEX send_log_by_hash ON send_log (recipient_hash, created_at);
CREATE INDEX send_log_in_flight ON send_log (id) WHERE status IN ('sent', 'buffered');

CREATE TABLE send_log_totals (
  day INTEGER NOT NULL,
  profile_id TEXT NOT NULL,
  purpose TEXT NOT NULL,
  status TEXT NOT NULL,
  mode TEXT NOT NULL,
  currency TEXT NOT NULL,
  count INTEGER NOT NULL,
  parts INTEGER NOT NULL,
  cost_micros INTEGER NOT NULL,
  estimated INTEGER NOT NULL,
  PRIMARY KEY (day, profile_id, purpose, status, mode, currency)
) WITHOUT ROWID;

CREATE TRIGGER send_log_totals_insert AFTER INSERT ON send_log
BEGIN ${addNew}
END;

CREATE TRIGGER send_log_totals_update
AFTER UPDATE OF status, parts, price_amount, price_currency, price_is_estimate ON send_log
WHEN OLD.status IS NOT NEW.status OR OLD.parts IS NOT NEW.parts OR OLD.price_amount IS NOT NEW.price_amount
  OR OLD.price_currency IS NOT NEW.price_currency OR OLD.price_is_estimate IS NOT NEW.price_is_estimate
BEGIN
  UPDATE send_log_totals SET count = count - 1, parts = parts - OLD.parts,
    cost_micros = cost_micros - ${micros('OLD')}, estimated = estimated - ${estimated('OLD')}
  WHERE ${bucketKey('OLD')};
  DELETE FROM send_log_totals WHERE ${bucketKey('OLD')} AND count = 0;
  ${addNew}
END;

-- The bucket key columns never change after insert; refusing it keeps the totals right.
CREATE TRIGGER send_log_key_immutable
BEFORE UPDATE OF created_at, profile_id, purpose, mode ON send_log
WHEN OLD.created_at IS NOT NEW.created_at OR OLD.profile_id IS NOT NEW.profile_id
  OR OLD.purpose IS NOT NEW.purpose OR OLD.mode IS NOT NEW.mode
BEGIN
  SELECT RAISE(ABORT, 'send_log: created_at, profile_id, purpose and mode are immutable');
END;
`;

/** How long a send counts for the caps; the caps look back 24 hours, this keeps a day's margin. */
export const SEND_COUNT_KEEP_MS = 2 * 86_400_000;

/**
 * Version 2. `send_counts`: one row per send for the cost caps (daily cap per profile for test sends,
 * daily cap on confirmation SMS), written by a trigger in the same transaction as the log row, and
 * never touched by clearing the log or by retention: otherwise "send, clear, send" would pass the cap
 * and the evidence would be gone (docs/SECURITY.md "Cost abuse"). A send MessageBird refused
 * (`failed`) stops counting, as before. Rows older than two days are dropped as new ones arrive.
 * `log_id` is not unique: row ids start again after the log was cleared.
 * `send_log_events`: when the log was cleared or purged and how many rows went, kept visible.
 */
const V2 = `
CREATE TABLE send_counts (
  id INTEGER PRIMARY KEY,
  log_id INTEGER NOT NULL,
  at INTEGER NOT NULL,
  profile_id TEXT NOT NULL,
  purpose TEXT NOT NULL,
  counted INTEGER NOT NULL
);
CREATE INDEX send_counts_by_purpose ON send_counts (purpose, at);
CREATE INDEX send_counts_by_time ON send_counts (at);
CREATE INDEX send_counts_by_log_id ON send_counts (log_id);
INSERT INTO send_counts (log_id, at, profile_id, purpose, counted)
  SELECT id, created_at, profile_id, purpose, status <> 'failed' FROM send_log
  WHERE created_at >= CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) - ${SEND_COUNT_KEEP_MS};

CREATE TRIGGER send_counts_insert AFTER INSERT ON send_log
BEGIN
  INSERT INTO send_counts (log_id, at, profile_id, purpose, counted)
  VALUES (NEW.id, NEW.created_at, NEW.profile_id, NEW.purpose, NEW.status <> 'failed');
  DELETE FROM send_counts WHERE at < NEW.created_at - ${SEND_COUNT_KEEP_MS};
END;

CREATE TRIGGER send_counts_failed AFTER UPDATE OF status ON send_log
WHEN NEW.status = 'failed' AND OLD.status IS NOT 'failed'
BEGIN
  UPDATE send_counts SET counted = 0 WHERE log_id = NEW.id AND at = NEW.created_at;
END;

CREATE TABLE send_log_events (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('cleared', 'purged')),
  rows INTEGER NOT NULL
);
`;

/** Migration N (index N-1) brings `user_version` from N-1 to N. Append only; never edit a shipped one. */
export const MIGRATIONS: readonly string[] = [V1, V2];

/**
 * The file was written by a newer version of the app; opening it could corrupt its data. It is never
 * moved aside or reset (a downgrade must not lose the log): the app refuses to start and says why.
 */
export class SendLogTooNewError extends Error {
  readonly fileVersion: number;
  readonly knownVersion: number;
  readonly path: string | undefined;
  // Plain fields, not parameter properties: the bench and crash child load this file with Node's type stripping.
  constructor(fileVersion: number, knownVersion: number, path?: string) {
    // With a path this is the text the admin sees in the start-up error (Electron dialog, host console).
    super(
      path === undefined
        ? `send log schema version ${fileVersion} is newer than this app understands (${knownVersion})`
        : `The send log ${path} was written by a newer version of SMS Provider Admin ` +
            `(log version ${fileVersion}; this version reads up to ${knownVersion}). The file was left unchanged. ` +
            'Start the newer version of the app, or move the file elsewhere to start with an empty send log.',
    );
    this.name = 'SendLogTooNewError';
    this.fileVersion = fileVersion;
    this.knownVersion = knownVersion;
    this.path = path;
  }
}

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number } | undefined;
  return row?.user_version ?? 0;
}

/**
 * Brings the file to the latest schema. Each step runs in its own transaction together with its
 * `user_version` bump, so a crash mid-migration leaves the previous version intact.
 */
export function migrate(db: DatabaseSync, migrations: readonly string[] = MIGRATIONS): number {
  const from = schemaVersion(db);
  if (from > migrations.length) throw new SendLogTooNewError(from, migrations.length);
  for (let version = from; version < migrations.length; version++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migrations[version] as string);
      db.exec(`PRAGMA user_version = ${version + 1}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
  return migrations.length;
}
