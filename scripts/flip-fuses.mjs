#!/usr/bin/env node
// Flips the fuses in FUSE_CONFIG on a packaged Electron binary (docs/SECURITY.md: flip fuses at packaging).
// Usage: node scripts/flip-fuses.mjs <path to the packaged executable or .app> [darwin|win32|linux]
// Packaging calls it from electron-builder's afterPack hook (scripts/after-pack.mjs), before signing.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FuseState, FuseV1Options, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { fuseConfigFor } from './fuse-config.mjs';

/**
 * Applies the fuses for `platform` (the binary's target, default this machine's) and reads them back;
 * throws when any fuse did not take.
 */
export async function applyFuses(binaryPath, platform = process.platform) {
  const target = resolve(binaryPath);
  const config = fuseConfigFor(platform);
  // An ad-hoc macOS signature no longer matches after the flip; re-sign ad hoc so the app still starts.
  await flipFuses(target, { ...config, resetAdHocDarwinSignature: target.includes('.app') });
  const wire = await getCurrentFuseWire(target);
  for (const [option, wanted] of Object.entries(config)) {
    const index = Number(option);
    if (!Number.isInteger(index)) continue;
    const expected = wanted ? FuseState.ENABLE : FuseState.DISABLE;
    if (wire[index] !== expected) throw new Error(`Fuse ${FuseV1Options[index]} did not flip`);
  }
  return wire;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const binary = process.argv[2];
  if (!binary || !existsSync(binary)) {
    console.error('Usage: node scripts/flip-fuses.mjs <path to the packaged Electron executable or .app>');
    process.exit(2);
  }
  await applyFuses(binary, process.argv[3] ?? process.platform);
  console.log(`Fuses flipped on ${binary}`);
}
