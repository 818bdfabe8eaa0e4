import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlerTable } from '../../../src/main/ipc/handler-table';
import { HostFileSaver } from '../../../src/host/host-file-saver';
import { bodyCapFor, createHostServer, MAX_BODY_BYTES } from '../../../src/host/server';
import { createTestServices } from '../../support/test-services';

const token = 'T0ken-for-tests_0123456789';
const rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
mkdirSync(join(rendererDir, 'assets'));
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(rendererDir, '..', 'outside-secret.txt'), 'not for the browser');

const fileSaver = new HostFileSaver();
const server = createHostServer({ table: createHandlerTable(createTestServices()), rendererDir, token, fileSaver });
let port = 0;
/** The reply to the one use of the token, and the session cookie it set (`name=value`). */
let exchange: Reply;
const session = { cookie: '' };
let json: Record<string, string> = {};
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  exchange = await raw(`/?token=${token}`);
  session.cookie = String(exchange.headers['set-cookie']).split(';')[0]!;
  json = { ...session, 'content-type': 'application/json' };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

interface Reply { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** A raw request, so tests control Host, Origin and the path exactly (fetch would normalise them). */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser host server', () => {
  it('trades the token for an HttpOnly SameSite=Strict cookie and drops it from the address', async () => {
    expect(exchange.status).toBe(303);
    expect(exchange.headers.location).toBe('/');
    expect(String(exchange.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('takes the token once: the printed address is not a lasting credential', async () => {
    const again = await raw(`/?token=${token}`);
    expect(again.status).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toContain('already used');
    // The session from the first use still works.
    expect((await raw('/', { headers: session })).status).toBe(200);
  });

  it('sets a fresh random session value, never the token, under a name that includes the port', async () => {
    const [name, value] = session.cookie.split('=') as [string, string];
    expect(name).toBe(`sms_admin_session_${port}`);
    expect(value).not.toBe(token);
    expect(value).not.toContain(token);
    expect(Buffer.from(value, 'base64url')).toHaveLength(32);
    // The token itself is no cookie, under the new name or the old one.
    expect((await raw('/', { headers: { cookie: `sms_admin_session_${port}=${token}` } })).status).toBe(401);
    expect((await raw('/', { headers: { cookie: `sms_admin_session=${token}` } })).status).toBe(401);
    // Another port's cookie name does not open this host.
    expect((await raw('/', { headers: { cookie: `sms_admin_session_${port + 1}=${value}` } })).status).toBe(401);
  });

  it('sends X-Frame-Options DENY on pages, API answers and refusals', async () => {
    expect((await raw('/', { headers: session })).headers['x-frame-options']).toBe('DENY');
    expect((await raw('/api/getSettings', { method: 'POST', headers: json, body: '{}' })).headers['x-frame-options']).toBe('DENY');
    expect((await raw('/')).headers['x-frame-options']).toBe('DENY');
  });

  it('serves the renderer only with the session cookie', async () => {
    expect((await raw('/')).status).toBe(401);
    const page = await raw('/', { headers: session });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>app</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await raw('/assets/app.js', { headers: session })).headers['content-type']).toMatch(/javascript/);
  });

  it('accepts localhost as Host and refuses any other host name', async () => {
    expect((await raw('/', { headers: { ...session, host: `localhost:${port}` } })).status).toBe(200);
    expect((await raw('/', { headers: { ...session, host: `127.0.0.1:${port + 1}` } })).status).toBe(421);
    expect((await raw('/', { headers: { ...session, host: 'attacker.example' } })).status).toBe(421);
  });

  it('refuses paths that leave the renderer folder', async () => {
    for (const path of ['/../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/assets/..%2f..%2foutside-secret.txt', '/%00']) {
      const reply = await raw(path, { headers: session });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('not for the browser');
    }
  });

  it('answers the contract on POST /api/<method> with JSON only', async () => {
    const ok = await raw('/api/getSettings', { method: 'POST', headers: json, body: '{}' });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { gatewayMode: 'sandbox' } });
    expect((await raw('/api/getSettings', { method: 'GET', headers: session })).status).toBe(405);
    // A form post (the only cross-site POST without a preflight) is refused.
    const form = await raw('/api/getSettings', { method: 'POST', headers: { ...session, 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    const bad = await raw('/api/getSettings', { method: 'POST', headers: json, body: '{not json' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses a body over the size cap', async () => {
    const reply = await raw('/api/getSettings', { method: 'POST', headers: json, body: Buffer.alloc(MAX_BODY_BYTES + 10, 0x20) });
    expect(reply.status).toBe(413);
  });

  it('takes a user-list upload larger than the general cap, and only for the upload methods', async () => {
    // A CSV of 1.5 MB: bigger than the general cap as base64, far below the user list's own.
    const csv = `email;deelnemernummer;mobiel\r\n${'jan@example.nl;12345;0612345678\r\n'.repeat(50_000)}`;
    const body = JSON.stringify({ input: { source: 'upload', fileName: 'users.csv', contentBase64: Buffer.from(csv).toString('base64') } });
    expect(body.length).toBeGreaterThan(MAX_BODY_BYTES);
    const upload = await raw('/api/importUserList', { method: 'POST', headers: json, body });
    expect(upload.status).toBe(200);
    expect(JSON.parse(upload.body)).toMatchObject({ ok: true, value: { status: 'imported', list: { summary: { rowsRead: 50_000 } } } });
    // Not kept alive: the server stops reading a refused body, so this socket is not reused.
    const elsewhere = await raw('/api/getSettings', { method: 'POST', headers: { ...json, connection: 'close' }, body });
    expect(elsewhere.status).toBe(413);
    // The upload cap fits a 16 MiB file as base64, and no other method gets more than the general cap.
    expect(bodyCapFor('importUserList')).toBeGreaterThan((16 * 1024 * 1024 * 4) / 3);
    expect(bodyCapFor('importUserList')).toBeLessThan(24 * 1024 * 1024);
    expect(bodyCapFor('getSettings')).toBe(MAX_BODY_BYTES);
    expect(bodyCapFor('__proto__')).toBe(MAX_BODY_BYTES);
  }, 20_000);

  it('refuses a foreign Origin even with the cookie', async () => {
    const reply = await raw('/api/getSettings', { method: 'POST', headers: { ...json, origin: 'https://evil.example' }, body: '{}' });
    expect(reply.status).toBe(403);
  });

  it('offers a saved export once as a download', async () => {
    const saved = await fileSaver.save({ suggestedName: 'send log.csv', mimeType: 'text/csv', content: 'a,b\n1,2\n' });
    expect(saved.status).toBe('download');
    const url = saved.status === 'download' ? saved.url : '';
    const first = await raw(url, { headers: session });
    expect(first.status).toBe(200);
    expect(first.body).toBe('a,b\n1,2\n');
    expect(first.headers['content-disposition']).toBe('attachment; filename="send_log.csv"');
    expect((await raw(url, { headers: session })).status).toBe(404);
  });

  it('produces an export written by a content producer at once and offers it as a download', async () => {
    const saved = await fileSaver.save({
      suggestedName: 'log.csv',
      mimeType: 'text/csv',
      write: (sink) => {
        sink.write('\uFEFFid,recipient\r\n');
        sink.write("1,'+31 6 •••• 5678\r\n");
      },
    });
    expect(saved.status).toBe('download');
    const reply = await raw(saved.status === 'download' ? saved.url : '', { headers: session });
    expect(reply.status).toBe(200);
    expect(reply.body).toBe("\uFEFFid,recipient\r\n1,'+31 6 •••• 5678\r\n");
  });

  it('has no test routes unless started with test hooks', async () => {
    const reply = await raw('/__test__/clock', { method: 'POST', headers: json, body: '{"advanceMs":1}' });
    expect(reply.status).toBe(405); // falls through to the static handler: not a route here
  });
});

describe('browser host static files', () => {
  it('serves the renderer compressed by Accept-Encoding, with revalidation for index.html', async () => {
    writeFileSync(join(rendererDir, 'assets', 'big-B8V6dY74.js'), `export default ${JSON.stringify('x'.repeat(5000))};`);
    const hashed = await raw('/assets/big-B8V6dY74.js', { headers: { ...session, 'accept-encoding': 'gzip, br' } });
    expect(hashed.status).toBe(200);
    expect(hashed.headers['content-encoding']).toBe('br');
    expect(hashed.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    expect(hashed.headers.vary).toBe('Accept-Encoding');

    const index = await raw('/', { headers: { ...session, 'accept-encoding': 'identity' } });
    expect(index.headers['cache-control']).toBe('private, no-cache');
    expect(index.headers['content-encoding']).toBeUndefined();
    expect(index.headers['content-security-policy']).toBeDefined();
    const unchanged = await raw('/', { headers: { ...session, 'if-none-match': String(index.headers.etag) } });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body).toBe('');
  });
});
