import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { SendLog } from '../../../../../src/main/services/send-log/send-log';
import { KEY, tempDir } from './helpers';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));

/** Node flags for running the service's TypeScript directly (see scripts/bench.mjs). */
function nodeFlags(): string[] {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  const flags = ['--disable-warning=ExperimentalWarning', '--import', './bench/register-ts.mjs'];
  if (major === 22 && minor < 18) flags.unshift('--experimental-strip-types');
  if (major === 22 && minor < 13) flags.unshift('--experimental-sqlite');
  return flags;
}

/** Starts the appending child, SIGKILLs it once it has committed `killAfter` rows, returns every printed id. */
function appendUntilKilled(path: string, killAfter: number): Promise<{ ids: number[]; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags(), 'test/crash/append-child.ts', path, KEY.toString('hex')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let killed = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!killed && out.split('\n').length > killAfter) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (!killed) return reject(new Error(`child ended by itself: ${err}`));
      // Only whole lines: a line cut by the kill was not fully reported.
      const ids = out.split('\n').slice(0, -1).map(Number);
      resolve({ ids, signal });
    });
  });
}

describe('send log crash safety', () => {
  it('keeps every committed row when the writing process is SIGKILLed mid-stream', { timeout: 60_000 }, async () => {
    const path = join(tempDir(), 'send-log.sqlite');
    const printed: number[] = [];
    for (const killAfter of [400, 150, 700]) {
      const { ids, signal } = await appendUntilKilled(path, killAfter);
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
