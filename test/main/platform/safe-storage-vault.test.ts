import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { SafeStorageVault } from '../../../src/main/platform/safe-storage-vault';
import { VaultUnavailableError } from '../../../src/main/services/ports';
import { VaultFile } from '../../../src/main/services/vault/vault-file';
import { fake, safeStorage } from '../fake-electron';

const CANARY = 'live_CANARYkeyZX81xQ0pL5mN7vB2';

function openVault(dir: string, consent = false) {
  const { file, warning } = VaultFile.open(dir);
  const vault = new SafeStorageVault({ safeStorage, file, allowUnprotected: () => consent, platform: 'linux' });
  return { vault, warning };
}

function dataFolderContents(dir: string): string {
  return readdirSync(dir).map((name) => readFileSync(join(dir, name)).toString('latin1')).join('\n');
}

describe('SafeStorageVault', () => {
  let dir: string;
  beforeEach(async () => {
    fake.reset();
    await fake.emitReady();
    dir = mkdtempSync(join(tmpdir(), 'vault-'));
  });

  it('reports an OS keyring as encrypted', async () => {
    expect(await openVault(dir).vault.status()).toEqual({ protection: 'os', encrypted: true, backend: 'gnome_libsecret' });
  });

  it('keeps only ciphertext on disk, with mode 0600, and reads it back', async () => {
    const { vault } = openVault(dir);
    await vault.put('profile-1', CANARY);
    expect(dataFolderContents(dir)).not.toContain(CANARY);
    expect(dataFolderContents(dir)).not.toContain(Buffer.from(CANARY).toString('base64'));
    expect(statSync(join(dir, 'vault.json')).mode & 0o777).toBe(0o600);
    const onDisk = JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8'));
    expect(Object.keys(onDisk).sort()).toEqual(['backend', 'secrets', 'version']);
    expect(onDisk.backend).toBe('gnome_libsecret');
    // A fresh process reads the same file.
    expect(await openVault(dir).vault.get('profile-1')).toBe(CANARY);
    expect(await vault.ids()).toEqual(['profile-1']);
  });

  it('removes a secret from the file', async () => {
    const { vault } = openVault(dir);
    await vault.put('profile-1', CANARY);
    await vault.remove('profile-1');
    expect(await openVault(dir).vault.get('profile-1')).toBeNull();
    expect(await vault.ids()).toEqual([]);
  });

  it('labels basic_text as unencrypted and refuses it without consent', async () => {
    fake.setSafeStorageMode('basic_text');
    const { vault } = openVault(dir, false);
    expect(await vault.status()).toEqual({ protection: 'basic_text', encrypted: false, backend: 'basic_text' });
    await expect(vault.put('profile-1', CANARY)).rejects.toEqual(new VaultUnavailableError('consent_required'));
    expect(readdirSync(dir)).not.toContain('vault.json');
  });

  it('uses basic_text once the admin consented', async () => {
    fake.setSafeStorageMode('basic_text');
    const { vault } = openVault(dir, true);
    await vault.put('profile-1', CANARY);
    expect(dataFolderContents(dir)).not.toContain(CANARY);
    expect(await vault.get('profile-1')).toBe(CANARY);
  });

  it('refuses to store when no encryption is available', async () => {
    fake.setSafeStorageMode('unavailable');
    const { vault } = openVault(dir, true);
    expect((await vault.status()).protection).toBe('unavailable');
    await expect(vault.put('profile-1', CANARY)).rejects.toBeInstanceOf(VaultUnavailableError);
  });

  it('moves a corrupt vault file aside and reports it', async () => {
    writeFileSync(join(dir, 'vault.json'), '{"version":1,"backend":"x","secrets":{"a":');
    const { vault, warning } = openVault(dir);
    expect(warning).toMatchObject({ code: 'vault_corrupt' });
    expect(readFileSync(warning!.movedTo, 'utf8')).toContain('"backend":"x"');
    expect(await vault.ids()).toEqual([]);
  });

  it('treats a plaintext value in the file as corrupt rather than reading it', async () => {
    writeFileSync(join(dir, 'vault.json'), JSON.stringify({ version: 1, backend: 'x', secrets: { a: 'not base64 !' } }));
    expect(openVault(dir).warning).toMatchObject({ code: 'vault_corrupt' });
  });
});
