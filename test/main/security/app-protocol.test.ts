import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Protocol } from 'electron';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../src/main/security/app-origin';
import { registerAppScheme, resolveRendererFile, serveRenderer } from '../../../src/main/security/app-protocol';
import { rendererLocation } from '../../../src/main/security/renderer-url';
import { CONTENT_SECURITY_POLICY } from '@shared/csp';
import { fake, protocol } from '../fake-electron';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'app-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'assets', 'main.js'), 'console.log(1)');
  // A file beside the renderer folder that must never be served.
  writeFileSync(join(base, 'secret.txt'), 'TOP SECRET');
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil', 'x.js'), 'evil');
});

describe('resolveRendererFile', () => {
  it('maps app URLs into the renderer folder', () => {
    expect(resolveRendererFile(root, 'app://renderer/')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://renderer/assets/main.js')).toBe(join(root, 'assets', 'main.js'));
  });

  it('never resolves outside the folder, however the path is written', () => {
    for (const url of [
      'app://renderer/%2e%2e/secret.txt',
      'app://renderer/..%2fsecret.txt',
      'app://renderer/assets/..%2f..%2fsecret.txt',
      'app://renderer/..%5csecret.txt',
      'app://renderer/%2e%2e/renderer-evil/x.js',
      'app://renderer/%00index.html',
      'app://renderer/%E0%A4%A',
    ]) {
      const file = resolveRendererFile(root, url);
      // The URL parser already folds some `..` forms; what remains must be refused or stay inside.
      if (file !== null) expect(file.startsWith(join(root, '/')), `${url} -> ${file}`).toBe(true);
    }
    expect(resolveRendererFile(root, 'app://renderer/..%2fsecret.txt')).toBeNull();
    expect(resolveRendererFile(root, 'app://renderer/..%5csecret.txt')).toBeNull();
  });

  it('refuses other schemes and hosts', () => {
    expect(resolveRendererFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveRendererFile(root, 'file:///etc/passwd')).toBeNull();
  });
});

describe('serveRenderer', () => {
  beforeEach(async () => {
    fake.reset();
    registerAppScheme(protocol as unknown as Protocol);
    await fake.emitReady();
    serveRenderer(protocol as unknown as Protocol, root);
  });

  it('registers app:// as a standard, secure scheme before ready', () => {
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
  });

  it('serves index.html with the CSP header', async () => {
    const response = await protocol.request(APP_ENTRY_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<title>app</title>');
  });

  it('answers 404 for traversal and missing files without leaking content', async () => {
    for (const url of ['app://renderer/..%2fsecret.txt', 'app://renderer/assets/..%2f..%2fsecret.txt', 'app://renderer/missing.js']) {
      const response = await protocol.request(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain('SECRET');
    }
  });
});

describe('rendererLocation', () => {
  it('uses app:// when packaged, even with a dev URL set', () => {
    expect(rendererLocation({ isPackaged: true, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } })).toEqual({
      url: APP_ENTRY_URL,
      trustedOrigins: [APP_ORIGIN],
    });
  });

  it('uses a loopback dev server only in development', () => {
    expect(rendererLocation({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173' } })).toEqual({
      url: 'http://localhost:5173',
      trustedOrigins: ['http://localhost:5173'],
    });
    expect(rendererLocation({ isPackaged: false, env: {} }).url).toBe(APP_ENTRY_URL);
  });

  it('never trusts a remote dev URL', () => {
    expect(rendererLocation({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'https://evil.example/' } }).url).toBe(APP_ENTRY_URL);
  });
});
