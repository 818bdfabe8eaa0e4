// The test-send flow on the in-process sandbox gateway and a real (in-memory) send log.
import { afterEach, describe, expect, it } from 'vitest';
import { SandboxGateway, SandboxState } from '../../../../../src/main/services/gateway';
import type { SendSmsRequest, SmsGateway } from '../../../../../src/main/services/ports';
import { generateTestCode, TEST_CODE_VALIDITY_SECONDS } from '../../../../../src/main/services/test-send/test-send-service';
import { SANDBOX_PROFILE_ID } from '@shared/contract/test-send';
import type { SandboxScenario } from '@shared/settings';
import { createHarness, LIVE_PROFILE } from './harness';
import { ManualTime } from '../../../../support/manual-time';

const NL_MOBILE = '+31612345678';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** The sandbox gateway behind a recorder of what the service asked it to send. */
function sandbox(time: ManualTime, scenario: SandboxScenario = 'normal') {
  const state = new SandboxState();
  const sent: SendSmsRequest[] = [];
  const gatewayFor = (apiKey: string): SmsGateway => {
    const inner = new SandboxGateway({ apiKey, scenario, clock: time, state });
    return {
      mode: inner.mode,
      sendSms: (request) => {
        sent.push({ ...request });
        return inner.sendSms(request);
      },
      getMessage: (id) => inner.getMessage(id),
      getBalance: () => inner.getBalance(),
    };
  };
  return { gatewayFor, sent };
}

function setup(options: { scenario?: SandboxScenario; keys?: Record<string, string | null>; codes?: string[] } = {}) {
  const time = new ManualTime();
  const box = sandbox(time, options.scenario);
  const harness = createHarness({
    gatewayFor: box.gatewayFor,
    time,
    keys: options.keys ?? { [LIVE_PROFILE.id]: 'LiveKey123' },
    codes: options.codes ?? ['042917'],
  });
  cleanups.push(async () => {
    await harness.service.close();
    harness.sendLog.close();
  });
  return { ...harness, sent: box.sent, gatewayFor: box.gatewayFor };
}

const send = (h: ReturnType<typeof setup>, input: Partial<Parameters<ReturnType<typeof setup>['service']['send']>[0]> = {}) =>
  h.service.send({ profileId: SANDBOX_PROFILE_ID, recipient: NL_MOBILE, confirmCost: true, ...input });

function allRows(h: ReturnType<typeof setup>) {
  return h.sendLog.query({}, { limit: 100 }).rows;
}

describe('generateTestCode', () => {
  it('gives six digits, zero-padded, varying', () => {
    const codes = Array.from({ length: 200 }, generateTestCode);
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(150);
  });
});

describe('setup and preview', () => {
  it('offers the Sandbox profile in sandbox mode next to the active profiles with a key', async () => {
    const h = setup({ keys: { [LIVE_PROFILE.id]: 'LiveKey123' } });
    const value = await h.service.setup();
    expect(value.gatewayMode).toBe('sandbox');
    expect(value.profiles.map((p) => [p.id, p.originator, p.mode, p.sentLast24h])).toEqual([
      [SANDBOX_PROFILE_ID, 'Sandbox', 'sandbox', 0],
      [LIVE_PROFILE.id, 'Acme', 'sandbox', 0],
    ]);
    expect(value.settings).toEqual({ template: 'Testcode: {code}', dailyCap: 10, confirmationDailyCap: 10, allowedCountries: ['NL', 'BE'], pricesPerPart: {} });
  });

  it('leaves out Sandbox in MessageBird mode and profiles whose key is gone', async () => {
    const h = setup({ keys: { [LIVE_PROFILE.id]: null } });
    h.preferences.gatewayMode = 'messagebird';
    expect((await h.service.setup()).profiles).toEqual([]);
  });

  it('previews sender, body with a sample code, encoding, parts and the estimate', async () => {
    const h = setup();
    const result = await h.service.preview({ profileId: SANDBOX_PROFILE_ID, recipient: '06 1234 5678', template: 'Uw code: {code} €' });
    expect(result).toEqual({
      ok: true,
      value: {
        profileId: SANDBOX_PROFILE_ID,
        originator: 'Sandbox',
        mode: 'sandbox',
        body: 'Uw code: 123456 €',
        segments: { encoding: 'GSM-7', parts: 1, characters: 18, nonGsmCharacters: [] },
        estimate: expect.objectContaining({ amount: 0.056, currency: 'EUR', parts: 1, country: 'NL', basis: 'quoted', estimate: true }),
        recipient: { international: '+31 6 12345678', masked: expect.stringMatching(/^\+31 •+78$/), country: 'NL', type: 'MOBILE' },
        sentLast24h: 0,
        dailyCap: 10,
      },
    });
    expect(h.sent).toHaveLength(0);
    expect(allRows(h)).toHaveLength(0);
  });

  it('estimates a UCS-2 body at its part count with the configured price', async () => {
    const h = setup();
    h.service.updateSettings({ pricesPerPart: { BE: 0.07 } });
    const result = await h.service.preview({ profileId: SANDBOX_PROFILE_ID, recipient: '+32470123456', template: `${'ë'.repeat(70)}{code}` });
    expect(result.ok && [result.value.segments.encoding, result.value.segments.parts, result.value.estimate.amount, result.value.estimate.basis]).toEqual([
      'UCS-2',
      2,
      0.14,
      'configured',
    ]);
  });
});

describe('cost guards: each refusal has its own code and names the setting', () => {
  it.each([
    ['abc', 'invalid_number', 'none'],
    ['020 123 4567', 'not_mobile', 'none'],
    ['0900 123 4567', 'premium_rate', 'none'],
    ['+44 844 123 4567', 'premium_rate', 'none'],
    ['+33 810 12 34 56', 'shared_cost', 'none'],
    ['0800 123 4567', 'toll_free', 'none'],
    ['+49 1512 3456789', 'country_not_allowed', 'allowedCountries'],
  ])('%s → %s', async (recipient, code, setting) => {
    const h = setup();
    for (const call of [() => h.service.preview({ profileId: SANDBOX_PROFILE_ID, recipient }), () => send(h, { recipient })]) {
      const result = await call();
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      expect(result.error.details?.setting).toBe(setting);
    }
    expect(h.sent).toHaveLength(0);
    expect(allRows(h)).toHaveLength(0);
  });

  it('allows a country once it is on the allow-list', async () => {
    const h = setup();
    h.service.updateSettings({ allowedCountries: ['NL', 'BE', 'de'] });
    expect((await send(h, { recipient: '+49 1512 3456789' })).ok).toBe(true);
  });

  it('says which country and which ones are allowed', async () => {
    const h = setup();
    const result = await send(h, { recipient: '+49 1512 3456789' });
    expect(!result.ok && result.error.details).toEqual({ setting: 'allowedCountries', country: 'DE', allowed: 'NL, BE' });
  });

  it('refuses a template without {code} and one longer than 3 parts', async () => {
    const h = setup();
    const missing = await send(h, { template: 'Hallo' });
    expect(!missing.ok && [missing.error.code, missing.error.field, missing.error.details?.setting]).toEqual(['template_missing_code', 'template', 'template']);
    const long = await send(h, { template: `${'ë'.repeat(200)}{code}` });
    expect(!long.ok && [long.error.code, long.error.details?.parts]).toEqual(['template_too_long', 4]);
    expect(h.sent).toHaveLength(0);
  });

  it('refuses an unknown profile, Sandbox outside sandbox mode, and a profile without key', async () => {
    const h = setup({ keys: { [LIVE_PROFILE.id]: null } });
    const unknown = await send(h, { profileId: 'nope' });
    expect(!unknown.ok && unknown.error.code).toBe('no_active_profile');
    const noKey = await send(h, { profileId: LIVE_PROFILE.id });
    expect(!noKey.ok && noKey.error.code).toBe('api_key_unavailable');
    h.preferences.gatewayMode = 'messagebird';
    const noSandbox = await send(h);
    expect(!noSandbox.ok && [noSandbox.error.code, noSandbox.error.details?.setting]).toEqual(['no_active_profile', 'gatewayMode']);
  });

  it('requires confirmCost: true, after every other guard, and then sends nothing', async () => {
    const h = setup();
    const result = await send(h, { confirmCost: undefined });
    expect(!result.ok && result.error.code).toBe('confirmation_required');
    const refusedFirst = await send(h, { confirmCost: false, recipient: '0900 123 4567' });
    expect(!refusedFirst.ok && refusedFirst.error.code).toBe('premium_rate');
    expect(h.sent).toHaveLength(0);
    expect(allRows(h)).toHaveLength(0);
  });

  it('caps test sends per profile over 24 hours, counted from the log', async () => {
    const h = setup({ codes: ['111111', '222222', '333333', '444444'] });
    h.service.updateSettings({ dailyCap: 2 });
    expect((await send(h)).ok).toBe(true);
    await h.advance(60_000);
    expect((await send(h)).ok).toBe(true);
    const refused = await send(h);
    expect(!refused.ok && [refused.error.code, refused.error.details]).toEqual([
      'daily_cap_reached',
      { setting: 'dailyCap', cap: 2, count: 2 },
    ]);
    const preview = await h.service.preview({ profileId: SANDBOX_PROFILE_ID, recipient: NL_MOBILE });
    expect(!preview.ok && preview.error.code).toBe('daily_cap_reached');
    // Another profile has its own cap.
    expect((await send(h, { profileId: LIVE_PROFILE.id })).ok).toBe(true);
    expect(h.sent).toHaveLength(3);
    // Just under 24 hours after the first send it still counts; just after, one slot is free again.
    await h.advance(24 * 60 * 60_000 - 60_000 - 1);
    expect(!(await send(h)).ok).toBe(true);
    await h.advance(2);
    expect((await send(h)).ok).toBe(true);
  });

  it('keeps the cap when the log is cleared or purged: send, clear, send cannot pass it', async () => {
    const h = setup({ codes: ['111111', '222222', '333333'] });
    h.service.updateSettings({ dailyCap: 1 });
    expect((await send(h)).ok).toBe(true);
    expect(h.sendLog.clear()).toBe(1);
    expect(h.sendLog.purgeOlderThan(0)).toBe(0);
    const refused = await send(h);
    expect(!refused.ok && [refused.error.code, refused.error.details]).toEqual(['daily_cap_reached', { setting: 'dailyCap', cap: 1, count: 1 }]);
    expect(h.sent).toHaveLength(1);
    // The clearing itself stays on record.
    expect(h.sendLog.stats().cleared).toEqual([{ at: h.time.now(), rows: 1 }]);
  });

  it('does not count sends MessageBird refused (nothing was charged)', async () => {
    const h = setup({ scenario: 'insufficient_balance' });
    h.service.updateSettings({ dailyCap: 1 });
    expect((await send(h)).ok).toBe(false);
    const again = await send(h);
    expect(!again.ok && again.error.code).toBe('insufficient_balance');
  });

  it('counts sends whose outcome is unknown', async () => {
    const h = setup({ scenario: 'timeout' });
    h.service.updateSettings({ dailyCap: 1 });
    expect((await send(h)).ok).toBe(false);
    const again = await send(h);
    expect(!again.ok && again.error.code).toBe('daily_cap_reached');
  });

  it('runs two sends one after the other, so a double click cannot pass the cap', async () => {
    const h = setup({ codes: ['111111', '222222'] });
    h.service.updateSettings({ dailyCap: 1 });
    const [a, b] = await Promise.all([send(h), send(h)]);
    expect([a.ok, b.ok]).toEqual([true, false]);
    expect(!b.ok && b.error.code).toBe('daily_cap_reached');
  });
});

describe('send flow (sandbox gateway)', () => {
  it('logs pending, sends a fresh code once, marks sent, then follows it to delivered', async () => {
    const h = setup({ codes: ['042917'] });
    const result = await send(h, { template: 'Uw testcode: {code}' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ status: 'sent', mode: 'sandbox', parts: 1, following: true });
    expect(result.value.messageId).toMatch(/^[0-9a-f]{32}$/);

    expect(h.sent).toEqual([
      {
        originator: 'Sandbox',
        recipient: NL_MOBILE,
        body: 'Uw testcode: 042917',
        reference: `test-${result.value.logId}`,
        validitySeconds: TEST_CODE_VALIDITY_SECONDS,
        datacoding: 'plain',
      },
    ]);
    const row = h.sendLog.get(result.value.logId)!;
    expect(row).toMatchObject({ purpose: 'test', status: 'sent', profileId: SANDBOX_PROFILE_ID, country: 'NL', messagebirdId: result.value.messageId });
    // Never the code or the full number.
    const stored = JSON.stringify(allRows(h));
    expect(stored).not.toContain('042917');
    expect(stored).not.toContain('612345678');
    expect(JSON.stringify(result)).not.toContain('042917');

    await h.advance(2_000);
    expect(h.service.status(result.value.logId)).toMatchObject({ ok: true, value: { status: 'sent', following: true } });
    await h.advance(4_000);
    expect(h.service.status(result.value.logId)).toEqual({
      ok: true,
      value: expect.objectContaining({
        status: 'delivered',
        statusReason: 'successfully delivered',
        following: false,
        price: { amount: 0.056, currency: 'EUR', estimate: false },
      }),
    });
    expect(h.sent).toHaveLength(1);
  });

  it('sends a UCS-2 body as unicode', async () => {
    const h = setup();
    await send(h, { template: 'Testcode ë {code}' });
    expect(h.sent[0]?.datacoding).toBe('unicode');
  });

  it('turns "not enough balance" into a failed row with the reason and code', async () => {
    const h = setup({ scenario: 'insufficient_balance' });
    const result = await send(h);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      code: 'insufficient_balance',
      details: { status: 'failed', providerCode: 25, httpStatus: 422 },
    });
    const row = h.sendLog.get(Number(result.error.details?.logId))!;
    expect(row).toMatchObject({ status: 'failed', statusReason: 'Not enough balance (HTTP 422)', errorCode: '25', messagebirdId: null });
    expect(h.service.status(row.id)).toMatchObject({ ok: true, value: { status: 'failed', following: false, errorCode: '25' } });
  });

  it('records a timeout as unknown and never retries it', async () => {
    const h = setup({ scenario: 'timeout' });
    const result = await send(h);
    expect(!result.ok && result.error.code).toBe('timeout');
    if (result.ok) return;
    expect(result.error.details?.status).toBe('unknown');
    expect(h.sendLog.get(Number(result.error.details?.logId))?.status).toBe('unknown');
    await h.advance(10 * 60_000);
    expect(h.sent).toHaveLength(1);
    expect(h.time.scheduled).toBe(0);
  });

  it('marks a test-key send "not delivered (test key)" without polling', async () => {
    const h = setup({ keys: { [LIVE_PROFILE.id]: 'test_abc123' } });
    const result = await send(h, { profileId: LIVE_PROFILE.id });
    expect(result).toMatchObject({ ok: true, value: { status: 'not_delivered_test_key', following: false } });
    expect(h.time.scheduled).toBe(0);
  });

  it('a gateway that throws leaves the row unknown (it may have left), never pending or retried', async () => {
    const time = new ManualTime();
    let attempts = 0;
    const throwing: SmsGateway = {
      mode: 'live',
      sendSms: async () => {
        attempts += 1;
        throw new Error('socket exploded');
      },
      getMessage: () => Promise.reject(new Error('unused')),
      getBalance: () => Promise.reject(new Error('unused')),
    };
    const h = createHarness({ gatewayFor: () => throwing, time, keys: { [LIVE_PROFILE.id]: 'LiveKey123' }, gatewayMode: 'messagebird' });
    cleanups.push(async () => {
      await h.service.close();
      h.sendLog.close();
    });
    await expect(h.service.send({ profileId: LIVE_PROFILE.id, recipient: NL_MOBILE, confirmCost: true })).rejects.toThrow('socket exploded');
    expect(h.sendLog.query({}, { limit: 10 }).rows.map((r) => r.status)).toEqual(['unknown']);
    // The queue survives a failed send.
    await expect(h.service.send({ profileId: LIVE_PROFILE.id, recipient: NL_MOBILE, confirmCost: true })).rejects.toThrow();
    expect(attempts).toBe(2);
  });

  it('only reports test-send rows through status()', async () => {
    const h = setup();
    const id = h.sendLog.appendPending({
      profileId: 'p', participantNumber: '12345', purpose: 'confirmation', recipient: NL_MOBILE, originator: 'Acme', mode: 'sandbox', parts: 1,
    });
    expect(h.service.status(id)).toMatchObject({ ok: false, error: { code: 'log_row_not_found' } });
    expect(h.service.status(999)).toMatchObject({ ok: false, error: { code: 'log_row_not_found' } });
  });
});

describe('resume after restart', () => {
  it('a new service on the same log follows unfinished rows to their final status', async () => {
    const first = setup();
    const result = await send(first);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Quit before the first poll.
    await first.service.close();

    const second = createHarnessOnSameLog(first);
    expect(second.service.start()).toBe(1);
    await second.advance(2_000);
    expect(first.sendLog.get(result.value.logId)?.status).toBe('sent');
    await second.advance(4_000);
    expect(first.sendLog.get(result.value.logId)?.status).toBe('delivered');
    expect(first.time.scheduled).toBe(0);
    await second.service.close();
  });

  it('notes that the sandbox forgot a message after a restart, and stops', async () => {
    const first = setup();
    const result = await send(first);
    if (!result.ok) throw new Error('send failed');
    await first.service.close();
    // A fresh sandbox state: the process restarted.
    const second = createHarnessOnSameLog(first, sandbox(first.time).gatewayFor);
    second.service.start();
    await second.advance(2_000);
    const row = first.sendLog.get(result.value.logId)!;
    expect(row.status).toBe('sent');
    expect(row.statusReason).toMatch(/sandbox forgets/);
    expect(first.time.scheduled).toBe(0);
    await second.service.close();
  });
});

/** A second service (the app after a restart) on the first one's send log and settings. */
function createHarnessOnSameLog(first: ReturnType<typeof setup>, gatewayFor: (key: string) => SmsGateway = first.gatewayFor) {
  return createHarness({ gatewayFor, time: first.time, sendLog: first.sendLog, settings: first.settings });
}
