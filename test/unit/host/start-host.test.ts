// The browser host's start-up with damaged data in its folder, in-process with the real services:
// an invalid profile in config.json, a damaged vault.key, a damaged or emptied send log. Each is reported as a start-up warning and
// the rest keeps working; nothing answers `internal`.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, statSync, truncateSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunningHost } from '../../../src/host/start-host';
import { dispatch } from '../../../src/main/ipc/dispatch';
import { createHandlerTable } from '../../../src/main/ipc/handler-table';
import type { AppInfo } from '@shared/contract/platform';
import { useTestHosts } from '../../support/test-hosts';

const { start, stop } = useTestHosts();

/** A contract call the way the renderer makes it (input parsed, a throw becomes `internal`). */
function call(host: RunningHost, method: string, input?: unknown) {
  return dispatch(createHandlerTable(host.services), method, input, () => {});
}

/** An active profile set up in Sandbox: draft, code from the simulated SMS, verify, activate. */
async function activeProfile(host: RunningHost, participantNumber: string): Promise<string> {
  const { profiles } = host.services;
  const sent = await profiles.startSetup(
    { participantNumber, description: `Omgeving ${participantNumber}`, originator: 'Acme', adminPhone: '06 12345678', apiKey: `LiveKey${participantNumber}abcdefghijkl` },
    'en',
  );
  if (!sent.ok) throw new Error(sent.error.code);
  const code = /\b(\d{6})\b/.exec(sent.value.simulatedSms?.body ?? '')?.[1];
  if (!code) throw new Error('no simulated code');
  expect(profiles.verify(sent.value.profileId, code).ok).toBe(true);
  const activated = await profiles.activate(sent.value.profileId);
  if (!activated.ok) throw new Error(activated.error.code);
  return sent.value.profileId;
}

async function warnings(host: RunningHost): Promise<AppInfo['warnings']> {
  const info = await call(host, 'getAppInfo');
  if (!info.ok) throw new Error(info.error.code);
  return (info.value as AppInfo).warnings;
}

describe('browser host start-up with damaged data', () => {
  it('sets an invalid profile in config.json aside with a warning naming its participant number; the other keeps working', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'host-profiles-'));
    const first = await start(dataDir);
    await activeProfile(first, '11111');
    const keep = await activeProfile(first, '22222');
    await stop(first);

    // Someone empties the description of one profile by hand.
    const configPath = join(dataDir, 'config.json');
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as { profiles: Array<Record<string, unknown>> };
    const broken = config.profiles.find((p) => p.participantNumber === '11111')!;
    broken.description = '';
    writeFileSync(configPath, JSON.stringify(config));

    const second = await start(dataDir);
    expect(await warnings(second)).toContainEqual({ code: 'profile_invalid', participantNumber: '11111', movedTo: 'profilesSetAside' });
    const list = await call(second, 'listProfiles');
    expect(list.ok && (list.value as Array<{ participantNumber: string }>).map((p) => p.participantNumber)).toEqual(['22222']);
    const sent = await call(second, 'sendTestCode', { profileId: keep, recipient: '+31612345678', confirmCost: true });
    expect(sent).toMatchObject({ ok: true });
    // Its raw data is kept in the same file, not dropped.
    const after = JSON.parse(readFileSync(configPath, 'utf8')) as { profilesSetAside: Array<{ participantNumber: string; problems: string[]; raw: unknown }> };
    expect(after.profilesSetAside).toEqual([expect.objectContaining({ participantNumber: '11111', problems: ['description'], raw: broken })]);
  });

  it.each([
    { what: 'overwritten with other bytes', damage: (path: string) => writeFileSync(path, randomBytes(32)) },
    { what: 'truncated', damage: (path: string) => writeFileSync(path, randomBytes(7)) },
  ])('reports a damaged vault.key ($what) at start; a send says the key must be entered again, not internal', async ({ damage }) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'host-vault-'));
    const first = await start(dataDir);
    const id = await activeProfile(first, '33333');
    await stop(first);
    const original = readFileSync(join(dataDir, 'vault.key'));
    damage(join(dataDir, 'vault.key'));

    const second = await start(dataDir);
    const [warning] = (await warnings(second)).filter((w) => w.code === 'vault_key_damaged');
    expect(warning?.movedTo).toMatch(/vault\.key\.damaged-\d+$/);
    expect(readFileSync(warning!.movedTo)).not.toEqual(original);
    // The ciphertexts the damaged key cannot open are kept beside it.
    expect(readdirSync(dataDir).some((name) => /^vault\.damaged-\d+\.json$/.test(name))).toBe(true);

    const sent = await call(second, 'sendTestCode', { profileId: id, recipient: '+31612345678', confirmCost: true });
    expect(sent).toMatchObject({ ok: false, error: { code: 'api_key_unavailable' } });
    // Entering the key again works with a fresh vault.key.
    const again = await second.services.profiles.startSetup(
      { id, participantNumber: '33333', description: 'Omgeving 33333', originator: 'Acme', adminPhone: '06 12345678', apiKey: 'LiveKeyEnteredAgain0123456' },
      'en',
    );
    expect(again.ok).toBe(true);
    expect(existsSync(join(dataDir, 'vault.key'))).toBe(true);
  });
});

/** Test sends from the Sandbox profile (the host starts in Sandbox). */
async function testSend(host: RunningHost) {
  return call(host, 'sendTestCode', { profileId: '_sandbox', recipient: '+31612345678', confirmCost: true });
}

describe('browser host with a damaged send log behind a clean-close marker', () => {
  it('a page overwritten after a clean close (same size and time): sends keep working, a warning is shown, across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'host-log-'));
    const first = await start(dataDir);
    for (let i = 0; i < 3; i++) expect(await testSend(first)).toMatchObject({ ok: true });
    await stop(first);

    // Overwrite the page holding the rows, then put size and modification time back: the clean-close
    // marker still matches, so start-up skips the full check.
    const path = join(dataDir, 'send-log.sqlite');
    const before = statSync(path);
    const probe = new DatabaseSync(path, { readOnly: true });
    const { rootpage } = probe.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = 'send_log'`).get() as { rootpage: number };
    const { page_size: pageSize } = probe.prepare('PRAGMA page_size').get() as { page_size: number };
    probe.close();
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
    closeSync(fd);
    utimesSync(path, before.atime, before.mtime);
    expect(statSync(path).size).toBe(before.size);
    expect(statSync(path).mtimeMs).toBe(before.mtimeMs);

    const second = await start(dataDir);
    const sent = await testSend(second);
    expect(sent).toMatchObject({ ok: true });
    const [warning] = (await warnings(second)).filter((w) => w.code === 'send_log_corrupt');
    expect(warning?.movedTo).toMatch(/send-log\.corrupt-\d+\.sqlite$/);
    expect(existsSync(warning!.movedTo)).toBe(true);
    const log = await call(second, 'queryLog', { filter: {}, limit: 10 });
    expect(log).toMatchObject({ ok: true });
    await stop(second);

    const third = await start(dataDir);
    expect(await testSend(third)).toMatchObject({ ok: true });
    const again = await call(third, 'queryLog', { filter: {}, limit: 10 });
    expect(again.ok && (again.value as { rows: unknown[] }).rows).toHaveLength(2);
  });

  it('a log emptied to 0 bytes while the marker recorded rows is reported with the row count', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'host-log-'));
    const first = await start(dataDir);
    for (let i = 0; i < 2; i++) expect(await testSend(first)).toMatchObject({ ok: true });
    await stop(first);
    truncateSync(join(dataDir, 'send-log.sqlite'), 0);

    const second = await start(dataDir);
    const [warning] = (await warnings(second)).filter((w) => w.code === 'send_log_emptied');
    expect(warning).toMatchObject({ code: 'send_log_emptied', rows: 2 });
    expect(statSync((warning as { movedTo: string }).movedTo).size).toBe(0);
    expect(await testSend(second)).toMatchObject({ ok: true });
  });
});
