import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { SendLog } from '../../../../../src/main/services/send-log/send-log';
import { appendUntilKilled } from '../../../../crash/append-until-killed';
import { KEY, tempDir } from './helpers';

describe('send log crash safety', () => {
  it('keeps every committed row when the writing process is SIGKILLed mid-stream', { timeout: 60_000 }, async () => {
    const path = join(tempDir(), 'send-log.sqlite');
    const printed: number[] = [];
    for (const killAfter of [400, 150, 700]) {
      const { ids, signal } = await appendUntilKilled(path, KEY.toString('hex'), killAfter);
      expect(signal).toBe('SIGKILL');
      expect(ids.length).toBeGreaterThanOrEqual(killAfter);
      printed.push(...ids);
    }

    // Integrity first, with a plain connection, before anything checkpoints the WAL.
    const raw = new DatabaseSync(path);
    expect(raw.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
    raw.close();

    const log = new SendLog({ path, clock: { now: () => Date.now() }, hashKey: KEY });
    try {
      const missing = printed.filter((id) => log.get(id) === null);
      expect(missing).toEqual([]);
      // Each run's rows continue where the previous crash left off: ids never repeat.
      expect(new Set(printed).size).toBe(printed.length);
      // The maintained totals survived the crashes too.
      const stored = log.stats().rows;
      expect(stored).toBeGreaterThanOrEqual(printed.length);
      expect(log.totals({}).count).toBe(stored);
      expect(log.totals({ statuses: ['sent'] }).count).toBe(log.query({ statuses: ['sent'] }, { limit: 1 }).totals?.count);
    } finally {
      log.close();
    }
  });
});
