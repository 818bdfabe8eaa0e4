// The data folder on disk: every file 0600 and the folder 0700, also a folder that existed with looser
// modes, the send log's -wal and -shm included; and the send log's hash key only in the vault (a plain
// send-log.key from an older version is moved there and deleted). The real browser-host start-up.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunningHost } from '../../../../src/host/start-host';
import { HASH_KEY_VAULT_ID } from '../../../../src/main/services/send-log';
import { FileKeyVault } from '../../../../src/main/services/vault/file-key-vault';
import { useTestHosts } from '../../../support/test-hosts';

const posix = process.platform !== 'win32';
const { start, stop } = useTestHosts();

const mode = (path: string) => statSync(path).mode & 0o777;

function appendRow(host: RunningHost): void {
  host.services.sendLog.appendPending({
    profileId: 'p', participantNumber: '12345', purpose: 'test', recipient: '+31612345678', originator: 'Acme', mode: 'sandbox', parts: 1,
  });
}

describe.runIf(posix)('data folder modes', () => {
  it('makes an existing 0755 folder 0700 and every file in it 0600, the send log with its -wal and -shm too', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'data-modes-')), 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'notes.txt'), 'left by an older version', { mode: 0o644 });
    mkdirSync(join(dataDir, 'logs'), { mode: 0o755 });
    writeFileSync(join(dataDir, 'logs', 'old.log'), 'x', { mode: 0o644 });

    const host = await start(dataDir);
    appendRow(host);

    expect(mode(dataDir)).toBe(0o700);
    for (const file of ['send-log.sqlite', 'send-log.sqlite-wal', 'send-log.sqlite-shm']) {
      expect(existsSync(join(dataDir, file)), file).toBe(true);
      expect(mode(join(dataDir, file)), file).toBe(0o600);
    }
    expect(mode(join(dataDir, 'logs'))).toBe(0o700);
    expect(mode(join(dataDir, 'logs', 'old.log'))).toBe(0o600);
    for (const name of readdirSync(dataDir)) {
      const path = join(dataDir, name);
      if (statSync(path).isFile()) expect(mode(path), name).toBe(0o600);
    }
  });

  it('creates a fresh send log 0600 (SQLite would make it 0644) and keeps it so after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'data-fresh-'));
    const first = await start(dataDir);
    appendRow(first);
    expect(mode(join(dataDir, 'send-log.sqlite'))).toBe(0o600);
    expect(mode(join(dataDir, 'send-log.sqlite-wal'))).toBe(0o600);
    await stop(first);
    chmodSync(join(dataDir, 'send-log.sqlite'), 0o644);
    const second = await start(dataDir);
    appendRow(second);
    expect(mode(join(dataDir, 'send-log.sqlite'))).toBe(0o600);
    expect(mode(join(dataDir, 'send-log.sqlite-wal'))).toBe(0o600);
  });
});

describe('the send log hash key', () => {
  it('lives in the vault, encrypted, and never in a plain file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hash-key-'));
    const host = await start(dataDir);
    appendRow(host);
    expect(existsSync(join(dataDir, 'send-log.key'))).toBe(false);
    const stored = await new FileKeyVault(dataDir).get(HASH_KEY_VAULT_ID);
    expect(Buffer.from(stored ?? '', 'base64')).toHaveLength(32);
    expect(readFileSync(join(dataDir, 'vault.json'), 'utf8')).not.toContain(stored);
    // The key outlives a restart (from the vault): a search by the full number still finds the row.
    await stop(host);
    const again = await start(dataDir);
    expect(again.services.sendLog.query({ search: '+31612345678' }, { limit: 5 }).rows).toHaveLength(1);
    expect(existsSync(join(dataDir, 'send-log.key'))).toBe(false);
  });

  it('moves a plain send-log.key from an older version into the vault and deletes the file; old rows still group', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hash-key-migrate-'));
    const oldKey = randomBytes(32);
    writeFileSync(join(dataDir, 'send-log.key'), oldKey.toString('base64'), { mode: 0o600 });

    const host = await start(dataDir);
    expect(existsSync(join(dataDir, 'send-log.key'))).toBe(false);
    expect(await new FileKeyVault(dataDir).get(HASH_KEY_VAULT_ID)).toBe(oldKey.toString('base64'));
    expect(readFileSync(join(dataDir, 'vault.json'), 'utf8')).not.toContain(oldKey.toString('base64'));
    await stop(host);
    // The same key after a restart (from the vault now).
    await start(dataDir);
    expect(await new FileKeyVault(dataDir).get(HASH_KEY_VAULT_ID)).toBe(oldKey.toString('base64'));
    expect(existsSync(join(dataDir, 'send-log.key'))).toBe(false);
  });
});
