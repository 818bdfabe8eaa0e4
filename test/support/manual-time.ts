import type { Clock } from '../../src/main/services/ports';
import type { TimerHandle, Timers } from '../../src/main/services/delivery/timers';

interface Pending {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/** A clock and timers that move only when the test says so; `delays` records every wait asked for. */
export class ManualTime implements Clock, Timers {
  readonly delays: number[] = [];
  private pending: Pending[] = [];
  private seq = 0;

  constructor(private current = Date.UTC(2026, 0, 15, 10, 0, 0)) {}

  now(): number {
    return this.current;
  }

  after(delayMs: number, fn: () => void): TimerHandle {
    this.delays.push(delayMs);
    const entry: Pending = { at: this.current + delayMs, seq: this.seq++, fn, cancelled: false };
    this.pending.push(entry);
    return { cancel: () => (entry.cancelled = true) };
  }

  /** Timers still waiting. */
  get scheduled(): number {
    return this.pending.filter((p) => !p.cancelled).length;
  }

  /** Moves the clock forward, firing due timers in order; `settle` runs after each (await the work they started). */
  async advance(ms: number, settle: () => Promise<void> = flush): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      const due = this.pending
        .filter((p) => !p.cancelled && p.at <= target)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.pending = this.pending.filter((p) => p !== due);
      this.current = Math.max(this.current, due.at);
      due.fn();
      await settle();
    }
    this.current = target;
  }
}

export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
