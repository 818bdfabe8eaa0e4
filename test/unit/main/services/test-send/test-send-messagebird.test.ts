// The test-send flow through the real messagebird SDK against the fake MessageBird over real HTTPS
// (connect-to transport). Nothing here stubs the SDK; only the poller's waits are driven by hand.
import { afterEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../../../../src/main/services/gateway';
import type { SmsGateway } from '../../../../../src/main/services/ports';
import { TEST_CODE_VALIDITY_SECONDS } from '../../../../../src/main/services/test-send/test-send-service';
import { FAKE_LIVE_KEY, FAKE_TEST_KEY } from '../../../../fakes/fake-messagebird';
import { useFakeMessageBird } from '../../../../support/fake-messagebird-suite';
import { createHarness, LIVE_PROFILE } from './harness';
import { ManualTime } from '../../../../support/manual-time';

const NL_MOBILE = '+31612345678';
const suite = useFakeMessageBird();

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function setup(options: { key?: string; deadlineMs?: number; time?: ManualTime; sendLog?: ReturnType<typeof createHarness>['sendLog'] } = {}) {
  const gatewayFor = (apiKey: string): SmsGateway =>
    createGateway({
      mode: 'messagebird',
      apiKey,
      scenario: 'normal',
      transport: suite.transport,
      clock: { now: Date.now },
      ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
    });
  const harness = createHarness({
    gatewayFor,
    gatewayMode: 'messagebird',
    keys: { [LIVE_PROFILE.id]: options.key ?? FAKE_LIVE_KEY },
    codes: ['583920'],
    ...(options.time ? { time: options.time } : {}),
    ...(options.sendLog ? { sendLog: options.sendLog } : {}),
  });
  cleanups.push(async () => {
    await harness.service.close();
    if (!options.sendLog) harness.sendLog.close();
  });
  return harness;
}

const send = (h: ReturnType<typeof setup>) =>
  h.service.send({ profileId: LIVE_PROFILE.id, recipient: '06 12345678', confirmCost: true });

const posts = () => suite.fake.requests.filter((r) => r.method === 'POST' && r.path === '/messages');
const reads = () => suite.fake.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/messages/'));

describe('test send through the SDK to the fake MessageBird', () => {
  it('sends once, logs sent with the id, and turns delivered after the fake reports it', async () => {
    const h = setup();
    const result = await send(h);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ status: 'sent', mode: 'live', following: true });

    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.body).toEqual({
      originator: 'Acme',
      recipients: NL_MOBILE,
      body: 'Testcode: 583920',
      reference: `test-${result.value.logId}`,
      validity: TEST_CODE_VALIDITY_SECONDS,
      datacoding: 'plain',
    });
    const id = result.value.messageId!;
    expect(suite.fake.message(id)).toBeDefined();

    // First poll: still sent.
    await h.advance(2_000);
    expect(reads()).toHaveLength(1);
    expect(h.sendLog.get(result.value.logId)?.status).toBe('sent');

    suite.fake.setMessageStatus(id, 'delivered', { statusReason: 'successfully delivered' });
    await h.advance(4_000);
    expect(reads()).toHaveLength(2);
    const row = h.sendLog.get(result.value.logId)!;
    expect(row).toMatchObject({
      status: 'delivered',
      statusReason: 'successfully delivered',
      messagebirdId: id,
      parts: 1,
      priceAmount: 0.056,
      priceCurrency: 'EUR',
      priceIsEstimate: false,
    });
    expect(JSON.stringify(row)).not.toContain('583920');
    expect(h.service.status(row.id)).toMatchObject({ ok: true, value: { status: 'delivered', following: false } });

    await h.advance(10 * 60_000);
    expect(reads()).toHaveLength(2);
    expect(posts()).toHaveLength(1);
  });

  it('records a delivery failure with the operator reason and error code', async () => {
    const h = setup();
    const result = await send(h);
    if (!result.ok) throw new Error(result.error.message);
    suite.fake.setMessageStatus(result.value.messageId!, 'delivery_failed', { statusReason: 'unknown subscriber', statusErrorCode: 1 });
    await h.advance(2_000);
    expect(h.sendLog.get(result.value.logId)).toMatchObject({ status: 'delivery_failed', statusReason: 'unknown subscriber', errorCode: '1' });
  });

  it('422 code 25: a clear error and a failed row with the reason, nothing polled', async () => {
    suite.fake.setKey(FAKE_LIVE_KEY, { balance: { payment: 'prepaid', type: 'euros', amount: 0 } });
    const h = setup();
    const result = await send(h);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({
      code: 'insufficient_balance',
      message: 'Not enough balance',
      details: { status: 'failed', providerCode: 25, httpStatus: 422 },
    });
    const row = h.sendLog.get(Number(result.error.details?.logId))!;
    expect(row).toMatchObject({ status: 'failed', statusReason: 'Not enough balance (HTTP 422)', errorCode: '25', messagebirdId: null });
    expect(posts()).toHaveLength(1);
    await h.advance(60_000);
    expect(reads()).toHaveLength(0);
  });

  it('a timeout becomes unknown and exactly one request reaches the fake', async () => {
    suite.fake.injectOnce({ type: 'delay', ms: 1_200 }, { method: 'POST', path: '/messages' });
    const h = setup({ deadlineMs: 300 });
    const result = await send(h);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('timeout');
    expect(result.error.details?.status).toBe('unknown');
    const row = h.sendLog.get(Number(result.error.details?.logId))!;
    expect(row.status).toBe('unknown');
    expect(row.statusReason).toMatch(/not retried/);

    // Wait past the fake's delay and any poll time: still the one request, and the row stays unknown.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await h.advance(10 * 60_000);
    expect(posts()).toHaveLength(1);
    expect(reads()).toHaveLength(0);
    expect(h.sendLog.get(row.id)?.status).toBe('unknown');
  });

  it('a test key is marked "not delivered (test key)" and never polled', async () => {
    const h = setup({ key: FAKE_TEST_KEY });
    const result = await send(h);
    expect(result).toMatchObject({ ok: true, value: { status: 'not_delivered_test_key', mode: 'test', following: false } });
    await h.advance(10 * 60_000);
    expect(reads()).toHaveLength(0);
  });

  it('resumes polling an unfinished row after a restart', async () => {
    const time = new ManualTime();
    const first = setup({ time });
    const result = await send(first);
    if (!result.ok) throw new Error(result.error.message);
    await first.service.close();
    expect(reads()).toHaveLength(0);

    suite.fake.setMessageStatus(result.value.messageId!, 'delivered');
    const second = setup({ time, sendLog: first.sendLog });
    expect(second.service.start()).toBe(1);
    await second.advance(2_000);
    expect(reads()).toHaveLength(1);
    expect(first.sendLog.get(result.value.logId)?.status).toBe('delivered');
  });
});

describe('a kept-alive connection the server dropped while it was idle', () => {
  /** One send whose connection goes back to the pool, then the fake resets that idle connection. */
  async function sendThenDropIdleConnection(h: ReturnType<typeof setup>): Promise<void> {
    expect((await send(h)).ok).toBe(true);
    await new Promise((resolve) => setImmediate(resolve)); // the connection is back in the pool
    expect(suite.fake.resetIdleConnections()).toBe(1);
  }

  it('a send refused by the reset connection before it could leave goes once more on a fresh one: one message, row sent', async () => {
    const h = setup();
    await sendThenDropIdleConnection(h);
    const postsBefore = posts().length;
    const messagesBefore = suite.fake.messages().length;

    const result = await send(h);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.status).toBe('sent');
    expect(posts().length - postsBefore).toBe(1);
    expect(suite.fake.messages().length - messagesBefore).toBe(1);
    expect(suite.fake.message(result.value.messageId!)).toBeDefined();
    expect(h.sendLog.get(result.value.logId)).toMatchObject({ status: 'sent', messagebirdId: result.value.messageId });
    expect(await suite.fake.openConnections()).toBe(1); // the reset one is gone, the fresh one kept
  });

  it('a reset after the request left is never retried: one request, no message, row unknown', async () => {
    const h = setup();
    expect((await send(h)).ok).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    const postsBefore = posts().length;
    // The fake reads the whole request on the reused connection, then resets it without answering.
    suite.fake.injectOnce({ type: 'reset' }, { method: 'POST', path: '/messages' });

    const result = await send(h);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.details?.status).toBe('unknown');
    expect(posts().length - postsBefore).toBe(1);
    const row = h.sendLog.get(Number(result.error.details?.logId))!;
    expect(row.status).toBe('unknown');
    expect(row.statusReason).toMatch(/not retried/);
  });
});
