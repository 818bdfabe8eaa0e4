// Sent or not, for a test send: the real SDK against the fake MessageBird's fault injection. A failure
// that cannot have sent anything gives a `failed` row (costs nothing) and `sendOutcome: not_sent`; one
// that may have gone out gives an `unknown` row and `sendOutcome: maybe_sent`, which every screen turns
// into "check the phone before you send again".
import { afterEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../../../../src/main/services/gateway';
import type { SmsGateway } from '../../../../../src/main/services/ports';
import { FAKE_LIVE_KEY, startFakeMessageBird, type FakeFault } from '../../../../fakes/fake-messagebird';
import { useFakeMessageBird } from '../../../../support/fake-messagebird-suite';
import type { TransportConfig } from '../../../../../src/main/services/gateway';
import { createHarness, LIVE_PROFILE } from './harness';

const suite = useFakeMessageBird();
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function setup(transport?: TransportConfig) {
  const gatewayFor = (apiKey: string): SmsGateway =>
    createGateway({ mode: 'messagebird', apiKey, scenario: 'normal', transport: transport ?? suite.transport, clock: { now: Date.now } });
  const harness = createHarness({ gatewayFor, gatewayMode: 'messagebird', keys: { [LIVE_PROFILE.id]: FAKE_LIVE_KEY }, realTimers: true });
  cleanups.push(async () => {
    await harness.service.close();
    harness.sendLog.close();
  });
  return harness;
}

const send = (h: ReturnType<typeof setup>) => h.service.send({ profileId: LIVE_PROFILE.id, recipient: '06 12345678', confirmCost: true });

describe('test send: not sent vs may have been sent', () => {
  it.each<{ what: string; fault: FakeFault; code: string }>([
    { what: 'a 429 with a MessageBird error body', fault: { type: 'error', status: 429, errors: [{ code: 2, description: 'Too many requests' }] }, code: 'rate_limited' },
    { what: 'a 422 (invalid recipient)', fault: { type: 'error', status: 422, errors: [{ code: 9, description: 'no (correct) recipients found' }] }, code: 'invalid_request' },
  ])('$what: a failed row and sendOutcome not_sent', async ({ fault, code }) => {
    suite.fake.injectOnce(fault, { method: 'POST' });
    const h = setup();
    const result = await send(h);

    expect(result).toMatchObject({ ok: false, error: { code, details: { status: 'failed', sendOutcome: 'not_sent' } } });
    if (!result.ok) expect(h.sendLog.get(Number(result.error.details?.logId))?.status).toBe('failed');
  });

  it.each<{ what: string; fault: FakeFault; code: string }>([
    { what: 'a 503 without an error body', fault: { type: 'status', status: 503, body: { message: 'Service Unavailable' } }, code: 'provider_unavailable' },
    { what: 'a reset after the request was written', fault: { type: 'reset' }, code: 'network' },
    { what: 'a 200 that is not JSON', fault: { type: 'non_json' }, code: 'bad_response' },
  ])('$what: an unknown row and sendOutcome maybe_sent', async ({ fault, code }) => {
    suite.fake.injectOnce(fault, { method: 'POST' });
    const h = setup();
    const result = await send(h);

    expect(result).toMatchObject({ ok: false, error: { code, details: { status: 'unknown', sendOutcome: 'maybe_sent' } } });
  });

  it('a certificate from an unknown CA: its own code, a failed row, not sent', async () => {
    const stranger = await startFakeMessageBird();
    cleanups.push(() => stranger.close());
    const h = setup({ connectTo: stranger.connectTo, extraCaPem: suite.fake.caPem });
    const result = await send(h);

    expect(result).toMatchObject({ ok: false, error: { code: 'certificate', details: { status: 'failed', sendOutcome: 'not_sent' } } });
    expect(stranger.requests).toHaveLength(0);
  });
});
