// The streamed CSV export: batches read by keyset cursor, the event loop running between them, and
// the same bytes as the whole-string export.
import { describe, expect, it } from 'vitest';
import { writeCsvExport } from '../../../../../src/main/services/send-log/csv-export';
import type { LogContext } from '../../../../../src/main/services/send-log/log-context';
import type { SendLog } from '../../../../../src/main/services/send-log/send-log';
import { openLog, pending } from './helpers';

/** Rows in bursts that share a timestamp, so the cursor's tie-break on id matters. */
function filled(rows: number) {
  const opened = openLog();
  for (let i = 0; i < rows; i++) {
    if (i % 3 === 0) opened.clock.advance(1_000);
    opened.log.appendPending(pending({ profileId: i % 4 === 0 ? 'p-other' : 'profile-a', recipient: `+316123400${String(i % 100).padStart(2, '0')}` }));
  }
  return opened;
}

const contextOf = (log: SendLog) => (log as unknown as { ctx: LogContext }).ctx;

async function streamed(log: SendLog, filter: object, batchRows: number, onChunk?: (chunks: number) => void) {
  const chunks: string[] = [];
  const rows = await writeCsvExport(contextOf(log), filter, { write: (chunk) => {
    chunks.push(chunk as string);
    onChunk?.(chunks.length);
  } }, batchRows);
  return { csv: chunks.join(''), rows };
}

describe('writeCsvExport', () => {
  it('writes exactly what the whole-string export holds, over many small batches', async () => {
    const { log } = filled(53);
    for (const filter of [{}, { profileId: 'p-other' }]) {
      const whole = log.export(filter);
      expect(await streamed(log, filter, 5)).toEqual(whole);
    }
    expect((await streamed(log, {}, 5)).rows).toBe(53);
    log.close();
  });

  it('lets the event loop run between batches', async () => {
    const { log } = filled(40);
    let turns = 0;
    let running = true;
    const tick = () => {
      turns += 1;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const started = turns;
    const { rows } = await streamed(log, {}, 4);
    running = false;
    expect(rows).toBe(40);
    // Ten batches: other work got turns in between, not only after the export.
    expect(turns - started).toBeGreaterThanOrEqual(5);
    log.close();
  });

  it('neither repeats nor skips a row when sends arrive during the export', async () => {
    const { log, clock } = filled(30);
    const before = log.export({}).csv;
    const exported = await streamed(log, {}, 7, (chunks) => {
      if (chunks === 3) {
        clock.advance(1_000);
        log.appendPending(pending()); // newer than the export's first batch
      }
    });
    expect(exported.rows).toBe(30);
    expect(exported.csv).toBe(before);
    log.close();
  });
});
