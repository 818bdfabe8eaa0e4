import type * as NodeSqlite from 'node:sqlite';
import type { DatabaseSync } from 'node:sqlite';

/** Thrown when this Node has no `node:sqlite` (Node < 22.13 without `--experimental-sqlite`). */
export class SqliteUnavailableError extends Error {
  constructor() {
    super(
      `node:sqlite is not available in Node ${process.versions.node}; ` +
        'use Node 22.13 or newer (or start Node with --experimental-sqlite)',
    );
    this.name = 'SqliteUnavailableError';
  }
}

/**
 * Loads the built-in SQLite at run time instead of a static `import`, for two reasons: an older Node
 * gets a clear error instead of a crash at module load, and bundlers (electron-vite, the host's vite
 * build, vitest) never have to recognise `node:sqlite` as a built-in (it exists only with the prefix).
 * Electron 45 (Node 24) and Node ≥ 22.13 have it without a flag; Node 22 prints an ExperimentalWarning.
 */
export function loadDatabaseSync(): typeof DatabaseSync {
  let mod: typeof NodeSqlite | undefined;
  try {
    mod = process.getBuiltinModule('node:sqlite');
  } catch {
    mod = undefined;
  }
  if (!mod?.DatabaseSync) throw new SqliteUnavailableError();
  return mod.DatabaseSync;
}
