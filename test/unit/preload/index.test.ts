import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelFor, methodNames } from '@shared/contract';

async function loadPreload() {
  vi.resetModules();
  const electron = await import('../../main/fake-electron');
  electron.fake.reset();
  await import('../../../src/preload/index');
  return electron;
}

describe('preload bridge', () => {
  let electron: Awaited<ReturnType<typeof loadPreload>>;
  beforeEach(async () => {
    electron = await loadPreload();
  });

  it('exposes exactly one object, window.smsAdmin, with one function per contract method', () => {
    expect(Object.keys(electron.fake.exposed)).toEqual(['smsAdmin']);
    const bridge = electron.fake.exposed['smsAdmin'] as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...methodNames].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it("calls invoke on the method's own channel with only the input", async () => {
    const bridge = electron.fake.exposed['smsAdmin'] as Record<string, (...args: unknown[]) => Promise<unknown>>;
    electron.ipcMain.handle(channelFor('updateSettings'), async (_event, input) => ({ ok: true, value: input }));
    const reply = await bridge['updateSettings']!({ language: 'nl' }, 'smuggled', () => 'callback');
    expect(electron.ipcRenderer.calls).toEqual([{ channel: 'sms:updateSettings', args: [{ language: 'nl' }] }]);
    expect(reply).toEqual({ ok: true, value: { language: 'nl' } });
  });

  it('maps every method to its channel', async () => {
    const bridge = electron.fake.exposed['smsAdmin'] as Record<string, (input?: unknown) => Promise<unknown>>;
    for (const method of methodNames) electron.ipcMain.handle(channelFor(method), async () => method);
    for (const method of methodNames) expect(await bridge[method]!()).toBe(method);
    expect(electron.ipcRenderer.calls.map((call) => call.channel)).toEqual(methodNames.map(channelFor));
  });
});
