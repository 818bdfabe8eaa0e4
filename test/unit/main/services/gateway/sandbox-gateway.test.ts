import { describe, expect, it } from 'vitest';
import { createGateway, MessageBirdGateway, SandboxGateway, SandboxState } from '../../../../../src/main/services/gateway';
import {
  SANDBOX_DELIVER_AFTER_MS,
  SANDBOX_PRICE_PER_PART,
  SANDBOX_START_BALANCE,
} from '../../../../../src/main/services/gateway/sandbox-gateway';
import type { SandboxScenario } from '@shared/settings';
import type { SendSmsRequest } from '../../../../../src/main/services/ports';

function manualClock(start = Date.UTC(2025, 0, 15, 9, 30, 0)) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

const request: SendSmsRequest = { originator: 'AFAS', recipient: '+31612345678', body: 'Uw code is 123456', reference: 'r1', validitySeconds: 300 };

function sandbox(scenario: SandboxScenario = 'normal', apiKey = 'LiveSandboxKey123') {
  const clock = manualClock();
  const state = new SandboxState();
  const make = (s: SandboxScenario = scenario, key = apiKey) => new SandboxGateway({ apiKey: key, scenario: s, clock, state });
  return { clock, state, gateway: make(), make };
}

describe('SandboxGateway', () => {
  it('is mode sandbox and sends with an id, status sent, parts and price', async () => {
    const { gateway } = sandbox();
    const result = await gateway.sendSms(request);

    expect(gateway.mode).toBe('sandbox');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.id).toMatch(/^[0-9a-f]{32}$/);
    expect(result.value.createdDatetime).toBe('2025-01-15T09:30:00+00:00');
    expect(result.value.recipients).toEqual([
      {
        recipient: '+31612345678',
        status: 'sent',
        statusDatetime: '2025-01-15T09:30:00+00:00',
        messagePartCount: 1,
        price: { amount: SANDBOX_PRICE_PER_PART, currency: 'EUR' },
      },
    ]);
  });

  it('counts parts like MessageBird: 161 GSM characters are 2 parts, 71 UCS-2 ones too', async () => {
    const { gateway } = sandbox();
    const gsm = await gateway.sendSms({ ...request, body: 'a'.repeat(161) });
    const gsmOne = await gateway.sendSms({ ...request, body: 'a'.repeat(160) });
    const ucs = await gateway.sendSms({ ...request, body: 'ж'.repeat(71), datacoding: 'auto' });

    expect(gsm.ok && gsm.value.recipients[0]?.messagePartCount).toBe(2);
    expect(gsm.ok && gsm.value.recipients[0]?.price?.amount).toBeCloseTo(2 * SANDBOX_PRICE_PER_PART, 6);
    expect(gsmOne.ok && gsmOne.value.recipients[0]?.messagePartCount).toBe(1);
    expect(ucs.ok && ucs.value.recipients[0]?.messagePartCount).toBe(2);
  });

  it('reports delivered only after a few seconds of clock time, to a gateway built later', async () => {
    const { gateway, clock, make } = sandbox();
    const sent = await gateway.sendSms(request);
    if (!sent.ok) throw new Error('send failed');

    const early = await make().getMessage(sent.value.id);
    expect(early.ok && early.value.recipients[0]?.status).toBe('sent');

    clock.advance(SANDBOX_DELIVER_AFTER_MS - 1);
    const stillEarly = await make().getMessage(sent.value.id);
    expect(stillEarly.ok && stillEarly.value.recipients[0]?.status).toBe('sent');

    clock.advance(1);
    const late = await make().getMessage(sent.value.id);
    expect(late.ok && late.value.recipients[0]).toMatchObject({
      recipient: '+31612345678',
      status: 'delivered',
      statusDatetime: '2025-01-15T09:30:04+00:00',
      messagePartCount: 1,
    });
  });

  it('fails delivery with a reason in the delivery_failed scenario', async () => {
    const { gateway, clock } = sandbox('delivery_failed');
    const sent = await gateway.sendSms(request);
    if (!sent.ok) throw new Error('send failed');
    clock.advance(SANDBOX_DELIVER_AFTER_MS);

    const result = await gateway.getMessage(sent.value.id);

    expect(result.ok && result.value.recipients[0]).toMatchObject({
      status: 'delivery_failed',
      statusReason: 'unknown subscriber',
      statusErrorCode: 1,
    });
  });

  it('behaves like a MessageBird test key for test_ keys: accepted, nothing delivered, not_found', async () => {
    const { gateway, clock, make } = sandbox('normal', 'test_SandboxKey');
    const sent = await gateway.sendSms(request);
    if (!sent.ok) throw new Error('send failed');
    clock.advance(60_000);

    const read = await gateway.getMessage(sent.value.id);

    expect(read).toMatchObject({ ok: false, error: { code: 'not_found', providerCode: 20, httpStatus: 404 } });
    const balance = await make().getBalance();
    expect(balance.ok && balance.value.amount).toBe(SANDBOX_START_BALANCE);
  });

  it('does not show one key the messages of another', async () => {
    const { gateway, make } = sandbox();
    const sent = await gateway.sendSms(request);
    if (!sent.ok) throw new Error('send failed');

    const other = await make('normal', 'OtherLiveKey999').getMessage(sent.value.id);

    expect(other).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('keeps a plausible prepaid balance that pays for sends', async () => {
    const { gateway } = sandbox();
    const before = await gateway.getBalance();
    await gateway.sendSms(request);
    await gateway.sendSms({ ...request, body: 'a'.repeat(200) });
    const after = await gateway.getBalance();

    expect(before).toEqual({ ok: true, value: { payment: 'prepaid', type: 'euros', amount: SANDBOX_START_BALANCE } });
    expect(after.ok && after.value.amount).toBeCloseTo(SANDBOX_START_BALANCE - 3 * SANDBOX_PRICE_PER_PART, 6);
  });

  it.each([
    { scenario: 'key_rejected', code: 'key_rejected', providerCode: 2, maybeSent: false },
    { scenario: 'insufficient_balance', code: 'insufficient_balance', providerCode: 25, maybeSent: false },
    { scenario: 'provider_unavailable', code: 'provider_unavailable', providerCode: 99, maybeSent: true },
    { scenario: 'timeout', code: 'timeout', providerCode: undefined, maybeSent: true },
  ] as const)('fails sends in the $scenario scenario', async ({ scenario, code, providerCode, maybeSent }) => {
    const { gateway, state } = sandbox(scenario);
    const result = await gateway.sendSms(request);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.providerCode).toBe(providerCode);
    expect(result.error.maybeSent).toBe(maybeSent);
    expect(result.error.description.length).toBeGreaterThan(0);
    expect(state.messages.size).toBe(0);
  });

  it('rejects the key on every call, and times out on every call, in those scenarios', async () => {
    for (const scenario of ['key_rejected', 'timeout', 'provider_unavailable'] as const) {
      const { gateway } = sandbox(scenario);
      const balance = await gateway.getBalance();
      const read = await gateway.getMessage('0123456789abcdef0123456789abcdef');
      expect(balance.ok).toBe(false);
      expect(read.ok).toBe(false);
      if (!balance.ok && !read.ok) {
        expect(balance.error.code).toBe(read.error.code);
        expect(balance.error).not.toHaveProperty('maybeSent');
      }
    }
  });

  it('reports a zero balance in the insufficient_balance scenario', async () => {
    const { gateway } = sandbox('insufficient_balance');
    expect(await gateway.getBalance()).toEqual({ ok: true, value: { payment: 'prepaid', type: 'euros', amount: 0 } });
  });

  it('runs out of balance for real once the credit is spent', async () => {
    const { gateway, state } = sandbox();
    state.spent.set('LiveSandboxKey123', SANDBOX_START_BALANCE - 0.01);

    const result = await gateway.sendSms(request);

    expect(result).toMatchObject({ ok: false, error: { code: 'insufficient_balance', providerCode: 25 } });
  });

  it.each([
    { patch: { originator: '' }, providerCode: 9 },
    { patch: { originator: 'TwelveChars!' }, providerCode: 10 },
    { patch: { recipient: '06-12345678' }, providerCode: 9 },
    { patch: { body: '' }, providerCode: 9 },
    { patch: { reference: 'x'.repeat(129) }, providerCode: 10 },
  ])('validates like MessageBird: $patch → code $providerCode', async ({ patch, providerCode }) => {
    const { gateway } = sandbox();
    const result = await gateway.sendSms({ ...request, ...patch });

    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request', providerCode, maybeSent: false } });
  });

  it('refuses malformed ids', async () => {
    const { gateway } = sandbox();
    expect(await gateway.getMessage('../balance')).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});

describe('createGateway', () => {
  const clock = manualClock();
  it('builds the sandbox in sandbox mode and MessageBird otherwise', () => {
    const base = { apiKey: 'test_abc', scenario: 'normal' as const, transport: {}, clock };
    const sandboxGateway = createGateway({ ...base, mode: 'sandbox' });
    const live = createGateway({ ...base, mode: 'messagebird', apiKey: 'LiveKey123' });
    const test = createGateway({ ...base, mode: 'messagebird' });

    expect(sandboxGateway).toBeInstanceOf(SandboxGateway);
    expect(sandboxGateway.mode).toBe('sandbox');
    expect(live).toBeInstanceOf(MessageBirdGateway);
    expect(live.mode).toBe('live');
    expect(test.mode).toBe('test');
  });

  it('passes the sandbox scenario and clock through', async () => {
    const gateway = createGateway({ mode: 'sandbox', apiKey: 'LiveKey123', scenario: 'key_rejected', transport: {}, clock });
    expect(await gateway.getBalance()).toMatchObject({ ok: false, error: { code: 'key_rejected' } });
  });
});
