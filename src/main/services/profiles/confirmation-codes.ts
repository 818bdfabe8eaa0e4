/**
 * Confirmation codes for a pending setup (docs/SECURITY.md "Confirmation codes", NIST SP 800-63B 5.1.3,
 * OWASP ASVS V2.7): 6 digits from a CSPRNG, one per setup, short-lived, single use, a few attempts,
 * hashed at rest in memory, compared in constant time, and throttled per setup and per phone number.
 * Nothing here is persisted: a restart forgets every code, which is the point.
 */
import { createHmac, randomBytes, randomInt as cryptoRandomInt, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../ports';

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

export interface ConfirmationCodesOptions {
  clock: Clock;
  /** Integer in [min, max); `crypto.randomInt` unless a test injects its own. */
  randomInt?: (min: number, max: number) => number;
  lifetimeMs?: number;
}

export type IssueOutcome =
  | { ok: true; code: string; expiresAt: number; resendAvailableAt: number }
  | { ok: false; reason: 'cooldown' | 'rate_limited'; retryAt: number };

export type VerifyOutcome =
  | { status: 'ok' }
  | { status: 'wrong'; attemptsLeft: number }
  | { status: 'expired' }
  | { status: 'exhausted' }
  | { status: 'no_pending' };

interface PendingCode {
  salt: Buffer;
  hash: Buffer;
  expiresAt: number;
  wrongAttempts: number;
  /** Kept after expiry or exhaustion so the admin gets the right message until a new code replaces it. */
  state: 'live' | 'exhausted';
}

/** Send times for one setup since its throttle last reset; their number drives the doubling cooldown. */
type SendHistory = number[];

function hashCode(salt: Buffer, code: string): Buffer {
  return createHmac('sha256', salt).update(code, 'utf8').digest();
}

export class ConfirmationCodes {
  private readonly clock: Clock;
  private readonly randomInt: (min: number, max: number) => number;
  readonly lifetimeMs: number;
  private readonly codes = new Map<string, PendingCode>();
  private readonly history = new Map<string, SendHistory>();
  /** Send times per E.164 number, for the 3-per-10-minutes cap across all setups. */
  private readonly sendsPerNumber = new Map<string, number[]>();
  private readonly verified = new Map<string, number>();

  constructor(options: ConfirmationCodesOptions) {
    const lifetimeMs = options.lifetimeMs ?? DEFAULT_CODE_LIFETIME_MS;
    if (!(lifetimeMs > 0 && lifetimeMs <= MAX_CODE_LIFETIME_MS)) {
      throw new RangeError('Code lifetime must be between 0 and 10 minutes');
    }
    this.clock = options.clock;
    this.randomInt = options.randomInt ?? cryptoRandomInt;
    this.lifetimeMs = lifetimeMs;
  }

  /** When the next send for this setup (and number) is allowed; `now` when it is allowed already. */
  nextSendAt(setupId: string, recipient: string): { at: number; reason?: 'cooldown' | 'rate_limited' } {
    const now = this.clock.now();
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
  issue(setupId: string, recipient: string): IssueOutcome {
    const now = this.clock.now();
    const allowed = this.nextSendAt(setupId, recipient);
    if (allowed.reason) return { ok: false, reason: allowed.reason, retryAt: allowed.at };

    const code = String(this.randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
    const salt = randomBytes(16);
    this.codes.set(setupId, { salt, hash: hashCode(salt, code), expiresAt: now + this.lifetimeMs, wrongAttempts: 0, state: 'live' });
    this.verified.delete(setupId);

    this.history.set(setupId, [...(this.currentHistory(setupId, now) ?? []), now]);
    this.sendsPerNumber.set(recipient, [...this.recentSends(recipient, now), now]);
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
    const sends = this.sendsPerNumber.get(recipient);
    if (sends && sends.length > 0) this.sendsPerNumber.set(recipient, sends.slice(0, -1));
  }

  verify(setupId: string, input: string): VerifyOutcome {
    const pending = this.codes.get(setupId);
    if (!pending) return { status: 'no_pending' };
    if (pending.state === 'exhausted') return { status: 'exhausted' };
    if (this.clock.now() >= pending.expiresAt) return { status: 'expired' };

    const candidate = /^\d{6}$/.test(input) ? input : '';
    const matches = timingSafeEqual(hashCode(pending.salt, candidate), pending.hash);
    if (matches) {
      this.codes.delete(setupId);
      this.history.delete(setupId);
      this.verified.set(setupId, this.clock.now() + VERIFIED_TTL_MS);
      return { status: 'ok' };
    }
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
    const until = this.verified.get(setupId);
    return until !== undefined && this.clock.now() < until;
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
    return (this.sendsPerNumber.get(recipient) ?? []).filter((t) => now - t < SEND_WINDOW_MS);
  }
}
