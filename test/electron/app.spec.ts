import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { methodNames } from '@shared/contract';
import { findElectronBinary } from './find-electron';

const root = resolve(import.meta.dirname, '../..');
const mainEntry = join(root, 'out/main/index.js');
const binary = findElectronBinary();
const skipReason = binary.path === null ? `Electron launch test skipped: ${binary.reason}` : !existsSync(mainEntry) ? 'Electron launch test skipped: out/main/index.js missing (run `npm run build`)' : null;
if (skipReason) console.log(skipReason);

test.describe('Electron app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  let app: ElectronApplication;
  let userData: string;

  test.beforeAll(async () => {
    userData = mkdtempSync(join(tmpdir(), 'sms-admin-electron-'));
    const env = { ...process.env, ELECTRON_RENDERER_URL: '', SMS_ADMIN_USER_DATA: userData } as Record<string, string>;
    // Chromium refuses to start as root (CI) with its OS sandbox; the renderer sandbox flag still applies.
    const args = process.getuid?.() === 0 ? ['--no-sandbox', root] : [root];
    app = await electron.launch({ executablePath: binary.path ?? undefined, args, env });
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('loads the UI from app:// with only window.smsAdmin exposed', async () => {
    const page = await app.firstWindow();
    expect(page.url()).toBe('app://renderer/index.html');
    const globals = await page.evaluate(() => ({
      bridge: Object.keys(window.smsAdmin ?? {}).sort(),
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      ipcRenderer: typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer,
    }));
    expect(globals).toEqual({ bridge: [...methodNames].sort(), require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' });
  });

  test('answers bridge calls and blocks eval by CSP', async () => {
    const page = await app.firstWindow();
    const settings = await page.evaluate(() => window.smsAdmin!.getSettings());
    expect(settings).toMatchObject({ ok: true });
    const evalResult = await page.evaluate(() => {
      try {
        return String(eval('1 + 1'));
      } catch {
        return 'blocked';
      }
    });
    expect(evalResult).toBe('blocked');
  });

  test('blocks navigation and new windows', async () => {
    const page = await app.firstWindow();
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe('app://renderer/index.html');
    expect(app.windows()).toHaveLength(1);
  });

  test('writes settings into its data folder with mode 0600', async () => {
    const page = await app.firstWindow();
    const updated = await page.evaluate(() => window.smsAdmin!.updateSettings({ introSeen: true }));
    expect(updated).toMatchObject({ ok: true, value: { introSeen: true } });
    const config = join(userData, 'config.json');
    expect(JSON.parse(readFileSync(config, 'utf8')).preferences.introSeen).toBe(true);
    expect(statSync(config).mode & 0o777).toBe(0o600);
  });
});
