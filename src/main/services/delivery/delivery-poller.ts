/**
 * Follows a sent message until MessageBird reports a final status (delivered, delivery_failed,
 * expired) by polling `GET /messages/{id}` with exponential backoff, and reports each answer so the
 * send-log row follows. Reading a message is safe to repeat, unlike sending one.
 * @see docs/MESSAGEBIRD.md "Endpoints"
 */
import { isFinalDeliveryStatus, type SendMode } from '@shared/gateway-types';
import type { SendPurpose } from '@shared/send-log-types';
import type { Clock, GatewayError, RecipientStatus, SmsGateway } from '../ports';
import type { TimerHandle, Timers } from './timers';

export interface PollPolicy {
  /** Wait before the first poll; doubles each time. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Stop following a message this long after it was sent; its row keeps the last status. */
  maxAgeMs: number;
}

/** 2, 4, 8 … 60 s, for at most 2 hours (a test code is valid 10 minutes; operators report late). */
export const DEFAULT_POLL_POLICY: PollPolicy = { firstDelayMs: 2_000, maxDelayMs: 60_000, maxAgeMs: 2 * 60 * 60 * 1000 };

export interface PollTarget {
  logId: number;
  messageId: string;
  profileId: string;
  /** A test send or a wizard confirmation: decides which of the profile's keys reads the message back. */
  purpose: SendPurpose;
  mode: SendMode;
  /** When the message was sent (ms since epoch); the max age counts from here. */
  sentAt: number;
}

export type PollOutcome =
  /** MessageBird answered; the status may be final or not. */
  | { kind: 'status'; status: RecipientStatus; final: boolean }
  /** The message can no longer be read (the sandbox forgot it on restart, or the key was removed). */
  | { kind: 'gone'; reason: string }
  /** Max age reached without a final status. */
  | { kind: 'gave_up' };

export interface DeliveryPollerDeps {
  clock: Clock;
  timers: Timers;
  /**
   * The gateway that sent the message (same key and mode), or why none can read it any more (the reason
   * is recorded as a `gone` outcome, e.g. `profile_deleted`).
   */
  gatewayFor(target: PollTarget): Promise<SmsGateway | { gone: string }>;
  /** Writes the outcome to the log row; a throw is logged and polling goes on. */
  record(target: PollTarget, outcome: PollOutcome): Promise<void>;
  policy?: Partial<PollPolicy>;
  log?: (message: string, error?: unknown) => void;
}

/** Errors after which polling again cannot help. */
const HOPELESS: ReadonlySet<GatewayError['code']> = new Set(['key_rejected', 'invalid_request']);

/** Delay before poll number `attempt` (0-based): first × 2^attempt, capped. */
export function backoffDelay(attempt: number, policy: PollPolicy): number {
  return Math.min(policy.firstDelayMs * 2 ** Math.min(attempt, 30), policy.maxDelayMs);
}

interface Tracked {
  target: PollTarget;
  attempt: number;
  timer?: TimerHandle;
}

export class DeliveryPoller {
  private readonly policy: PollPolicy;
  private readonly tracked = new Map<number, Tracked>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly deps: DeliveryPollerDeps) {
    this.policy = { ...DEFAULT_POLL_POLICY, ...deps.policy };
  }

  /**
   * Starts following a message. Not for test-key messages: MessageBird delivers nothing and cannot
   * read them back (404 code 20), so the caller records them as such without polling.
   * A second call for the same row is ignored.
   */
  track(target: PollTarget): void {
    if (this.closed || this.tracked.has(target.logId)) return;
    const entry: Tracked = { target, attempt: 0 };
    this.tracked.set(target.logId, entry);
    this.schedule(entry);
  }

  /** True while a row is still being followed. */
  isFollowing(logId: number): boolean {
    return this.tracked.has(logId);
  }

  /** Rows being followed (for diagnostics and tests). */
  following(): number[] {
    return [...this.tracked.keys()];
  }

  /** Resolves once no poll is under way (scheduled ones may follow): lets tests and shutdown settle. */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Cancels every scheduled poll and waits for the ones under way, so nothing writes after close. */
  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.tracked.values()) entry.timer?.cancel();
    this.tracked.clear();
    await this.whenIdle();
  }

  private schedule(entry: Tracked): void {
    const delay = backoffDelay(entry.attempt, this.policy);
    entry.timer = this.deps.timers.after(delay, () => {
      entry.timer = undefined;
      this.run(this.poll(entry));
    });
  }

  private run(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => this.deps.log?.('Delivery poll failed', error));
    this.inFlight.add(tracked);
    void tracked.finally(() => this.inFlight.delete(tracked));
  }

  private async poll(entry: Tracked): Promise<void> {
    const { target } = entry;
    if (this.closed || this.tracked.get(target.logId) !== entry) return;
    let result: Awaited<ReturnType<SmsGateway['getMessage']>>;
    try {
      const gateway = await this.deps.gatewayFor(target);
      if ('gone' in gateway) return this.finish(entry, { kind: 'gone', reason: gateway.gone });
      result = await gateway.getMessage(target.messageId);
    } catch (error) {
      // A bug or an unreadable vault must not leave the row "followed" with nothing scheduled.
      this.deps.log?.('Delivery poll failed', error);
      return this.next(entry);
    }
    if (this.closed) return;
    if (result.ok) {
      const status = result.value.recipients[0];
      if (status) {
        const final = isFinalDeliveryStatus(status.status);
        await this.safeRecord(target, { kind: 'status', status, final });
        if (final) return this.stop(entry);
      }
    } else if (result.error.code === 'not_found' && target.mode === 'sandbox') {
      // The in-process sandbox keeps messages in memory only; after a restart they are gone.
      return this.finish(entry, { kind: 'gone', reason: 'sandbox_forgotten' });
    } else if (HOPELESS.has(result.error.code)) {
      return this.finish(entry, { kind: 'gone', reason: result.error.code });
    }
    // Not final yet, or a passing failure (timeout, 5xx, 429, even 404 just after creation): try later.
    return this.next(entry);
  }

  /** Schedules the next poll, or gives up once the message is older than the max age. */
  private async next(entry: Tracked): Promise<void> {
    if (this.closed) return;
    if (this.deps.clock.now() - entry.target.sentAt >= this.policy.maxAgeMs) {
      return this.finish(entry, { kind: 'gave_up' });
    }
    entry.attempt += 1;
    this.schedule(entry);
  }

  private async finish(entry: Tracked, outcome: PollOutcome): Promise<void> {
    await this.safeRecord(entry.target, outcome);
    this.stop(entry);
  }

  private stop(entry: Tracked): void {
    if (this.tracked.get(entry.target.logId) === entry) this.tracked.delete(entry.target.logId);
  }

  private async safeRecord(target: PollTarget, outcome: PollOutcome): Promise<void> {
    if (this.closed) return;
    try {
      await this.deps.record(target, outcome);
    } catch (error) {
      this.deps.log?.('Could not record delivery status', error);
    }
  }
}
