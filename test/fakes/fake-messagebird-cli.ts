/**
 * Runs the fake MessageBird as its own process, for end-to-end tests whose app host is another process.
 * Start it with `node test/fakes/fake-messagebird-cli.mjs [options]` (the .mjs lets Node load these
 * TypeScript files). It prints one JSON line on stdout, then serves until SIGTERM/SIGINT:
 *
 *   { "port": 40123, "connectTo": "127.0.0.1:40123", "caPath": "/tmp/…/ca.pem",
 *     "controlUrl": "http://127.0.0.1:40124", "liveKey": "…", "testKey": "test_…" }
 *
 * Start the app host with `MESSAGEBIRD_CONNECT_TO=<connectTo>` and `NODE_EXTRA_CA_CERTS=<caPath>`; drive
 * the fake from tests with `new FakeMessageBirdClient(controlUrl)`.
 *
 * Options: --port N, --control-port N (default 0: free ports), --ca-file PATH (default a temp file),
 * --auto-deliver-ms N (default off).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FAKE_LIVE_KEY, FAKE_TEST_KEY, startFakeMessageBird } from './fake-messagebird';
import { startControlServer } from './fake-messagebird-control';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'control-port': { type: 'string', default: '0' },
    'ca-file': { type: 'string' },
    'auto-deliver-ms': { type: 'string' },
  },
});

function portOption(name: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--${name} must be a port number, got ${value}`);
  return port;
}

const autoDeliver = values['auto-deliver-ms'];
const fake = await startFakeMessageBird({
  port: portOption('port', values.port),
  autoDeliverAfterMs: autoDeliver === undefined ? null : Number(autoDeliver),
});
const control = await startControlServer(fake, portOption('control-port', values['control-port']));
const caPath = values['ca-file'] ?? join(mkdtempSync(join(tmpdir(), 'fake-messagebird-')), 'ca.pem');
writeFileSync(caPath, fake.caPem);

process.stdout.write(
  `${JSON.stringify({
    port: fake.port,
    connectTo: `127.0.0.1:${fake.port}`,
    caPath,
    controlUrl: control.url,
    liveKey: FAKE_LIVE_KEY,
    testKey: FAKE_TEST_KEY,
  })}\n`,
);

const stop = async () => {
  await control.close();
  await fake.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
