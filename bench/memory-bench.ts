/**
 * Resident memory of the browser host (`node out/host/cli.js`, a child process with its own temporary
 * data folder) when idle and after 10,000 test sends through its HTTP API, with the real SDK talking
 * to the fake MessageBird over HTTPS. The daily cap allows 100 test sends a day, so the host's test
 * clock moves a day on every 90 sends. Needs the build in out/ (scripts/bench.mjs builds it when stale).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHostProcess, type HostProcess } from '../test/e2e/harness/host-process';
import { FAKE_LIVE_KEY, startFakeMessageBird, type FakeMessageBird } from '../test/fakes/fake-messagebird';
import { activeFakeProfile } from '../test/support/fake-profile';
import { report, type Figure } from './report';

const SENDS = 10_000;
const LANES = 4;
const SENDS_PER_DAY = 90;
const DAY = 86_400_000;
const MB = 1024 * 1024;

/** The host child's pid, found by its unique data folder on its command line (Linux /proc). */
function pidOf(dataDir: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes('out/host/cli.js') && cmdline.includes(dataDir)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error('host process not found');
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error('no VmRSS');
  return Number(kb) * 1024;
}

async function ok<T>(host: HostProcess, method: string, input?: unknown): Promise<T> {
  const result = await host.call<T>(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function activeProfile(host: HostProcess, fake: FakeMessageBird): Promise<string> {
  await ok(host, 'updateSettings', { gatewayMode: 'messagebird' });
  const profileId = await activeFakeProfile((method, input) => host.call(method, input), fake);
  await ok(host, 'updateTestSendSettings', { dailyCap: 100 });
  return profileId;
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  console.log(`Memory bench: browser host RSS idle and after ${SENDS.toLocaleString('en')} test sends`);
  // Postpaid: a prepaid test balance would run out long before 10,000 sends.
  const fake = await startFakeMessageBird({
    autoDeliverAfterMs: 500,
    keys: { [FAKE_LIVE_KEY]: { balance: { payment: 'postpaid', type: 'euros', amount: 0 } } },
  });
  const work = mkdtempSync(join(tmpdir(), 'sms-admin-bench-memory-'));
  const caFile = join(work, 'fake-ca.pem');
  writeFileSync(caFile, fake.caPem);
  const dataDir = join(work, 'data');
  const host = await startHostProcess({
    dataDir,
    env: { MESSAGEBIRD_CONNECT_TO: `${fake.connectTo.host}:${fake.connectTo.port}`, NODE_EXTRA_CA_CERTS: caFile },
  });
  try {
    const pid = pidOf(dataDir);
    await ok(host, 'getAppInfo');
    await settle(1_000);
    const idle = rssOf(pid);

    const profileId = await activeProfile(host, fake);
    const started = performance.now();
    let peak = idle;
    let half = 0;
    for (let done = 0; done < SENDS; ) {
      const batch = Math.min(SENDS_PER_DAY, SENDS - done);
      let next = 0;
      await Promise.all(
        Array.from({ length: LANES }, async () => {
          while (next < batch) {
            next += 1;
            await ok(host, 'sendTestCode', { profileId, recipient: '0612345678', confirmCost: true });
          }
        }),
      );
      done += batch;
      await host.advanceClock(DAY);
      const now = rssOf(pid);
      peak = Math.max(peak, now);
      if (half === 0 && done >= SENDS / 2) half = now;
    }
    const sendSeconds = (performance.now() - started) / 1000;
    await settle(3_000); // the last delivery follow-ups finish
    const after = rssOf(pid);
    const { rows } = await ok<{ rows: number }>(host, 'getLogInfo');

    const figures: Figure[] = [
      { metric: 'host RSS idle (after start and one call)', value: idle / MB, unit: 'MB' },
      { metric: `host RSS after ${SENDS.toLocaleString('en')} test sends`, value: after / MB, unit: 'MB', note: `+${((after - idle) / MB).toFixed(1)} MB; ${rows.toLocaleString('en')} log rows` },
      { metric: `host RSS after the first ${(SENDS / 2).toLocaleString('en')} sends`, value: half / MB, unit: 'MB', note: 'growth in the second half tells a leak from warm-up' },
      { metric: 'host RSS peak while sending', value: peak / MB, unit: 'MB', note: `${LANES} at a time, ${(SENDS / sendSeconds).toFixed(0)} sends/s` },
    ];
    report('memory', 'Browser host memory (child process, fake MessageBird over HTTPS)', figures);
  } finally {
    await host.stop();
    await fake.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
