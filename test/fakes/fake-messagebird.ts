/**
 * A fake MessageBird REST API over real HTTPS, for the real `messagebird` SDK to talk to through the
 * connect-to transport (docs/TOOLCHAIN.md "Fake MessageBird over real HTTPS"). It listens on 127.0.0.1 with
 * a certificate for rest.messagebird.com signed by a CA generated at start; trust `caPem` (in-process:
 * `TransportConfig.extraCaPem`; another process: `NODE_EXTRA_CA_CERTS`) and connect to `port`.
 *
 * Implemented like MessageBird (docs/MESSAGEBIRD.md): `POST /messages`, `GET /messages/{id}`, `GET /balance`,
 * `Authorization: AccessKey <key>` (401 code 2 otherwise), errors as `{ errors: [{ code, description,
 * parameter }] }`; test keys (`test_…`) are validated but nothing is stored or charged, and reading
 * their message gives 404 code 20. Faults can be set to rehearse what the SDK does not guard against.
 *
 * Usage:
 *   const fake = await startFakeMessageBird();
 *   const restore = installTransport({ connectTo: fake.connectTo, extraCaPem: fake.caPem });
 *   fake.injectOnce({ type: 'status', status: 503, body: { message: 'busy' } }, { method: 'POST' });
 *   …; restore(); await fake.close();
 */
import { randomBytes } from 'node:crypto';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { makeCertificate } from './fake-certificate';
import { smsPartCount } from '../../src/main/services/gateway/sms-parts';
import type {
  FakeApiError,
  FakeBalance,
  FakeFault,
  FakeKeyConfig,
  FakeMessage,
  FakeMessageBird,
  FakeMessageBirdOptions,
  FakeRecipient,
  FaultMatch,
  RecordedRequest,
} from './fake-messagebird-types';

export type * from './fake-messagebird-types';

export const FAKE_HOST = 'rest.messagebird.com';
/** Live key every fake accepts unless `keys` is given. */
export const FAKE_LIVE_KEY = 'LiveFakeKey0123456789abcd';
/** Test key every fake accepts unless `keys` is given. */
export const FAKE_TEST_KEY = 'test_FakeKey0123456789abcd';
/** Price per part the fake charges (docs/MESSAGEBIRD.md: € 0.056 in the Netherlands). */
export const FAKE_PRICE_PER_PART = 0.056;

interface ArmedFault {
  fault: FakeFault;
  match: FaultMatch | undefined;
}

const DEFAULT_BALANCE: FakeBalance = { payment: 'prepaid', type: 'euros', amount: 100 };
const COUNTRIES: Record<string, { country: string; operator: string; mccmnc: string }> = {
  '31': { country: 'Netherlands', operator: 'KPN', mccmnc: '20408' },
  '32': { country: 'Belgium', operator: 'Proximus', mccmnc: '20601' },
  '49': { country: 'Germany', operator: 'Telekom', mccmnc: '26201' },
};

/** MessageBird's date format: seconds precision with an explicit offset. */
function mbDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

function round(amount: number): number {
  return Math.round(amount * 10_000) / 10_000;
}

function matches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== method) return false;
  if (match.path === undefined) return true;
  return typeof match.path === 'string' ? match.path === path : match.path.test(path);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendErrors(res: ServerResponse, status: number, ...errors: FakeApiError[]): void {
  sendJson(res, status, { errors: errors.map((e) => ({ code: e.code, description: e.description, parameter: e.parameter ?? null })) });
}

const notFound = (res: ServerResponse) => sendErrors(res, 404, { code: 20, description: 'message not found' });

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // A fake, but still no unbounded buffering.
      if (size > 1_000_000) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (!text) return null;
  if (contentType?.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const ALPHANUMERIC_ORIGINATOR = /^[A-Za-z0-9 ]{1,11}$/;
const NUMERIC_ORIGINATOR = /^\+?\d{1,17}$/;
const MSISDN = /^\+?(\d{6,17})$/;

/** Starts the fake on 127.0.0.1 and a free port. */
export async function startFakeMessageBird(options: FakeMessageBirdOptions = {}): Promise<FakeMessageBird> {
  const now = options.now ?? Date.now;
  const initialKeys = options.keys ?? { [FAKE_LIVE_KEY]: {}, [FAKE_TEST_KEY]: {} };
  const keys = new Map<string, { kind: 'live' | 'test'; balance: FakeBalance }>();
  const setKey = (key: string, config: FakeKeyConfig = {}) =>
    keys.set(key, {
      kind: config.kind ?? (key.startsWith('test_') ? 'test' : 'live'),
      balance: { ...(config.balance ?? DEFAULT_BALANCE) },
    });
  const resetKeys = () => {
    keys.clear();
    for (const [key, config] of Object.entries(initialKeys)) setKey(key, config);
  };
  resetKeys();

  const requests: RecordedRequest[] = [];
  const messages = new Map<string, FakeMessage>();
  let persistent: ArmedFault | null = null;
  let once: ArmedFault[] = [];

  const { caPem, certPem, keyPem } = await makeCertificate(options.certHostnames ?? [FAKE_HOST]);

  function takeFault(method: string, path: string): FakeFault | null {
    const index = once.findIndex((armed) => matches(armed.match, method, path));
    if (index >= 0) return once.splice(index, 1)[0]!.fault;
    return persistent && matches(persistent.match, method, path) ? persistent.fault : null;
  }

  function currentRecipients(message: FakeMessage): FakeRecipient[] {
    const after = fake.autoDeliverAfterMs;
    if (after === null || message.statusSetByTest || now() - message.createdAt < after) return message.recipients;
    return message.recipients.map((r) =>
      r.status === 'sent'
        ? { ...r, status: 'delivered', statusReason: 'successfully delivered', statusDatetime: mbDate(message.createdAt + after) }
        : r,
    );
  }

  function messageBody(message: FakeMessage, withId = true): Record<string, unknown> {
    const items = currentRecipients(message);
    return {
      ...(withId && { id: message.id }),
      href: `https://${FAKE_HOST}/messages/${message.id}`,
      direction: 'mt',
      type: 'sms',
      originator: message.originator,
      body: message.body,
      reference: message.reference,
      validity: message.validity,
      gateway: 10,
      typeDetails: {},
      datacoding: message.datacoding,
      mclass: 1,
      scheduledDatetime: null,
      createdDatetime: mbDate(message.createdAt),
      recipients: {
        totalCount: items.length,
        totalSentCount: items.length,
        totalDeliveredCount: items.filter((r) => r.status === 'delivered').length,
        totalDeliveryFailedCount: items.filter((r) => r.status === 'delivery_failed').length,
        items,
      },
    };
  }

  /** `POST /messages`, validated as MessageBird does (code 9: missing, code 10: invalid). */
  function createMessage(res: ServerResponse, key: string, body: unknown, dropId: boolean): void {
    const params = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
    const { originator, body: text, reference, validity } = params;
    const datacoding = params.datacoding ?? 'plain';
    if (originator === undefined || originator === null || originator === '') {
      return sendErrors(res, 422, { code: 9, description: 'no originator given', parameter: 'originator' });
    }
    if (typeof originator !== 'string' || !(ALPHANUMERIC_ORIGINATOR.test(originator) || NUMERIC_ORIGINATOR.test(originator))) {
      return sendErrors(res, 422, { code: 10, description: 'Request parameter originator is invalid', parameter: 'originator' });
    }
    if (typeof text !== 'string' || text === '') {
      return sendErrors(res, 422, { code: 9, description: 'no body given', parameter: 'body' });
    }
    // The SDK joins an array into "a,b"; MessageBird takes both forms.
    const rawRecipients = Array.isArray(params.recipients)
      ? params.recipients.map(String)
      : typeof params.recipients === 'string' || typeof params.recipients === 'number'
        ? String(params.recipients).split(',')
        : [];
    const recipients = rawRecipients.map((r) => MSISDN.exec(r.trim())?.[1]).filter((r): r is string => r !== undefined);
    if (recipients.length === 0) {
      return sendErrors(res, 422, { code: 9, description: 'no (correct) recipients found', parameter: 'recipients' });
    }
    if (reference !== undefined && reference !== null && (typeof reference !== 'string' || reference.length > 128)) {
      return sendErrors(res, 422, { code: 10, description: 'Request parameter reference is invalid', parameter: 'reference' });
    }
    if (validity !== undefined && validity !== null && !(Number.isInteger(Number(validity)) && Number(validity) > 0)) {
      return sendErrors(res, 422, { code: 10, description: 'Request parameter validity is invalid', parameter: 'validity' });
    }
    if (datacoding !== 'plain' && datacoding !== 'unicode' && datacoding !== 'auto') {
      return sendErrors(res, 422, { code: 10, description: 'Request parameter datacoding is invalid', parameter: 'datacoding' });
    }

    const account = keys.get(key)!;
    const parts = smsPartCount(text, datacoding);
    const price = round(parts * FAKE_PRICE_PER_PART);
    const total = round(price * recipients.length);
    if (account.kind === 'live' && account.balance.payment === 'prepaid') {
      if (account.balance.amount < total) {
        return sendErrors(res, 422, { code: 25, description: 'Not enough balance', parameter: null });
      }
      account.balance.amount = round(account.balance.amount - total);
    }
    const createdAt = now();
    const message: FakeMessage = {
      id: randomBytes(16).toString('hex'),
      key,
      originator,
      body: text,
      reference: typeof reference === 'string' ? reference : null,
      validity: validity === undefined || validity === null ? null : Number(validity),
      datacoding,
      createdAt,
      statusSetByTest: false,
      recipients: recipients.map((digits) => {
        const country = Object.entries(COUNTRIES).find(([prefix]) => digits.startsWith(prefix));
        return {
          recipient: Number(digits),
          status: 'sent',
          statusDatetime: mbDate(createdAt),
          statusReason: null,
          statusErrorCode: null,
          messagePartCount: parts,
          price: { amount: price, currency: 'EUR' },
          recipientCountry: country?.[1].country ?? null,
          recipientCountryPrefix: country ? Number(country[0]) : null,
          recipientOperator: country?.[1].operator ?? null,
          mccmnc: country?.[1].mccmnc ?? null,
          messageLength: text.length,
        };
      }),
    };
    // Test keys: validated and answered, but nothing is stored, charged or delivered.
    if (account.kind === 'live') messages.set(message.id, message);
    sendJson(res, 201, messageBody(message, !dropId));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const fullPath = req.url ?? '/';
    const path = fullPath.split('?')[0] ?? '/';
    const text = await readBody(req);
    requests.push({ method, path: fullPath, headers: { ...req.headers }, body: parseBody(text, req.headers['content-type']), at: Date.now() });

    let fault = takeFault(method, path);
    if (fault?.type === 'delay') {
      await new Promise((resolve) => setTimeout(resolve, (fault as { ms: number }).ms));
      if (res.destroyed || req.socket.destroyed) return;
      fault = null;
    }
    switch (fault?.type) {
      case 'reset':
        req.socket.destroy();
        return;
      case 'reset_mid_body':
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 400 });
        res.write('{"id":"');
        setTimeout(() => req.socket.destroy(), 20);
        return;
      case 'trickle': {
        const { intervalMs, durationMs } = fault;
        res.writeHead(200, { 'Content-Type': 'application/json' });
        const started = Date.now();
        const timer = setInterval(() => {
          if (res.destroyed) return clearInterval(timer);
          if (Date.now() - started < durationMs) return void res.write(' ');
          clearInterval(timer);
          res.end('{}');
        }, intervalMs);
        return;
      }
      case 'error':
        return sendErrors(res, fault.status, ...fault.errors);
      case 'status': {
        const isText = typeof fault.body === 'string';
        const body = fault.body === undefined ? '' : isText ? (fault.body as string) : JSON.stringify(fault.body);
        res.writeHead(fault.status, {
          'Content-Type': fault.contentType ?? (isText ? 'text/plain' : 'application/json'),
          'Content-Length': Buffer.byteLength(body),
        });
        res.end(body);
        return;
      }
      case 'non_json': {
        const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
        res.writeHead(fault.status ?? 200, { 'Content-Type': 'text/html', 'Content-Length': Buffer.byteLength(html) });
        res.end(html);
        return;
      }
      default:
        break;
    }

    const auth = /^AccessKey (\S+)$/.exec(String(req.headers.authorization ?? ''));
    const key = auth?.[1];
    if (!key || !keys.has(key)) {
      return sendErrors(res, 401, { code: 2, description: 'Request not allowed (incorrect access_key)', parameter: 'access_key' });
    }
    const account = keys.get(key)!;

    if (method === 'POST' && path === '/messages') return createMessage(res, key, parseBody(text, req.headers['content-type']), fault?.type === 'no_id');
    const read = /^\/messages\/([^/]+)$/.exec(path);
    if (method === 'GET' && read) {
      const message = messages.get(read[1] ?? '');
      if (account.kind === 'test' || !message || message.key !== key) return notFound(res);
      const body = messageBody(message, fault?.type !== 'no_id');
      return sendJson(res, 200, body);
    }
    if (method === 'GET' && path === '/balance') {
      if (fault?.type === 'no_id') return sendJson(res, 200, { payment: account.balance.payment });
      return sendJson(res, 200, { ...account.balance });
    }
    return sendErrors(res, 404, { code: 98, description: 'API not found', parameter: null });
  }

  const server = https.createServer({ cert: certPem, key: keyPem }, (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendErrors(res, 500, { code: 99, description: 'Internal error', parameter: null });
    });
  });
  // The TCP socket under each TLS connection, and whether a request is in flight on that connection:
  // `resetIdleConnections` cuts the idle ones the way a server or middlebox drops a kept-alive connection.
  const tcpSockets = new Set<Socket>();
  const busy = new WeakSet<Socket>();
  server.on('connection', (tcp: Socket) => {
    tcpSockets.add(tcp);
    tcp.once('close', () => tcpSockets.delete(tcp));
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const tcp = [...tcpSockets].find((s) => s.remotePort === req.socket.remotePort);
    if (!tcp) return;
    busy.add(tcp);
    res.once('close', () => busy.delete(tcp));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const fake: FakeMessageBird = {
    port,
    url: `https://127.0.0.1:${port}`,
    connectTo: { host: '127.0.0.1', port },
    caPem,
    certPem,
    requests,
    autoDeliverAfterMs: options.autoDeliverAfterMs ?? null,
    setFault(fault, match) {
      persistent = fault ? { fault, match } : null;
    },
    injectOnce(fault, match) {
      once.push({ fault, match });
    },
    setKey,
    removeKey(key) {
      keys.delete(key);
    },
    balanceOf(key) {
      const account = keys.get(key);
      return account ? { ...account.balance } : undefined;
    },
    messages: () => [...messages.values()],
    message: (id) => messages.get(id),
    setMessageStatus(id, status, extra = {}) {
      const message = messages.get(id);
      if (!message) throw new Error(`fake MessageBird has no message ${id}`);
      const only = extra.recipient?.replace(/^\+/, '');
      message.statusSetByTest = true;
      message.recipients = message.recipients.map((r) =>
        only !== undefined && String(r.recipient) !== only
          ? r
          : {
              ...r,
              status,
              statusDatetime: mbDate(now()),
              statusReason: extra.statusReason !== undefined ? extra.statusReason : r.statusReason,
              statusErrorCode: extra.statusErrorCode !== undefined ? extra.statusErrorCode : r.statusErrorCode,
            },
      );
    },
    resetIdleConnections() {
      let count = 0;
      for (const tcp of tcpSockets) {
        if (busy.has(tcp)) continue;
        // A TCP reset (not a polite close): the client learns of it only when it next uses the connection.
        tcp.resetAndDestroy();
        count += 1;
      }
      return count;
    },
    openConnections() {
      return new Promise<number>((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
    },
    reset() {
      requests.length = 0;
      messages.clear();
      persistent = null;
      once = [];
      resetKeys();
      // A test that turned auto-delivery on must not make the next test's messages deliver themselves.
      fake.autoDeliverAfterMs = options.autoDeliverAfterMs ?? null;
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return fake;
}
