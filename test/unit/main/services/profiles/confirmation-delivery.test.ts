// The wizard's confirmation SMS followed until delivered, like test sends: the profiles service and the
// test-send poller wired as createServices does, the real messagebird SDK against the fake MessageBird
// over HTTPS, the file vault, the SQLite send log, and the poller's waits driven by hand.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../../../../src/main/services/gateway';
import { ConfirmationCodes } from '../../../../../src/main/services/profiles/confirmation-codes';
import { ProfilesService } from '../../../../../src/main/services/profiles/profiles-service';
import { SendLog } from '../../../../../src/main/services/send-log';
import { TestSendService } from '../../../../../src/main/services/test-send/test-send-service';
import { FileKeyVault } from '../../../../../src/main/services/vault/file-key-vault';
import type { ProfileDetailsInput } from '@shared/contract/profiles';
import { DEFAULT_PREFERENCES, type GatewayMode } from '@shared/settings';
import { useFakeMessageBird } from '../../../../support/fake-messagebird-suite';
import { MemoryStore } from '../test-send/harness';
import { ManualTime } from '../../../../support/manual-time';
import { details } from './profile-details-fixture';

const SECOND_KEY = 'SecondLiveKey9876543210zz';
const suite = useFakeMessageBird();

interface World {
  dir: string;
  time: ManualTime;
  settings: MemoryStore;
  vault: FileKeyVault;
  sendLog: SendLog;
  mode: GatewayMode;
  profiles: ProfilesService;
  testSend: TestSendService;
}

let world: World;

/** Both services over the world's files, wired as createServices wires them (the mode is read when used). */
function startServices(w: Omit<World, 'profiles' | 'testSend'>): Pick<World, 'profiles' | 'testSend'> {
  const gatewayFor = (apiKey: string) =>
    createGateway({ mode: world.mode, apiKey, scenario: 'normal', transport: suite.transport, clock: w.time });
  const profiles = new ProfilesService({
    settings: w.settings,
    vault: w.vault,
    clock: w.time,
    gatewayFor,
    confirmationLog: w.sendLog,
    followDelivery: (sent) => testSend.followDelivery(sent),
    defaultLanguage: () => 'en',
    codes: new ConfirmationCodes({ clock: w.time }),
    log: () => {},
  });
  const testSend = new TestSendService({
    preferences: { get: () => ({ ...DEFAULT_PREFERENCES, gatewayMode: world.mode }) },
    settings: w.settings,
    profiles,
    sendLog: w.sendLog,
    gatewayFor,
    clock: w.time,
    timers: w.time,
    log: () => {},
  });
  return { profiles, testSend };
}

/** As after an app restart: the poller stops, new services over the same settings, vault and log. */
async function restart(): Promise<number> {
  await world.testSend.close();
  Object.assign(world, startServices(world));
  return world.testSend.start();
}

const advance = (ms: number) => world.time.advance(ms, () => world.testSend.whenIdle());

beforeEach(() => {
  suite.fake.setKey(SECOND_KEY, {});
  const dir = mkdtempSync(join(tmpdir(), 'confirm-delivery-'));
  const time = new ManualTime();
  const base = {
    dir,
    time,
    settings: new MemoryStore(),
    vault: new FileKeyVault(dir),
    sendLog: new SendLog({ path: ':memory:', clock: time, hashKey: randomBytes(32) }),
    mode: 'messagebird' as GatewayMode,
  };
  world = { ...base, ...startServices(base) };
});

afterEach(async () => {
  await world.testSend.close();
  world.sendLog.close();
  rmSync(world.dir, { recursive: true, force: true });
});

function lastCode(): string {
  const post = suite.fake.requests.filter((r) => r.method === 'POST' && r.path === '/messages').at(-1);
  const match = /\b(\d{6})\b/.exec((post?.body as { body: string }).body);
  if (!match?.[1]) throw new Error('no code sent');
  return match[1];
}

/** The `GET /messages/{id}` reads of one message, with the key each used. */
const readsOf = (messageId: string) =>
  suite.fake.requests.filter((r) => r.method === 'GET' && r.path === `/messages/${messageId}`).map((r) => r.headers.authorization);

async function sendConfirmation(input: ProfileDetailsInput) {
  const started = await world.profiles.startSetup(input);
  if (!started.ok) throw new Error(started.error.code);
  const logId = Number(started.value.logId);
  const messageId = world.sendLog.get(logId)!.messagebirdId!;
  return { profileId: started.value.profileId, logId, messageId };
}

async function activeProfile(): Promise<string> {
  const sent = await sendConfirmation(details());
  expect(world.profiles.verify(sent.profileId, lastCode()).ok).toBe(true);
  expect((await world.profiles.activate(sent.profileId)).ok).toBe(true);
  return sent.profileId;
}

describe('confirmation SMS delivery', () => {
  it('a draft’s confirmation turns delivered after the fake reports it, read with the pending key', async () => {
    const sent = await sendConfirmation(details({ apiKey: SECOND_KEY }));
    expect(world.testSend.status(sent.logId).ok).toBe(false); // not a test send
    expect(world.sendLog.get(sent.logId)?.status).toBe('sent');

    await advance(2_000);
    expect(readsOf(sent.messageId)).toEqual([`AccessKey ${SECOND_KEY}`]);
    expect(world.sendLog.get(sent.logId)?.status).toBe('sent');

    suite.fake.setMessageStatus(sent.messageId, 'delivered', { statusReason: 'successfully delivered' });
    await advance(4_000);
    expect(readsOf(sent.messageId)).toEqual([`AccessKey ${SECOND_KEY}`, `AccessKey ${SECOND_KEY}`]);
    expect(world.sendLog.get(sent.logId)).toMatchObject({ purpose: 'confirmation', status: 'delivered', statusReason: 'successfully delivered' });

    // Final: no more reads.
    await advance(120_000);
    expect(readsOf(sent.messageId)).toHaveLength(2);
  });

  it('a change of an active profile is read with the key the change brings, before and after activation', async () => {
    const id = await activeProfile();
    const change = await sendConfirmation({ ...details({ originator: 'NewName', apiKey: SECOND_KEY }), id });

    await advance(2_000);
    expect(readsOf(change.messageId)).toEqual([`AccessKey ${SECOND_KEY}`]); // the pending key, not the active one

    expect(world.profiles.verify(id, lastCode()).ok).toBe(true);
    expect((await world.profiles.activate(id)).ok).toBe(true);
    suite.fake.setMessageStatus(change.messageId, 'delivery_failed', { statusReason: 'unknown subscriber', statusErrorCode: 1 });
    await advance(4_000);
    // Activation moved that key to the active slot: still the key the SMS went out with.
    expect(readsOf(change.messageId)).toEqual([`AccessKey ${SECOND_KEY}`, `AccessKey ${SECOND_KEY}`]);
    expect(world.sendLog.get(change.logId)).toMatchObject({ status: 'delivery_failed', statusReason: 'unknown subscriber' });
  });

  it('after a restart an unfinished confirmation resumes with the pending key', async () => {
    const id = await activeProfile();
    const change = await sendConfirmation({ ...details({ originator: 'NewName', apiKey: SECOND_KEY }), id });
    await advance(2_000);
    expect(readsOf(change.messageId)).toHaveLength(1);

    // Both confirmation rows (the first one, read with the active key, and the change) are unfinished.
    expect(await restart()).toBe(2);
    suite.fake.setMessageStatus(change.messageId, 'delivered', { statusReason: 'successfully delivered' });
    await advance(2_000);
    expect(readsOf(change.messageId)).toEqual([`AccessKey ${SECOND_KEY}`, `AccessKey ${SECOND_KEY}`]);
    expect(world.sendLog.get(change.logId)?.status).toBe('delivered');
  });

  it('a deleted draft stops the follow-up with a note; its row keeps the last status', async () => {
    const sent = await sendConfirmation(details({ apiKey: SECOND_KEY }));
    await advance(2_000);
    expect(readsOf(sent.messageId)).toHaveLength(1);

    expect((await world.profiles.delete(sent.profileId)).ok).toBe(true);
    await advance(4_000);
    expect(readsOf(sent.messageId)).toHaveLength(1); // no key left to read with: nothing sent
    expect(world.sendLog.get(sent.logId)).toMatchObject({ status: 'sent', statusReason: expect.stringMatching(/deleted/) });

    // Nor is it resumed with some other key after a restart.
    expect(await restart()).toBe(1);
    await advance(60_000);
    expect(readsOf(sent.messageId)).toHaveLength(1);
    expect(world.sendLog.get(sent.logId)?.statusReason).toMatch(/deleted/);
  });

  it('a removed key stops the follow-up with a note', async () => {
    const sent = await sendConfirmation(details({ apiKey: SECOND_KEY }));
    expect((await world.profiles.removeKey(sent.profileId)).ok).toBe(true);
    await advance(2_000);
    expect(readsOf(sent.messageId)).toHaveLength(0);
    expect(world.sendLog.get(sent.logId)).toMatchObject({ status: 'sent', statusReason: expect.stringMatching(/key this message was sent with/) });
  });

  it('in Sandbox the confirmation is followed like a test send', async () => {
    world.mode = 'sandbox';
    const sent = await sendConfirmation(details({ apiKey: SECOND_KEY }));
    expect(world.sendLog.get(sent.logId)).toMatchObject({ mode: 'sandbox', status: 'sent' });
    await advance(60_000);
    expect(world.sendLog.get(sent.logId)?.status).toBe('delivered');
    expect(suite.fake.requests.filter((r) => r.method === 'GET')).toHaveLength(0);
  });
});
