import { describe, expect, it } from 'vitest';
import {
  ConfirmationCodes,
  LOCK_MS,
  MAX_ATTEMPTS,
  MAX_WRONG_CODES_PER_DAY,
  THROTTLE_KEY,
  VERIFIED_TTL_MS,
} from '../../../../../src/main/services/profiles/confirmation-codes';

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

describe('ConfirmationCodes: wrong codes per setup over 24 hours', () => {
  // Codes are drawn as 111111, 222222 …; "000000" is never right.
  function lockable() {
    const t = setup({ random: Array.from({ length: 30 }, (_, i) => ((i % 9) + 1) * 111_111) });
    return t;
  }

  it('locks the setup for 24 hours at the 20th wrong code, across codes, with the time it unlocks', () => {
    const t = lockable();
    let outcome: ReturnType<ConfirmationCodes['verify']> | undefined;
    for (let wrong = 1; wrong <= MAX_WRONG_CODES_PER_DAY; wrong++) {
      if ((wrong - 1) % MAX_ATTEMPTS === 0) {
        // A fresh code after each used-up one (five wrong entries end the cooldown).
        t.advance(11 * 60_000);
        issued(t.codes.issue('p1', PHONE));
      }
      outcome = t.codes.verify('p1', '000000');
      if (wrong < MAX_WRONG_CODES_PER_DAY) expect(outcome.status, `wrong code ${wrong}`).not.toBe('locked');
    }
    const lockedAt = t.now();
    expect(outcome).toEqual({ status: 'locked', until: lockedAt + LOCK_MS });
    // Locked: no new code, and even the right one is not checked.
    const refused = t.codes.issue('p1', PHONE);
    expect(refused).toEqual({ ok: false, reason: 'locked', retryAt: lockedAt + LOCK_MS });
    expect(t.codes.nextSendAt('p1', PHONE)).toEqual({ at: lockedAt + LOCK_MS, reason: 'locked' });
    // Another setup is not locked.
    expect(t.codes.issue('p2', '+31687654321').ok).toBe(true);
    t.advance(LOCK_MS - 1);
    expect(t.codes.verify('p1', '111111')).toEqual({ status: 'locked', until: lockedAt + LOCK_MS });
    t.advance(1);
    expect(t.codes.lockedUntilOf('p1')).toBeUndefined();
    const fresh = issued(t.codes.issue('p1', PHONE));
    expect(t.codes.verify('p1', fresh.code)).toEqual({ status: 'ok' });
  });

  it('counts only the last 24 hours, and a right code clears the count', () => {
    const t = lockable();
    for (let i = 0; i < 15; i++) {
      if (i % MAX_ATTEMPTS === 0) {
        t.advance(11 * 60_000);
        issued(t.codes.issue('p1', PHONE));
      }
      t.codes.verify('p1', '000000');
    }
    t.advance(24 * 60 * 60_000); // the 15 wrong codes age out
    for (let i = 0; i < 15; i++) {
      if (i % MAX_ATTEMPTS === 0) {
        t.advance(11 * 60_000);
        issued(t.codes.issue('p1', PHONE));
      }
      expect(t.codes.verify('p1', '000000').status).not.toBe('locked');
    }
    t.advance(11 * 60_000);
    const right = issued(t.codes.issue('p1', PHONE));
    expect(t.codes.verify('p1', right.code)).toEqual({ status: 'ok' });
    t.advance(11 * 60_000);
    issued(t.codes.issue('p1', PHONE));
    for (let i = 0; i < 4; i++) expect(t.codes.verify('p1', '000000').status).toBe('wrong');
  });
});

describe('ConfirmationCodes: throttles survive a restart, codes do not', () => {
  function memory() {
    const data = new Map<string, unknown>();
    return { data, get: (k: string) => structuredClone(data.get(k)), set: (k: string, v: unknown) => void data.set(k, structuredClone(v)) };
  }

  it('keeps the cooldown, the per-number cap and the lock across a restart, and never the code or its hash', () => {
    let now = 5_000_000;
    const clock = { now: () => now };
    const store = memory();
    const first = new ConfirmationCodes({ clock, store });
    const out = issued(first.issue('p1', PHONE));
    const restarted = new ConfirmationCodes({ clock, store });
    expect(restarted.nextSendAt('p1', PHONE)).toEqual({ at: out.resendAvailableAt, reason: 'cooldown' });
    // The code itself is gone with the restart.
    expect(restarted.verify('p1', out.code)).toEqual({ status: 'no_pending' });
    // Two more sends to the number from other setups, then a restart: the number is at its cap.
    issued(restarted.issue('p2', PHONE));
    issued(restarted.issue('p3', PHONE));
    const again = new ConfirmationCodes({ clock, store });
    expect(again.issue('p4', PHONE)).toMatchObject({ ok: false, reason: 'rate_limited' });

    const persisted = JSON.stringify(store.data.get(THROTTLE_KEY));
    expect(persisted).not.toContain(out.code);
    expect(persisted).not.toContain(PHONE);
    expect(persisted).not.toContain(PHONE.slice(1));
    expect(persisted).not.toMatch(/salt|hash/i);

    // A lock survives a restart as well.
    now += 60 * 60_000;
    for (let wrong = 0; wrong < MAX_WRONG_CODES_PER_DAY; wrong++) {
      if (wrong % MAX_ATTEMPTS === 0) {
        now += 11 * 60_000;
        issued(again.issue('p9', '+31611112222'));
      }
      again.verify('p9', 'abcdef');
    }
    const locked = again.lockedUntilOf('p9');
    expect(locked).toBeDefined();
    expect(new ConfirmationCodes({ clock, store }).lockedUntilOf('p9')).toBe(locked);
  });

  it('starts without throttles when the stored value is damaged, and says so', () => {
    const store = memory();
    store.set(THROTTLE_KEY, { version: 1, sends: 'nonsense' });
    const messages: string[] = [];
    const codes = new ConfirmationCodes({ clock: { now: () => 1 }, store, log: (m) => messages.push(m) });
    expect(codes.issue('p1', PHONE).ok).toBe(true);
    expect(messages.join()).toContain(THROTTLE_KEY);
  });
});
