// `npm run bench`: performance figures for the send log and the offline review. Prints numbers; it is not a test.
// Runs the TypeScript bench in a child Node with type stripping and the extension-resolving hooks,
// so the figures measure the real service code, not a bundle of it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const [major, minor] = process.versions.node.split('.').map(Number);
const flags = ['--disable-warning=ExperimentalWarning', '--import', './bench/register-ts.mjs'];
// Type stripping is on by default from Node 22.18; node:sqlite needs no flag from 22.13.
if (major === 22 && minor < 18) flags.unshift('--experimental-strip-types');
if (major === 22 && minor < 13) flags.unshift('--experimental-sqlite');

const result = spawnSync(process.execPath, [...flags, './bench/send-log-bench.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
if (result.status !== 0) process.exit(result.status ?? 1);
// The review bench runs the whole service graph, some of which uses constructor parameter properties:
// those need type transformation, not only stripping.
const review = spawnSync(process.execPath, ['--experimental-transform-types', ...flags, './bench/review-bench.ts'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(review.status ?? 1);
