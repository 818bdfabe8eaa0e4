import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';

/**
 * A marker beside the log (`send-log.sqlite.clean-close`) saying "the last run closed this file
 * cleanly, and this is how it looked then". Start-up uses it to skip `PRAGMA quick_check`, which reads
 * the whole file (0.5–1 s at 1M rows) before the window opens.
 *
 * Why that is safe: damage from our own writes can only happen while a connection is open, and
 * SQLite's WAL keeps the file consistent even then; quick_check is the belt-and-braces for a run that
 * ended abnormally (crash, SIGKILL, power cut, disk full mid-checkpoint). So the marker is removed
 * when the log is opened for writing and only written again after `close()` has checkpointed and
 * closed the connection: any run that does not reach a clean close leaves no marker, and the next
 * start runs the full check. The marker also records the file's size and modification time, so a file
 * changed by anything else after the clean close (a restore, a copy, a tool, a truncation) does not
 * match and is checked in full too. Cheap header and schema reads still run on every start
 * (`logFileHealth`), so a file that is not a database at all is caught either way.
 *
 * The modification time is set back to a whole second in the past when the marker is written: file
 * systems stamp writes with a coarse clock (a few ms, up to seconds), so a change made right after
 * the close could otherwise keep the very same time (git's "racy clean" problem). Any later write is
 * stamped with the real time, never equal to that whole second, so it always breaks the match.
 */
interface Fingerprint {
  size: number;
  mtimeMs: number;
  /** Rows the log held at the clean close: a file found empty later lost them, which is reported. */
  rows?: number;
}

function markerPath(path: string): string {
  return `${path}.clean-close`;
}

/** True for paths that name a file on disk (not `:memory:` or a `file:` URI), which may have a marker. */
export function isPlainFilePath(path: string): boolean {
  return path !== '' && path !== ':memory:' && !path.startsWith('file:');
}

/**
 * Called before the log is opened for writing: from now on, a crash must leave no marker behind.
 * Never throws: should the removal fail, the first write changes the file's modification time, which
 * already makes the stale marker not match.
 */
export function forgetCleanClose(path: string): void {
  try {
    rmSync(markerPath(path), { force: true });
  } catch {
    // See above.
  }
}

/**
 * Called after the connection closed without error. Best effort: when anything fails, no marker is
 * written and the next start simply runs the full check.
 */
export function recordCleanClose(path: string, now: number = Date.now(), rows?: number): void {
  try {
    // A WAL still holding frames means the close did not checkpoint (another connection had the file open).
    if (walBytes(path) > 0) return;
    const stamp = Math.floor(now / 1000) - 1;
    utimesSync(path, stamp, stamp);
    const { size, mtimeMs } = statSync(path);
    const fingerprint: Fingerprint = { size, mtimeMs, ...(rows !== undefined ? { rows } : {}) };
    writeFileSync(markerPath(path), JSON.stringify(fingerprint), { mode: 0o600 });
  } catch {
    forgetCleanClose(path);
  }
}

/** True when the marker is there and the file (and its empty WAL) are exactly as the clean close left them. */
export function closedCleanly(path: string): boolean {
  try {
    if (!existsSync(markerPath(path)) || walBytes(path) > 0) return false;
    const marker = JSON.parse(readFileSync(markerPath(path), 'utf8')) as Partial<Fingerprint>;
    const { size, mtimeMs } = statSync(path);
    return marker.size === size && marker.mtimeMs === mtimeMs;
  } catch {
    return false;
  }
}

/**
 * The rows the last clean close recorded when the file is now 0 bytes (emptied by something else: a
 * failed copy, a tool, a full disk); undefined otherwise. SQLite opens an empty file as a new, empty
 * database without complaint, so without this the rows would vanish unreported.
 */
export function emptiedSinceCleanClose(path: string): number | undefined {
  try {
    if (!existsSync(markerPath(path)) || !existsSync(path) || statSync(path).size !== 0) return undefined;
    const marker = JSON.parse(readFileSync(markerPath(path), 'utf8')) as Partial<Fingerprint>;
    return typeof marker.rows === 'number' && marker.rows > 0 ? marker.rows : undefined;
  } catch {
    return undefined;
  }
}

function walBytes(path: string): number {
  return existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0;
}

