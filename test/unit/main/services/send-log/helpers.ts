import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SendLog } from '../../../../../src/main/services/send-log/send-log';
import type { PendingSend } from '../../../../../src/main/services/send-log';

export const DAY = 86_400_000;
export const KEY = Buffer.alloc(32, 3);

/** A clock the test moves by hand. */
export function manualClock(start = Date.UTC(2026, 0, 15, 10, 30)) {
  let now = start;
  return {
    now: () => now,
    set: (t: number) => void (now = t),
    advance: (ms: number) => void (now += ms),
  };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'send-log-test-'));
}

export function openLog(clock = manualClock(), path = join(tempDir(), 'send-log.sqlite')) {
  return { log: new SendLog({ path, clock, hashKey: KEY }), clock, path };
}

export function pending(overrides: Partial<PendingSend> = {}): PendingSend {
  return {
    profileId: 'profile-a',
    participantNumber: '12345',
    purpose: 'test',
    recipient: '+31612345678',
    originator: 'AFAS',
    mode: 'live',
    parts: 1,
    estimate: { amount: 0.056, currency: 'EUR' },
    ...overrides,
  };
}
