/**
 * What the app adds to a test send: the whole path (contract call through the handler table → input
 * parsing → profile, cost and cap checks → pending log row → real `messagebird` SDK → fake MessageBird
 * over HTTPS → log row updated) against a bare SDK `messages.create` to the same fake over the same
 * transport. App and bare sends alternate, so background work (the delivery follow-up polls) weighs on
 * both alike. Also shown: a bare call that opens a new TLS connection each time, as the app did before
 * it kept connections alive.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import tls from 'node:tls';
import { join } from 'node:path';
import { initClient } from 'messagebird';
import { createHandlerTable } from '../src/main/ipc/handler-table';
import { dispatch } from '../src/main/ipc/dispatch';
import { closeServices } from '../src/main/services';
import { installTransport } from '../src/main/services/gateway/transport';
import { FAKE_LIVE_KEY, startFakeMessageBird, type FakeMessageBird } from '../test/fakes/fake-messagebird';
import { activeFakeProfile, callOk, type ContractCall } from '../test/support/fake-profile';
import { createTestServices } from '../test/support/test-services';
import { median, percentile, report, type Figure } from './report';

const DAY = 86_400_000;
const SENDS = 220;
const WARM_UP = 30;
/** The daily cap is at most 100 test sends; the bench's clock moves a day on before reaching it. */
const SENDS_PER_DAY = 90;

/** An active profile with the fake's key, made the way the wizard makes it. */
async function activeProfile(run: ContractCall, fake: FakeMessageBird): Promise<string> {
  await callOk(run, 'updateSettings', { gatewayMode: 'messagebird' });
  const profileId = await activeFakeProfile(run, fake);
  await callOk(run, 'updateTestSendSettings', { dailyCap: 100 });
  return profileId;
}

function bareSend(client: ReturnType<typeof initClient>): Promise<void> {
  return new Promise((resolve, reject) => {
    client.messages.create(
      { originator: 'Acme', recipients: ['+31612345678'], body: 'Testcode: 123456' } as never,
      ((err: unknown, data: { id?: string } | null) => (err || !data?.id ? reject(err ?? new Error('no id')) : resolve())) as never,
    );
  });
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

async function main(): Promise<void> {
  console.log('Send overhead bench: app path against a bare SDK call, both to the fake MessageBird over HTTPS');
  const fake = await startFakeMessageBird({ autoDeliverAfterMs: 1_000 });
  const dataDir = mkdtempSync(join(tmpdir(), 'sms-admin-bench-send-'));
  const transport = { connectTo: fake.connectTo, extraCaPem: fake.caPem };
  const restoreTransport = installTransport(transport);
  const clock = { offsetMs: 0, now: () => Date.now() + clock.offsetMs };
  const services = createTestServices({ dataDir, transport, clock });
  const table = createHandlerTable(services);
  const run: ContractCall = (method, input) => dispatch(table, method, input, () => {});
  try {
    const profileId = await activeProfile(run, fake);
    const client = initClient(FAKE_LIVE_KEY, 16_000);
    let appSends = 0;
    const appSend = async () => {
      if (appSends > 0 && appSends % SENDS_PER_DAY === 0) clock.offsetMs += DAY;
      appSends += 1;
      const status = await callOk<{ status: string }>(run, 'sendTestCode', { profileId, recipient: '0612345678', confirmCost: true });
      if (status.status !== 'sent') throw new Error(`test send ended ${status.status}`);
    };

    const app: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < WARM_UP + SENDS; i++) {
      const a = await timed(appSend);
      const b = await timed(() => bareSend(client));
      if (i >= WARM_UP) {
        app.push(a);
        bare.push(b);
      }
    }

    // The same bare call on a connection opened for it, as every send was before connections were kept.
    // One prebuilt secure context, as Node's default one is in the app (the transport's extra-CA list
    // for in-process fakes would be parsed again for every connection and overstate the handshake).
    const secureContext = tls.createSecureContext({ ca: [...tls.getCACertificates('default'), fake.caPem] });
    const fresh: number[] = [];
    for (let i = 0; i < 60; i++) {
      const agent = new https.Agent({ keepAlive: false });
      agent.createConnection = () =>
        tls.connect({ host: '127.0.0.1', port: fake.port, servername: 'rest.messagebird.com', secureContext });
      (https as unknown as { globalAgent: https.Agent }).globalAgent = agent;
      fresh.push(await timed(() => bareSend(client)));
      agent.destroy();
    }

    const appMedian = median(app);
    const bareMedian = median(bare);
    const figures: Figure[] = [
      { metric: `app test send, median of ${app.length}`, value: appMedian, unit: 'ms', note: `p95 ${percentile(app, 0.95).toFixed(2)} ms` },
      { metric: `bare SDK send (kept-alive connection), median of ${bare.length}`, value: bareMedian, unit: 'ms', note: `p95 ${percentile(bare, 0.95).toFixed(2)} ms` },
      { metric: 'app / bare SDK', value: appMedian / bareMedian, unit: 'ratio', target: 1.1, note: `app adds ${(appMedian - bareMedian).toFixed(2)} ms` },
      { metric: `bare SDK send on a new TLS connection, median of ${fresh.length}`, value: median(fresh), unit: 'ms', note: 'the cost each send paid before' },
    ];
    report('send-overhead', 'Send overhead (in-process: handler table → checks → log → SDK → fake over HTTPS → log)', figures, {
      samples: { app, bare, freshConnection: fresh },
    });
  } finally {
    await closeServices(services);
    restoreTransport();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
