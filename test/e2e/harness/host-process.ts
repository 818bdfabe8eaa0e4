import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from '@playwright/test';

const repoRoot = resolve(import.meta.dirname, '../../..');
const URL_LINE = /(http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))/;

export interface HostProcess {
  /**
   * The app's address without a token (`<origin>/`). The printed token works once and the harness has
   * used it (for `call`), so a browser opens the app with the session cookie: the `host` fixture adds it
   * to the test's browser context; for a host started directly, call `addSessionTo(page.context())`.
   */
  url: string;
  /** The address printed at start, with its token (already used once by the harness). */
  tokenUrl: string;
  origin: string;
  port: number;
  token: string;
  /** The session cookie the token's one use set: `name=value`. */
  sessionCookie: string;
  /** Gives a browser context the harness's session, so `page.goto(host.url)` opens the app. */
  addSessionTo(context: BrowserContext): Promise<void>;
  dataDir: string;
  /** Everything the host printed so far (stdout and stderr), for canary and error checks. */
  output(): string;
  /** Calls a contract method over HTTP as the renderer does, with the session cookie. */
  call<T = unknown>(method: string, input?: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string } }>;
  /** Moves the services' clock forward (test hook, only mounted with SMS_ADMIN_TEST_HOOKS=1). */
  advanceClock(ms: number): Promise<void>;
  /** SIGTERM, then wait for a clean exit; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface StartHostOptions {
  env?: Record<string, string>;
  dataDir?: string;
}

/** Starts `node out/host/cli.js` (what `npm run web` runs) as a child process. */
export async function startHostProcess(options: StartHostOptions = {}): Promise<HostProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sms-admin-e2e-'));
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [join(repoRoot, 'out/host/cli.js'), '--port', '0', '--data-dir', dataDir],
    {
      cwd: repoRoot,
      env: { ...process.env, SMS_ADMIN_TEST_HOOKS: '1', ...options.env },
      stdio: 'pipe',
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));

  const match = await new Promise<RegExpMatchArray>((resolveMatch, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not print its URL in time:\n${output}`)), 20_000);
    const check = () => {
      const found = output.match(URL_LINE);
      if (found) {
        clearTimeout(timer);
        resolveMatch(found);
      }
    };
    child.stdout.on('data', check);
    void exited.then((code) => reject(new Error(`host exited with ${code} before printing its URL:\n${output}`)));
  });
  const [, tokenUrl, portText, token] = match as unknown as [string, string, string, string];
  const port = Number(portText);
  const origin = `http://127.0.0.1:${port}`;
  // The token's one use: the session cookie it sets is shared by `call` and the test's browser.
  const exchange = await fetch(tokenUrl, { redirect: 'manual' });
  const sessionCookie = (exchange.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (exchange.status !== 303 || !sessionCookie.includes('=')) throw new Error(`token exchange failed (${exchange.status}):\n${output}`);
  const [cookieName, cookieValue] = sessionCookie.split('=') as [string, string];
  const headers = { cookie: sessionCookie, 'content-type': 'application/json' };

  return {
    url: `${origin}/`,
    tokenUrl,
    origin,
    port,
    token,
    sessionCookie,
    async addSessionTo(context) {
      await context.addCookies([{ name: cookieName, value: cookieValue, url: origin, httpOnly: true, sameSite: 'Strict' }]);
    },
    dataDir,
    output: () => output,
    async call(method, input) {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ input }),
      });
      return (await response.json()) as never;
    },
    async advanceClock(ms) {
      const response = await fetch(`${origin}/__test__/clock`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ advanceMs: ms }),
      });
      const body = (await response.json()) as { ok: boolean; error?: string };
      if (!body.ok) throw new Error(`clock control failed: ${body.error}`);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
