// Builds everything the app and the browser host need: electron-vite (main, preload, renderer) and
// the host bundle. Exported for web.mjs and the test runner; runnable on its own too.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));
const stampFile = join(root, 'out', '.build-stamp');
const inputs = ['src', 'package.json', 'electron.vite.config.ts', 'vite.host.config.ts'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/** True when out/ is missing or older than any source file. */
export function buildIsStale() {
  if (!existsSync(stampFile) || !existsSync(join(root, 'out/host/cli.js'))) return true;
  const built = statSync(stampFile).mtimeMs;
  return inputs.some((input) => existsSync(join(root, input)) && newestMtime(join(root, input)) > built);
}

function run(script, args) {
  const result = spawnSync(process.execPath, [join(root, script), ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${script} ${args.join(' ')} failed with exit code ${result.status}`);
}

export function buildAll() {
  run('node_modules/electron-vite/bin/electron-vite.js', ['build']);
  run('node_modules/vite/bin/vite.js', ['build', '--config', 'vite.host.config.ts', '--logLevel', 'warn']);
  writeFileSync(stampFile, new Date().toISOString());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) buildAll();
