import { beforeEach, describe, expect, it } from 'vitest';
import { registerIpc } from '../../../src/main/ipc/register';
import { APP_ORIGIN } from '../../../src/main/security/app-origin';
import { isTrustedSender, trustedSenderCheck } from '../../../src/main/security/is-trusted-sender';
import { methodNames, type HandlerTable } from '@shared/contract';
import { ok } from '@shared/result';
import { fake, ipcMain } from '../fake-electron';

const appFrame = { url: 'app://renderer/index.html#/wizard', parent: null };

describe('isTrustedSender', () => {
  const trusted = [APP_ORIGIN];

  it("accepts the app's top-level frame", () => {
    expect(isTrustedSender(appFrame, trusted)).toBe(true);
  });

  it('rejects a null or missing frame', () => {
    expect(isTrustedSender(null, trusted)).toBe(false);
    expect(isTrustedSender(undefined, trusted)).toBe(false);
  });

  it('rejects a sub-frame, even of the app origin', () => {
    expect(isTrustedSender({ url: 'app://renderer/index.html', parent: appFrame }, trusted)).toBe(false);
  });

  it('rejects foreign origins and look-alikes', () => {
    for (const url of [
      'https://evil.example/',
      'app://evil/index.html',
      'app://renderer.evil/index.html',
      'file:///app/out/renderer/index.html',
      'http://127.0.0.1:5173/',
      'about:blank',
      'not a url',
    ]) {
      expect(isTrustedSender({ url, parent: null }, trusted), url).toBe(false);
    }
  });

  it('rejects a destroyed frame that throws on access', () => {
    const destroyed = Object.defineProperty({}, 'url', { get: () => { throw new Error('Render frame was disposed'); } });
    expect(isTrustedSender(destroyed, trusted)).toBe(false);
  });
});

describe('registerIpc with the trusted-sender check', () => {
  beforeEach(() => fake.reset());

  it('refuses a foreign frame before the handler runs, and serves the app frame', async () => {
    let calls = 0;
    const table = Object.fromEntries(
      methodNames.map((method) => [method, async () => { calls += 1; return ok(null); }]),
    ) as unknown as HandlerTable;
    registerIpc(ipcMain, table, trustedSenderCheck([APP_ORIGIN]));
    const refused = await ipcMain.invokeFrom({ url: 'https://evil.example/', parent: null }, 'sms:getSettings');
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(calls).toBe(0);
    const served = await ipcMain.invokeFrom(appFrame, 'sms:getSettings');
    expect(served).toMatchObject({ ok: true });
    expect(calls).toBe(1);
  });
});
