import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VaultUnavailableError, type SecretVault } from '../../../../../src/main/services/ports';
import { HASH_KEY_VAULT_ID, loadSendLogHashKey } from '../../../../../src/main/services/send-log/hash-key';
import { FileKeyVault } from '../../../../../src/main/services/vault/file-key-vault';

/** A vault that cannot store anything (no keychain, or Linux basic_text without consent). */
function refusingVault(): SecretVault {
  return {
    status: async () => ({ protection: 'unavailable', encrypted: false, backend: 'none' }),
    put: async () => {
      throw new VaultUnavailableError('consent_required');
    },
    get: async () => null,
    remove: async () => {},
    ids: async () => [],
  };
}

describe('loadSendLogHashKey', () => {
  it('makes a 32-byte key in the vault on first use and returns the same one after', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hash-key-unit-'));
    const vault = new FileKeyVault(dir);
    const key = await loadSendLogHashKey(vault, dir);
    expect(key).toHaveLength(32);
    expect(await vault.get(HASH_KEY_VAULT_ID)).toBe(Buffer.from(key).toString('base64'));
    expect(Buffer.from(await loadSendLogHashKey(new FileKeyVault(dir), dir)).equals(Buffer.from(key))).toBe(true);
    expect(existsSync(join(dir, 'send-log.key'))).toBe(false);
  });

  it('keeps an old plain key file in use, untouched, while the vault refuses; writes nothing new in plain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hash-key-refused-'));
    const oldKey = randomBytes(32);
    writeFileSync(join(dir, 'send-log.key'), oldKey.toString('base64'));
    const messages: string[] = [];
    expect(Buffer.from(await loadSendLogHashKey(refusingVault(), dir, (m) => messages.push(m))).equals(oldKey)).toBe(true);
    expect(existsSync(join(dir, 'send-log.key'))).toBe(true);
    expect(messages.join()).toContain('until the vault can store it');

    const fresh = mkdtempSync(join(tmpdir(), 'hash-key-memory-'));
    expect(await loadSendLogHashKey(refusingVault(), fresh)).toHaveLength(32);
    expect(readdirSync(fresh)).toEqual([]);
  });

  it('removes a plain copy left beside a key that is already in the vault', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hash-key-leftover-'));
    const vault = new FileKeyVault(dir);
    const key = await loadSendLogHashKey(vault, dir);
    writeFileSync(join(dir, 'send-log.key'), randomBytes(32).toString('base64'));
    expect(Buffer.from(await loadSendLogHashKey(vault, dir)).equals(Buffer.from(key))).toBe(true);
    expect(existsSync(join(dir, 'send-log.key'))).toBe(false);
  });
});
