import type { IncomingMessage } from 'node:http';
import type { Clock } from '../main/services/ports';

/** A clock tests can move forward, so code expiry and cooldowns are tested without waiting. */
export interface ShiftableClock extends Clock {
  offsetMs: number;
}

/**
 * Test-only routes, mounted only when the host starts with `SMS_ADMIN_TEST_HOOKS=1`, and still
 * behind the session token: `POST /__test__/clock { advanceMs }` moves the services' clock.
 */
export function createTestRoutes(clock: ShiftableClock) {
  return async (req: IncomingMessage, body: unknown): Promise<unknown> => {
    if (req.url === '/__test__/clock') {
      const advanceMs = (body as { advanceMs?: unknown }).advanceMs;
      if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs) || advanceMs < 0) {
        return { ok: false, error: 'advanceMs must be a non-negative number' };
      }
      clock.offsetMs += advanceMs;
      return { ok: true, now: clock.now() };
    }
    return { ok: false, error: 'unknown test route' };
  };
}
