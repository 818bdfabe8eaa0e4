/**
 * Confirmation codes for a pending setup (docs/SECURITY.md "Confirmation codes", NIST SP 800-63B 5.1.3,
 * OWASP ASVS V2.7): 6 digits from a CSPRNG, one per setup, short-lived, single use, a few attempts,
 * hashed at rest in memory, compared in constant time, and throttled per setup and per phone number.
 * A code (and its hash) is never persisted: a restart forgets every code, which is the point. The
 * throttles are persisted (`ThrottleStore`): send times per setup and per number, wrong codes per setup
 * and the setup lock, so a restart does not reset them. Numbers are stored only as a SHA-256 digest.
 */
import { createHash, createHmac, randomBytes, randomInt as cryptoRandomInt, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { GatewayMode } from '@shared/settings';
import type { Clock, KeyValueStore } from '../ports';

export const CODE_DIGITS = 6;
export const DEFAULT_CODE_LIFETIME_MS = 5 * 60_000;
/** docs/SECURITY.md: never more than 10 minutes. */
export const MAX_CODE_LIFETIME_MS = 10 * 60_000;
export const MAX_ATTEMPTS = 5;
export const RESEND_COOLDOWN_MS = 60_000;
export const SEND_WINDOW_MS = 10 * 60_000;
export const MAX_SENDS_PER_NUMBER = 3;
/** How long a verified code keeps the setup "confirmed" while the admin reads the cost acknowledgement. */
export const VERIFIED_TTL_MS = 15 * 60_000;
/**
 * Wrong codes one setup may get in 24 hours across all its codes (5 per code is not enough: a new code
 * every few minutes gives thousands of guesses a day). The 20th locks the setup for 24 hours from that
 * moment, not until the oldest wrong code leaves a rolling window: a fixed, predictable lock the
 * message can name, and no way to resume guessing an hour later (docs/SECURITY.md "Confirmation codes").
 */
export const MAX_WRONG_CODES_PER_DAY = 20;
export const LOCK_MS = 24 * 60 * 60_000;
const DAY_MS = 24 * 60 * 60_000;
/** Settings key of the persisted throttles (never a code or its hash). */
export const THROTTLE_KEY = 'confirmationThrottle';

export interface ConfirmationCodesOptions {
  clock: Clock;
  /** Integer in [min, max); `crypto.randomInt` unless a test injects its own. */
  randomInt?: (min: number, max: number) => number;
  lifetimeMs?: number;
  /** Where the throttles are kept across restarts (the settings file); in memory only without it. */
  store?: KeyValueStore;
  log?: (message: string) => void;
}

export type IssueOutcome =
  | { ok: true; code: string; expiresAt: number; resendAvailableAt: number }
  | { ok: false; reason: 'cooldown' | 'rate_limited' | 'locked'; retryAt: number };

export type VerifyOutcome =
  | { status: 'ok' }
  | { status: 'wrong'; attemptsLeft: number }
  | { status: 'expired' }
  | { status: 'exhausted' }
  | { status: 'no_pending' }
  /** Too many wrong codes for this setup in 24 hours: nothing is checked until `until`. */
  | { status: 'locked'; until: number };

interface PendingCode {
  salt: Buffer;
  hash: Buffer;
  expiresAt: number;
  wrongAttempts: number;
  /** The gateway mode the code was sent in: a Sandbox code confirms nothing for MessageBird. */
  mode: GatewayMode;
  /** Kept after expiry or exhaustion so the admin gets the right message until a new code replaces it. */
  state: 'live' | 'exhausted';
}

/** Send times for one setup since its throttle last reset; their number drives the doubling cooldown. */
type SendHistory = number[];

function hashCode(salt: Buffer, code: string): Buffer {
  return createHmac('sha256', salt).update(code, 'utf8').digest();
}

/** How a number is kept in the throttles: a digest, so the persisted state holds no phone number. */
function numberKey(recipient: string): string {
  return createHash('sha256').update(recipient, 'utf8').digest('hex').slice(0, 32);
}

const times = z.array(z.number().finite()).max(1000);
const persistedSchema = z.object({
  version: z.literal(1),
  sends: z.record(z.string().max(80), times),
  numbers: z.record(z.string().regex(/^[0-9a-f]{32}$/), times),
  wrong: z.record(z.string().max(80), times),
  lockedUntil: z.record(z.string().max(80), z.number().finite()),
});
type Persisted = z.infer<typeof persistedSchema>;

export class ConfirmationCodes {
  private readonly clock: Clock;
  private readonly randomInt: (min: number, max: number) => number;
  readonly lifetimeMs: number;
  private readonly codes = new Map<string, PendingCode>();
  private readonly history = new Map<string, SendHistory>();
  /** Send times per number (by `numberKey`), for the 3-per-10-minutes cap across all setups. */
  private readonly sendsPerNumber = new Map<string, number[]>();
  private readonly verified = new Map<string, { until: number; mode: GatewayMode }>();
  /** Wrong codes per setup in the last 24 hours, and setups locked until a time. */
  private readonly wrongCodes = new Map<string, number[]>();
  private readonly lockedUntil = new Map<string, number>();
  private readonly store: KeyValueStore | undefined;

  constructor(options: ConfirmationCodesOptions) {
    const lifetimeMs = options.lifetimeMs ?? DEFAULT_CODE_LIFETIME_MS;
    if (!(lifetimeMs > 0 && lifetimeMs <= MAX_CODE_LIFETIME_MS)) {
      throw new RangeError('Code lifetime must be between 0 and 10 minutes');
    }
    this.clock = options.clock;
    this.randomInt = options.randomInt ?? cryptoRandomInt;
    this.lifetimeMs = lifetimeMs;
    this.store = options.store;
    this.restore(options.log ?? ((m) => console.error(m)));
  }

  /** Until when a setup is locked after too many wrong codes, or undefined when it is not. */
  lockedUntilOf(setupId: string): number | undefined {
    const until = this.lockedUntil.get(setupId);
    return until !== undefined && until > this.clock.now() ? until : undefined;
  }

  /** When the next send for this setup (and number) is allowed; `now` when it is allowed already. */
  nextSendAt(setupId: string, recipient: string): { at: number; reason?: 'cooldown' | 'rate_limited' | 'locked' } {
    const now = this.clock.now();
    const locked = this.lockedUntilOf(setupId);
    // A locked setup gets no code at all: it could not be entered anyway.
    if (locked !== undefined) return { at: locked, reason: 'locked' };
    const history = this.currentHistory(setupId, now);
    const last = history?.at(-1);
    let cooldownUntil = history && last !== undefined ? last + RESEND_COOLDOWN_MS * 2 ** (history.length - 1) : now;
    const recent = this.recentSends(recipient, now);
    let capUntil = recent.length >= MAX_SENDS_PER_NUMBER ? recent[recent.length - MAX_SENDS_PER_NUMBER]! + SEND_WINDOW_MS : now;
    // Never a wait longer than the current code lives, so the admin always holds a usable code or may
    // ask for one. A used-up code (five wrong entries) ends the cooldown at once; the per-number cap
    // still runs to the old code's expiry, so sends stay at about one per code lifetime.
    const code = this.codes.get(setupId);
    if (code) {
      cooldownUntil = Math.min(cooldownUntil, code.state === 'exhausted' ? now : code.expiresAt);
      capUntil = Math.min(capUntil, code.expiresAt);
    }
    if (capUntil > now && capUntil >= cooldownUntil) return { at: capUntil, reason: 'rate_limited' };
    if (cooldownUntil > now) return { at: cooldownUntil, reason: 'cooldown' };
    return { at: now };
  }

  /**
   * Creates the code for one send, replacing (cancelling) any earlier code of this setup. The caller puts
   * it in the SMS and forgets it; only its salted HMAC stays here.
   */
  issue(setupId: string, recipient: string, mode: GatewayMode = 'sandbox'): IssueOutcome {
    const now = this.clock.now();
    const allowed = this.nextSendAt(setupId, recipient);
    if (allowed.reason) return { ok: false, reason: allowed.reason, retryAt: allowed.at };

    const code = String(this.randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
    const salt = randomBytes(16);
    this.codes.set(setupId, { salt, hash: hashCode(salt, code), expiresAt: now + this.lifetimeMs, wrongAttempts: 0, mode, state: 'live' });
    this.verified.delete(setupId);

    this.history.set(setupId, [...(this.currentHistory(setupId, now) ?? []), now]);
    this.sendsPerNumber.set(numberKey(recipient), [...this.recentSends(recipient, now), now]);
    this.persist();
    return { ok: true, code, expiresAt: now + this.lifetimeMs, resendAvailableAt: this.nextSendAt(setupId, recipient).at };
  }

  /**
   * Undoes an `issue` whose SMS certainly did not leave (MessageBird refused it): the code is cancelled and
   * the send does not count toward cooldown or cap, so the admin can fix the cause and try again at once.
   * Never call it when the send may have gone out (timeout): that one counts.
   */
  revokeUnsent(setupId: string, recipient: string): void {
    this.codes.delete(setupId);
    const history = this.history.get(setupId);
    if (history && history.length > 1) this.history.set(setupId, history.slice(0, -1));
    else this.history.delete(setupId);
    const sends = this.sendsPerNumber.get(numberKey(recipient));
    if (sends && sends.length > 0) this.sendsPerNumber.set(numberKey(recipient), sends.slice(0, -1));
    this.persist();
  }

  verify(setupId: string, input: string): VerifyOutcome {
    const locked = this.lockedUntilOf(setupId);
    if (locked !== undefined) return { status: 'locked', until: locked };
    const pending = this.codes.get(setupId);
    if (!pending) return { status: 'no_pending' };
    if (pending.state === 'exhausted') return { status: 'exhausted' };
    if (this.clock.now() >= pending.expiresAt) return { status: 'expired' };

    const candidate = /^\d{6}$/.test(input) ? input : '';
    const matches = timingSafeEqual(hashCode(pending.salt, candidate), pending.hash);
    if (matches) {
      this.codes.delete(setupId);
      this.history.delete(setupId);
      // The admin proved they hold the phone: earlier typing mistakes no longer count toward the lock.
      this.wrongCodes.delete(setupId);
      this.verified.set(setupId, { until: this.clock.now() + VERIFIED_TTL_MS, mode: pending.mode });
      this.persist();
      return { status: 'ok' };
    }
    const now = this.clock.now();
    const wrong = [...(this.wrongCodes.get(setupId) ?? []).filter((t) => now - t < DAY_MS), now];
    this.wrongCodes.set(setupId, wrong);
    if (wrong.length >= MAX_WRONG_CODES_PER_DAY) {
      const until = now + LOCK_MS;
      this.lockedUntil.set(setupId, until);
      this.wrongCodes.delete(setupId);
      this.codes.set(setupId, { ...pending, hash: randomBytes(32), state: 'exhausted' });
      this.persist();
      return { status: 'locked', until };
    }
    this.persist();
    pending.wrongAttempts += 1;
    if (pending.wrongAttempts >= MAX_ATTEMPTS) {
      // Keep only the tombstone: the hash is dropped so nothing can match any more.
      this.codes.set(setupId, { ...pending, hash: randomBytes(32), state: 'exhausted' });
      return { status: 'exhausted' };
    }
    return { status: 'wrong', attemptsLeft: MAX_ATTEMPTS - pending.wrongAttempts };
  }

  /** A live (sent, not expired, not exhausted) code exists for this setup. */
  hasLiveCode(setupId: string): boolean {
    const pending = this.codes.get(setupId);
    return !!pending && pending.state === 'live' && this.clock.now() < pending.expiresAt;
  }

  expiresAt(setupId: string): number | undefined {
    return this.codes.get(setupId)?.expiresAt;
  }

  /** The setup's code was entered correctly and the confirmation has not lapsed or been used. */
  isVerified(setupId: string): boolean {
    const verified = this.verified.get(setupId);
    return verified !== undefined && this.clock.now() < verified.until;
  }

  /** The gateway mode the verified code was sent in, while the verification holds. */
  verifiedMode(setupId: string): GatewayMode | undefined {
    return this.isVerified(setupId) ? this.verified.get(setupId)?.mode : undefined;
  }

  /** Uses up a verification: single use, the activation that needed it is done. */
  consumeVerification(setupId: string): boolean {
    const ok = this.isVerified(setupId);
    this.verified.delete(setupId);
    return ok;
  }

  /** Cancels the code and any verification of this setup (details changed, setup discarded). */
  cancel(setupId: string): void {
    this.codes.delete(setupId);
    this.verified.delete(setupId);
  }

  private currentHistory(setupId: string, now: number): SendHistory | undefined {
    const history = this.history.get(setupId);
    // The doubling resets after a quiet window, so an admin who comes back later starts at 60 s again.
    const last = history?.at(-1);
    if (last !== undefined && now - last >= SEND_WINDOW_MS) {
      this.history.delete(setupId);
      return undefined;
    }
    return history;
  }

  private recentSends(recipient: string, now: number): number[] {
    return (this.sendsPerNumber.get(numberKey(recipient)) ?? []).filter((t) => now - t < SEND_WINDOW_MS);
  }

  /** Writes the throttles (never a code or its hash), dropping what no longer matters. */
  private persist(): void {
    if (!this.store) return;
    const now = this.clock.now();
    const recent = (map: Map<string, number[]>, windowMs: number) =>
      Object.fromEntries([...map].map(([k, v]) => [k, v.filter((t) => now - t < windowMs)] as const).filter(([, v]) => v.length > 0));
    const state: Persisted = {
      version: 1,
      // A setup's history is kept whole while its last send is recent: its length drives the doubling.
      sends: Object.fromEntries([...this.history].filter(([, v]) => v.length > 0 && now - v[v.length - 1]! < SEND_WINDOW_MS)),
      numbers: recent(this.sendsPerNumber, SEND_WINDOW_MS),
      wrong: recent(this.wrongCodes, DAY_MS),
      lockedUntil: Object.fromEntries([...this.lockedUntil].filter(([, until]) => until > now)),
    };
    this.store.set(THROTTLE_KEY, state);
  }

  /**
   * Reads the throttles back at start. A value that fails its schema is reported and ignored: the file
   * is the admin's own, and anyone who can edit it can delete it too, so refusing to start gains nothing.
   */
  private restore(log: (message: string) => void): void {
    if (!this.store) return;
    const raw = this.store.get(THROTTLE_KEY);
    if (raw === undefined || raw === null) return;
    const parsed = persistedSchema.safeParse(raw);
    if (!parsed.success) {
      log(`The stored confirmation-code throttles (settings key "${THROTTLE_KEY}") did not match their schema; starting without them`);
      return;
    }
    for (const [id, sends] of Object.entries(parsed.data.sends)) this.history.set(id, sends);
    for (const [key, sends] of Object.entries(parsed.data.numbers)) this.sendsPerNumber.set(key, sends);
    for (const [id, wrong] of Object.entries(parsed.data.wrong)) this.wrongCodes.set(id, wrong);
    for (const [id, until] of Object.entries(parsed.data.lockedUntil)) this.lockedUntil.set(id, until);
  }
}
