import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Node flags for running the service's TypeScript directly in plain Node (see scripts/bench.mjs). */
function nodeFlags(): string[] {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  const flags = ['--disable-warning=ExperimentalWarning', '--import', './bench/register-ts.mjs'];
  if (major === 22 && minor < 18) flags.unshift('--experimental-strip-types');
  if (major === 22 && minor < 13) flags.unshift('--experimental-sqlite');
  return flags;
}

/**
 * Starts `append-child.ts` on the log at `path` (hash key in hex), SIGKILLs it once it has committed
 * `killAfter` rows, and resolves with every id it reported as committed.
 */
export function appendUntilKilled(
  path: string,
  hashKeyHex: string,
  killAfter: number,
): Promise<{ ids: number[]; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags(), 'test/crash/append-child.ts', path, hashKeyHex], {
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
      resolve({ ids: out.split('\n').slice(0, -1).map(Number), signal });
    });
  });
}
