// `npm test`: type check, lint, then every test tier, and one closing summary line.
// Runs every step even after a failure, so one run shows everything that is wrong.
import './preflight.mjs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildAll, buildIsStale, root } from './build-all.mjs';

const results = join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const node = process.execPath;
const bin = (path) => join(root, 'node_modules', path);
const failures = [];
const counts = { passed: 0, failed: 0, skipped: 0 };

function step(name, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(node, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) failures.push(name);
  console.log(`=== ${name}: ${result.status === 0 ? 'ok' : `FAILED (exit ${result.status})`} in ${seconds} s ===`);
}

function readJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/** Adds a Playwright JSON report's counts; `skipped` tests carry their reason in the list output. */
function countPlaywright(file, name) {
  const report = readJson(file);
  if (!report) return failures.includes(name) || failures.push(`${name} (no report)`);
  counts.passed += report.stats.expected + report.stats.flaky;
  counts.failed += report.stats.unexpected;
  counts.skipped += report.stats.skipped;
}

step('type check (node)', [bin('typescript/bin/tsc'), '-p', 'tsconfig.node.json', '--noEmit']);
step('type check (web)', [bin('typescript/bin/tsc'), '-p', 'tsconfig.web.json', '--noEmit']);
step('type check (tests)', [bin('typescript/bin/tsc'), '-p', 'tsconfig.test.json', '--noEmit']);
step('lint', [bin('eslint/bin/eslint.js'), '--max-warnings', '0', '.']);
step('unit, main wiring and component tests (vitest)', [
  bin('vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'vitest.json')}`,
]);
const vitest = readJson(join(results, 'vitest.json'));
if (vitest) {
  counts.passed += vitest.numPassedTests;
  counts.failed += vitest.numFailedTests;
  counts.skipped += vitest.numPendingTests + vitest.numTodoTests;
} else if (!failures.length) failures.push('vitest (no report)');

console.log('\n=== build ===');
try {
  if (buildIsStale()) buildAll();
  else console.log('up to date');
} catch (error) {
  failures.push('build');
  console.error(error.message);
}
step('browser end-to-end tests (Playwright, Chromium)', [bin('@playwright/test/cli.js'), 'test'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: join(results, 'e2e.json'),
  PW_REPORTERS: 'json',
});
countPlaywright(join(results, 'e2e.json'), 'browser end-to-end tests (Playwright, Chromium)');
step('Electron end-to-end tests (opt-in)', [bin('@playwright/test/cli.js'), 'test', '-c', 'playwright.electron.config.ts'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: join(results, 'electron.json'),
  PW_REPORTERS: 'json',
});
countPlaywright(join(results, 'electron.json'), 'Electron end-to-end tests (opt-in)');

console.log('');
if (failures.length) console.log(`Failed steps: ${failures.join('; ')}`);
console.log(`total: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failures.length || counts.failed ? 1 : 0);
