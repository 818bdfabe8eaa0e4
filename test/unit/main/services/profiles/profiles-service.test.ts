// The profiles service with its real neighbours: the real messagebird SDK against the fake MessageBird
// over HTTPS (connect-to transport), the file vault in a temp folder, and the SQLite send log.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../../../../src/main/services/gateway';
import type { Clock, KeyValueStore } from '../../../../../src/main/services/ports';
import { ConfirmationCodes } from '../../../../../src/main/services/profiles/confirmation-codes';
import { ProfilesService, activeKeyId, pendingKeyId } from '../../../../../src/main/services/profiles/profiles-service';
import { SendLog } from '../../../../../src/main/services/send-log';
import { FileKeyVault } from '../../../../../src/main/services/vault/file-key-vault';
import type { ProfileDetailsInput } from '@shared/contract/profiles';
import type { GatewayMode } from '@shared/settings';
import { FAKE_LIVE_KEY, FAKE_TEST_KEY } from '../../../../fakes/fake-messagebird';
import { useFakeMessageBird } from '../../../../support/fake-messagebird-suite';
import { details } from './profile-details-fixture';

const PHONE = '+31612345678';
const OTHER_PHONE = '+31687654321';
const SECOND_KEY = 'SecondLiveKey9876543210zz';

const suite = useFakeMessageBird();

class MemoryStore implements KeyValueStore {
  data = new Map<string, unknown>();
  get(key: string): unknown {
    const value = this.data.get(key);
    return value === undefined ? undefined : structuredClone(value);
  }
  set(key: string, value: unknown): void {
    this.data.set(key, structuredClone(value));
  }
}

interface World {
  dir: string;
  now: number;
  clock: Clock;
  settings: MemoryStore;
  vault: FileKeyVault;
  sendLog: SendLog;
  mode: GatewayMode;
  service: ProfilesService;
  /** A new service over the same files, as after an app restart (codes are in memory only). */
  restart(): ProfilesService;
}

let world: World;

function makeService(w: Omit<World, 'service' | 'restart'>): ProfilesService {
  return new ProfilesService({
    settings: w.settings,
    vault: w.vault,
    clock: w.clock,
    gatewayFor: (apiKey) => createGateway({ mode: world.mode, apiKey, scenario: 'normal', transport: suite.transport, clock: w.clock }),
    confirmationLog: w.sendLog,
    defaultLanguage: () => 'nl',
    gatewayMode: () => world.mode,
    codes: new ConfirmationCodes({ clock: w.clock }),
    log: () => {},
  });
}

beforeEach(() => {
  suite.fake.setKey(SECOND_KEY, {});
  const dir = mkdtempSync(join(tmpdir(), 'profiles-'));
  const partial = {
    dir,
    now: 1_800_000_000_000,
    clock: { now: () => world.now },
    settings: new MemoryStore(),
    vault: new FileKeyVault(dir),
    sendLog: new SendLog({ path: ':memory:', clock: { now: () => world.now }, hashKey: randomBytes(32) }),
    mode: 'messagebird' as GatewayMode,
  };
  world = {
    ...partial,
    service: undefined as unknown as ProfilesService,
    restart: () => (world.service = makeService(world)),
  };
  world.service = makeService(world);
});

afterEach(() => {
  world.sendLog.close();
  rmSync(world.dir, { recursive: true, force: true });
});

function sentMessages() {
  return suite.fake.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/messages'));
}

function lastCode(): string {
  const body = (sentMessages().at(-1)?.body as { body: string }).body;
  const match = /\b(\d{6})\b/.exec(body);
  if (!match?.[1]) throw new Error(`no code in ${body}`);
  return match[1];
}

async function activeProfile(over: Partial<ProfileDetailsInput> = {}) {
  const started = await world.service.startSetup(details(over));
  if (!started.ok) throw new Error(started.error.code);
  expect(world.service.verify(started.value.profileId, lastCode()).ok).toBe(true);
  const activated = await world.service.activate(started.value.profileId);
  if (!activated.ok) throw new Error(activated.error.code);
  return activated.value;
}

describe('happy path', () => {
  it('saves the draft, checks the key, sends the code with the sender to the admin phone, then activates', async () => {
    const started = await world.service.startSetup(details(), 'nl');
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    expect(started.value.sentTo).toBe('+31 •••••••78');
    expect(started.value.delivery).toBe('sent');
    expect(started.value.expiresAt - world.now).toBe(5 * 60_000);
    expect(started.value.resendAvailableAt - world.now).toBe(60_000);
    expect(started.value.simulatedSms).toBeUndefined();

    const [balance, send] = suite.fake.requests;
    expect(balance?.path).toBe('/balance');
    expect(send?.headers.authorization).toBe(`AccessKey ${FAKE_LIVE_KEY}`);
    const body = send?.body as { originator: string; recipients: unknown; body: string; validity: number; reference: string };
    expect(body.originator).toBe('Acme');
    expect(String(body.recipients).replace(/^\+/, '')).toBe('31612345678');
    expect(body.body).toMatch(/^Je bevestigingscode voor de SMS-provider van deelnemer 12345 is \d{6}\./);
    expect(body.validity).toBe(300);
    expect(body.reference).toBe(`confirm-${started.value.logId}`);
    expect(body.reference).not.toContain(lastCode());

    const id = started.value.profileId;
    expect(world.service.get(id)).toMatchObject({ status: 'awaiting_confirmation', pending: { state: 'awaiting_confirmation', codeActive: true } });

    expect((await world.service.activate(id)).ok).toBe(false);
    const verified = world.service.verify(id, lastCode());
    expect(verified.ok && verified.value.pending?.state).toBe('verified');

    const activated = await world.service.activate(id);
    expect(activated.ok).toBe(true);
    if (!activated.ok) return;
    expect(activated.value).toMatchObject({
      status: 'active',
      participantNumber: '12345',
      description: 'Productie',
      pending: null,
      active: { originator: 'Acme', adminPhoneMasked: '+31 •••••••78', key: { hasApiKey: true, kind: 'live', protection: 'host_file' } },
      lastKeyCheck: { balance: { payment: 'prepaid', amount: 100 } },
    });
    expect(activated.value.active?.key.fingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(await world.vault.get(activeKeyId(id))).toBe(FAKE_LIVE_KEY);
    expect(await world.vault.get(pendingKeyId(id))).toBeNull();
    expect(await world.service.activeKeyKinds()).toEqual(['live']);
    // A verification is single use.
    expect((await world.service.activate(id)).ok).toBe(false);
  });

  it('logs the confirmation send with purpose confirmation, masked, without the code', async () => {
    const started = await world.service.startSetup(details(), 'en');
    if (!started.ok) throw new Error(started.error.code);
    const row = world.sendLog.get(Number(started.value.logId));
    expect(row).toMatchObject({ purpose: 'confirmation', status: 'sent', originator: 'Acme', participantNumber: '12345', mode: 'live' });
    expect(row?.recipientMasked).not.toContain('12345678');
    expect(JSON.stringify(row)).not.toContain(lastCode());
    expect((sentMessages()[0]?.body as { body: string }).body).toMatch(/^Your confirmation code for the SMS provider of participant 12345 is \d{6}\./);
  });

  it('keeps the key and the code out of the settings and the data folder', async () => {
    const started = await world.service.startSetup(details());
    if (!started.ok) throw new Error(started.error.code);
    const code = lastCode();
    const settings = JSON.stringify([...world.settings.data.entries()]);
    const files = readdirSync(world.dir).map((f) => readFileSync(join(world.dir, f), 'latin1')).join('\n');
    for (const secret of [FAKE_LIVE_KEY, code]) {
      expect(settings).not.toContain(secret);
      expect(files).not.toContain(secret);
    }
    expect(JSON.stringify(world.service.list())).not.toContain(FAKE_LIVE_KEY);
  });

  it('in Sandbox a test key may be activated; the badge then knows only test keys are in effect', async () => {
    world.mode = 'sandbox';
    const started = await world.service.startSetup(details({ apiKey: FAKE_TEST_KEY }));
    if (!started.ok) throw new Error(started.error.code);
    const code = /\b(\d{6})\b/.exec(started.value.simulatedSms?.body ?? '')?.[1] ?? '';
    world.service.verify(started.value.profileId, code);
    await world.service.activate(started.value.profileId);
    expect(await world.service.activeKeyKinds()).toEqual(['test']);
  });

  it('works end to end with the sandbox gateway and shows the simulated SMS', async () => {
    world.mode = 'sandbox';
    const started = await world.service.startSetup(details({ apiKey: 'AnySandboxKey123' }));
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    expect(suite.fake.requests).toHaveLength(0);
    const code = /\b(\d{6})\b/.exec(started.value.simulatedSms?.body ?? '')?.[1] ?? '';
    expect(world.service.verify(started.value.profileId, code).ok).toBe(true);
    expect((await world.service.activate(started.value.profileId)).ok).toBe(true);
  });
});

describe('validation in main', () => {
  it.each([
    [{ participantNumber: '1234' }, 'invalid_participant_number', 'participantNumber'],
    [{ description: '' }, 'invalid_description', 'description'],
    [{ originator: 'NOREPLY' }, 'invalid_originator', 'originator'],
    [{ originator: 'Acme Holding BV' }, 'invalid_originator', 'originator'],
    [{ adminPhone: '020 1234567' }, 'invalid_phone', 'adminPhone'],
    [{ adminPhone: '0900 1234567' }, 'invalid_phone', 'adminPhone'],
  ])('%j → %s, nothing sent or saved', async (over, code, field) => {
    const result = await world.service.startSetup(details(over));
    expect(result).toMatchObject({ ok: false, error: { code, field } });
    expect(suite.fake.requests).toHaveLength(0);
    expect(world.service.list()).toEqual([]);
  });

  it('refuses a second profile for the same participant number', async () => {
    expect((await world.service.saveDraft(details())).ok).toBe(true);
    expect(await world.service.saveDraft(details({ description: 'Tweede' }))).toMatchObject({ ok: false, error: { code: 'participant_number_taken' } });
  });

  it('needs a key to send', async () => {
    const saved = await world.service.saveDraft(details({ apiKey: undefined }));
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(await world.service.resend(saved.value.id)).toMatchObject({ ok: false, error: { code: 'key_required' } });
  });
});

describe('key check at Next', () => {
  it('reports a wrong key and sends nothing', async () => {
    const result = await world.service.startSetup(details({ apiKey: 'WrongKey000000000000' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'key_rejected', field: 'apiKey' } });
    expect(sentMessages()).toHaveLength(0);
    // The draft is kept (and named in the error), so the admin only has to fix the key.
    const draft = world.service.list()[0];
    expect(draft).toMatchObject({ status: 'draft', pending: { state: 'draft' } });
    expect(!result.ok && result.error.details?.profileId).toBe(draft?.id);
  });

  it('refuses a test key: it delivers nothing, so the code could never arrive', async () => {
    const result = await world.service.startSetup(details({ apiKey: FAKE_TEST_KEY }));
    expect(result).toMatchObject({ ok: false, error: { code: 'test_key_no_delivery' } });
    expect(sentMessages()).toHaveLength(0);
    expect(world.service.list()[0]?.pending?.key).toMatchObject({ kind: 'test' });
  });

  it('reports not enough balance and sends nothing', async () => {
    suite.fake.setKey(SECOND_KEY, { balance: { payment: 'prepaid', type: 'euros', amount: 0 } });
    const result = await world.service.startSetup(details({ apiKey: SECOND_KEY }));
    expect(result).toMatchObject({ ok: false, error: { code: 'insufficient_balance' } });
    expect(sentMessages()).toHaveLength(0);
  });

  it('a refused send is logged failed and does not start the cooldown', async () => {
    suite.fake.injectOnce({ type: 'error', status: 422, errors: [{ code: 25, description: 'Not enough balance' }] }, { method: 'POST' });
    const first = await world.service.startSetup(details());
    expect(first).toMatchObject({ ok: false, error: { code: 'insufficient_balance' } });
    const id = world.service.list()[0]!.id;
    const second = await world.service.resend(id);
    expect(second.ok).toBe(true);
    const rows = world.sendLog.query({}, { limit: 10 }).rows;
    expect(rows.map((r) => r.status).sort()).toEqual(['failed', 'sent']);
  });

  it('a timeout is logged unknown, never retried, and the code stays valid', async () => {
    suite.fake.injectOnce({ type: 'reset' }, { method: 'POST' });
    const result = await world.service.startSetup(details());
    expect(result).toMatchObject({ ok: true, value: { delivery: 'unknown' } });
    expect(sentMessages()).toHaveLength(1);
    if (!result.ok) return;
    expect(world.sendLog.get(Number(result.value.logId))?.status).toBe('unknown');
    expect(world.service.get(result.value.profileId)?.pending?.codeActive).toBe(true);
  });
});

describe('code entry', () => {
  it('wrong, then exhausted after five wrong entries', async () => {
    const started = await world.service.startSetup(details());
    if (!started.ok) throw new Error(started.error.code);
    const id = started.value.profileId;
    const wrong = lastCode() === '000000' ? '000001' : '000000';
    expect(world.service.verify(id, wrong)).toMatchObject({ ok: false, error: { code: 'code_wrong', details: { attemptsLeft: 4 } } });
    for (let i = 0; i < 3; i++) world.service.verify(id, wrong);
    expect(world.service.verify(id, wrong)).toMatchObject({ ok: false, error: { code: 'code_exhausted' } });
    expect(world.service.verify(id, lastCode())).toMatchObject({ ok: false, error: { code: 'code_exhausted' } });
  });

  it('expired after five minutes on the injected clock', async () => {
    const started = await world.service.startSetup(details());
    if (!started.ok) throw new Error(started.error.code);
    world.now += 5 * 60_000;
    expect(world.service.verify(started.value.profileId, lastCode())).toMatchObject({ ok: false, error: { code: 'code_expired' } });
  });

  it('resend respects the cooldown, then a new code replaces the old', async () => {
    const started = await world.service.startSetup(details());
    if (!started.ok) throw new Error(started.error.code);
    const id = started.value.profileId;
    const first = lastCode();
    world.now += 30_000;
    expect(await world.service.resend(id)).toMatchObject({ ok: false, error: { code: 'resend_cooldown', details: { retryAt: started.value.resendAvailableAt } } });
    world.now += 30_000;
    const again = await world.service.resend(id);
    expect(again.ok && again.value.resendAvailableAt - world.now).toBe(120_000);
    const second = lastCode();
    if (first !== second) expect(world.service.verify(id, first)).toMatchObject({ ok: false, error: { code: 'code_wrong' } });
    expect(world.service.verify(id, second).ok).toBe(true);
  });

  it('editing the details after the code went out cancels it', async () => {
    const started = await world.service.startSetup(details());
    if (!started.ok) throw new Error(started.error.code);
    const code = lastCode();
    await world.service.saveDraft({ ...details({ apiKey: undefined, originator: 'Other' }), id: started.value.profileId });
    expect(world.service.verify(started.value.profileId, code)).toMatchObject({ ok: false, error: { code: 'code_not_pending' } });
  });
});

describe('restart', () => {
  it('keeps the draft (with its key in the vault) but not the code; Next sends a fresh one', async () => {
    const started = await world.service.startSetup(details());
    if (!started.ok) throw new Error(started.error.code);
    const oldCode = lastCode();
    const service = world.restart();
    const view = service.list()[0];
    expect(view).toMatchObject({ status: 'awaiting_confirmation', pending: { originator: 'Acme', adminPhone: PHONE, codeActive: false, key: { hasApiKey: true } } });
    expect(service.verify(started.value.profileId, oldCode)).toMatchObject({ ok: false, error: { code: 'code_not_pending' } });

    const again = await service.startSetup({ ...details({ apiKey: undefined }), id: started.value.profileId });
    expect(again.ok).toBe(true);
    expect(service.verify(started.value.profileId, lastCode()).ok).toBe(true);
    expect((await service.activate(started.value.profileId)).ok).toBe(true);
    expect(suite.fake.requests.filter((r) => r.path === '/messages').at(-1)?.headers.authorization).toBe(`AccessKey ${FAKE_LIVE_KEY}`);
  });
});

describe('editing an active profile', () => {
  it('keeps the old settings in effect until the change is confirmed', async () => {
    const active = await activeProfile();
    const oldFingerprint = active.active?.key.fingerprint;
    const started = await world.service.startSetup({ ...details({ originator: 'NewName', adminPhone: OTHER_PHONE, apiKey: SECOND_KEY }), id: active.id });
    expect(started.ok).toBe(true);
    expect((sentMessages().at(-1)?.body as { originator: string; recipients: unknown[] }).originator).toBe('NewName');
    expect(sentMessages().at(-1)?.headers.authorization).toBe(`AccessKey ${SECOND_KEY}`);

    const during = world.service.get(active.id);
    expect(during).toMatchObject({
      status: 'active',
      active: { originator: 'Acme', adminPhoneMasked: '+31 •••••••78', key: { fingerprint: oldFingerprint } },
      pending: { originator: 'NewName', adminPhone: OTHER_PHONE, keyChanged: true, state: 'awaiting_confirmation' },
    });
    expect(await world.service.activeKey(active.id)).toBe(FAKE_LIVE_KEY);

    // Not confirmed, even after a restart: the old settings stay.
    const service = world.restart();
    expect(service.get(active.id)?.active?.originator).toBe('Acme');
    expect(await service.activeKey(active.id)).toBe(FAKE_LIVE_KEY);
    expect((await service.activate(active.id)).ok).toBe(false);

    // Discarding the change drops the pending key too.
    const discarded = await service.discardChange(active.id);
    expect(discarded).toMatchObject({ ok: true, value: { pending: null, active: { originator: 'Acme' } } });
    expect(await world.vault.get(pendingKeyId(active.id))).toBeNull();
  });

  it('a confirmed change replaces sender, phone and key', async () => {
    const active = await activeProfile();
    await world.service.startSetup({ ...details({ originator: 'NewName', apiKey: SECOND_KEY }), id: active.id });
    world.service.verify(active.id, lastCode());
    const after = await world.service.activate(active.id);
    expect(after).toMatchObject({ ok: true, value: { status: 'active', pending: null, active: { originator: 'NewName' } } });
    expect(await world.vault.get(activeKeyId(active.id))).toBe(SECOND_KEY);
    expect(await world.vault.get(pendingKeyId(active.id))).toBeNull();
  });

  it('a blank phone on edit keeps the number on file (the renderer only has it masked)', async () => {
    const active = await activeProfile();
    world.now += 60_000;
    const started = await world.service.startSetup({ ...details({ originator: 'NewName', apiKey: undefined, adminPhone: '' }), id: active.id });
    expect(started).toMatchObject({ ok: true, value: { sentTo: '+31 •••••••78' } });
    expect(String((sentMessages().at(-1)?.body as { recipients: unknown }).recipients).replace(/^\+/, '')).toBe('31612345678');
    // A brand-new profile has no number on file: blank is an error there.
    expect(await world.service.startSetup(details({ participantNumber: '54321', adminPhone: '' }))).toMatchObject({ ok: false, error: { code: 'invalid_phone' } });
  });

  it('a description-only edit applies at once without a code', async () => {
    const active = await activeProfile();
    const saved = await world.service.saveDraft({ ...details({ description: 'Nieuwe omschrijving', apiKey: undefined }), id: active.id });
    expect(saved).toMatchObject({ ok: true, value: { description: 'Nieuwe omschrijving', pending: null, status: 'active' } });
  });

  it('the participant number of an active profile cannot change', async () => {
    const active = await activeProfile();
    expect(await world.service.saveDraft({ ...details({ participantNumber: '54321' }), id: active.id })).toMatchObject({
      ok: false,
      error: { code: 'participant_number_locked' },
    });
  });
});

describe('remove key, disable, delete', () => {
  it('remove key disables an active profile and deletes the key from the vault', async () => {
    const active = await activeProfile();
    const result = await world.service.removeKey(active.id);
    expect(result).toMatchObject({ ok: true, value: { status: 'disabled', active: { key: { hasApiKey: false } } } });
    expect(await world.vault.get(activeKeyId(active.id))).toBeNull();
    expect(await world.service.activeKeyKinds()).toEqual([]);
    expect(await world.service.activeKey(active.id)).toBeNull();
  });

  it('disable keeps the key; re-enabling needs a new confirmation', async () => {
    const active = await activeProfile();
    expect(world.service.disable(active.id)).toMatchObject({ ok: true, value: { status: 'disabled' } });
    expect(await world.service.activeKey(active.id)).toBeNull();
    world.now += 60_000;
    const again = await world.service.startSetup({ ...details({ apiKey: undefined }), id: active.id });
    expect(again.ok).toBe(true);
    world.service.verify(active.id, lastCode());
    expect(await world.service.activate(active.id)).toMatchObject({ ok: true, value: { status: 'active' } });
  });

  it('delete removes the profile and its keys', async () => {
    const active = await activeProfile();
    expect(await world.service.delete(active.id)).toEqual({ ok: true, value: { deleted: true } });
    expect(world.service.list()).toEqual([]);
    expect(await world.vault.ids()).toEqual([]);
  });

  it('the live key check records balance and time', async () => {
    const active = await activeProfile();
    world.now += 1000;
    const checked = await world.service.checkKey(active.id);
    expect(checked).toMatchObject({ ok: true, value: { lastKeyCheck: { at: world.now, balance: { amount: expect.any(Number) } } } });
  });
});

describe('stored data', () => {
  it('moves a corrupt profiles value aside instead of dropping it silently', () => {
    world.settings.set('profiles', { nonsense: true });
    expect(world.service.list()).toEqual([]);
    const aside = [...world.settings.data.keys()].find((k) => k.startsWith('profilesCorrupt-'));
    expect(aside).toBeDefined();
    expect(world.settings.get(aside!)).toEqual({ nonsense: true });
  });

  it('sets an invalid profile aside one by one, keeping it raw, and keeps the valid ones', async () => {
    const kept = await activeProfile();
    const stored = world.settings.get('profiles') as unknown[];
    world.settings.set('profiles', [{ id: 'x', participantNumber: '54321', nonsense: true }, ...stored]);

    expect(world.service.list().map((p) => p.id)).toEqual([kept.id]);
    expect(world.service.checkStoredProfiles()).toEqual([{ code: 'profile_invalid', movedTo: 'profilesSetAside', participantNumber: '54321' }]);
    expect(world.settings.get('profilesSetAside')).toEqual([
      expect.objectContaining({ participantNumber: '54321', raw: { id: 'x', participantNumber: '54321', nonsense: true } }),
    ]);
  });
});
