import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { expect, test } from '@playwright/test';
import { fuseConfigFor } from '../../scripts/fuse-config.mjs';
import { findElectronBinary } from './find-electron';

/**
 * `npm run package` for real, without the installer step (`--dir`): electron-builder packs the built app
 * around an Electron distribution and the afterPack hook flips the fuses. Opt-in like the launch test:
 * electron-builder would otherwise download Electron, which is impossible here, so without an installed
 * Electron it reports itself as skipped with the reason. Linux only (the unpacked layout differs per OS).
 */
const root = resolve(import.meta.dirname, '../..');
const binary = findElectronBinary();
const skipReason =
  process.platform !== 'linux'
    ? 'Packaging test skipped: it checks the Linux layout; run `npm run package` on this OS instead'
    : binary.path === null
      ? `Packaging test skipped: no Electron distribution to pack without downloading one (${binary.reason})`
      : !existsSync(join(root, 'out/main/index.js'))
        ? 'Packaging test skipped: out/main/index.js missing (run `npm run build`)'
        : null;
if (skipReason) console.log(skipReason);

test.describe('packaging', () => {
  test.skip(skipReason !== null, skipReason ?? '');
  test.setTimeout(300_000);

  test('packs app.asar with only the built app and flips every fuse', () => {
    const output = mkdtempSync(join(tmpdir(), 'sms-admin-package-'));
    const builder = join(dirname(createRequire(import.meta.url).resolve('electron-builder/package.json')), 'cli.js');
    execFileSync(
      process.execPath,
      [builder, '--linux', 'dir', '--config', 'electron-builder.config.mjs', '--publish', 'never',
        `-c.electronDist=${dirname(binary.path!)}`, `-c.directories.output=${output}`],
      { cwd: root, stdio: 'inherit' },
    );
    const appDir = join(output, 'linux-unpacked');
    expect(readdirSync(join(appDir, 'resources'))).toContain('app.asar');
    expect(existsSync(join(appDir, 'resources', 'app'))).toBe(false);

    const asar = createRequire(import.meta.url)('@electron/asar') as { listPackage(path: string): string[] };
    const files = asar.listPackage(join(appDir, 'resources', 'app.asar')).map((f) => f.replaceAll('\\', '/'));
    expect(files).toContain('/out/main/index.js');
    expect(files).toContain('/package.json');
    expect(files.filter((f) => /^\/(src|test|docs|bench|scripts|out\/host)(\/|$)/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);

    return getCurrentFuseWire(join(appDir, 'sms-provider-admin')).then((wire) => {
      const wanted = fuseConfigFor('linux');
      for (const option of Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number')) {
        expect(wire[option as FuseV1Options], FuseV1Options[option]).toBe(wanted[option as FuseV1Options] ? FuseState.ENABLE : FuseState.DISABLE);
      }
    });
  });
});
