import { describe, expect, it } from 'vitest';
import { ConfirmationCodes, VERIFIED_TTL_MS } from '../../../../../src/main/services/profiles/confirmation-codes';

const PHONE = '+31612345678';

function setup(options: { random?: number[]; lifetimeMs?: number } = {}) {
  let now = 1_000_000;
  const draws = [...(options.random ?? [])];
  const calls: Array<[number, number]> = [];
  const codes = new ConfirmationCodes({
    clock: { now: () => now },
    randomInt: (min, max) => {
      calls.push([min, max]);
      return draws.shift() ?? 123456;
    },
    ...(options.lifetimeMs === undefined ? {} : { lifetimeMs: options.lifetimeMs }),
  });
  return {
    codes,
    calls,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
  };
}

function issued(outcome: ReturnType<ConfirmationCodes['issue']>) {
  if (!outcome.ok) throw new Error(`not issued: ${outcome.reason}`);
  return outcome;
}

describe('ConfirmationCodes: generation', () => {
  it('draws 6 digits from the injected random over [0, 1e6) and zero-pads', () => {
    const t = setup({ random: [42] });
    const out = issued(t.codes.issue('p1', PHONE));
    expect(out.code).toBe('000042');
    expect(t.calls).toEqual([[0, 1_000_000]]);
  });

  it('uses crypto.randomInt by default and always yields 6 digits', () => {
    let now = 0;
    const codes = new ConfirmationCodes({ clock: { now: () => now } });
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      now += 11 * 60_000;
      const out = issued(codes.issue(`s${i}`, `+3161234${String(i).padStart(4, '0')}`));
      expect(out.code).toMatch(/^\d{6}$/);
      seen.add(out.code);
    }
    expect(seen.size).toBeGreaterThan(15);
  });

  it('expires after 5 minutes by default', () => {
    const t = setup();
    const out = issued(t.codes.issue('p1', PHONE));
    expect(out.expiresAt - t.now()).toBe(5 * 60_000);
  });

  it('refuses a lifetime over 10 minutes or of zero', () => {
    expect(() => setup({ lifetimeMs: 10 * 60_000 + 1 })).toThrow(RangeError);
    expect(() => setup({ lifetimeMs: 0 })).toThrow(RangeError);
    expect(setup({ lifetimeMs: 10 * 60_000 }).codes.lifetimeMs).toBe(600_000);
  });

  it('keeps no clear-text code: the stored state does not contain it', () => {
    const t = setup({ random: [987654] });
    issued(t.codes.issue('p1', PHONE));
    const stored = [...(t.codes as unknown as { codes: Map<string, { salt: Buffer; hash: Buffer }> }).codes.values()];
    const dump = stored.map((c) => `${JSON.stringify(c)}${c.salt.toString('latin1')}${c.hash.toString('latin1')}`).join('');
    expect(stored).toHaveLength(1);
    expect(dump).not.toContain('987654');
  });
});

describe('ConfirmationCodes: verification', () => {
  it('accepts the right code once (single use)', () => {
    const t = setup({ random: [111111] });
    issued(t.codes.issue('p1', PHONE));
    expect(t.codes.verify('p1', '111111')).toEqual({ status: 'ok' });
    expect(t.codes.verify('p1', '111111')).toEqual({ status: 'no_pending' });
    expect(t.codes.isVerified('p1')).toBe(true);
    expect(t.codes.consumeVerification('p1')).toBe(true);
    expect(t.codes.consumeVerification('p1')).toBe(false);
  });

  it('counts wrong entries down and cancels the code at the fifth', () => {
    const t = setup({ random: [111111] });
    issued(t.codes.issue('p1', PHONE));
    expect(t.codes.verify('p1', '000000')).toEqual({ status: 'wrong', attemptsLeft: 4 });
    expect(t.codes.verify('p1', '000001')).toEqual({ status: 'wrong', attemptsLeft: 3 });
    expect(t.codes.verify('p1', 'abc')).toEqual({ status: 'wrong', attemptsLeft: 2 });
    expect(t.codes.verify('p1', '')).toEqual({ status: 'wrong', attemptsLeft: 1 });
    expect(t.codes.verify('p1', '000002')).toEqual({ status: 'exhausted' });
    // Even the right code no longer works.
    expect(t.codes.verify('p1', '111111')).toEqual({ status: 'exhausted' });
    expect(t.codes.isVerified('p1')).toBe(false);
  });

  it('says expired once the lifetime has passed, also for the right code', () => {
    const t = setup({ random: [222222] });
    issued(t.codes.issue('p1', PHONE));
    t.advance(5 * 60_000 - 1);
    expect(t.codes.hasLiveCode('p1')).toBe(true);
    t.advance(1);
    expect(t.codes.hasLiveCode('p1')).toBe(false);
    expect(t.codes.verify('p1', '222222')).toEqual({ status: 'expired' });
  });

  it('says no_pending when no code was issued', () => {
    expect(setup().codes.verify('nope', '123456')).toEqual({ status: 'no_pending' });
  });

  it('a new code cancels the old one', () => {
    const t = setup({ random: [111111, 222222] });
    issued(t.codes.issue('p1', PHONE));
    t.advance(60_000);
    issued(t.codes.issue('p1', PHONE));
    expect(t.codes.verify('p1', '111111')).toEqual({ status: 'wrong', attemptsLeft: 4 });
    expect(t.codes.verify('p1', '222222')).toEqual({ status: 'ok' });
  });

  it('a new code after exhaustion works again with fresh attempts', () => {
    const t = setup({ random: [111111, 333333] });
    issued(t.codes.issue('p1', PHONE));
    for (let i = 0; i < 5; i++) t.codes.verify('p1', '999999');
    t.advance(60_000);
    issued(t.codes.issue('p1', PHONE));
    expect(t.codes.verify('p1', '999999')).toEqual({ status: 'wrong', attemptsLeft: 4 });
    expect(t.codes.verify('p1', '333333')).toEqual({ status: 'ok' });
  });

  it('codes of different setups are independent', () => {
    const t = setup({ random: [111111, 222222] });
    issued(t.codes.issue('p1', PHONE));
    issued(t.codes.issue('p2', '+31687654321'));
    expect(t.codes.verify('p1', '222222').status).toBe('wrong');
    expect(t.codes.verify('p2', '222222').status).toBe('ok');
  });

  it('cancel drops the code and any verification', () => {
    const t = setup({ random: [111111, 222222] });
    issued(t.codes.issue('p1', PHONE));
    t.codes.cancel('p1');
    expect(t.codes.verify('p1', '111111')).toEqual({ status: 'no_pending' });
    t.advance(60_000);
    issued(t.codes.issue('p1', PHONE));
    t.codes.verify('p1', '222222');
    t.codes.cancel('p1');
    expect(t.codes.isVerified('p1')).toBe(false);
  });

  it('a verification lapses after its time to live', () => {
    const t = setup({ random: [111111] });
    issued(t.codes.issue('p1', PHONE));
    t.codes.verify('p1', '111111');
    t.advance(VERIFIED_TTL_MS);
    expect(t.codes.consumeVerification('p1')).toBe(false);
  });
});

describe('ConfirmationCodes: resend throttling', () => {
  it('cooldown is 60 s, then doubles on each repeat', () => {
    const t = setup();
    const first = issued(t.codes.issue('p1', PHONE));
    expect(first.resendAvailableAt - t.now()).toBe(60_000);
    t.advance(59_999);
    expect(t.codes.issue('p1', PHONE)).toEqual({ ok: false, reason: 'cooldown', retryAt: t.now() + 1 });
    t.advance(1);
    const second = issued(t.codes.issue('p1', PHONE));
    expect(second.resendAvailableAt - t.now()).toBe(120_000);
    t.advance(119_999);
    expect(t.codes.issue('p1', PHONE)).toMatchObject({ ok: false, reason: 'cooldown' });
    t.advance(1);
    const third = issued(t.codes.issue('p1', PHONE));
    // The fourth send would need 240 s cooldown and the per-number cap (3 per 10 min) runs 420 s more,
    // but the wait never outlasts the code in hand (5 minutes).
    expect(third.resendAvailableAt).toBe(t.now() + 300_000);
  });

  it('never makes the admin wait longer than the current code lives', () => {
    const t = setup({ lifetimeMs: 90_000 });
    issued(t.codes.issue('p1', PHONE));
    t.advance(60_000);
    const second = issued(t.codes.issue('p1', PHONE));
    // The doubled cooldown would be 120 s; the code expires after 90 s.
    expect(second.resendAvailableAt - t.now()).toBe(90_000);
    t.advance(89_999);
    expect(t.codes.issue('p1', PHONE)).toMatchObject({ ok: false, reason: 'cooldown', retryAt: t.now() + 1 });
    t.advance(1);
    expect(t.codes.issue('p1', PHONE).ok).toBe(true);
  });

  it('the 3-per-10-minutes cap waits at most until the code in hand expires', () => {
    const t = setup();
    issued(t.codes.issue('p1', PHONE));
    t.advance(60_000);
    issued(t.codes.issue('p1', PHONE));
    t.advance(120_000);
    issued(t.codes.issue('p1', PHONE));
    t.advance(240_000);
    const refused = t.codes.issue('p1', PHONE);
    expect(refused).toEqual({ ok: false, reason: 'rate_limited', retryAt: t.now() + 60_000 });
  });

  it('five wrong codes end the cooldown at once; the per-number cap still counts', () => {
    const t = setup({ random: [111111] });
    issued(t.codes.issue('p1', PHONE));
    for (let i = 0; i < 5; i += 1) t.codes.verify('p1', '000000');
    expect(t.codes.verify('p1', '111111')).toEqual({ status: 'exhausted' });
    expect(t.codes.nextSendAt('p1', PHONE)).toEqual({ at: t.now() });
    issued(t.codes.issue('p1', PHONE));
    for (let i = 0; i < 5; i += 1) t.codes.verify('p1', '000000');
    issued(t.codes.issue('p1', PHONE));
    for (let i = 0; i < 5; i += 1) t.codes.verify('p1', '000000');
    // Three sends to this number: the next one waits for the cap, but not past the last code's expiry.
    expect(t.codes.nextSendAt('p1', PHONE)).toEqual({ at: t.now() + 300_000, reason: 'rate_limited' });
  });

  it('at most 3 sends per number per 10 minutes, across setups', () => {
    const t = setup();
    issued(t.codes.issue('a', PHONE));
    issued(t.codes.issue('b', PHONE));
    issued(t.codes.issue('c', PHONE));
    const start = t.now();
    expect(t.codes.issue('d', PHONE)).toEqual({ ok: false, reason: 'rate_limited', retryAt: start + 600_000 });
    // Another number is not affected.
    expect(t.codes.issue('d', '+31687654321').ok).toBe(true);
    t.advance(600_000);
    expect(t.codes.issue('e', PHONE).ok).toBe(true);
  });

  it('the doubling resets after a quiet 10 minutes', () => {
    const t = setup();
    issued(t.codes.issue('p1', PHONE));
    t.advance(60_000);
    issued(t.codes.issue('p1', PHONE));
    t.advance(600_000);
    const again = issued(t.codes.issue('p1', PHONE));
    expect(again.resendAvailableAt - t.now()).toBe(60_000);
  });

  it('a send MessageBird refused does not count toward cooldown or cap', () => {
    const t = setup({ random: [111111, 222222] });
    issued(t.codes.issue('p1', PHONE));
    t.codes.revokeUnsent('p1', PHONE);
    expect(t.codes.verify('p1', '111111')).toEqual({ status: 'no_pending' });
    expect(t.codes.nextSendAt('p1', PHONE)).toEqual({ at: t.now() });
    const out = issued(t.codes.issue('p1', PHONE));
    expect(out.resendAvailableAt - t.now()).toBe(60_000);
  });

  it('a successful verification resets the cooldown for the next setup round', () => {
    const t = setup({ random: [111111] });
    issued(t.codes.issue('p1', PHONE));
    t.codes.verify('p1', '111111');
    expect(t.codes.nextSendAt('p1', PHONE)).toEqual({ at: t.now() });
  });
});
