import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { SendLog } from '../../../../../src/main/services/send-log/send-log';
import { MIGRATIONS, SendLogTooNewError, migrate, schemaVersion } from '../../../../../src/main/services/send-log/schema';
import { KEY, manualClock, pending, tempDir } from './helpers';

describe('schema and migrations', () => {
  it('creates the schema in an empty (zero-byte) file, in WAL mode with synchronous=NORMAL', () => {
    const path = join(tempDir(), 'send-log.sqlite');
    writeFileSync(path, '');
    const log = new SendLog({ path, clock: manualClock(), hashKey: KEY });
    log.close();
    const db = new DatabaseSync(path);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    const names = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE 'send_log_%'").all() as Array<{ name: string }>).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['send_log_by_time', 'send_log_by_profile', 'send_log_by_status', 'send_log_by_purpose', 'send_log_by_messagebird_id', 'send_log_by_tail', 'send_log_by_hash']));
    db.close();
  });

  it('sets synchronous=NORMAL on its connection', () => {
    const path = join(tempDir(), 'send-log.sqlite');
    const log = new SendLog({ path, clock: manualClock(), hashKey: KEY });
    // The private handle is inspected on purpose: the pragma is per connection, not stored in the file.
    const db = (log as unknown as { db: DatabaseSync }).db;
    expect(db.prepare('PRAGMA synchronous').get()).toEqual({ synchronous: 1 });
    log.close();
  });

  it('keeps rows across close and re-open without migrating again', () => {
    const path = join(tempDir(), 'send-log.sqlite');
    const clock = manualClock();
    const first = new SendLog({ path, clock, hashKey: KEY });
    const id = first.appendPending(pending());
    first.close();
    const second = new SendLog({ path, clock, hashKey: KEY });
    expect(second.get(id)?.recipientMasked).toBe('+31 6 •••• 5678');
    expect(second.totals({}).count).toBe(1);
    second.close();
  });

  it('runs later migrations in order and records each version', () => {
    const db = new DatabaseSync(':memory:');
    const known = MIGRATIONS.length;
    expect(migrate(db, MIGRATIONS)).toBe(known);
    const extra = [...MIGRATIONS, 'ALTER TABLE send_log ADD COLUMN note TEXT', 'CREATE INDEX send_log_by_note ON send_log (note)'];
    expect(migrate(db, extra)).toBe(known + 2);
    expect(schemaVersion(db)).toBe(known + 2);
    expect(migrate(db, extra)).toBe(known + 2); // nothing left to do
    db.close();
  });

  it('version 2 counts the last two days of an existing version-1 log for the caps', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db, MIGRATIONS.slice(0, 1));
    const insert = db.prepare(
      `INSERT INTO send_log (created_at, updated_at, profile_id, participant_number, purpose, recipient_masked, recipient_tail_rev,
        recipient_hash, country, originator, status, parts, mode) VALUES (?, ?, 'p', '12345', 'test', 'm', 't', 'h', 'NL', 'A', ?, 1, 'live')`,
    );
    const now = Date.now();
    insert.run(now - 3_600_000, now, 'sent');
    insert.run(now - 3_600_000, now, 'failed');
    insert.run(now - 5 * 86_400_000, now, 'sent');
    migrate(db);
    expect(db.prepare('SELECT count(*) AS n FROM send_counts WHERE counted = 1').get()).toEqual({ n: 1 });
    db.close();
  });

  it('rolls back a failing migration and keeps the previous version', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db);
    expect(() => migrate(db, [...MIGRATIONS, 'CREATE TABLE extra (x); SELECT * FROM no_such_table'])).toThrow();
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'extra'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a file written by a newer app', () => {
    const path = join(tempDir(), 'send-log.sqlite');
    const db = new DatabaseSync(path);
    db.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => new SendLog({ path, clock: manualClock(), hashKey: KEY })).toThrow(SendLogTooNewError);
  });

  it('refuses to change the columns the totals are keyed on', () => {
    const db = new DatabaseSync(':memory:');
    migrate(db);
    db.exec(`INSERT INTO send_log (created_at, updated_at, profile_id, participant_number, purpose, recipient_masked,
      recipient_tail_rev, recipient_hash, country, originator, status, parts, mode)
      VALUES (1, 1, 'p', '1', 'test', 'm', '1', 'h', 'NL', 'o', 'pending', 1, 'live')`);
    expect(() => db.exec("UPDATE send_log SET profile_id = 'q'")).toThrow(/immutable/);
    db.close();
  });
});
