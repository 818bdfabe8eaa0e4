// The real messagebird SDK against the fake MessageBird over real HTTPS (connect-to transport);
// nothing here stubs the SDK.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { MessageBirdGateway } from '../../../../../src/main/services/gateway/messagebird-gateway';
import type { SendSmsRequest } from '../../../../../src/main/services/ports';
import { FAKE_LIVE_KEY, FAKE_TEST_KEY, startFakeMessageBird } from '../../../../fakes/fake-messagebird';
import { useFakeMessageBird } from '../../../../support/fake-messagebird-suite';

const suite = useFakeMessageBird();

const gateway = (apiKey = FAKE_LIVE_KEY, deadlineMs?: number) =>
  new MessageBirdGateway({ apiKey, transport: suite.transport, ...(deadlineMs !== undefined && { deadlineMs }) });

const request: SendSmsRequest = {
  originator: 'AFAS Admin',
  recipient: '+31612345678',
  body: 'Uw code is 123456',
  reference: 'log-42',
  validitySeconds: 300,
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sendSms', () => {
  it('sends what it was given and returns the typed answer', async () => {
    const result = await gateway().sendSms(request);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.id).toMatch(/^[0-9a-f]{32}$/);
    expect(result.value.createdDatetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(result.value.recipients).toEqual([
      expect.objectContaining({
        recipient: '+31612345678',
        status: 'sent',
        messagePartCount: 1,
        price: { amount: 0.056, currency: 'EUR' },
      }),
    ]);

    expect(suite.fake.requests).toHaveLength(1);
    const received = suite.fake.requests[0]!;
    expect(received.method).toBe('POST');
    expect(received.path).toBe('/messages');
    expect(received.headers.authorization).toBe(`AccessKey ${FAKE_LIVE_KEY}`);
    expect(received.headers.accept).toBe('application/json');
    expect(received.headers.host).toBe('rest.messagebird.com');
    expect(received.body).toEqual({
      originator: 'AFAS Admin',
      recipients: '+31612345678',
      body: 'Uw code is 123456',
      reference: 'log-42',
      validity: 300,
    });
    expect(suite.fake.messages()).toHaveLength(1);
  });

  it('leaves out reference and validity when not given, and passes datacoding', async () => {
    const result = await gateway().sendSms({ originator: 'AFAS', recipient: '+31612345678', body: 'ж'.repeat(71), datacoding: 'unicode' });

    expect(result.ok && result.value.recipients[0]?.messagePartCount).toBe(2);
    const body = suite.fake.requests[0]!.body as Record<string, unknown>;
    expect(body).not.toHaveProperty('reference');
    expect(body).not.toHaveProperty('validity');
    expect(body.datacoding).toBe('unicode');
  });

  it('does not mutate the request and sends it correctly twice', async () => {
    const frozen = Object.freeze({ ...request });
    const first = await gateway().sendSms(frozen);
    const second = await gateway().sendSms(frozen);

    expect(first.ok && second.ok).toBe(true);
    expect(frozen).toEqual(request);
    expect(suite.fake.requests.map((r) => (r.body as { recipients: unknown }).recipients)).toEqual([
      '+31612345678',
      '+31612345678',
    ]);
  });

  it('reports mode test for test_ keys and live otherwise', () => {
    expect(gateway(FAKE_TEST_KEY).mode).toBe('test');
    expect(gateway().mode).toBe('live');
  });

  it('maps a rejected key (401, code 2) without leaking the key', async () => {
    const badKey = 'WrongKey0123456789';
    const result = await gateway(badKey).sendSms(request);

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'key_rejected',
        providerCode: 2,
        httpStatus: 401,
        description: 'Request not allowed (incorrect access_key) (access_key)',
        maybeSent: false,
      },
    });
  });

  it('redacts the key should MessageBird echo it in a description', async () => {
    suite.fake.injectOnce({ type: 'error', status: 422, errors: [{ code: 10, description: `key ${FAKE_LIVE_KEY} is odd`, parameter: null }] });
    const result = await gateway().sendSms(request);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.description).not.toContain(FAKE_LIVE_KEY);
    expect(result.error.description).toBe('key [redacted] is odd');
  });

  it('caps and trims long descriptions', async () => {
    suite.fake.injectOnce({ type: 'error', status: 422, errors: [{ code: 10, description: `  ${'x'.repeat(1000)}  ` }] });
    const result = await gateway().sendSms(request);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.description.length).toBeLessThanOrEqual(300);
    expect(result.error.description.startsWith('x')).toBe(true);
  });

  it('maps a missing balance (code 25) from the fake prepaid account', async () => {
    suite.fake.setKey(FAKE_LIVE_KEY, { balance: { payment: 'prepaid', type: 'euros', amount: 0.01 } });
    const result = await gateway().sendSms(request);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'insufficient_balance', providerCode: 25, maybeSent: false });
    expect(result.error.description).toContain('Not enough balance');
  });

  it.each([
    { what: 'missing originator', patch: { originator: '' }, code: 9 },
    { what: 'invalid originator', patch: { originator: 'WayTooLongSender' }, code: 10 },
    { what: 'no correct recipients', patch: { recipient: 'abc' }, code: 9 },
  ])('maps MessageBird validation ($what, code $code) to invalid_request', async ({ patch, code }) => {
    const result = await gateway().sendSms({ ...request, ...patch });

    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request', providerCode: code, httpStatus: 422, maybeSent: false } });
    expect(suite.fake.messages()).toHaveLength(0);
  });

  it.each([
    { code: 21, status: 400, expected: 'invalid_request', maybeSent: false },
    { code: 20, status: 404, expected: 'not_found', maybeSent: false },
    { code: 98, status: 404, expected: 'provider_unavailable', maybeSent: true },
    { code: 99, status: 500, expected: 'provider_unavailable', maybeSent: true },
    { code: 2, status: 429, expected: 'rate_limited', maybeSent: false },
  ])('maps MessageBird code $code with HTTP $status to $expected', async ({ code, status, expected, maybeSent }) => {
    suite.fake.injectOnce({ type: 'error', status, errors: [{ code, description: `error ${code}` }] });
    const result = await gateway().sendSms(request);

    expect(result).toMatchObject({ ok: false, error: { code: expected, providerCode: code, httpStatus: status, maybeSent } });
  });

  it('lets a rejected key win when MessageBird lists several errors', async () => {
    suite.fake.injectOnce({
      type: 'error',
      status: 422,
      errors: [
        { code: 9, description: 'no body given', parameter: 'body' },
        { code: 2, description: 'Request not allowed', parameter: 'access_key' },
      ],
    });
    const result = await gateway().sendSms(request);

    expect(result).toMatchObject({ ok: false, error: { code: 'key_rejected', providerCode: 2 } });
    if (!result.ok) expect(result.error.description).toBe('no body given (body); Request not allowed (access_key)');
  });

  it.each([
    { status: 503, body: { message: 'Service Unavailable' }, expected: 'provider_unavailable' },
    { status: 500, body: {}, expected: 'provider_unavailable' },
    { status: 429, body: { message: 'Too Many Requests' }, expected: 'rate_limited' },
  ])('does not take HTTP $status without errors for success', async ({ status, body, expected }) => {
    suite.fake.injectOnce({ type: 'status', status, body });
    const result = await gateway().sendSms(request);

    expect(result).toMatchObject({ ok: false, error: { code: expected, httpStatus: status, maybeSent: true } });
  });

  it('does not take a 5xx that looks like a message for success either', async () => {
    suite.fake.injectOnce({ type: 'status', status: 502, body: { id: 'abc', recipients: { items: [] } } });
    const result = await gateway().sendSms(request);

    expect(result).toMatchObject({ ok: false, error: { code: 'provider_unavailable', httpStatus: 502, maybeSent: true } });
  });

  it('treats a 201 without an id as a bad answer that may have been sent', async () => {
    suite.fake.injectOnce({ type: 'no_id' });
    const result = await gateway().sendSms(request);

    expect(result).toMatchObject({ ok: false, error: { code: 'bad_response', maybeSent: true } });
    // The fake did accept it: exactly why the caller must record `unknown`.
    expect(suite.fake.messages()).toHaveLength(1);
  });

  it('treats a non-JSON answer as a bad answer', async () => {
    suite.fake.injectOnce({ type: 'non_json' });
    const result = await gateway().sendSms(request);

    expect(result).toMatchObject({ ok: false, error: { code: 'bad_response', httpStatus: 200, maybeSent: true } });
  });

  it('treats a non-JSON 502 from a proxy as provider_unavailable', async () => {
    suite.fake.injectOnce({ type: 'non_json', status: 502 });
    const result = await gateway().sendSms(request);

    expect(result).toMatchObject({ ok: false, error: { code: 'provider_unavailable', httpStatus: 502, maybeSent: true } });
  });

  it('gives up at its own deadline, marks maybeSent and never retries', async () => {
    suite.fake.injectOnce({ type: 'delay', ms: 1_200 });
    const started = Date.now();
    const result = await gateway(FAKE_LIVE_KEY, 300).sendSms(request);
    const elapsed = Date.now() - started;

    expect(result).toMatchObject({ ok: false, error: { code: 'timeout', maybeSent: true } });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1_100);
    // Long after the fake's delay and the SDK's idle timer: still the one request.
    await wait(1_500);
    expect(suite.fake.requests).toHaveLength(1);
  });

  it('enforces the deadline even while trickling bytes keep the SDK idle timer alive', async () => {
    // A byte every 100 ms for 2.5 s: the SDK's idle timer never fires; only the overall deadline can.
    suite.fake.injectOnce({ type: 'trickle', intervalMs: 100, durationMs: 2_500 });
    const started = Date.now();
    const result = await gateway(FAKE_LIVE_KEY, 500).sendSms(request);

    expect(result).toMatchObject({ ok: false, error: { code: 'timeout', maybeSent: true } });
    expect(Date.now() - started).toBeLessThan(1_500);
    // The gateway closed the connection at its deadline instead of leaving it to trickle on.
    await wait(200);
    expect(await suite.fake.openConnections()).toBe(0);
  });

  it('reports a connection reset as a network error that may have been sent', async () => {
    suite.fake.injectOnce({ type: 'reset' });
    const result = await gateway().sendSms(request);

    expect(result).toMatchObject({ ok: false, error: { code: 'network', maybeSent: true } });
    await wait(100);
    expect(suite.fake.requests).toHaveLength(1);
  });

  it('reports a reset in the middle of the answer as possibly sent', async () => {
    suite.fake.injectOnce({ type: 'reset_mid_body' });
    const result = await gateway().sendSms(request);

    expect(result).toMatchObject({ ok: false, error: { code: 'network', maybeSent: true } });
  });
});

describe('getMessage', () => {
  it('reads statuses with the typed fields MessageBird adds later', async () => {
    const sent = await gateway().sendSms(request);
    if (!sent.ok) throw new Error('send failed');
    suite.fake.setMessageStatus(sent.value.id, 'delivery_failed', { statusReason: 'unknown subscriber', statusErrorCode: 1 });

    const result = await gateway().getMessage(sent.value.id);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.id).toBe(sent.value.id);
    expect(result.value.recipients).toEqual([
      {
        recipient: '+31612345678',
        status: 'delivery_failed',
        statusDatetime: expect.stringMatching(/\+00:00$/),
        statusReason: 'unknown subscriber',
        statusErrorCode: 1,
        messagePartCount: 1,
        price: { amount: 0.056, currency: 'EUR' },
      },
    ]);
    expect(suite.fake.requests.at(-1)).toMatchObject({ method: 'GET', path: `/messages/${sent.value.id}` });
  });

  it('sees auto-delivery after the configured time', async () => {
    suite.fake.autoDeliverAfterMs = 0;
    try {
      const sent = await gateway().sendSms(request);
      if (!sent.ok) throw new Error('send failed');
      const result = await gateway().getMessage(sent.value.id);
      expect(result.ok && result.value.recipients[0]?.status).toBe('delivered');
    } finally {
      suite.fake.autoDeliverAfterMs = null;
    }
  });

  it('maps an unknown id to not_found (404, code 20)', async () => {
    const result = await gateway().getMessage('0123456789abcdef0123456789abcdef');

    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', providerCode: 20, httpStatus: 404 } });
    if (!result.ok) expect(result.error).not.toHaveProperty('maybeSent');
  });

  it('gives not_found for a message sent with a test key, which MessageBird never stores', async () => {
    const sent = await gateway(FAKE_TEST_KEY).sendSms(request);
    if (!sent.ok) throw new Error('send failed');

    const result = await gateway(FAKE_TEST_KEY).getMessage(sent.value.id);

    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', providerCode: 20 } });
  });

  it.each(['', '../balance', 'abc?x=1', 'abc/def', '%2e%2e', 'a'.repeat(65), 'abc def'])(
    'refuses the id %j before any request',
    async (id) => {
      const result = await gateway().getMessage(id);

      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
      expect(suite.fake.requests).toHaveLength(0);
    },
  );

  it('treats a message answer with an unknown status as a bad answer', async () => {
    suite.fake.injectOnce({ type: 'status', status: 200, body: { id: 'abc', recipients: { items: [{ recipient: 31612345678, status: 'teleported' }] } } });
    const result = await gateway().getMessage('abc');

    expect(result).toMatchObject({ ok: false, error: { code: 'bad_response' } });
  });
});

describe('getBalance', () => {
  it('reads the balance', async () => {
    suite.fake.setKey(FAKE_LIVE_KEY, { balance: { payment: 'prepaid', type: 'euros', amount: 12.34 } });
    const result = await gateway().getBalance();

    expect(result).toEqual({ ok: true, value: { payment: 'prepaid', type: 'euros', amount: 12.34 } });
    expect(suite.fake.requests[0]).toMatchObject({ method: 'GET', path: '/balance' });
  });

  it('maps a rejected key', async () => {
    const result = await gateway('NotAKey123').getBalance();

    expect(result).toMatchObject({ ok: false, error: { code: 'key_rejected', providerCode: 2 } });
  });

  it('treats a balance without amount as a bad answer', async () => {
    suite.fake.injectOnce({ type: 'no_id' });
    const result = await gateway().getBalance();

    expect(result).toMatchObject({ ok: false, error: { code: 'bad_response' } });
  });
});

describe('sent or not: what a failed send can have done', () => {
  it('takes a 429 with a MessageBird error body for not sent (MessageBird refused it)', async () => {
    suite.fake.injectOnce({ type: 'error', status: 429, errors: [{ code: 2, description: 'Too many requests' }] }, { method: 'POST' });
    const result = await gateway().sendSms(request);

    expect(result).toMatchObject({ ok: false, error: { code: 'rate_limited', httpStatus: 429, maybeSent: false } });
  });

  it('takes a reset before the request was written (during the TLS handshake) for not sent', async () => {
    // Accepts the TCP connection and closes it at once: the TLS handshake never completes.
    const slammer = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => slammer.listen(0, '127.0.0.1', resolve));
    try {
      const port = (slammer.address() as net.AddressInfo).port;
      const result = await new MessageBirdGateway({
        apiKey: FAKE_LIVE_KEY,
        transport: { connectTo: { host: '127.0.0.1', port }, extraCaPem: suite.fake.caPem },
      }).sendSms(request);

      expect(result).toMatchObject({ ok: false, error: { code: 'network', maybeSent: false } });
    } finally {
      await new Promise((resolve) => slammer.close(resolve));
    }
  });

  it('gives a certificate from an unknown CA its own code, not sent', async () => {
    const stranger = await startFakeMessageBird();
    try {
      const result = await new MessageBirdGateway({
        apiKey: FAKE_LIVE_KEY,
        transport: { connectTo: stranger.connectTo, extraCaPem: suite.fake.caPem },
      }).sendSms(request);

      expect(result).toMatchObject({ ok: false, error: { code: 'certificate', maybeSent: false } });
      expect(stranger.requests).toHaveLength(0);
    } finally {
      await stranger.close();
    }
  });
});

describe('a kept-alive connection reset by the server while idle', () => {
  it('retries a call the reset connection refused before it left, once, on a fresh connection (a send and a read)', async () => {
    const gw = gateway();
    expect((await gw.getBalance()).ok).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(suite.fake.resetIdleConnections()).toBeGreaterThanOrEqual(1); // earlier tests' idle ones too
    const sent = await gw.sendSms(request);
    expect(sent.ok).toBe(true);
    expect(suite.fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(suite.fake.messages()).toHaveLength(1);

    await new Promise((resolve) => setImmediate(resolve));
    expect(suite.fake.resetIdleConnections()).toBeGreaterThanOrEqual(1); // earlier tests' idle ones too
    expect((await gw.getBalance()).ok).toBe(true);
    expect(suite.fake.requests.filter((r) => r.path === '/balance')).toHaveLength(2);
  });
});
