import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Options } from 'conf';
import type { StartupWarning } from '@shared/contract/platform';
import type { KeyValueStore } from '../ports';
import { settingsJsonSchema } from './settings-schema';

export const SETTINGS_CONFIG_NAME = 'config';

export type SettingsStoreOptions = Options<Record<string, unknown>>;

/**
 * Options shared by electron-store (app) and conf (browser host): file `config.json` in the data folder,
 * mode 0600, schema-validated. `clearInvalidConfig: false` so a bad file throws instead of being wiped;
 * `openSettingsStore` then moves it aside and reports it. No `encryptionKey`: that is obfuscation.
 * @see docs/SECURITY.md (Reliability: a corrupt settings file is moved aside and reported, not silently reset)
 */
export function settingsStoreOptions(dir: string): SettingsStoreOptions {
  return {
    cwd: dir,
    configName: SETTINGS_CONFIG_NAME,
    fileExtension: 'json',
    schema: settingsJsonSchema(),
    configFileMode: 0o600,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
    watch: false,
  };
}

/**
 * The settings file exists but cannot be read at all (a folder, no permission): not damage to move
 * aside, but something only the admin can fix. The message is one line naming the file and what to do.
 */
export class SettingsFileUnreadableError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`The settings file ${file} cannot be read: ${reason}. Make it a normal file this user may read and write (or move it out of the way to start with default settings), then start again.`);
    this.name = 'SettingsFileUnreadableError';
  }
}

const UNREADABLE_REASONS: Record<string, string> = {
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of its path is not a folder',
  EACCES: 'this user has no permission to read or write it',
  EPERM: 'this user has no permission to read or write it',
};

/** A conf error meaning the file itself is bad (not JSON, or the schema rejects it), not an I/O failure. */
function isCorruptFileError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'SyntaxError' || error.constructor.name === 'SchemaViolationError' || /schema violation/i.test(error.message);
}

/**
 * Opens the settings store with `create(options)` (`new ElectronStore(options)` in Electron,
 * `new Conf(options)` in the browser host). A file that is not JSON or that the schema rejects is moved
 * to `config.corrupt-<timestamp>.json`, a fresh store is opened, and the move is reported as a
 * `settings_corrupt` warning. A file that cannot be read at all (a folder, no permission) throws
 * `SettingsFileUnreadableError`; any other error (disk) is thrown as it is.
 */
export function openSettingsStore<S extends KeyValueStore>(params: {
  dir: string;
  create: (options: SettingsStoreOptions) => S;
  now?: () => number;
}): { store: S; warning?: StartupWarning } {
  const { dir, create, now = Date.now } = params;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const options = settingsStoreOptions(dir);
  try {
    return { store: create(options) };
  } catch (error) {
    const file = join(dir, `${SETTINGS_CONFIG_NAME}.json`);
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code in UNREADABLE_REASONS) throw new SettingsFileUnreadableError(file, UNREADABLE_REASONS[code]!);
    if (!isCorruptFileError(error) || !existsSync(file)) throw error;
    const movedTo = join(dir, `${SETTINGS_CONFIG_NAME}.corrupt-${now()}.json`);
    renameSync(file, movedTo);
    return { store: create(settingsStoreOptions(dir)), warning: { code: 'settings_corrupt', movedTo } };
  }
}
