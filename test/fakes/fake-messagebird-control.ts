/**
 * Remote control for a fake MessageBird running in another process (the CLI), for tests whose code
 * runs elsewhere (Playwright workers). Plain HTTP on 127.0.0.1, JSON in and out:
 *
 *   GET  /health                         → { ok: true }
 *   GET  /requests                       → RecordedRequest[]
 *   GET  /messages                       → FakeMessage[]
 *   GET  /balance?key=…                  → FakeBalance | null
 *   POST /fault        { fault, match? } → sets (fault: null clears) the persistent fault
 *   POST /inject-once  { fault, match? } → queues a one-time fault
 *   POST /message-status { id, status, extra? }
 *   POST /keys         { key, config? }  → adds or replaces a key
 *   POST /remove-key   { key }
 *   POST /auto-deliver { ms: number | null }
 *   POST /reset
 *
 * `match` is `{ method?, path?, pathRegex? }` (a RegExp does not survive JSON; `pathRegex` is its source).
 * `FakeMessageBirdClient` wraps these calls with the same names as the in-process API.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  FakeBalance,
  FakeDeliveryStatus,
  FakeFault,
  FakeKeyConfig,
  FakeMessage,
  FakeMessageBird,
  FaultMatch,
  RecordedRequest,
  StatusExtra,
} from './fake-messagebird';

/** `FaultMatch` as JSON. */
export interface JsonFaultMatch {
  method?: string;
  path?: string;
  pathRegex?: string;
}

function toMatch(match: JsonFaultMatch | undefined): FaultMatch | undefined {
  if (!match) return undefined;
  const result: FaultMatch = {};
  if (match.method) result.method = match.method;
  if (match.pathRegex) result.path = new RegExp(match.pathRegex);
  else if (match.path) result.path = match.path;
  return result;
}

function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {});
      } catch (error) {
        reject(error as Error);
      }
    });
    req.on('error', reject);
  });
}

/** Serves the control API for `fake`; close it before closing the fake. */
export async function startControlServer(
  fake: FakeMessageBird,
  port = 0,
): Promise<{ port: number; url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      const text = JSON.stringify(body ?? null);
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(text);
    };
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = `${req.method} ${url.pathname}`;
    readJson(req)
      .then((body) => {
        switch (route) {
          case 'GET /health':
            return reply(200, { ok: true });
          case 'GET /requests':
            return reply(200, fake.requests);
          case 'GET /messages':
            return reply(200, fake.messages());
          case 'GET /balance':
            return reply(200, fake.balanceOf(url.searchParams.get('key') ?? '') ?? null);
          case 'POST /fault':
            fake.setFault((body.fault as FakeFault | null) ?? null, toMatch(body.match as JsonFaultMatch | undefined));
            return reply(200, { ok: true });
          case 'POST /inject-once':
            fake.injectOnce(body.fault as FakeFault, toMatch(body.match as JsonFaultMatch | undefined));
            return reply(200, { ok: true });
          case 'POST /message-status':
            fake.setMessageStatus(String(body.id), body.status as FakeDeliveryStatus, (body.extra as StatusExtra | undefined) ?? {});
            return reply(200, { ok: true });
          case 'POST /keys':
            fake.setKey(String(body.key), (body.config as FakeKeyConfig | undefined) ?? {});
            return reply(200, { ok: true });
          case 'POST /remove-key':
            fake.removeKey(String(body.key));
            return reply(200, { ok: true });
          case 'POST /auto-deliver':
            fake.autoDeliverAfterMs = typeof body.ms === 'number' ? body.ms : null;
            return reply(200, { ok: true });
          case 'POST /reset':
            fake.reset();
            return reply(200, { ok: true });
          default:
            return reply(404, { error: `no control route ${route}` });
        }
      })
      .catch((error: unknown) => reply(400, { error: error instanceof Error ? error.message : String(error) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The control API from another process, with the in-process API's names (all async). */
export class FakeMessageBirdClient {
  // A plain field, not a parameter property: the CLI runs this file with Node's type stripping.
  private readonly controlUrl: string;

  constructor(controlUrl: string) {
    this.controlUrl = controlUrl;
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.controlUrl}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as T & { error?: string };
    if (!response.ok) throw new Error(`fake MessageBird control ${path}: ${json.error ?? response.status}`);
    return json;
  }

  requests(): Promise<RecordedRequest[]> {
    return this.call('GET', '/requests');
  }
  messages(): Promise<FakeMessage[]> {
    return this.call('GET', '/messages');
  }
  balanceOf(key: string): Promise<FakeBalance | null> {
    return this.call('GET', `/balance?key=${encodeURIComponent(key)}`);
  }
  async setFault(fault: FakeFault | null, match?: JsonFaultMatch): Promise<void> {
    await this.call('POST', '/fault', { fault, match });
  }
  async injectOnce(fault: FakeFault, match?: JsonFaultMatch): Promise<void> {
    await this.call('POST', '/inject-once', { fault, match });
  }
  async setMessageStatus(id: string, status: FakeDeliveryStatus, extra?: StatusExtra): Promise<void> {
    await this.call('POST', '/message-status', { id, status, extra });
  }
  async setKey(key: string, config?: FakeKeyConfig): Promise<void> {
    await this.call('POST', '/keys', { key, config });
  }
  async removeKey(key: string): Promise<void> {
    await this.call('POST', '/remove-key', { key });
  }
  async setAutoDeliverAfterMs(ms: number | null): Promise<void> {
    await this.call('POST', '/auto-deliver', { ms });
  }
  async reset(): Promise<void> {
    await this.call('POST', '/reset');
  }
}
