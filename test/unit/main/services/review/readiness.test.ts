import { describe, expect, it } from 'vitest';
import { readiness, type ReadinessSources } from '../../../../../src/main/services/review/readiness';
import type { StoredProfile } from '../../../../../src/main/services/profiles/profile-store';
import { testSendSettingsSchema } from '@shared/contract/test-send';
import type { SendLogFilter } from '@shared/send-log-types';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20);

function profile(over: Partial<StoredProfile> = {}): StoredProfile {
  return {
    id: 'p-1',
    participantNumber: '12345',
    description: 'Productie',
    status: 'active',
    active: {
      originator: '3197010000000',
      adminPhone: '+31612345678',
      key: { fingerprint: 'a1b2c3d4', kind: 'live', protection: 'os' },
      activatedAt: NOW - DAY,
      confirmedMode: 'messagebird',
    },
    pending: null,
    lastKeyCheck: { at: NOW - DAY, balance: { payment: 'prepaid', type: 'euros', amount: 50 } },
    portal: { savedAt: NOW, note: null, snapshot: { originator: '3197010000000', description: 'Productie', keyFingerprint: 'a1b2c3d4' } },
    createdAt: NOW - 2 * DAY,
    updatedAt: NOW - DAY,
    ...over,
  } as StoredProfile;
}

function sources(over: Partial<ReadinessSources> = {}): ReadinessSources {
  return {
    now: NOW,
    gatewayMode: 'messagebird',
    retentionDays: 180,
    testSend: testSendSettingsSchema.parse({}),
    profiles: [profile()],
    newestRow: (filter: SendLogFilter) =>
      filter.mode === 'live' ? ({ createdAt: NOW - DAY, status: 'delivered', mode: 'live' } as never) : null,
    // Only the count is read.
    totals: () => ({ count: 0, parts: 0, cost: [] }) as never,
    ...over,
  };
}

const item = (r: ReturnType<typeof readiness>, id: string) => r.profiles[0]!.items.find((i) => i.id === id);
const general = (r: ReturnType<typeof readiness>, id: string) => r.general.find((i) => i.id === id);

describe('readiness checklist', () => {
  it('a numeric sender is valid, with the reminder that it must be the organisation’s own number', () => {
    const r = readiness(sources());
    expect(item(r, 'sender')).toMatchObject({ verdict: 'pass', params: { kind: 'numeric' } });
    expect(item(r, 'sender_destinations')).toMatchObject({ verdict: 'warn', reason: 'sender_numeric_own_number' });
    expect(r.verdict).toBe('pass');
  });

  it('warns about a low balance, a pending change, Sandbox mode, wide cost guards and a long retention', () => {
    const r = readiness(
      sources({
        gatewayMode: 'sandbox',
        retentionDays: 730,
        testSend: testSendSettingsSchema.parse({ dailyCap: 50, allowedCountries: ['NL'] }),
        profiles: [
          profile({
            lastKeyCheck: { at: NOW - DAY, balance: { payment: 'prepaid', type: 'euros', amount: 3 } },
            pending: { state: 'awaiting_confirmation', originator: 'Acme', adminPhone: '+31612345678', key: null, savedAt: NOW },
          }),
        ],
      }),
    );
    expect(item(r, 'key_check')).toMatchObject({ verdict: 'warn', reason: 'balance_low' });
    expect(item(r, 'confirmation')).toMatchObject({ verdict: 'warn', reason: 'change_pending' });
    expect(general(r, 'gateway_mode')).toMatchObject({ verdict: 'warn', reason: 'gateway_sandbox', fix: { page: 'settings' } });
    expect(general(r, 'cost_guards')).toMatchObject({ verdict: 'warn', reason: 'cost_guards_wide', params: { dailyCap: 50, countries: 'NL' } });
    expect(general(r, 'retention')).toMatchObject({ verdict: 'warn', reason: 'retention_long', params: { days: 730 } });
    expect(r.profiles[0]).toMatchObject({ ready: true, verdict: 'warn' });
    expect(r.verdict).toBe('warn');
  });

  it('a draft without settings in effect fails on what it lacks, and a disabled profile is not ready', () => {
    const r = readiness(
      sources({
        profiles: [
          profile({ id: 'd', status: 'draft', active: null, portal: null, lastKeyCheck: null }),
          profile({ id: 'x', participantNumber: '23456', status: 'disabled' }),
        ],
      }),
    );
    const [draft, disabled] = r.profiles;
    expect(draft!.items.filter((i) => i.verdict === 'fail').map((i) => i.reason)).toEqual([
      'not_confirmed',
      'status_draft',
      'sender_missing',
      'key_missing',
      'admin_phone_missing',
      'not_confirmed',
      'portal_not_yet',
    ]);
    expect(disabled).toMatchObject({ ready: false, items: expect.arrayContaining([expect.objectContaining({ reason: 'status_disabled' })]) });
    expect(general(r, 'profiles')).toMatchObject({ verdict: 'fail', reason: 'profiles_not_ready', params: { ready: 0, total: 2 } });
  });

  it('one ready profile among others that are not makes the installation a warning, not a failure', () => {
    const r = readiness(sources({ profiles: [profile(), profile({ id: 'd', status: 'draft', active: null, portal: null })] }));
    expect(general(r, 'profiles')).toMatchObject({ verdict: 'warn', params: { ready: 1, total: 2 } });
    expect(r.verdict).toBe('warn');
  });
});
