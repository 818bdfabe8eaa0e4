/**
 * The one way the delivery poller waits. Injected (with the clock) so tests move time forward by hand
 * instead of sleeping, and so `close()` can cancel everything that is still scheduled.
 */
export interface TimerHandle {
  cancel(): void;
}

export interface Timers {
  /** Runs `fn` once after `delayMs`; `cancel()` before then prevents it. */
  after(delayMs: number, fn: () => void): TimerHandle;
}

export const systemTimers: Timers = {
  after(delayMs, fn) {
    const id = setTimeout(fn, delayMs);
    // A pending poll must not keep the browser host or a test process alive on its own.
    id.unref?.();
    return { cancel: () => clearTimeout(id) };
  },
};
