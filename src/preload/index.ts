/**
 * The sandboxed preload: exposes exactly one object, `window.smsAdmin`, with one method per contract
 * method. Each method forwards only its input to `ipcRenderer.invoke` on the method's own channel and
 * returns the Result; no raw ipcRenderer, event objects or `process` reach the page.
 * @see docs/SECURITY.md (never expose raw IPC), docs/ARCHITECTURE.md (preload)
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelFor, methodNames, type SmsAdminBridge } from '@shared/contract';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

/** Builds the bridge from the contract, so a method added to the contract appears here by itself. */
export function createBridge(invoke: Invoke): SmsAdminBridge {
  const entries = methodNames.map((method) => {
    const channel = channelFor(method);
    // Exactly one argument crosses: the renderer cannot smuggle extra values or callbacks.
    const call = (input?: unknown) => invoke(channel, input);
    return [method, call] as const;
  });
  return Object.freeze(Object.fromEntries(entries)) as unknown as SmsAdminBridge;
}

contextBridge.exposeInMainWorld(
  'smsAdmin',
  createBridge((channel, input) => ipcRenderer.invoke(channel, input)),
);
