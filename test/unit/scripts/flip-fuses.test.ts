import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { applyFuses } from '../../../scripts/flip-fuses.mjs';
import { FUSE_CONFIG } from '../../../scripts/fuse-config.mjs';

// Where the fuse wire sits in a real Electron binary: sentinel, version, length, one byte per fuse.
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

function fakeBinary(): string {
  const wire = Buffer.from([1, 9, ...Array.from({ length: 9 }, () => FuseState.ENABLE)]);
  const path = join(mkdtempSync(join(tmpdir(), 'fuses-')), 'electron');
  writeFileSync(path, Buffer.concat([Buffer.alloc(1024, 7), Buffer.from(SENTINEL), wire, Buffer.alloc(1024, 7)]));
  return path;
}

describe('fuses (docs/SECURITY.md: flip fuses at packaging)', () => {
  it('lists the fuses the checklist asks for', () => {
    expect(FUSE_CONFIG[FuseV1Options.RunAsNode]).toBe(false);
    expect(FUSE_CONFIG[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(FUSE_CONFIG[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(FUSE_CONFIG[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(FUSE_CONFIG[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(FUSE_CONFIG[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(FUSE_CONFIG[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('names every fuse, so a new one cannot slip in with its default', () => {
    expect(FUSE_CONFIG.strictlyRequireAllFuses).toBe(true);
    const options = Object.values(FuseV1Options).filter((value): value is number => typeof value === 'number');
    for (const option of options) expect(typeof FUSE_CONFIG[option as FuseV1Options], FuseV1Options[option]).toBe('boolean');
  });

  it('flips them on a binary and verifies the result', async () => {
    const binary = fakeBinary();
    await applyFuses(binary);
    const wire = await getCurrentFuseWire(binary);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
  });
});
