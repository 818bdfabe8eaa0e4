import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { FileKeyVault } from '../../../../../src/main/services/vault/file-key-vault';

const CANARY = 'test_CANARYfileKEY4q9Wz1';

describe('FileKeyVault', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'file-key-vault-'));
  });

  it('reports itself honestly: a key beside the data is not encryption', async () => {
    expect(await new FileKeyVault(dir).status()).toEqual({ protection: 'host_file', encrypted: false, backend: 'host_file' });
  });

  it('stores AES-GCM ciphertext only, key and vault at mode 0600', async () => {
    const vault = new FileKeyVault(dir);
    await vault.put('p1', CANARY);
    for (const name of readdirSync(dir)) {
      const content = readFileSync(join(dir, name));
      expect(content.toString('latin1'), name).not.toContain(CANARY);
      expect(content.toString('latin1'), name).not.toContain(Buffer.from(CANARY).toString('base64'));
      expect(statSync(join(dir, name)).mode & 0o777, name).toBe(0o600);
    }
    expect(readdirSync(dir).sort()).toEqual(['vault.json', 'vault.key']);
    expect(await new FileKeyVault(dir).get('p1')).toBe(CANARY);
  });

  it('detects tampered ciphertext', async () => {
    const vault = new FileKeyVault(dir);
    await vault.put('p1', CANARY);
    // A second secret that still opens shows the key is fine: only p1 was tampered with.
    await vault.put('p2', `${CANARY}2`);
    const path = join(dir, 'vault.json');
    const data = JSON.parse(readFileSync(path, 'utf8'));
    const bytes = Buffer.from(data.secrets.p1, 'base64');
    bytes[bytes.length - 1]! ^= 1;
    data.secrets.p1 = bytes.toString('base64');
    writeFileSync(path, JSON.stringify(data));
    await expect(new FileKeyVault(dir).get('p1')).rejects.toThrow();
  });

  it.each([
    { what: 'other bytes of the right size', content: () => randomBytes(32) },
    { what: 'the wrong size', content: () => Buffer.from('short') },
  ])('reports a damaged vault.key ($what) at start, keeps both files aside and starts empty', async ({ content }) => {
    await new FileKeyVault(dir).put('p1', CANARY);
    const secrets = readFileSync(join(dir, 'vault.json'), 'utf8');
    writeFileSync(join(dir, 'vault.key'), content());

    const vault = new FileKeyVault(dir, undefined, () => 42);
    expect(vault.startupWarning).toEqual({ code: 'vault_key_damaged', movedTo: join(dir, 'vault.key.damaged-42') });
    expect(readFileSync(join(dir, 'vault.damaged-42.json'), 'utf8')).toBe(secrets);
    // The key must be entered again: it is gone, not an error on every read.
    expect(await vault.get('p1')).toBeNull();
    await vault.put('p1', CANARY);
    expect(await new FileKeyVault(dir).get('p1')).toBe(CANARY);
  });

  it('reports a missing vault.key while keys are stored', () => {
    return new FileKeyVault(dir).put('p1', CANARY).then(() => {
      rmSync(join(dir, 'vault.key'));
      expect(new FileKeyVault(dir).startupWarning).toMatchObject({ code: 'vault_key_damaged' });
    });
  });

  it('moves a corrupt vault file aside and reports it', () => {
    writeFileSync(join(dir, 'vault.json'), 'not json');
    const vault = new FileKeyVault(dir);
    expect(vault.startupWarning).toMatchObject({ code: 'vault_corrupt' });
    expect(readFileSync(vault.startupWarning!.movedTo, 'utf8')).toBe('not json');
  });

  it('refuses ids that are not simple names', async () => {
    await expect(new FileKeyVault(dir).put('../../../../main/x', CANARY)).rejects.toThrow();
  });
});
