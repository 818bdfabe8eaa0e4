import { describe, expect, it } from 'vitest';
import type { DeliveryStatus } from '@shared/gateway-types';
import type { GatewayError, GatewayResult, SentMessage, SmsGateway } from '../../../../../src/main/services/ports';
import {
  DeliveryPoller,
  backoffDelay,
  DEFAULT_POLL_POLICY,
  type PollOutcome,
  type PollTarget,
} from '../../../../../src/main/services/delivery/delivery-poller';
import { ManualTime } from '../../../../support/manual-time';

type Answer = DeliveryStatus | GatewayError;

/** A gateway whose `getMessage` answers from a script; the send side is not used by the poller. */
function scriptedGateway(script: Answer[], mode: SmsGateway['mode'] = 'live') {
  const calls: string[] = [];
  const gateway: SmsGateway = {
    mode,
    sendSms: () => Promise.reject(new Error('the poller never sends')),
    getBalance: () => Promise.reject(new Error('not used')),
    async getMessage(id): Promise<GatewayResult<SentMessage>> {
      calls.push(id);
      const next = script.length > 1 ? script.shift()! : script[0]!;
      if (typeof next !== 'string') return { ok: false, error: next };
      return {
        ok: true,
        value: {
          id,
          recipients: [
            { recipient: '+31612345678', status: next, messagePartCount: 1, price: { amount: 0.06, currency: 'EUR' } },
          ],
        },
      };
    },
  };
  return { gateway, calls };
}

function setup(script: Answer[], options: { mode?: SmsGateway['mode']; maxAgeMs?: number } = {}) {
  const time = new ManualTime();
  const { gateway, calls } = scriptedGateway(script, options.mode);
  const outcomes: PollOutcome[] = [];
  const poller = new DeliveryPoller({
    clock: time,
    timers: time,
    gatewayFor: async () => gateway,
    record: async (_target, outcome) => {
      outcomes.push(outcome);
    },
    ...(options.maxAgeMs !== undefined ? { policy: { maxAgeMs: options.maxAgeMs } } : {}),
  });
  const target: PollTarget = { logId: 7, messageId: 'abc123', profileId: 'p1', purpose: 'test', mode: options.mode ?? 'live', sentAt: time.now() };
  const advance = (ms: number) => time.advance(ms, () => poller.whenIdle());
  return { time, poller, outcomes, calls, target, advance };
}

const timeout: GatewayError = { code: 'timeout', description: 'no answer' };

describe('backoffDelay', () => {
  it('doubles from 2 s and is capped at 60 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 40].map((n) => backoffDelay(n, DEFAULT_POLL_POLICY))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });
});

describe('DeliveryPoller', () => {
  it('polls with growing delays until a final status, recording each answer', async () => {
    const { poller, outcomes, calls, target, time, advance } = setup(['sent', 'buffered', 'buffered', 'delivered']);
    poller.track(target);
    expect(poller.isFollowing(7)).toBe(true);

    await advance(1_999);
    expect(calls).toHaveLength(0);
    await advance(1);
    expect(calls).toEqual(['abc123']);

    await advance(4_000 + 8_000 + 16_000);
    expect(calls).toHaveLength(4);
    expect(outcomes.map((o) => (o.kind === 'status' ? [o.status.status, o.final] : o.kind))).toEqual([
      ['sent', false],
      ['buffered', false],
      ['buffered', false],
      ['delivered', true],
    ]);
    expect(time.delays).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(poller.isFollowing(7)).toBe(false);
    expect(time.scheduled).toBe(0);

    await advance(10 * 60_000);
    expect(calls).toHaveLength(4);
  });

  it.each(['delivery_failed', 'expired'] as const)('stops at %s', async (status) => {
    const { poller, outcomes, target, time, advance } = setup([status]);
    poller.track(target);
    await advance(2_000);
    expect(outcomes).toEqual([expect.objectContaining({ kind: 'status', final: true })]);
    expect(time.scheduled).toBe(0);
  });

  it('keeps going after a passing failure (timeout), without recording it', async () => {
    const { poller, outcomes, calls, target, advance } = setup([timeout, timeout, 'delivered']);
    poller.track(target);
    await advance(2_000 + 4_000 + 8_000);
    expect(calls).toHaveLength(3);
    expect(outcomes).toEqual([expect.objectContaining({ kind: 'status', final: true })]);
  });

  it('gives up at the max age and records that once', async () => {
    const { poller, outcomes, calls, target, time, advance } = setup(['sent'], { maxAgeMs: 60_000 });
    poller.track(target);
    await advance(2_000 + 4_000 + 8_000 + 16_000 + 32_000);
    // 62 s after sending: the fifth poll saw `sent` past the max age.
    expect(calls).toHaveLength(5);
    expect(outcomes.at(-1)).toEqual({ kind: 'gave_up' });
    expect(poller.isFollowing(7)).toBe(false);
    expect(time.scheduled).toBe(0);
  });

  it('records a sandbox message the sandbox no longer knows as gone', async () => {
    const notFound: GatewayError = { code: 'not_found', providerCode: 20, httpStatus: 404, description: 'message not found' };
    const { poller, outcomes, target, advance } = setup([notFound], { mode: 'sandbox' });
    poller.track(target);
    await advance(2_000);
    expect(outcomes).toEqual([{ kind: 'gone', reason: 'sandbox_forgotten' }]);
  });

  it('retries a live 404 (MessageBird may not know a message for a moment)', async () => {
    const notFound: GatewayError = { code: 'not_found', providerCode: 20, httpStatus: 404, description: 'message not found' };
    const { poller, calls, target, advance } = setup([notFound, 'delivered']);
    poller.track(target);
    await advance(6_000);
    expect(calls).toHaveLength(2);
    expect(poller.isFollowing(7)).toBe(false);
  });

  it('stops when the key is rejected', async () => {
    const rejected: GatewayError = { code: 'key_rejected', providerCode: 2, httpStatus: 401, description: 'bad key' };
    const { poller, outcomes, target, time, advance } = setup([rejected]);
    poller.track(target);
    await advance(2_000);
    expect(outcomes).toEqual([{ kind: 'gone', reason: 'key_rejected' }]);
    expect(time.scheduled).toBe(0);
  });

  it('follows a row only once', async () => {
    const { poller, calls, target, advance } = setup(['sent', 'delivered']);
    poller.track(target);
    poller.track({ ...target });
    await advance(2_000);
    expect(calls).toHaveLength(1);
  });

  it('close cancels scheduled polls and nothing is recorded afterwards', async () => {
    const { poller, outcomes, calls, target, time, advance } = setup(['sent']);
    poller.track(target);
    await advance(2_000);
    expect(calls).toHaveLength(1);
    await poller.close();
    expect(time.scheduled).toBe(0);
    await advance(60 * 60_000);
    expect(calls).toHaveLength(1);
    expect(outcomes).toHaveLength(1);
    poller.track({ ...target, logId: 8 });
    expect(time.scheduled).toBe(0);
  });

  it('close waits for a poll under way and drops its answer', async () => {
    const time = new ManualTime();
    let answer: (value: GatewayResult<SentMessage>) => void = () => {};
    const recorded: PollOutcome[] = [];
    const gateway: SmsGateway = {
      mode: 'live',
      sendSms: () => Promise.reject(new Error('unused')),
      getBalance: () => Promise.reject(new Error('unused')),
      getMessage: () => new Promise((resolve) => (answer = resolve)),
    };
    const poller = new DeliveryPoller({ clock: time, timers: time, gatewayFor: async () => gateway, record: async (_t, o) => void recorded.push(o) });
    poller.track({ logId: 1, messageId: 'm1', profileId: 'p', purpose: 'test', mode: 'live', sentAt: time.now() });
    await time.advance(2_000);
    let closed = false;
    const closing = poller.close().then(() => (closed = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    answer({ ok: true, value: { id: 'm1', recipients: [{ recipient: '+31612345678', status: 'delivered' }] } });
    await closing;
    expect(recorded).toEqual([]);
  });
});

describe('DeliveryPoller when the gateway cannot be built', () => {
  it('keeps trying with backoff instead of leaving the row stuck', async () => {
    const time = new ManualTime();
    let failures = 2;
    const { gateway, calls } = scriptedGateway(['delivered']);
    const poller = new DeliveryPoller({
      clock: time,
      timers: time,
      gatewayFor: async () => {
        if (failures-- > 0) throw new Error('vault locked');
        return gateway;
      },
      record: async () => {},
      log: () => {},
    });
    poller.track({ logId: 3, messageId: 'm3', profileId: 'p', purpose: 'test', mode: 'live', sentAt: time.now() });
    await time.advance(2_000 + 4_000, () => poller.whenIdle());
    expect(poller.isFollowing(3)).toBe(true);
    expect(time.delays).toEqual([2_000, 4_000, 8_000]);
    await time.advance(8_000, () => poller.whenIdle());
    expect(calls).toEqual(['m3']);
    expect(poller.isFollowing(3)).toBe(false);
  });
});
