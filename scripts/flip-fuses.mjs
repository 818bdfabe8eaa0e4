#!/usr/bin/env node
// Flips the fuses in FUSE_CONFIG on a packaged Electron binary (docs/SECURITY.md: flip fuses at packaging).
// Usage: node scripts/flip-fuses.mjs <path to the packaged executable or .app>
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FuseState, FuseV1Options, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { FUSE_CONFIG } from './fuse-config.mjs';

/** Applies the fuses and reads them back; throws when any fuse did not take. */
export async function applyFuses(binaryPath) {
  const target = resolve(binaryPath);
  // An ad-hoc macOS signature no longer matches after the flip; re-sign ad hoc so the app still starts.
  await flipFuses(target, { ...FUSE_CONFIG, resetAdHocDarwinSignature: target.includes('.app') });
  const wire = await getCurrentFuseWire(target);
  for (const [option, wanted] of Object.entries(FUSE_CONFIG)) {
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
  await applyFuses(binary);
  console.log(`Fuses flipped on ${binary}`);
}
