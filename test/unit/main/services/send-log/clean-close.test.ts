import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEND_LOG_FILE, openSendLogOnStart } from '../../../../../src/main/services/send-log';
import { appendUntilKilled } from '../../../../crash/append-until-killed';
import { KEY, manualClock, pending, tempDir } from './helpers';

/** Opens the log the way the app starts it, counting full-file checks; closes it cleanly unless told not to. */
function start(dir: string, options: { close?: boolean } = {}) {
  let quickChecks = 0;
  const { log, warning } = openSendLogOnStart(dir, manualClock(), 365, { onQuickCheck: () => (quickChecks += 1) });
  const rows = log.stats().rows;
  if (options.close !== false) log.close();
  return { quickChecks, warning, rows, log };
}

function cleanlyClosedLog(rows: number) {
  const dir = tempDir();
  const { log } = start(dir, { close: false });
  for (let i = 0; i < rows; i++) log.appendPending(pending({ recipient: `+3161234${String(i).padStart(4, '0')}` }));
  log.close();
  return { dir, path: join(dir, SEND_LOG_FILE) };
}


describe('start-up check after a clean close', () => {
  it('skips quick_check when the previous run closed the log cleanly', () => {
    const { dir } = cleanlyClosedLog(50);
    const first = start(dir);
    expect(first).toMatchObject({ quickChecks: 0, warning: undefined, rows: 50 });
    // And again: every clean close leaves a fresh marker.
    expect(start(dir)).toMatchObject({ quickChecks: 0, rows: 50 });
  });

  it('runs quick_check when the previous run did not close the log (still open = no marker)', () => {
    const { dir } = cleanlyClosedLog(5);
    const running = start(dir, { close: false });
    expect(running.quickChecks).toBe(0);
    // A second start while the first never closed: the marker was removed when the first opened.
    const next = start(dir);
    expect(next).toMatchObject({ quickChecks: 1, warning: undefined, rows: 5 });
    running.log.close();
  });

  it('runs quick_check after the writing process was SIGKILLed, and the log is fine', { timeout: 30_000 }, async () => {
    const { dir, path } = cleanlyClosedLog(10);
    expect(existsSync(`${path}.clean-close`)).toBe(true);
    await appendUntilKilled(path, KEY.toString('hex'), 200);
    expect(existsSync(`${path}.clean-close`)).toBe(false);
    const after = start(dir);
    expect(after.quickChecks).toBe(1);
    expect(after.warning).toBeUndefined();
    expect(after.rows).toBeGreaterThanOrEqual(210);
    // That start closed cleanly: the one after it is cheap again.
    expect(start(dir).quickChecks).toBe(0);
  });

  it('runs quick_check when the file changed after the clean close, even at once and at the same size', () => {
    const { dir, path } = cleanlyClosedLog(20);
    writeFileSync(path, readFileSync(path)); // same bytes, same size, rewritten right away
    expect(start(dir).quickChecks).toBe(1);
  });

  it('records a whole second in the past as the modification time, which no later write can be stamped with', () => {
    const { path } = cleanlyClosedLog(1);
    const { mtimeMs } = statSync(path);
    // A file system with a coarse clock (ms to seconds) would otherwise give a write right after the
    // close the same time as the close itself, and the change would go unnoticed.
    expect(mtimeMs % 1000).toBe(0);
    expect(mtimeMs).toBeLessThanOrEqual(Date.now() - 1000);
  });

  it('still catches a file that is not a database when the marker matches it', () => {
    const { dir, path } = cleanlyClosedLog(20);
    const { size, mtime } = statSync(path);
    writeFileSync(path, Buffer.alloc(size, 0x41)); // garbage of the same size …
    utimesSync(path, mtime, mtime); // … with the very modification time the marker recorded
    const { quickChecks, warning, rows } = start(dir);
    expect(quickChecks).toBe(0);
    expect(warning).toMatchObject({ code: 'send_log_corrupt' });
    expect(rows).toBe(0);
  });
});
