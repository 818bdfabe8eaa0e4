// The cost guards and throttles of confirmation SMS, and "a refused action changes nothing": no request
// to MessageBird (not even GET /balance), no key check recorded, no draft saved, and the code already out
// stays valid. Real services, the real SDK against the fake MessageBird over HTTPS, the real send log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeServices, type Services } from '../../../../../src/main/services';
import { PROFILES_KEY } from '../../../../../src/main/services/profiles/profile-store';
import { useFakeMessageBird } from '../../../../support/fake-messagebird-suite';
import { createTestServices } from '../../../../support/test-services';
import { details } from './profile-details-fixture';
import { lastFakeCode } from './security-fixture';

const suite = useFakeMessageBird();
let services: Services;
let now: number;

beforeEach(() => {
  now = 1_800_000_000_000;
  services = createTestServices({ transport: suite.transport, clock: { now: () => now } });
  services.preferences.update({ gatewayMode: 'messagebird' });
});
afterEach(async () => {
  await closeServices(services);
});

const stored = () => JSON.stringify(services.deps.settings.get(PROFILES_KEY) ?? null);

describe('confirmation SMS obey the cost guards', () => {
  it('refuses a number outside the country allow-list (the test-send setting) before anything is saved or asked', async () => {
    const refused = await services.profiles.startSetup(details({ adminPhone: '+61412345678' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'country_not_allowed', field: 'adminPhone', details: { country: 'AU', setting: 'allowedCountries' } } });
    expect(suite.fake.requests).toHaveLength(0);
    expect(services.profiles.list()).toEqual([]);
    expect(services.sendLog.stats().rows).toBe(0);
    // The same setting as test send opens it.
    services.testSend.updateSettings({ allowedCountries: ['NL', 'AU'] });
    expect(await services.profiles.startSetup(details({ adminPhone: '+61412345678' }))).toMatchObject({ ok: true });
  });

  it('caps confirmation SMS across all profiles per 24 hours; clearing the log does not reset it', async () => {
    services.testSend.updateSettings({ confirmationDailyCap: 2 });
    expect((await services.profiles.startSetup(details({ participantNumber: '10001', adminPhone: '0611111111' }))).ok).toBe(true);
    expect((await services.profiles.startSetup(details({ participantNumber: '10002', adminPhone: '0622222222' }))).ok).toBe(true);
    services.sendLog.clear();
    const before = suite.fake.requests.length;
    const refused = await services.profiles.startSetup(details({ participantNumber: '10003', adminPhone: '0633333333' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'confirmation_daily_cap_reached', details: { cap: 2, count: 2, setting: 'confirmationDailyCap' } } });
    expect(suite.fake.requests).toHaveLength(before);
    expect(services.profiles.list()).toHaveLength(2);
    // A day later there is room again.
    now += 24 * 60 * 60_000 + 1;
    expect((await services.profiles.startSetup(details({ participantNumber: '10003', adminPhone: '0633333333' }))).ok).toBe(true);
  });

  it('uses 10 as the default cap', async () => {
    for (let i = 0; i < 10; i++) {
      const sent = await services.profiles.startSetup(details({ participantNumber: `2000${i}`, adminPhone: `06111111${10 + i}` }));
      expect(sent.ok, `send ${i + 1}`).toBe(true);
    }
    const refused = await services.profiles.startSetup(details({ participantNumber: '20010', adminPhone: '0611111120' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'confirmation_daily_cap_reached', details: { cap: 10 } } });
  });
});

describe('a refused "Next" or resend changes nothing', () => {
  it('"Next" during the cooldown keeps the code already sent, asks MessageBird nothing and records no key check', async () => {
    const started = await services.profiles.startSetup(details());
    if (!started.ok) throw new Error(started.error.code);
    const id = started.value.profileId;
    const code = lastFakeCode(suite.fake);
    now += 5_000;
    const before = { requests: suite.fake.requests.length, profiles: stored(), view: services.profiles.get(id) };

    const again = await services.profiles.startSetup(details({ id, apiKey: undefined, adminPhone: '' }));
    expect(again).toMatchObject({ ok: false, error: { code: 'resend_cooldown', details: { profileId: id } } });
    const resend = await services.profiles.resend(id);
    expect(resend).toMatchObject({ ok: false, error: { code: 'resend_cooldown' } });
    // Changed details during the cooldown are refused too, and not saved: the code confirms what it was sent for.
    const changed = await services.profiles.startSetup(details({ id, originator: 'Other', apiKey: undefined, adminPhone: '' }));
    expect(changed).toMatchObject({ ok: false, error: { code: 'resend_cooldown' } });

    expect(suite.fake.requests).toHaveLength(before.requests); // no GET /balance, no POST /messages
    expect(stored()).toBe(before.profiles); // lastKeyCheck, pending and status unchanged
    expect(services.profiles.get(id)).toEqual(before.view);
    // The code already sent still confirms the setup.
    expect(services.profiles.verify(id, code)).toMatchObject({ ok: true, value: { pending: { state: 'verified', originator: 'Acme' } } });
  });

  it('a refused resend to a number at its cap sends nothing and keeps the live code', async () => {
    const started = await services.profiles.startSetup(details());
    if (!started.ok) throw new Error(started.error.code);
    const id = started.value.profileId;
    // Two more setups to the same number use up its 3 codes per 10 minutes.
    expect((await services.profiles.startSetup(details({ participantNumber: '30001' }))).ok).toBe(true);
    expect((await services.profiles.startSetup(details({ participantNumber: '30002' }))).ok).toBe(true);
    const code = lastFakeCode(suite.fake);
    const before = { requests: suite.fake.requests.length, profiles: stored() };
    const refused = await services.profiles.startSetup(details({ participantNumber: '30003' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'send_limit_reached' } });
    expect(suite.fake.requests).toHaveLength(before.requests);
    expect(stored()).toBe(before.profiles);
    const third = services.profiles.list().find((p) => p.participantNumber === '30002')!;
    expect(services.profiles.verify(third.id, code).ok).toBe(true);
    expect(id).toBeTruthy();
  });
});

describe('throttles across a restart', () => {
  it('a restart keeps the cooldown and the lock of a setup; the code itself is gone', async () => {
    const started = await services.profiles.startSetup(details());
    if (!started.ok) throw new Error(started.error.code);
    const id = started.value.profileId;
    const code = lastFakeCode(suite.fake);
    const restart = async () => {
      const { dataDir, settings } = services.deps;
      await closeServices(services);
      services = createTestServices({ transport: suite.transport, clock: { now: () => now }, dataDir, settings });
    };
    await restart();
    const requests = suite.fake.requests.length;
    expect(await services.profiles.resend(id)).toMatchObject({ ok: false, error: { code: 'resend_cooldown' } });
    expect(suite.fake.requests).toHaveLength(requests);
    expect(services.profiles.verify(id, code)).toMatchObject({ ok: false, error: { code: 'code_not_pending' } });

    // Twenty wrong codes lock the setup, with the time it unlocks; the lock outlives a restart.
    let last: ReturnType<Services['profiles']['verify']> | undefined;
    for (let wrong = 0; wrong < 20; wrong++) {
      if (wrong % 5 === 0) {
        now += 11 * 60_000;
        expect((await services.profiles.resend(id)).ok).toBe(true);
      }
      last = services.profiles.verify(id, lastFakeCode(suite.fake) === '000000' ? '000001' : '000000');
    }
    expect(last).toMatchObject({ ok: false, error: { code: 'setup_locked', details: { lockedUntil: now + 24 * 60 * 60_000 } } });
    await restart();
    const right = services.profiles.verify(id, lastFakeCode(suite.fake));
    expect(right).toMatchObject({ ok: false, error: { code: 'setup_locked' } });
    const before = suite.fake.requests.length;
    expect(await services.profiles.resend(id)).toMatchObject({ ok: false, error: { code: 'setup_locked', details: { lockedUntil: now + 24 * 60 * 60_000 } } });
    expect(suite.fake.requests).toHaveLength(before);
  });
});
