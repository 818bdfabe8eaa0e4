import { existsSync, mkdtempSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelFor, methodNames } from '@shared/contract';

/** Loads src/main/index.ts against a fresh fake Electron, as the app would start. */
async function startMain() {
  vi.resetModules();
  const electron = await import('./fake-electron');
  electron.fake.reset();
  const userData = mkdtempSync(join(tmpdir(), 'main-wiring-'));
  electron.fake.setUserData(userData);
  await import('../../src/main/index');
  Object.assign(electron.fake, { userData });
  return electron;
}

describe('src/main/index.ts wiring', () => {
  let electron: Awaited<ReturnType<typeof startMain>>;
  beforeEach(async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', '');
    vi.stubEnv('SMS_ADMIN_USER_DATA', '');
    vi.stubEnv('MESSAGEBIRD_CONNECT_TO', '');
    vi.stubEnv('HTTPS_PROXY', '');
    vi.stubEnv('https_proxy', '');
    electron = await startMain();
  });
  afterEach(() => vi.unstubAllEnvs());

  it('enables the sandbox and registers app:// before ready', () => {
    const { log } = electron.fake;
    expect(log).toContain('app.enableSandbox');
    expect(log).toContain('protocol.registerSchemesAsPrivileged');
    expect(log).not.toContain('app.ready');
    expect(electron.BrowserWindow.windows).toHaveLength(0);
  });

  it('registers every IPC handler before the window is created', async () => {
    await electron.fake.emitReady();
    const { log } = electron.fake;
    const windowAt = log.indexOf('BrowserWindow.new');
    expect(windowAt).toBeGreaterThan(-1);
    for (const method of methodNames) {
      const at = log.indexOf(`ipcMain.handle:${channelFor(method)}`);
      expect(at, method).toBeGreaterThan(-1);
      expect(at, method).toBeLessThan(windowAt);
    }
    expect(log.indexOf('protocol.handle:app')).toBeLessThan(windowAt);
    expect(electron.dialog.errors).toEqual([]);
  });

  it('opens one window with hardened web preferences, loading app://renderer/', async () => {
    await electron.fake.emitReady();
    const [window] = electron.BrowserWindow.windows;
    expect(electron.BrowserWindow.windows).toHaveLength(1);
    expect(window!.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(window!.webPreferences['preload'])).toMatch(/preload[\\/]index\.cjs$/);
    expect(window!.webContents.loadedUrl).toBe('app://renderer/index.html');
  });

  it('keeps the window at least 1024 × 700, where the wide screens still fit (test/e2e/layout.spec.ts)', async () => {
    await electron.fake.emitReady();
    const [window] = electron.BrowserWindow.windows;
    expect(window!.options).toMatchObject({ minWidth: 1024, minHeight: 700 });
  });

  it('hardens the window contents and the default session', async () => {
    await electron.fake.emitReady();
    const contents = electron.BrowserWindow.windows[0]!.webContents;
    expect(contents.attemptNavigation('https://evil.example/')).toBe(false);
    expect(contents.attemptWindowOpen('https://evil.example/')).toBe(false);
    expect(contents.attemptAttachWebview('https://evil.example/')).toBe(false);
    expect(await electron.session.defaultSession.requestPermission('media')).toBe(false);
    // Any later webContents too (devtools, a stray window).
    const other = new electron.BrowserWindow({}).webContents;
    expect(other.attemptNavigation('https://evil.example/')).toBe(false);
  });

  it('answers the app frame and refuses a foreign one', async () => {
    await electron.fake.emitReady();
    const settings = await electron.ipcMain.invokeFrom({ url: 'app://renderer/index.html', parent: null }, 'sms:getSettings');
    expect(settings).toMatchObject({ ok: true, value: { gatewayMode: 'sandbox' } });
    const info = await electron.ipcMain.invokeFrom({ url: 'app://renderer/index.html', parent: null }, 'sms:getAppInfo');
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', warnings: [] } });
    const refused = await electron.ipcMain.invokeFrom({ url: 'https://evil.example/', parent: null }, 'sms:getSettings');
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('closes services before quitting', async () => {
    await electron.fake.emitReady();
    electron.app.quit();
    await new Promise((resolve) => setImmediate(resolve));
    expect(electron.fake.log.filter((entry) => entry === 'app.quit')).toHaveLength(2);
  });

  describe('route to MessageBird and diagnostics', () => {
    const app = { url: 'app://renderer/index.html', parent: null };
    const globalAgent = https.globalAgent;
    afterEach(() => {
      // start() installs the transport process-wide; later test files get Node's agent back.
      (https as unknown as { globalAgent: https.Agent }).globalAgent = globalAgent;
    });

    async function networkAfterStart(answer: string | Error) {
      electron.session.defaultSession.proxyAnswer = answer;
      await electron.fake.emitReady();
      const info = (await electron.ipcMain.invokeFrom(app, 'sms:getAppInfo')) as { ok: true; value: { network: unknown } };
      return info.value.network;
    }

    it('asks the system for the proxy to rest.messagebird.com and uses it', async () => {
      expect(await networkAfterStart('PROXY proxy.corp.example:3128; DIRECT')).toEqual({ route: 'system_proxy', via: 'proxy.corp.example:3128' });
      expect(electron.session.defaultSession.proxyQueries).toEqual(['https://rest.messagebird.com']);
    });

    it('connects directly when the system says DIRECT, or cannot say', async () => {
      expect(await networkAfterStart('DIRECT')).toEqual({ route: 'direct', via: null });
    });

    it('connects directly when resolving the proxy fails, and still starts', async () => {
      expect(await networkAfterStart(new Error('net::ERR_FAILED'))).toEqual({ route: 'direct', via: null });
      expect(electron.BrowserWindow.windows).toHaveLength(1);
    });

    it('lets HTTPS_PROXY win over the system proxy without asking the system', async () => {
      vi.stubEnv('HTTPS_PROXY', 'http://user:secret@explicit.example:8080');
      electron = await startMain();
      expect(await networkAfterStart('PROXY proxy.corp.example:3128')).toEqual({ route: 'https_proxy', via: 'explicit.example:8080' });
      expect(electron.session.defaultSession.proxyQueries).toEqual([]);
    });

    it('writes diagnostics to logs/main.log in the data folder and opens it from Settings', async () => {
      await electron.fake.emitReady();
      const userData = (electron.fake as unknown as { userData: string }).userData;
      const info = (await electron.ipcMain.invokeFrom(app, 'sms:getAppInfo')) as { ok: true; value: { diagnosticsLog: string } };
      expect(info.value.diagnosticsLog).toBe(join(userData, 'logs', 'main.log'));
      expect(existsSync(info.value.diagnosticsLog)).toBe(true);
      const openPath = vi.spyOn(electron.shell, 'openPath');
      expect(await electron.ipcMain.invokeFrom(app, 'sms:openDiagnosticsLog')).toEqual({ ok: true, value: { opened: true, path: info.value.diagnosticsLog } });
      expect(openPath).toHaveBeenCalledWith(info.value.diagnosticsLog);
    });
  });
});
