import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, matchesGlob } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import afterPackHook, { packedExecutable } from '../../../scripts/after-pack.mjs';
import { FUSE_CONFIG, fuseConfigFor } from '../../../scripts/fuse-config.mjs';
import config from '../../../electron-builder.config.mjs';

/**
 * The packaging configuration (electron-builder.config.mjs), read as electron-builder reads it. Packing
 * itself needs an Electron distribution and is the opt-in test in test/electron/package.spec.ts.
 */
const builderConfig = config as Configuration;
const root = process.cwd();

/** A stand-in Electron binary: the fuse wire (sentinel, version, length, one byte per fuse) in filler. */
function fakeElectron(path: string): string {
  const wire = Buffer.from([1, 9, ...Array.from({ length: 9 }, () => FuseState.ENABLE)]);
  writeFileSync(path, Buffer.concat([Buffer.alloc(512, 7), Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'), wire, Buffer.alloc(512, 7)]));
  return path;
}

/** The repository's own files: git's list, or the tree without build output and installs (an export). */
function repositoryFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n').filter(Boolean);
  } catch {
    return readdirSync(root, { recursive: true, encoding: 'utf8' })
      .map((f) => f.replaceAll('\\', '/'))
      .filter((f) => !/^(node_modules|out|dist|test-results|\.git)(\/|$)/.test(f));
  }
}

/** Would electron-builder copy `file` into the app, by the `files` patterns (later patterns win)? */
function packed(file: string): boolean {
  let included = false;
  for (const pattern of builderConfig.files as string[]) {
    if (pattern.startsWith('!')) {
      if (matchesGlob(file, pattern.slice(1))) included = false;
    } else if (matchesGlob(file, pattern)) included = true;
  }
  return included;
}

describe('electron-builder configuration', () => {
  it('is valid for electron-builder (its own schema check, as `npm run package` loads it)', async () => {
    const loaded = await getConfig(root, 'electron-builder.config.mjs', null);
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    expect(loaded.appId).toBe('nl.sms-provider-admin.desktop');
    expect(loaded.productName).toBe('SMS Provider Admin');
    // Loading electron-builder's schema takes seconds on a busy 2-core machine.
  }, 60_000);

  it('targets NSIS on Windows, dmg on macOS, AppImage and deb on Linux, each with the icon', () => {
    const targets = (platform: 'win' | 'mac' | 'linux') =>
      (builderConfig[platform]!.target as Array<{ target: string }>).map((t) => t.target);
    expect(targets('win')).toEqual(['nsis']);
    expect(targets('mac')).toEqual(['dmg']);
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
    for (const platform of ['win', 'mac', 'linux'] as const) expect(builderConfig[platform]!.icon).toBe('build/icon.png');
  });

  it('packs the app into app.asar', () => {
    expect(builderConfig.asar).toBe(true);
    expect(builderConfig.asarUnpack).toBeUndefined();
  });

  it('packs only the built app and package.json: no sources, tests, docs, benchmarks or the browser host', () => {
    const leaked = repositoryFiles().filter(packed);
    expect(leaked).toEqual(['package.json']);
    for (const file of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index-x.js']) {
      expect(packed(file), file).toBe(true);
    }
    for (const file of ['out/host/cli.js', 'out/main/index.js.map', 'src/main/index.ts', 'test/unit/x.test.ts', 'docs/SECURITY.md', 'bench/x.ts', 'scripts/web.mjs', 'node_modules/vitest/index.js']) {
      expect(packed(file), file).toBe(false);
    }
  });

  it('flips the fuses after packing: afterPack is the fuse hook', () => {
    expect(builderConfig.afterPack).toBe(afterPackHook);
    // electron-builder's own fuse option would flip a second, differently configured set.
    expect(builderConfig.electronFuses).toBeUndefined();
  });

  it.each([
    ['linux', { executableName: 'sms-provider-admin' }, 'sms-provider-admin'],
    ['win32', {}, 'SMS Provider Admin.exe'],
  ] as const)('afterPack flips every fuse of the packed %s binary', async (platform, extra, name) => {
    const appOutDir = mkdtempSync(join(tmpdir(), 'after-pack-'));
    const binary = fakeElectron(join(appOutDir, name));
    const context = { appOutDir, electronPlatformName: platform, packager: { appInfo: { productFilename: 'SMS Provider Admin' }, ...extra } };
    expect(packedExecutable(context)).toBe(binary);
    await afterPackHook(context);
    const wire = await getCurrentFuseWire(binary);
    const wanted = fuseConfigFor(platform);
    for (const option of Object.values(FuseV1Options).filter((v): v is number => typeof v === 'number')) {
      expect(wire[option as FuseV1Options], FuseV1Options[option]).toBe(wanted[option as FuseV1Options] ? FuseState.ENABLE : FuseState.DISABLE);
    }
  });

  it('points afterPack at the .app bundle on macOS', () => {
    const context = { appOutDir: '/x', electronPlatformName: 'darwin', packager: { appInfo: { productFilename: 'SMS Provider Admin' } } };
    expect(packedExecutable(context)).toBe(join('/x', 'SMS Provider Admin.app'));
  });

  it('fails packaging when the binary has no fuse wire to flip', async () => {
    const appOutDir = mkdtempSync(join(tmpdir(), 'after-pack-'));
    mkdirSync(join(appOutDir, 'resources'));
    writeFileSync(join(appOutDir, 'sms-provider-admin'), 'not electron');
    const context = { appOutDir, electronPlatformName: 'linux', packager: { appInfo: { productFilename: 'SMS Provider Admin' }, executableName: 'sms-provider-admin' } };
    await expect(afterPackHook(context)).rejects.toThrow();
  });
});

describe('fuses per platform', () => {
  it.each(['darwin', 'win32'])('%s: loads the app only from app.asar and checks its embedded integrity hash', (platform) => {
    const fuses = fuseConfigFor(platform);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
  });

  it('linux: loads the app only from app.asar; no integrity check (Electron has none there)', () => {
    const fuses = fuseConfigFor('linux');
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(false);
  });

  it.each(['darwin', 'win32', 'linux'])('%s: every other fuse as the security checklist says', (platform) => {
    const fuses = fuseConfigFor(platform);
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(fuses.strictlyRequireAllFuses).toBe(true);
    expect({ ...fuses, [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true }).toEqual(FUSE_CONFIG);
  });
});
