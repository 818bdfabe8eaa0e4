import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';
import { APP_HOST, APP_SCHEME } from './app-origin';

/**
 * The UI is served from `app://renderer/` (a standard, secure scheme, so it has a real origin and
 * same-origin rules), only from the built renderer folder, always with the CSP header.
 * @see docs/SECURITY.md (Electron checklist: serve the UI from a custom protocol, never a remote origin)
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  // Must run before `app.whenReady()`; privileges are fixed at startup.
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file inside `rootDir` a request URL names, or null when the URL is not ours or would leave the
 * folder (`..`, encoded `%2e%2e`, backslashes, absolute paths). `/` means `index.html`.
 */
export function resolveRendererFile(rootDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = resolve(rootDir);
  const file = resolve(root, relativePath);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return file;
}

/** Answers one `app://` request: the file with its type and the CSP, or a bare 404. */
export async function rendererResponse(rootDir: string, requestUrl: string): Promise<Response> {
  const file = resolveRendererFile(rootDir, requestUrl);
  if (file === null) return new Response('Not found', { status: 404 });
  try {
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        // No page may frame the UI (clickjacking), also where a browser ignores the CSP's frame-ancestors.
        'x-frame-options': 'DENY',
      },
    });
  } catch {
    return new Response('Not found', { status: 404 });
  }
}

/** Registers the `app://` handler; call after `app.whenReady()`. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(rootDir, request.url));
}
