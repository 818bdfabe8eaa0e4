/**
 * Exporting the whole send log at a million rows, as `exportLog` does it (count check, save dialog,
 * CSV streamed into the chosen file), while the event loop is watched: the longest stall is how long
 * the app could not answer anything else (IPC, timers, the delivery polls). Memory is sampled during
 * the export. Shares the seeded database cache with the send-log bench.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DialogFileSaver } from '../src/main/platform/file-saver';
import { SendLog } from '../src/main/services/send-log/send-log';
import { MIGRATIONS } from '../src/main/services/send-log/schema';
import { report, type Figure } from './report';
import { seedRows } from './seed';

const ROWS = 1_000_000;
const cacheDir = join(tmpdir(), 'sms-admin-bench');
const workDir = join(cacheDir, 'work-csv');
const hashKey = Buffer.alloc(32, 7);
const clock = { now: () => Date.now() };
const MB = 1024 * 1024;

function seededCopy(): string {
  mkdirSync(workDir, { recursive: true });
  const cached = join(cacheDir, `send-log-${ROWS}-v${MIGRATIONS.length}.sqlite`);
  if (!existsSync(cached)) {
    const start = Date.now();
    new SendLog({ path: cached, clock, hashKey }).close();
    seedRows(cached, ROWS, Date.now());
    console.log(`  seeded ${ROWS.toLocaleString('en')} rows in ${((Date.now() - start) / 1000).toFixed(1)} s → ${cached}`);
  }
  const copy = join(workDir, 'send-log.sqlite');
  for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  copyFileSync(cached, copy);
  return copy;
}

function instantDialog(path: string) {
  return {
    showSaveDialog: async () => ({ canceled: false, filePath: path }),
  } as unknown as ConstructorParameters<typeof DialogFileSaver>[0];
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function main(): Promise<void> {
  console.log(`CSV export bench: ${ROWS.toLocaleString('en')} rows to a file, event loop watched`);
  const log = new SendLog({ path: seededCopy(), clock, hashKey });
  const target = join(workDir, 'export.csv');
  try {
    log.query({}, { limit: 100 }); // as the page would have, so the export starts on a warm log
    gc();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakRss = Math.max(peakRss, now.rss);
      peakHeap = Math.max(peakHeap, now.heapUsed);
    }, 20);
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const start = performance.now();
    let rows = 0;
    const count = log.totals({}).count; // the handler's size check
    await new DialogFileSaver(instantDialog(target)).save({
      suggestedName: 'send-log.csv',
      mimeType: 'text/csv',
      write: async (sink) => {
        rows = await log.exportTo({}, sink);
      },
    });
    const elapsed = performance.now() - start;
    delay.disable();
    clearInterval(sampler);
    gc();
    const after = process.memoryUsage();
    if (rows !== count) throw new Error(`exported ${rows} of ${count} rows`);

    const stallMs = delay.max / 1e6;
    const figures: Figure[] = [
      { metric: `export ${rows.toLocaleString('en')} rows → file, total time`, value: elapsed, unit: 'ms', note: `${(elapsed / 1000).toFixed(1)} s` },
      { metric: 'longest event-loop stall during the export', value: stallMs, unit: 'ms', target: 50, note: `p99 ${(delay.percentile(99) / 1e6).toFixed(1)} ms (monitorEventLoopDelay)` },
      { metric: 'RSS before', value: before.rss / MB, unit: 'MB' },
      { metric: 'RSS peak during', value: peakRss / MB, unit: 'MB', note: `+${((peakRss - before.rss) / MB).toFixed(1)} MB` },
      { metric: 'RSS after', value: after.rss / MB, unit: 'MB', note: 'RSS counts the pages of the memory-mapped log file that were read' },
      { metric: 'JS heap before / peak / after', value: peakHeap / MB, unit: 'MB', note: `${(before.heapUsed / MB).toFixed(1)} / ${(peakHeap / MB).toFixed(1)} / ${(after.heapUsed / MB).toFixed(1)} MB` },
      { metric: 'file size', value: statSync(target).size / MB, unit: 'MB' },
    ];
    report('csv-export', 'CSV export of the whole log at 1M rows (streamed in batches)', figures);
  } finally {
    log.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
