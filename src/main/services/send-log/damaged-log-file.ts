import { closeSync, existsSync, openSync, readSync, renameSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { StartupWarning } from '@shared/contract/platform';
import { closedCleanly, emptiedSinceCleanClose } from './clean-close';
import { MIGRATIONS, SendLogTooNewError } from './schema';
import { loadDatabaseSync } from './sqlite-driver';

/** SQLite's primary result codes that mean "the file's content is bad", not an I/O or lock problem. */
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

/** The 100-byte SQLite header starts with this text; `user_version` is the big-endian int at 60. */
const SQLITE_MAGIC = 'SQLite format 3\0';
const HEADER_BYTES = 100;
const USER_VERSION_OFFSET = 60;

export type LogFileHealth = 'absent' | 'healthy' | 'damaged';

export interface LogHealthOptions {
  /** Called just before `PRAGMA quick_check` runs, i.e. when the whole file is read (tests, metrics). */
  onQuickCheck?: () => void;
}

/**
 * Checks the log file before the service opens it: `damaged` when it is not a SQLite database, its
 * schema cannot be read, or `PRAGMA quick_check` finds a fault. Throws `SendLogTooNewError` for a file
 * from a newer app version (checked first, from the raw header, so a newer schema this SQLite cannot
 * parse is never taken for damage), and rethrows any other error (permissions, disk, locks): those are
 * not the file's fault.
 *
 * quick_check reads every page (0.5–1 s at 1M rows), so it runs only when the previous run did not
 * close the log cleanly or the file changed since (see clean-close.ts for why that is enough). The
 * header, schema and version reads run on every start: they cost a page or two and catch a file that
 * is not a database, or whose schema pages are damaged, whatever the marker says.
 * @see docs/SECURITY.md (Reliability: a crash at any moment leaves the log readable)
 */
export function logFileHealth(path: string, knownVersion: number = MIGRATIONS.length, options: LogHealthOptions = {}): LogFileHealth {
  if (!existsSync(path)) return 'absent';
  const headerVersion = headerUserVersion(path);
  if (headerVersion !== null && headerVersion > knownVersion) {
    throw new SendLogTooNewError(headerVersion, knownVersion, path);
  }
  const fullCheck = !closedCleanly(path);
  const DatabaseSync = loadDatabaseSync();
  let db: InstanceType<typeof DatabaseSync> | undefined;
  try {
    // Read-only: the check must not change what may be moved aside. A writing connection would
    // checkpoint the WAL into a damaged file on close, or reset a WAL it cannot read.
    db = new DatabaseSync(path, { readOnly: true });
    // Parses the whole schema: "not a database" and a malformed schema page throw here, on every start.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    if (fullCheck) {
      options.onQuickCheck?.();
      const rows = db.prepare('PRAGMA quick_check').all() as Array<{ quick_check: string }>;
      if (rows.length !== 1 || rows[0]?.quick_check !== 'ok') return 'damaged';
    }
    // Through SQLite this time: a version bump still in the WAL file is not in the raw header yet.
    const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
    if (version > knownVersion) throw new SendLogTooNewError(version, knownVersion, path);
    return 'healthy';
  } catch (error) {
    if (isDamagedFileError(error)) return 'damaged';
    throw error;
  } finally {
    db?.close();
  }
}

/**
 * Moves a damaged log (with its `-wal` and `-shm` files, which belong to it) to
 * `send-log.corrupt-<timestamp>.sqlite` beside it, so the service can start a fresh log while the old
 * rows stay on disk for recovery. Returns the `send_log_corrupt` warning, or nothing when the file is
 * absent or healthy. Throws what `logFileHealth` throws.
 */
export function moveAsideIfDamaged(path: string, now: () => number, options: LogHealthOptions = {}): StartupWarning | undefined {
  const emptied = emptiedSinceCleanClose(path);
  if (emptied !== undefined) return { code: 'send_log_emptied', movedTo: moveLogAside(path, 'emptied', now()), rows: emptied };
  if (logFileHealth(path, MIGRATIONS.length, options) !== 'damaged') return undefined;
  return { code: 'send_log_corrupt', movedTo: moveLogAside(path, 'corrupt', now()) };
}

/**
 * Renames the log (with its `-wal` and `-shm` files) to `send-log.<label>-<at>.sqlite` beside it and
 * returns the new path. Used at start and by a running log that meets a corruption error.
 */
export function moveLogAside(path: string, label: 'corrupt' | 'emptied', at: number): string {
  const extension = extname(path);
  const movedTo = join(dirname(path), `${basename(path, extension)}.${label}-${at}${extension}`);
  renameSync(path, movedTo);
  // Same suffixes as SQLite's, so opening the moved file later still finds its committed WAL frames.
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, movedTo + suffix);
  }
  return movedTo;
}

/** `user_version` from the file's header, or null when the file does not start like a SQLite database. */
function headerUserVersion(path: string): number | null {
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(path, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  if (read < HEADER_BYTES || header.toString('latin1', 0, SQLITE_MAGIC.length) !== SQLITE_MAGIC) return null;
  return header.readInt32BE(USER_VERSION_OFFSET);
}

/** node:sqlite errors carry SQLite's extended result code in `errcode`; its low byte is the primary code. */
export function isDamagedFileError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('errcode' in error)) return false;
  const primary = Number((error as { errcode: unknown }).errcode) & 0xff;
  return primary === SQLITE_CORRUPT || primary === SQLITE_NOTADB;
}
