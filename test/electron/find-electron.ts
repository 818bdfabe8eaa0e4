import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Finds an installed Electron executable without triggering the `electron` package's lazy download
 * (requiring it would try to fetch the binary). Mirrors node_modules/electron/index.js:
 * `ELECTRON_OVERRIDE_DIST_PATH` wins, else `dist/<path.txt>`.
 */
export function findElectronBinary(): { path: string } | { path: null; reason: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  const relativePath = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const candidate = join(override, relativePath || 'electron');
    return existsSync(candidate)
      ? { path: candidate }
      : { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${candidate} does not exist` };
  }
  if (!relativePath) {
    return { path: null, reason: 'no Electron binary installed (node_modules/electron/path.txt missing; set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron)' };
  }
  const candidate = join(packageDir, 'dist', relativePath);
  return existsSync(candidate) ? { path: candidate } : { path: null, reason: `no Electron binary at ${candidate}` };
}
