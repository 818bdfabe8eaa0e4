// Sent or not: the confirmation send tells apart a failure that cannot have sent anything (row `failed`,
// no cooldown, stay on the details step) from one that may have (row `unknown`, code step, check the
// phone). Real SDK against the fake MessageBird over HTTPS; real SQLite send log.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../../../../src/main/services/gateway';
import type { KeyValueStore } from '../../../../../src/main/services/ports';
import { ConfirmationCodes } from '../../../../../src/main/services/profiles/confirmation-codes';
import { ProfilesService } from '../../../../../src/main/services/profiles/profiles-service';
import { SendLog } from '../../../../../src/main/services/send-log';
import { FileKeyVault } from '../../../../../src/main/services/vault/file-key-vault';
import type { TransportConfig } from '../../../../../src/main/services/gateway';
import type { FakeFault } from '../../../../fakes/fake-messagebird';
import { useFakeMessageBird } from '../../../../support/fake-messagebird-suite';
import { details } from './profile-details-fixture';

const suite = useFakeMessageBird();

class MemoryStore implements KeyValueStore {
  data = new Map<string, unknown>();
  get(key: string): unknown {
    return structuredClone(this.data.get(key));
  }
  set(key: string, value: unknown): void {
    this.data.set(key, structuredClone(value));
  }
}

let dir: string;
let sendLog: SendLog;
let transport: TransportConfig | undefined;
let service: ProfilesService;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'confirmation-send-'));
  const clock = { now: () => 1_800_000_000_000 };
  transport = undefined;
  sendLog = new SendLog({ path: ':memory:', clock, hashKey: randomBytes(32) });
  service = new ProfilesService({
    settings: new MemoryStore(),
    vault: new FileKeyVault(dir),
    clock,
    gatewayFor: (apiKey) => createGateway({ mode: 'messagebird', apiKey, scenario: 'normal', transport: transport ?? suite.transport, clock }),
    confirmationLog: sendLog,
    defaultLanguage: () => 'nl',
    codes: new ConfirmationCodes({ clock }),
    log: () => {},
  });
});

afterEach(() => {
  sendLog.close();
  rmSync(dir, { recursive: true, force: true });
});

const sends = () => suite.fake.requests.filter((r) => r.method === 'POST' && r.path === '/messages');
const statuses = () => sendLog.query({}, { limit: 10 }).rows.map((r) => r.status);

describe('confirmation send: not sent', () => {
  it('a 429 with a MessageBird error body is logged failed, says not sent, and a new code may go out at once', async () => {
    suite.fake.injectOnce({ type: 'error', status: 429, errors: [{ code: 2, description: 'Too many requests' }] }, { method: 'POST' });
    const first = await service.startSetup(details());

    expect(first).toMatchObject({ ok: false, error: { code: 'rate_limited', details: { sendOutcome: 'not_sent' } } });
    expect(statuses()).toEqual(['failed']);
    const id = service.list()[0]!.id;
    // No cooldown: nothing went out, so the admin may try again straight away.
    const second = await service.resend(id);
    expect(second).toMatchObject({ ok: true, value: { delivery: 'sent' } });
    expect(sends()).toHaveLength(2);
  });

  it('a network failure during the key check names no field: it says nothing about the key', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    transport = { connectTo: { host: '127.0.0.1', port }, extraCaPem: suite.fake.caPem };

    const result = await service.startSetup(details());

    expect(result).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(!result.ok && result.error.field).toBeUndefined();
    expect(statuses()).toEqual([]);
  });

  it('a 5xx on the key check names no field either, while a rejected key does', async () => {
    suite.fake.injectOnce({ type: 'status', status: 503, body: { message: 'Service Unavailable' } }, { path: '/balance' });
    const unavailable = await service.startSetup(details());
    expect(unavailable).toMatchObject({ ok: false, error: { code: 'provider_unavailable' } });
    expect(!unavailable.ok && unavailable.error.field).toBeUndefined();

    const rejected = await service.startSetup(details({ participantNumber: '54321', apiKey: 'WrongKey000000000000' }));
    expect(rejected).toMatchObject({ ok: false, error: { code: 'key_rejected', field: 'apiKey' } });
  });
});

describe('confirmation send: may have been sent', () => {
  it.each<{ what: string; fault: FakeFault }>([
    { what: 'a 503', fault: { type: 'status', status: 503, body: { message: 'Service Unavailable' } } },
    { what: 'a 500 with a MessageBird error body', fault: { type: 'error', status: 500, errors: [{ code: 99, description: 'Internal error' }] } },
    { what: 'a reset after the request was written', fault: { type: 'reset' } },
    { what: 'an unreadable 200', fault: { type: 'non_json' } },
  ])('$what is logged unknown and the code step says so', async ({ fault }) => {
    suite.fake.injectOnce(fault, { method: 'POST' });
    const result = await service.startSetup(details());

    expect(result).toMatchObject({ ok: true, value: { delivery: 'unknown' } });
    expect(statuses()).toEqual(['unknown']);
    expect(sends()).toHaveLength(1);
  });
});
