import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';
import { UPLOAD_BODY_MAX_BYTES, type HandlerTable } from '@shared/contract';
import { dispatch, type Logger } from '../main/ipc/dispatch';
import type { HostFileSaver } from './host-file-saver';
import {
  isAllowedHost,
  isAllowedOrigin,
  sessionCookieName,
  sessionCookieValue,
  tokensEqual,
} from './http-guards';
import { StaticFiles } from './static-files';

/** Largest API request body accepted; the contract's own caps are far below this. File uploads: {@link bodyCapFor}. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface HostServerOptions {
  table: HandlerTable;
  rendererDir: string;
  /** The start-up token printed in the address; it opens one session, once. */
  token: string;
  fileSaver: HostFileSaver;
  log?: Logger;
  /** Extra routes for tests only (the clock control); `undefined` in normal use. */
  testRoutes?: (req: IncomingMessage, body: unknown) => Promise<unknown>;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function send(res: ServerResponse, status: number, body: string | Buffer, contentType: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, ...extra });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

class BodyTooLargeError extends Error {}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The body cap of a method: the general one, or a larger one for the few that upload a file. */
export function bodyCapFor(method: string): number {
  return Object.hasOwn(UPLOAD_BODY_MAX_BYTES, method) ? (UPLOAD_BODY_MAX_BYTES[method] ?? MAX_BODY_BYTES) : MAX_BODY_BYTES;
}

async function readBody(req: IncomingMessage, maxBytes: number = MAX_BODY_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The browser host's HTTP server: the built renderer plus `POST /api/<method>` into the same
 * handler table Electron registers. Only for 127.0.0.1; every request must carry the session cookie
 * that `/?token=…` (printed at start) sets, and a matching Host and Origin.
 *
 * The token works once: the printed address lives on in shell history, scrollback and the browser's
 * history, so a lasting token there would be a lasting credential. Its one use starts a session whose
 * cookie is a fresh random value (never the token itself), named after the port (README "The browser
 * host"). A second use is refused: restart the host for a new address.
 */
export function createHostServer(options: HostServerOptions): Server {
  let tokenUsed = false;
  let sessionId: string | undefined;
  const staticFiles = new StaticFiles(options.rendererDir);
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log?.('Host request failed', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'Unexpected error' } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    if (!isAllowedHost(req, port)) return send(res, 421, 'Unknown host', 'text/plain; charset=utf-8');
    if (!isAllowedOrigin(req, port)) return send(res, 403, 'Foreign origin', 'text/plain; charset=utf-8');

    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const queryToken = url.searchParams.get('token');
    if (req.method === 'GET' && url.pathname === '/' && queryToken !== null) {
      if (!tokensEqual(queryToken, options.token)) return send(res, 401, 'Wrong token', 'text/plain; charset=utf-8');
      if (tokenUsed) {
        return send(res, 401, 'This address was already used once. Restart `npm run web` for a new address.', 'text/plain; charset=utf-8');
      }
      tokenUsed = true;
      sessionId = randomBytes(32).toString('base64url');
      // Trade the token in the address bar for an HttpOnly cookie, and drop it from the address.
      return send(res, 303, '', 'text/plain; charset=utf-8', {
        'Set-Cookie': `${sessionCookieName(port)}=${sessionId}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
      });
    }
    const cookie = sessionCookieValue(req, port);
    if (cookie === undefined || sessionId === undefined || !tokensEqual(cookie, sessionId)) {
      return send(res, 401, 'Open the address printed by `npm run web`, including its token.', 'text/plain; charset=utf-8');
    }

    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length));
    if (url.pathname.startsWith('/__test__/') && options.testRoutes) {
      if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain; charset=utf-8');
      return sendJson(res, 200, await options.testRoutes(req, JSON.parse((await readBody(req)) || '{}')));
    }
    if (url.pathname.startsWith('/download/') && req.method === 'GET') {
      const download = options.fileSaver.take(url.pathname.slice('/download/'.length));
      if (!download) return send(res, 404, 'This download has expired or was already taken.', 'text/plain; charset=utf-8');
      const safeName = download.fileName.replace(/[^\w.-]/g, '_');
      return send(res, 200, Buffer.from(download.content), download.mimeType, {
        'Content-Disposition': `attachment; filename="${safeName}"`,
      });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    const answer = await staticFiles.get(url.pathname, {
      acceptEncoding: headerText(req.headers['accept-encoding']),
      ifNoneMatch: headerText(req.headers['if-none-match']),
    });
    if (!answer) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    return send(res, answer.status, answer.body, answer.contentType, answer.headers);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'POST only', 'text/plain; charset=utf-8');
    // A JSON content type cannot be sent cross-site without a CORS preflight, which this server never grants.
    if (!req.headers['content-type']?.startsWith('application/json')) {
      return sendJson(res, 415, { ok: false, error: { code: 'invalid_input', message: 'Expected application/json' } });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(await readBody(req, bodyCapFor(method)));
    } catch (error) {
      const message = error instanceof BodyTooLargeError ? 'Request body too large' : 'Request body is not valid JSON';
      return sendJson(res, error instanceof BodyTooLargeError ? 413 : 400, { ok: false, error: { code: 'invalid_input', message } });
    }
    const input = typeof payload === 'object' && payload !== null ? (payload as { input?: unknown }).input : undefined;
    sendJson(res, 200, await dispatch(options.table, method, input, options.log));
  }

  return server;
}
