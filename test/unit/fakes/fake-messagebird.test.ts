// The fake itself: the behaviour other suites (browser e2e) rely on, and its standalone CLI with the
// remote control, driven through the real SDK.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageBirdGateway } from '../../../src/main/services/gateway/messagebird-gateway';
import { installTransport, parseHostPort } from '../../../src/main/services/gateway/transport';
import { FakeMessageBirdClient } from '../../fakes/fake-messagebird-control';
import { FAKE_LIVE_KEY, FAKE_TEST_KEY, startFakeMessageBird } from '../../fakes/fake-messagebird';

const cli = fileURLToPath(new URL('../../fakes/fake-messagebird-cli.mjs', import.meta.url));

interface CliInfo {
  port: number;
  connectTo: string;
  caPath: string;
  controlUrl: string;
  liveKey: string;
  testKey: string;
}

describe('fake-messagebird CLI and remote control', () => {
  let child: ChildProcess;
  let info: CliInfo;
  let control: FakeMessageBirdClient;
  let restore: () => void;
  let transport: { connectTo: { host: string; port: number }; extraCaPem: string };

  beforeAll(async () => {
    child = spawn(process.execPath, [cli, '--auto-deliver-ms', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`CLI exited with ${code}`)));
    });
    info = JSON.parse(line) as CliInfo;
    control = new FakeMessageBirdClient(info.controlUrl);
    transport = { connectTo: parseHostPort('connectTo', info.connectTo), extraCaPem: readFileSync(info.caPath, 'utf8') };
    restore = installTransport(transport);
  }, 20_000);

  afterAll(async () => {
    restore?.();
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('prints how to reach it and which keys it accepts', () => {
    expect(info.connectTo).toBe(`127.0.0.1:${info.port}`);
    expect(readFileSync(info.caPath, 'utf8')).toContain('BEGIN CERTIFICATE');
    expect(info.liveKey).toBe(FAKE_LIVE_KEY);
    expect(info.testKey).toBe(FAKE_TEST_KEY);
  });

  it('serves the real SDK, records requests and takes faults from another process', async () => {
    const gateway = new MessageBirdGateway({ apiKey: info.liveKey, transport });
    const sent = await gateway.sendSms({ originator: 'AFAS', recipient: '+32470123456', body: 'Hallo' });
    expect(sent.ok).toBe(true);
    if (!sent.ok) return;

    // --auto-deliver-ms 0: delivered as soon as it is read.
    const read = await gateway.getMessage(sent.value.id);
    expect(read.ok && read.value.recipients[0]?.status).toBe('delivered');

    await control.setMessageStatus(sent.value.id, 'expired', { statusReason: 'expired' });
    const expired = await gateway.getMessage(sent.value.id);
    expect(expired.ok && expired.value.recipients[0]).toMatchObject({ status: 'expired', statusReason: 'expired' });

    await control.injectOnce({ type: 'status', status: 503, body: { message: 'maintenance' } }, { method: 'POST', path: '/messages' });
    // The fault only matches sends: a balance read first is unaffected.
    expect((await gateway.getBalance()).ok).toBe(true);
    expect(await gateway.sendSms({ originator: 'AFAS', recipient: '+32470123456', body: 'Hallo' })).toMatchObject({
      ok: false,
      error: { code: 'provider_unavailable', httpStatus: 503, maybeSent: true },
    });

    const requests = await control.requests();
    expect(requests.map((r) => `${r.method} ${r.path.split('/')[1]}`)).toEqual([
      'POST messages',
      'GET messages',
      'GET messages',
      'GET balance',
      'POST messages',
    ]);
    expect(await control.balanceOf(info.liveKey)).toEqual({ payment: 'prepaid', type: 'euros', amount: 100 - 0.056 });

    await control.reset();
    expect(await control.requests()).toEqual([]);
    expect(await control.messages()).toEqual([]);
  });

  it('accepts a test key without storing or charging', async () => {
    const gateway = new MessageBirdGateway({ apiKey: info.testKey, transport });
    const sent = await gateway.sendSms({ originator: 'AFAS', recipient: '+31612345678', body: 'Hallo' });

    expect(sent.ok).toBe(true);
    expect(await control.messages()).toEqual([]);
    if (sent.ok) expect(await gateway.getMessage(sent.value.id)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('lets tests add and remove keys', async () => {
    await control.setKey('AnotherLiveKey42', { balance: { payment: 'postpaid', type: 'euros', amount: 0 } });
    const gateway = new MessageBirdGateway({ apiKey: 'AnotherLiveKey42', transport });
    expect(await gateway.getBalance()).toEqual({ ok: true, value: { payment: 'postpaid', type: 'euros', amount: 0 } });
    // Postpaid: never short of balance.
    expect((await gateway.sendSms({ originator: 'AFAS', recipient: '+31612345678', body: 'x' })).ok).toBe(true);

    await control.removeKey('AnotherLiveKey42');
    expect(await gateway.getBalance()).toMatchObject({ ok: false, error: { code: 'key_rejected' } });
  });
});

describe('fake-messagebird reset', () => {
  // The browser e2e suite shares one fake per worker and resets it per test: a test that turned
  // auto-delivery on (the canary) must not make the next test's "sent" messages deliver themselves.
  it('turns auto-delivery back to the start configuration', async () => {
    const fake = await startFakeMessageBird();
    const restoreTransport = installTransport({ connectTo: fake.connectTo, extraCaPem: fake.caPem });
    try {
      const gateway = new MessageBirdGateway({ apiKey: FAKE_LIVE_KEY, transport: { connectTo: fake.connectTo, extraCaPem: fake.caPem } });
      const statusAfterSend = async () => {
        const sent = await gateway.sendSms({ originator: 'AFAS', recipient: '+31612345678', body: 'Hallo' });
        if (!sent.ok) throw new Error(`send failed: ${sent.error.code}`);
        const read = await gateway.getMessage(sent.value.id);
        return read.ok ? read.value.recipients[0]?.status : read.error.code;
      };

      fake.autoDeliverAfterMs = 0;
      expect(await statusAfterSend()).toBe('delivered');
      fake.reset();
      expect(fake.autoDeliverAfterMs).toBeNull();
      expect(await statusAfterSend()).toBe('sent');
    } finally {
      restoreTransport();
      await fake.close();
    }
  });
});
