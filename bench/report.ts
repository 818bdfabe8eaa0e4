/**
 * What every bench prints and saves: the machine it ran on, its figures as a table, and the same as
 * JSON in bench/results/<name>.json (committed from the last run, so a change in a figure shows in review).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  /** 1-minute load average when the figures were taken: other work on the machine skews timings. */
  loadAverage: number;
}

export interface Figure {
  metric: string;
  value: number;
  unit: 'ms' | 'µs' | 'KB' | 'MB' | 'ratio' | 'count';
  /** The figure passes when `value <= target`. */
  target?: number;
  note?: string;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    // The cores this process may use (a container's limit), not the host's.
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.versions.node,
    platform: `${process.platform} ${os.release()}`,
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

export function describeMachine(m: Machine = machine()): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}, load ${m.loadAverage}`;
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function formatValue(f: Figure): string {
  const digits = f.unit === 'ratio' ? 2 : Math.abs(f.value) < 10 ? 2 : 1;
  return `${f.value.toFixed(f.unit === 'count' ? 0 : digits)}${f.unit === 'ratio' ? '×' : ` ${f.unit}`}`;
}

/** Prints the table (with PASS/MISS against targets) and writes bench/results/<name>.json. */
export function report(
  name: string,
  title: string,
  figures: readonly Figure[],
  extra: Record<string, unknown> = {},
  options: { printTable?: boolean } = {},
): void {
  const m = machine();
  if (options.printTable === false) {
    console.log(`machine: ${describeMachine(m)}`);
    save(name, { bench: name, title, ranAt: new Date().toISOString(), machine: m, figures, ...extra });
    return;
  }
  const rows = figures.map((f) => [
    f.metric,
    formatValue(f),
    f.target === undefined ? '' : `≤ ${f.target}${f.unit === 'ratio' ? '×' : ` ${f.unit}`}`,
    [f.target === undefined ? '' : f.value <= f.target ? 'PASS' : 'MISS', f.note ?? ''].filter(Boolean).join(' '),
  ]);
  const header = ['metric', 'value', 'target', 'result / note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join(' │ ');
  console.log(`\n${title}\nmachine: ${describeMachine(m)}\n${line(header)}\n${widths.map((w) => '─'.repeat(w)).join('─┼─')}`);
  for (const r of rows) console.log(line(r));
  const misses = figures.filter((f) => f.target !== undefined && f.value > f.target).length;
  console.log(misses === 0 ? 'All targets met.' : `${misses} target(s) missed.`);

  save(name, { bench: name, title, ranAt: new Date().toISOString(), machine: m, figures, ...extra });
}

function save(name: string, json: object): void {
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`→ bench/results/${name}.json`);
}
