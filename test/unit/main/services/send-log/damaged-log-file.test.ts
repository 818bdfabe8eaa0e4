import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { SEND_LOG_FILE, SendLogTooNewError, openSendLogOnStart } from '../../../../../src/main/services/send-log';
import { logFileHealth } from '../../../../../src/main/services/send-log/damaged-log-file';
import { MIGRATIONS } from '../../../../../src/main/services/send-log/schema';
import { manualClock, pending, tempDir } from './helpers';

const PAGE = 4096;

/** A data folder whose send log holds `rows` rows, written and closed by the real service. */
function folderWithLog(rows: number) {
  const dir = tempDir();
  const clock = manualClock();
  const { log } = openSendLogOnStart(dir, clock, 365);
  for (let i = 0; i < rows; i++) log.appendPending(pending({ recipient: `+3161234${String(i).padStart(4, '0')}` }));
  log.close();
  return { dir, clock, path: join(dir, SEND_LOG_FILE) };
}

/** Opens the log the way the app starts it and returns what start-up reported. */
function start(dir: string, clock = manualClock()) {
  const { log, warning } = openSendLogOnStart(dir, clock, 365);
  const rows = log.stats().rows;
  log.close();
  return { warning, rows };
}

/**
 * Byte offset of a leaf page of the `send_log` table: the right-most child of its root (a table
 * interior page, type 0x05, once the table spans several pages). Not a schema page, so the file
 * still opens.
 */
function sendLogLeafPage(path: string, file: Buffer): number {
  const db = new DatabaseSync(path, { readOnly: true });
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'send_log'").get() as { rootpage: number };
  db.close();
  const root = (rootpage - 1) * PAGE;
  expect(file[root]).toBe(0x05);
  const leaf = (file.readUInt32BE(root + 8) - 1) * PAGE;
  expect(file[leaf]).toBe(0x0d);
  return leaf;
}

describe('send log start-up with a damaged file', () => {
  it('moves a file of garbage bytes aside, starts an empty log and reports where the file went', () => {
    const dir = tempDir();
    const garbage = Buffer.from('this is not a database, just bytes '.repeat(300));
    writeFileSync(join(dir, SEND_LOG_FILE), garbage);
    const clock = manualClock(Date.UTC(2026, 1, 2, 3, 4, 5));

    const { warning, rows } = start(dir, clock);

    const movedTo = join(dir, `send-log.corrupt-${clock.now()}.sqlite`);
    expect(warning).toEqual({ code: 'send_log_corrupt', movedTo });
    expect(readFileSync(movedTo)).toEqual(garbage); // kept byte for byte, not reset
    expect(rows).toBe(0);
    expect(logFileHealth(join(dir, SEND_LOG_FILE))).toBe('healthy');
  });

  it('moves a truncated database aside together with its -wal and -shm files', () => {
    const { dir, path } = folderWithLog(1000);
    const bytes = readFileSync(path);
    expect(bytes.length).toBeGreaterThan(8 * PAGE);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    writeFileSync(`${path}-wal`, 'wal of the damaged file');
    writeFileSync(`${path}-shm`, Buffer.alloc(32_768));
    const clock = manualClock(Date.UTC(2026, 1, 2));

    const { warning, rows } = start(dir, clock);

    const movedTo = join(dir, `send-log.corrupt-${clock.now()}.sqlite`);
    expect(warning).toEqual({ code: 'send_log_corrupt', movedTo });
    expect(statSync(movedTo).size).toBe(Math.floor(bytes.length / 2));
    expect(readFileSync(`${movedTo}-wal`, 'utf8')).toBe('wal of the damaged file');
    expect(existsSync(`${movedTo}-shm`)).toBe(true);
    expect(rows).toBe(0);
  });

  it('moves aside a database that opens but fails PRAGMA quick_check (a damaged table page)', () => {
    const { dir, path } = folderWithLog(1000);
    const bytes = Buffer.from(readFileSync(path));
    // Zero the cell pointers of one leaf page: the header and schema stay readable, so the file opens
    // and reports its version; only quick_check sees that the page's cells point nowhere.
    const leaf = sendLogLeafPage(path, bytes);
    bytes.fill(0, leaf + 8, leaf + 8 + 40);
    writeFileSync(path, bytes);
    const before = new DatabaseSync(path, { readOnly: true });
    expect(before.prepare('PRAGMA user_version').get()).toEqual({ user_version: MIGRATIONS.length });
    expect(before.prepare('PRAGMA quick_check').get()).not.toEqual({ quick_check: 'ok' });
    before.close();

    const clock = manualClock(Date.UTC(2026, 1, 3));
    const { warning, rows } = start(dir, clock);

    expect(warning).toEqual({ code: 'send_log_corrupt', movedTo: join(dir, `send-log.corrupt-${clock.now()}.sqlite`) });
    expect(rows).toBe(0);
  });

  it('keeps a healthy log and its rows, with no warning', () => {
    const { dir } = folderWithLog(25);
    const { warning, rows } = start(dir);
    expect(warning).toBeUndefined();
    expect(rows).toBe(25);
    expect(readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
  });

  it('refuses a log from a newer app version with a clear error and leaves the file untouched', () => {
    const { dir, path } = folderWithLog(10);
    const db = new DatabaseSync(path);
    db.exec(`PRAGMA user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    const before = readFileSync(path);

    let thrown: unknown;
    try {
      start(dir);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SendLogTooNewError);
    expect(thrown).toMatchObject({ fileVersion: MIGRATIONS.length + 1, knownVersion: MIGRATIONS.length, path });
    // The text the admin reads in the start-up error names the file and what to do.
    expect((thrown as Error).message).toContain(path);
    expect((thrown as Error).message).toMatch(/newer version of SMS Provider Admin.*left unchanged.*Start the newer version/);
    expect(readFileSync(path)).toEqual(before);
    expect(readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
  });

  it('refuses a newer log even when this SQLite cannot read its schema (never taken for damage)', () => {
    const { dir, path } = folderWithLog(1000);
    const bytes = Buffer.from(readFileSync(path));
    bytes.writeInt32BE(MIGRATIONS.length + 5, 60); // user_version in the header
    const leaf = sendLogLeafPage(path, bytes);
    bytes.fill(0, leaf + 8, leaf + 8 + 40); // and a page this version would call damaged
    writeFileSync(path, bytes);

    expect(() => start(dir)).toThrow(SendLogTooNewError);
    expect(readFileSync(path)).toEqual(bytes);
    expect(readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
  });
});
