import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Owner only: the data folder holds the admin's phone numbers, the send log and the vault. */
export const DATA_DIR_MODE = 0o700;
export const DATA_FILE_MODE = 0o600;

/**
 * Makes the data folder 0700 and every file in it (and in its sub-folders) 0600, also when the folder
 * already existed with looser modes from an older version or another tool. Run at start, after the
 * send log is open, so its `-wal` and `-shm` files are included. POSIX only; best effort per entry (a
 * file another user owns cannot be changed, and that is no reason not to start).
 * @see docs/SECURITY.md (Data on disk)
 */
export function tightenDataFolder(dataDir: string, log: (message: string) => void = () => {}): void {
  if (process.platform === 'win32') return;
  mkdirSync(dataDir, { recursive: true, mode: DATA_DIR_MODE });
  tighten(dataDir, 0, log);
}

function tighten(dir: string, depth: number, log: (message: string) => void): void {
  setMode(dir, DATA_DIR_MODE, log);
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    // Symbolic links are left alone: chmod would follow them out of the folder.
    if (stat.isDirectory() && depth < 3) tighten(path, depth + 1, log);
    else if (stat.isFile()) setMode(path, DATA_FILE_MODE, log);
  }
}

function setMode(path: string, mode: number, log: (message: string) => void): void {
  try {
    if ((lstatSync(path).mode & 0o777) !== mode) chmodSync(path, mode);
  } catch (error) {
    log(`Could not restrict ${path} to mode ${mode.toString(8)}: ${(error as Error).message}`);
  }
}

/**
 * Creates a database file empty with mode 0600 before SQLite opens it, or restricts an existing one
 * (and its `-wal`/`-shm`). SQLite creates the database 0644 by default and gives its WAL and shared-
 * memory files the database file's mode, so this one mode decides all three.
 */
export function prepareSecretFile(path: string): void {
  if (process.platform === 'win32') return;
  if (!existsSync(path)) {
    try {
      closeSync(openSync(path, 'wx', DATA_FILE_MODE));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      if (existsSync(file)) chmodSync(file, DATA_FILE_MODE);
    } catch {
      // Best effort, as above; the folder's 0700 still keeps other users out.
    }
  }
}
