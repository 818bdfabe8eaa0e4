// Settings confirmed in Sandbox are never in effect with MessageBird: a profile remembers the gateway mode
// its settings were confirmed in, switching the mode activates nothing, and the way back is a code sent
// by MessageBird through the pending-change flow. Real services (createServices), the real SDK against the
// fake MessageBird over HTTPS, the real send log.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeServices, type Services } from '../../../../../src/main/services';
import { PROFILES_KEY } from '../../../../../src/main/services/profiles/profile-store';
import { NL_TEST_RECIPIENT, sandboxCode, startAndVerify } from './security-fixture';
import { useFakeMessageBird } from '../../../../support/fake-messagebird-suite';
import { createTestServices, memoryStore } from '../../../../support/test-services';
import { details } from './profile-details-fixture';

const suite = useFakeMessageBird();
let services: Services;

beforeEach(() => {
  services = createTestServices({ transport: suite.transport });
});
afterEach(async () => {
  await closeServices(services);
});

const sendsToFake = () => suite.fake.requests.filter((r) => r.method === 'POST' && r.path === '/messages');

async function sandboxConfirmedProfile(): Promise<string> {
  const started = await services.profiles.startSetup(details());
  if (!started.ok) throw new Error(started.error.code);
  expect(services.profiles.verify(started.value.profileId, sandboxCode(started.value)).ok).toBe(true);
  const activated = await services.profiles.activate(started.value.profileId);
  if (!activated.ok) throw new Error(activated.error.code);
  return activated.value.id;
}

describe('a profile confirmed in Sandbox', () => {
  it('records the mode; after a switch to MessageBird it needs a live confirmation and test send refuses it', async () => {
    const id = await sandboxConfirmedProfile();
    expect(services.profiles.get(id)).toMatchObject({ status: 'active', active: { confirmedMode: 'sandbox' }, needsLiveConfirmation: false });

    services.preferences.update({ gatewayMode: 'messagebird' });
    expect(services.profiles.get(id)).toMatchObject({ status: 'active', needsLiveConfirmation: true });
    expect(services.profiles.activeProfiles()).toEqual([]);
    expect(await services.profiles.activeKey(id)).toBeNull();
    expect(await services.profiles.activeKeyKinds()).toEqual([]);
    const refused = await services.testSend.send({ profileId: id, recipient: NL_TEST_RECIPIENT, confirmCost: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'live_confirmation_required' } });
    const preview = await services.testSend.preview({ profileId: id, recipient: NL_TEST_RECIPIENT });
    expect(preview).toMatchObject({ ok: false, error: { code: 'live_confirmation_required' } });
    expect(suite.fake.requests).toHaveLength(0);
    expect(services.sendLog.query({ purpose: 'test' }, { limit: 10 }).rows).toHaveLength(0);
  });

  it('switching the mode back and forth activates nothing and changes no stored profile', async () => {
    const id = await sandboxConfirmedProfile();
    const draft = await services.profiles.saveDraft(details({ participantNumber: '54321', adminPhone: '0687654321' }));
    if (!draft.ok) throw new Error(draft.error.code);
    const stored = JSON.stringify(services.deps.settings.get(PROFILES_KEY));
    for (const mode of ['messagebird', 'sandbox', 'messagebird'] as const) services.preferences.update({ gatewayMode: mode });
    expect(JSON.stringify(services.deps.settings.get(PROFILES_KEY))).toBe(stored);
    expect(services.profiles.get(draft.value.id)?.status).toBe('draft');
    expect(services.profiles.get(id)).toMatchObject({ needsLiveConfirmation: true, active: { confirmedMode: 'sandbox' } });
    services.preferences.update({ gatewayMode: 'sandbox' });
    expect(services.profiles.get(id)?.needsLiveConfirmation).toBe(false);
  });

  it('a Sandbox code verified before the switch still activates only as a Sandbox confirmation', async () => {
    const started = await services.profiles.startSetup(details());
    if (!started.ok) throw new Error(started.error.code);
    expect(services.profiles.verify(started.value.profileId, sandboxCode(started.value)).ok).toBe(true);
    services.preferences.update({ gatewayMode: 'messagebird' });
    const activated = await services.profiles.activate(started.value.profileId);
    expect(activated).toMatchObject({ ok: true, value: { active: { confirmedMode: 'sandbox' }, needsLiveConfirmation: true } });
    expect(services.profiles.activeProfiles()).toEqual([]);
  });

  it('is confirmed with MessageBird through "Next" and a code sent by MessageBird; then it is in effect', async () => {
    const id = await sandboxConfirmedProfile();
    services.preferences.update({ gatewayMode: 'messagebird' });
    // The same details again, without retyping the key or phone: "Next" on the profile.
    const value = await startAndVerify(services, suite.fake, { id, participantNumber: '12345', description: 'Productie', originator: 'Acme' });
    expect(sendsToFake()).toHaveLength(1);
    expect(value.needsLiveConfirmation).toBe(true); // verified, not yet saved
    const activated = await services.profiles.activate(id);
    expect(activated).toMatchObject({ ok: true, value: { status: 'active', active: { confirmedMode: 'messagebird' }, needsLiveConfirmation: false } });
    expect(services.profiles.activeProfiles().map((p) => p.id)).toEqual([id]);
  });
});

describe('settings stored before the mode was recorded', () => {
  it('count as confirmed in Sandbox (the safer reading)', async () => {
    const settings = memoryStore();
    settings.set(PROFILES_KEY, [
      {
        id: 'old-one',
        participantNumber: '12345',
        description: 'Productie',
        status: 'active',
        active: { originator: 'Acme', adminPhone: '+31612345678', key: { fingerprint: '0123abcd', kind: 'live', protection: 'host_file' }, activatedAt: 1 },
        pending: null,
        lastKeyCheck: null,
        createdAt: 1,
        updatedAt: 1,
      },
    ]);
    await closeServices(services);
    services = createTestServices({ transport: suite.transport, settings });
    expect(services.profiles.get('old-one')).toMatchObject({ active: { confirmedMode: 'sandbox' }, needsLiveConfirmation: false });
    services.preferences.update({ gatewayMode: 'messagebird' });
    expect(services.profiles.get('old-one')?.needsLiveConfirmation).toBe(true);
    expect(services.profiles.activeProfiles()).toEqual([]);
  });
});
