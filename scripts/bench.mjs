// `npm run bench`: performance figures with their targets. Prints numbers; it is not a test.
// Each bench is a TypeScript file run in its own child Node (type transformation, since some services
// use constructor parameter properties, and the extension-resolving hooks), so the figures measure the
// real code, not a bundle of it. Each prints the machine it ran on and writes bench/results/<name>.json.
// `npm run bench -- renderer memory` runs only the named benches; `--reseed` reseeds the send-log data.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll, buildIsStale } from './build-all.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  console.error(`npm run bench needs Node 22.22.2 or newer (this is ${process.versions.node}).`);
  process.exit(1);
}
const flags = ['--disable-warning=ExperimentalWarning', '--experimental-transform-types', '--import', './bench/register-ts.mjs'];

/** In run order: the send-log bench seeds the million-row log the CSV export bench reuses. */
const BENCHES = [
  { name: 'send-log', file: 'bench/send-log-bench.ts' },
  { name: 'csv-export', file: 'bench/csv-export-bench.ts', flags: ['--expose-gc'] },
  { name: 'send-overhead', file: 'bench/send-overhead-bench.ts' },
  { name: 'review', file: 'bench/review-bench.ts' },
  { name: 'renderer', file: 'bench/renderer-bench.ts', needsBuild: true },
  { name: 'memory', file: 'bench/memory-bench.ts', needsBuild: true },
];

const args = process.argv.slice(2);
const named = args.filter((a) => !a.startsWith('--'));
const unknown = named.filter((n) => !BENCHES.some((b) => b.name === n));
if (unknown.length > 0) {
  console.error(`Unknown bench ${unknown.join(', ')}; choose from ${BENCHES.map((b) => b.name).join(', ')}.`);
  process.exit(1);
}
const chosen = BENCHES.filter((b) => (named.length === 0 || named.includes(b.name)) && existsSync(join(root, b.file)));

const begin = Date.now();
if (chosen.some((b) => b.needsBuild) && buildIsStale()) {
  console.log('Building (out/ is older than the sources)…');
  buildAll();
}
const failed = [];
for (const bench of chosen) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [...(bench.flags ?? []), ...flags, bench.file, ...args.filter((a) => a.startsWith('--'))], {
    cwd: root,
    stdio: 'inherit',
  });
  console.log(`(${bench.name} took ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  if (result.status !== 0) failed.push(bench.name);
}
console.log(`npm run bench: ${chosen.length} bench(es) in ${((Date.now() - begin) / 1000).toFixed(0)} s; figures in bench/results/.`);
if (failed.length > 0) {
  console.error(`Failed: ${failed.join(', ')}`);
  process.exit(1);
}
