/**
 * Send log figures, printed as a table with the targets. Run by `npm run bench`.
 * Seeded databases are cached in the OS temp folder (`sms-admin-bench/`) so later runs skip seeding;
 * `--reseed` rebuilds them. Each measurement works on a copy, so the cache stays as seeded.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { DialogFileSaver } from '../src/main/platform/file-saver';
import { logFileHealth } from '../src/main/services/send-log/damaged-log-file';
import { SendLog } from '../src/main/services/send-log/send-log';
import { MIGRATIONS } from '../src/main/services/send-log/schema';
import type { SendLogFilter, SendLogRow } from '@shared/send-log-types';
import { report } from './report';
import { seedRows } from './seed';

const DAY = 86_400_000;
const cacheDir = join(tmpdir(), 'sms-admin-bench');
const workDir = join(cacheDir, 'work');
const hashKey = Buffer.alloc(32, 7);
const clock = { now: () => Date.now() };

interface Figure {
  metric: string;
  rows: string;
  median: number;
  p95: number;
  target?: number;
  /** Which statistic the target applies to. */
  on?: 'median' | 'p95';
  note?: string;
}
const figures: Figure[] = [];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function measure(times: number, run: (i: number) => void): { median: number; p95: number } {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    run(i);
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

function seededCopy(rows: number): string {
  mkdirSync(workDir, { recursive: true });
  const cached = join(cacheDir, `send-log-${rows}-v${MIGRATIONS.length}.sqlite`);
  if (!existsSync(cached) || process.argv.includes('--reseed')) {
    rmSync(cached, { force: true });
    const start = Date.now();
    new SendLog({ path: cached, clock, hashKey }).close();
    seedRows(cached, rows, Date.now());
    console.log(`  seeded ${rows.toLocaleString('en')} rows in ${((Date.now() - start) / 1000).toFixed(1)} s → ${cached}`);
  }
  const copy = join(workDir, `send-log-${rows}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  copyFileSync(cached, copy);
  return copy;
}

function pendingSend(i: number) {
  return {
    profileId: 'profile-1',
    participantNumber: '10001',
    purpose: 'confirmation' as const,
    recipient: `+3161234${String(i % 10000).padStart(4, '0')}`,
    originator: 'AFAS',
    mode: 'live' as const,
    parts: 1,
    estimate: { amount: 0.056, currency: 'EUR' },
  };
}

function benchAppend(rows: number, label: string): void {
  const log = new SendLog({ path: seededCopy(rows), clock, hashKey });
  measure(200, (i) => log.appendPending(pendingSend(i))); // warm-up
  const r = measure(3000, (i) => log.appendPending(pendingSend(i)));
  figures.push({ metric: 'append (insert + commit)', rows: label, ...r, target: 1, on: 'median' });
  const cycle = measure(1000, (i) => {
    const id = log.appendPending(pendingSend(i));
    log.markSent(id, { messagebirdId: `mb${rows}x${i}`, status: 'sent', price: { amount: 0.056, currency: 'EUR' } });
  });
  figures.push({ metric: 'append + markSent (two commits)', rows: label, ...cycle });
  log.close();
}

function localMidnight(daysAgo: number): number {
  const d = new Date(Date.now() - daysAgo * DAY);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

const FILTERS: Array<[string, SendLogFilter]> = [
  ['no filter (all rows)', {}],
  ['profile', { profileId: 'profile-2' }],
  ['status list (failures)', { statuses: ['delivery_failed', 'failed', 'expired'] }],
  ['last 30 days (local midnight)', { from: localMidnight(30), to: localMidnight(-1) }],
  ['profile + purpose + 60 days', { profileId: 'profile-1', purpose: 'test', from: localMidnight(60) }],
  ['rare status (unknown) + profile', { statuses: ['unknown'], profileId: 'profile-3' }],
  ['search last digits "5678"', { search: '5678' }],
  ['search masked fragment "6 •••• 5678"', { search: '6 •••• 5678' }],
  ['search full number (hash)', { search: '+31 6 1234 5678' }],
  ['broad search "56" (~1% of rows)', { search: '56' }],
  ['broad search "+31 6" (all rows, capped)', { search: '+31 6' }],
];

function benchQueries(path: string, label: string, withTarget: boolean): void {
  const log = new SendLog({ path, clock, hashKey });
  for (const [name, filter] of FILTERS) {
    log.query(filter, { limit: 100 });
    const r = measure(15, () => log.query(filter, { limit: 100 }));
    figures.push({
      metric: `page of 100 + totals: ${name}`,
      rows: label,
      ...r,
      ...(withTarget ? { target: 20, on: 'median' as const } : {}),
    });
  }
  const id = (log.query({}, { limit: 1, offset: 1234 }).rows[0] as SendLogRow).messagebirdId ?? 'abcd';
  const byId = measure(15, () => log.query({ search: id.slice(0, 12) }, { limit: 100 }));
  figures.push({ metric: 'page of 100 + totals: search MessageBird id', rows: label, ...byId, ...(withTarget ? { target: 20, on: 'median' as const } : {}) });
  if (withTarget) {
    const deep = measure(5, () => log.query({}, { limit: 100, offset: 500_000, withTotals: false }));
    figures.push({ metric: 'page of 100 at offset 500,000 (no totals)', rows: label, ...deep, note: 'deep offset: O(offset)' });
    let cursor = log.query({}, { limit: 100, offset: 499_900, withTotals: false }).next;
    const keyset = measure(15, () => {
      const page = log.query({}, { limit: 100, after: cursor, withTotals: false });
      cursor = page.next;
    });
    figures.push({ metric: 'next page of 100 by cursor at row 500,000', rows: label, ...keyset, note: 'keyset paging' });
    const csv = measure(1, () => log.exportCsv({ statuses: ['delivery_failed'] }));
    figures.push({ metric: 'CSV export (≈40k failed rows)', rows: label, ...csv, note: 'whole CSV as one string' });
  }
  log.close();
}

/** A save dialog that answers at once, after recording how long the export took to reach it. */
function instantDialog(path: string | undefined, opened: number[]) {
  return {
    showSaveDialog: async () => {
      opened.push(performance.now());
      return path ? { canceled: false, filePath: path } : { canceled: true, filePath: '' };
    },
  } as unknown as ConstructorParameters<typeof DialogFileSaver>[0];
}

/**
 * The export as `exportLog` runs it: save dialog first, then the CSV streamed into the chosen file.
 * "until the dialog" is the main-process time the admin waits before seeing the dialog.
 */
async function benchExportToFile(path: string, label: string): Promise<void> {
  const log = new SendLog({ path, clock, hashKey });
  const filter: SendLogFilter = { statuses: ['delivery_failed'] };
  const target = join(workDir, 'export.csv');
  const toDialog: number[] = [];
  const total: number[] = [];
  let heapGrowth = 0;
  for (let i = 0; i < 3; i++) {
    const opened: number[] = [];
    const heapBefore = process.memoryUsage().heapUsed;
    const start = performance.now();
    let rows = 0;
    await new DialogFileSaver(instantDialog(target, opened)).save({
      suggestedName: 'send-log.csv',
      mimeType: 'text/csv',
      write: async (sink) => {
        rows = await log.exportTo(filter, sink);
        heapGrowth = Math.max(heapGrowth, process.memoryUsage().heapUsed - heapBefore);
      },
    });
    total.push(performance.now() - start);
    toDialog.push((opened[0] ?? NaN) - start);
    if (rows === 0) throw new Error('nothing exported');
  }
  const stats = (samples: number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    return { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
  };
  const size = statSync(target).size;
  figures.push({ metric: 'CSV export → save dialog: until the dialog', rows: label, ...stats(toDialog), note: 'was the whole export' });
  figures.push({ metric: 'CSV export → file (streamed, ≈40k rows)', rows: label, ...stats(total),
    note: `${(size / 1024 / 1024).toFixed(1)} MB file, heap +${(heapGrowth / 1024 / 1024).toFixed(1)} MB` });
  const cancelled = measure(3, () => void new DialogFileSaver(instantDialog(undefined, [])).save({
    suggestedName: 'send-log.csv', mimeType: 'text/csv', write: async (sink) => void (await log.exportTo(filter, sink)) }));
  figures.push({ metric: 'CSV export → save dialog cancelled', rows: label, ...cancelled, note: 'no CSV produced' });
  log.close();
}

/** The start-up file check: after a clean close (marker) versus after a crash (full quick_check). */
function benchStartupCheck(path: string, label: string): void {
  new SendLog({ path, clock, hashKey }).close(); // a clean close leaves the marker
  const clean = measure(5, () => logFileHealth(path));
  figures.push({ metric: 'start-up file check after a clean close', rows: label, ...clean, note: 'header + schema only' });
  let quickChecks = 0;
  const unclean = measure(3, () => {
    rmSync(`${path}.clean-close`, { force: true }); // as after a crash or SIGKILL
    logFileHealth(path, undefined, { onQuickCheck: () => (quickChecks += 1) });
  });
  if (quickChecks !== 3) throw new Error('quick_check did not run');
  figures.push({ metric: 'start-up file check after a crash', rows: label, ...unclean, note: 'PRAGMA quick_check, warm OS cache' });
}

function benchOpen(path: string, label: string, target?: number): void {
  const r = measure(7, () => {
    const log = new SendLog({ path, clock, hashKey });
    log.query({}, { limit: 100 });
    log.close();
  });
  figures.push({ metric: 'open log → first page + totals', rows: label, ...r, ...(target ? { target, on: 'median' as const } : {}), note: 'warm OS cache' });
}

/** The naive alternative: the whole log as one array in an electron-store (conf) JSON file. */
function benchNaive(rows: number, sqliteAt10k: Map<string, number>): void {
  const dir = join(workDir, 'conf');
  rmSync(dir, { recursive: true, force: true });
  const seed: object[] = [];
  const start = Date.now() - 179 * DAY;
  for (let i = 0; i < rows; i++) {
    const row = { id: i + 1, createdAt: start + i * 1000, updatedAt: start + i * 1000, profileId: `profile-${1 + (i % 3)}`,
      participantNumber: '10001', purpose: i % 10 ? 'confirmation' : 'test', recipientMasked: `+31 6 •••• ${String(i % 10000).padStart(4, '0')}`,
      recipientHash: 'x'.repeat(32), country: 'NL', originator: 'AFAS', messagebirdId: `mb${i}`, status: 'delivered', statusReason: null,
      errorCode: null, parts: 1, priceAmount: 0.056, priceCurrency: 'EUR', priceIsEstimate: false, mode: 'live' };
    seed.push(row);
  }
  const store = new Conf<{ rows: object[] }>({ cwd: dir, configName: 'send-log', projectName: 'bench' });
  store.set('rows', seed);
  const append = measure(50, (i) => {
    const all = store.get('rows');
    all.push({ ...(seed[0] as object), id: rows + i + 1, createdAt: Date.now() });
    store.set('rows', all);
  });
  const pageAndTotals = () => {
    const all = store.get('rows') as Array<{ profileId: string; createdAt: number; parts: number; priceAmount: number }>;
    const matching = all.filter((r) => r.profileId === 'profile-2').sort((a, b) => b.createdAt - a.createdAt);
    const totals = matching.reduce((t, r) => ({ count: t.count + 1, parts: t.parts + r.parts, cost: t.cost + r.priceAmount }), { count: 0, parts: 0, cost: 0 });
    return { rows: matching.slice(0, 100), totals };
  };
  const page = measure(15, pageAndTotals);
  const open = measure(7, () => {
    const s = new Conf<{ rows: object[] }>({ cwd: dir, configName: 'send-log', projectName: 'bench' });
    const all = s.get('rows') as Array<{ profileId: string; createdAt: number }>;
    all.slice().sort((a, b) => b.createdAt - a.createdAt).slice(0, 100);
  });
  const label = `${rows / 1000}k`;
  const ratio = (key: string, naive: number) => `${(naive / (sqliteAt10k.get(key) ?? NaN)).toFixed(0)}× SQLite at 10k`;
  figures.push({ metric: 'naive conf array: append', rows: label, ...append, note: ratio('append', append.median) });
  figures.push({ metric: 'naive conf array: page + totals (profile)', rows: label, ...page, note: ratio('page', page.median) });
  figures.push({ metric: 'naive conf array: open → first page', rows: label, ...open, note: ratio('open', open.median) });
  rmSync(dir, { recursive: true, force: true });
}

function fmt(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

function printTable(): void {
  const header = ['metric', 'rows', 'median', 'p95', 'target', 'result / note'];
  const lines = figures.map((f) => {
    const value = f.on === 'p95' ? f.p95 : f.median;
    const verdict = f.target === undefined ? '' : value <= f.target ? 'PASS' : 'MISS';
    return [f.metric, f.rows, fmt(f.median), fmt(f.p95), f.target === undefined ? '' : `≤ ${f.target} ms (${f.on})`,
      [verdict, f.note].filter(Boolean).join(' ')];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const row = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join(' │ ');
  console.log(`\n${row(header)}\n${widths.map((w) => '─'.repeat(w)).join('─┼─')}`);
  for (const l of lines) console.log(row(l));
  const misses = figures.filter((f) => f.target !== undefined && (f.on === 'p95' ? f.p95 : f.median) > f.target);
  console.log(`\n${misses.length === 0 ? 'All targets met.' : `${misses.length} target(s) missed.`}`);
}

async function main(): Promise<void> {
  console.log(`Send log bench — Node ${process.versions.node}, SQLite via node:sqlite`);
  const begin = Date.now();
  for (const [rows, label] of [[10_000, '10k'], [100_000, '100k'], [1_000_000, '1M']] as const) {
    console.log(`• append at ${label} existing rows`);
    benchAppend(rows, label);
  }
  console.log('• queries at 10k (for the naive comparison)');
  const small = seededCopy(10_000);
  benchQueries(small, '10k', false);
  benchOpen(small, '10k');
  const at10k = new Map<string, number>([
    ['append', figures.find((f) => f.metric.startsWith('append (') && f.rows === '10k')?.median ?? NaN],
    ['page', figures.find((f) => f.metric.endsWith(': profile') && f.rows === '10k')?.median ?? NaN],
    ['open', figures.find((f) => f.metric.startsWith('open') && f.rows === '10k')?.median ?? NaN],
  ]);
  console.log('• queries at 1M');
  const big = seededCopy(1_000_000);
  const size = statSync(big).size;
  benchOpen(big, '1M', 200);
  benchQueries(big, '1M', true);
  await benchExportToFile(big, '1M');
  benchStartupCheck(big, '1M');
  console.log(`  1M-row file: ${(size / 1024 / 1024).toFixed(0)} MB`);
  console.log('• naive electron-store (conf) log at 10k');
  benchNaive(10_000, at10k);
  printTable();
  report('send-log', 'Send log (SQLite) figures', figures.map((f) => ({
    metric: `${f.metric} @ ${f.rows}`,
    value: f.on === 'p95' ? f.p95 : f.median,
    unit: 'ms' as const,
    ...(f.target !== undefined ? { target: f.target } : {}),
    note: [`${f.on ?? 'median'}; median ${fmt(f.median)}, p95 ${fmt(f.p95)}`, f.note].filter(Boolean).join('; '),
  })), {}, { printTable: false });
  rmSync(workDir, { recursive: true, force: true });
  console.log(`(bench took ${((Date.now() - begin) / 1000).toFixed(0)} s)`);
}

void main();
