import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Checks that make a 127.0.0.1 server safe from other web pages in the admin's browser:
 * a DNS-rebinding page arrives with a foreign Host, a cross-site request with a foreign Origin,
 * and neither knows the per-start token.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function isAllowedHost(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && allowedHosts(port).has(host.toLowerCase());
}

/** A request without Origin (a top-level navigation) passes; one with a foreign Origin does not. */
export function isAllowedOrigin(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return [...allowedHosts(port)].some((host) => origin === `http://${host}`);
}

export function tokensEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

const SESSION_COOKIE_PREFIX = 'sms_admin_session_';

/**
 * The session cookie's name for a host on `port`. Browsers do not isolate cookies by port, so every
 * local service on 127.0.0.1 receives every 127.0.0.1 cookie: with the port in the name, two hosts (or
 * a host restarted on another port) never overwrite each other's session or take one for their own.
 */
export function sessionCookieName(port: number): string {
  return `${SESSION_COOKIE_PREFIX}${port}`;
}

export function sessionCookieValue(req: IncomingMessage, port: number): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const wanted = sessionCookieName(port);
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === wanted) return rest.join('=');
  }
  return undefined;
}
