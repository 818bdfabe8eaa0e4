/**
 * A faithful-enough stand-in for the `electron` module (vitest aliases `electron` here; docs/TOOLCHAIN.md:
 * the real binary cannot run on the build machines). It records what main does, in order, in
 * `fake.log`, and lets tests drive events (ready, navigation, window.open, IPC from a frame).
 * Behaviour that matters for security is modelled, not stubbed: `ipcMain.handle` refuses a second
 * handler, privileged schemes must be registered before ready, `preventDefault` is observable.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type SafeStorageMode = 'os' | 'basic_text' | 'unavailable';

interface FakeState {
  log: string[];
  isReady: boolean;
  readyWaiters: Array<() => void>;
  paths: Record<string, string>;
  isPackaged: boolean;
  safeStorageMode: SafeStorageMode;
  nextSavePath: string | undefined;
  /** What the next open dialog returns; undefined = the admin cancels. */
  nextOpenPath: string | undefined;
  exposed: Record<string, unknown>;
  /** The frame `ipcRenderer.invoke` reports as sender (the preload's own page by default). */
  rendererFrame: FakeFrame | null;
}

function initialState(): FakeState {
  return {
    log: [],
    isReady: false,
    readyWaiters: [],
    paths: { userData: join(tmpdir(), 'fake-electron-user-data') },
    isPackaged: false,
    safeStorageMode: 'os',
    nextSavePath: undefined,
    nextOpenPath: undefined,
    exposed: {},
    rendererFrame: { url: 'app://renderer/index.html', parent: null },
  };
}

const state: FakeState = initialState();

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

/** An event with the `preventDefault` Electron gives listeners, and a way to see whether it was called. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

// ---- session -------------------------------------------------------------------------------------

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  /** What `resolveProxy` answers (a PAC result, as Chromium gives it), or an error to throw. */
  proxyAnswer: string | Error = 'DIRECT';
  readonly proxyQueries: string[] = [];

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.devicePermissionHandler = handler;
  }

  /** What Chromium would get for a permission request: without a handler Electron grants it. */
  async requestPermission(permission: string): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return true;
    return new Promise((resolve) => handler(null, permission, resolve, {}));
  }
  async resolveProxy(url: string): Promise<string> {
    this.proxyQueries.push(url);
    if (this.proxyAnswer instanceof Error) throw this.proxyAnswer;
    return this.proxyAnswer;
  }
  /** Without a handler Electron answers checks with true. */
  checkPermission(permission: string, origin = 'app://renderer'): boolean {
    return this.permissionCheckHandler ? this.permissionCheckHandler(null, permission, origin, {}) : true;
  }
}

const defaultSession = new FakeSession();
export const session = { defaultSession };

// ---- webContents / BrowserWindow ------------------------------------------------------------------

type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => {
  action: 'allow' | 'deny';
};

export class FakeWebContents extends EventEmitter {
  session: FakeSession = defaultSession;
  windowOpenHandler: WindowOpenHandler | null = null;
  loadedUrl: string | undefined;
  mainFrame: FakeFrame = { url: '', parent: null };

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** Simulates a page trying to navigate; returns true when the navigation would go ahead. */
  attemptNavigation(url: string, kind: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const event = new FakeEvent();
    this.emit(kind, event, url);
    return !event.defaultPrevented;
  }

  /** Simulates `window.open(url)`; returns true when a new window would open (no handler = allowed). */
  attemptWindowOpen(url: string): boolean {
    if (!this.windowOpenHandler) return true;
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window' }).action === 'allow';
  }

  /** Simulates a `<webview>` being attached; returns true when it would be. */
  attemptAttachWebview(src: string): boolean {
    const event = new FakeEvent();
    const webPreferences = {};
    this.emit('will-attach-webview', event, webPreferences, { src });
    return !event.defaultPrevented;
  }

  /** Chromium's print-to-PDF: a small PDF-like buffer that names the options it was given. */
  async printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    state.log.push('webContents.printToPDF');
    return Buffer.from(`%PDF-1.7\n% fake ${JSON.stringify(options)} of ${this.loadedUrl ?? ''}\n%%EOF\n`);
  }

  async loadURL(url: string): Promise<void> {
    state.log.push(`webContents.loadURL:${url}`);
    this.loadedUrl = url;
    this.mainFrame = { url, parent: null };
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly windows: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown>;
  visible = false;

  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    state.log.push('BrowserWindow.new');
    BrowserWindow.windows.push(this);
    // Electron announces every webContents before anyone can use it.
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }

  static getAllWindows(): BrowserWindow[] {
    return [...BrowserWindow.windows];
  }
  static getFocusedWindow(): BrowserWindow | null {
    return BrowserWindow.windows[0] ?? null;
  }
  get webPreferences(): Record<string, unknown> {
    return (this.options['webPreferences'] ?? {}) as Record<string, unknown>;
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  show(): void {
    this.visible = true;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
  close(): void {
    this.emit('closed');
  }
}

// ---- app ------------------------------------------------------------------------------------------

class FakeApp extends EventEmitter {
  get isPackaged(): boolean {
    return state.isPackaged;
  }
  enableSandbox(): void {
    if (state.isReady) throw new Error('app.enableSandbox() must be called before the app is ready');
    state.log.push('app.enableSandbox');
  }
  whenReady(): Promise<void> {
    if (state.isReady) return Promise.resolve();
    return new Promise((resolve) => state.readyWaiters.push(resolve));
  }
  isReady(): boolean {
    return state.isReady;
  }
  getPath(name: string): string {
    const path = state.paths[name];
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  setPath(name: string, path: string): void {
    state.paths[name] = path;
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  getName(): string {
    return 'sms-provider-admin';
  }
  getSystemLocale(): string {
    return 'nl-NL';
  }
  getLocale(): string {
    return 'nl';
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  quit(): void {
    state.log.push('app.quit');
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.emit('will-quit', new FakeEvent());
  }
  exit(code = 0): void {
    state.log.push(`app.exit:${code}`);
  }
}

export const app = new FakeApp();

// ---- protocol -------------------------------------------------------------------------------------

type ProtocolHandler = (request: { url: string }) => Response | Promise<Response>;

export const protocol = {
  privileged: [] as Array<{ scheme: string; privileges?: Record<string, boolean> }>,
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }>): void {
    if (state.isReady) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    state.log.push('protocol.registerSchemesAsPrivileged');
    protocol.privileged.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!state.isReady) throw new Error('protocol.handle must be called after app is ready');
    if (protocol.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    state.log.push(`protocol.handle:${scheme}`);
    protocol.handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    protocol.handlers.delete(scheme);
  },
  /** Test helper: what the page would receive for `url`. */
  async request(url: string): Promise<Response> {
    const scheme = new URL(url).protocol.replace(/:$/, '');
    const handler = protocol.handlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME ${url}`);
    return handler({ url });
  },
};

// ---- safeStorage ----------------------------------------------------------------------------------

// Real AES so the ciphertext is really not the plaintext; a different key per mode, as the OS would.
const fakeKey = (mode: SafeStorageMode) => createHash('sha256').update(`fake-safe-storage-${mode}`).digest();

export const safeStorage = {
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return state.safeStorageMode !== 'unavailable';
  },
  getSelectedStorageBackend(): 'basic_text' | 'gnome_libsecret' | 'unknown' {
    if (!state.isReady) return 'unknown';
    return state.safeStorageMode === 'os' ? 'gnome_libsecret' : state.safeStorageMode === 'basic_text' ? 'basic_text' : 'unknown';
  },
  async encryptStringAsync(plainText: string): Promise<Buffer> {
    if (state.safeStorageMode === 'unavailable') throw new Error('Encryption is not available.');
    const iv = randomBytes(16);
    const cipher = createCipheriv('aes-256-cbc', fakeKey(state.safeStorageMode), iv);
    return Buffer.concat([Buffer.from('v11'), iv, cipher.update(plainText, 'utf8'), cipher.final()]);
  },
  async decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }> {
    if (state.safeStorageMode === 'unavailable') throw new Error('Decryption is not available.');
    if (encrypted.subarray(0, 3).toString() !== 'v11') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    const decipher = createDecipheriv('aes-256-cbc', fakeKey(state.safeStorageMode), encrypted.subarray(3, 19));
    const result = Buffer.concat([decipher.update(encrypted.subarray(19)), decipher.final()]).toString('utf8');
    return { shouldReEncrypt: false, result };
  },
};

// ---- shell, dialog --------------------------------------------------------------------------------

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    state.log.push(`shell.openExternal:${url}`);
    shell.opened.push(url);
  },
  async openPath(_path: string): Promise<string> {
    return '';
  },
};

export const dialog = {
  errors: [] as Array<{ title: string; content: string }>,
  async showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath: string }> {
    state.log.push(`dialog.showSaveDialog:${args.length}`);
    const filePath = state.nextSavePath;
    return filePath ? { canceled: false, filePath } : { canceled: true, filePath: '' };
  },
  async showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    state.log.push(`dialog.showOpenDialog:${args.length}`);
    const path = state.nextOpenPath;
    return path ? { canceled: false, filePaths: [path] } : { canceled: true, filePaths: [] };
  },
  showErrorBox(title: string, content: string): void {
    dialog.errors.push({ title, content });
  },
};

// ---- IPC ------------------------------------------------------------------------------------------

type InvokeListener = (event: { senderFrame: FakeFrame | null; sender?: unknown }, ...args: unknown[]) => unknown;

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, InvokeListener>();
  handle(channel: string, listener: InvokeListener): void {
    // Electron refuses a second handler for a channel.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    state.log.push(`ipcMain.handle:${channel}`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Test helper: an `invoke` arriving from `senderFrame`; rejects like Electron when nothing handles it. */
  async invokeFrom(senderFrame: FakeFrame | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    return handler({ senderFrame }, ...args);
  }
}

export const ipcMain = new FakeIpcMain();

export const ipcRenderer = {
  calls: [] as Array<{ channel: string; args: unknown[] }>,
  /** Like Electron: goes to main's handler with the page's frame as sender. */
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    ipcRenderer.calls.push({ channel, args });
    return ipcMain.invokeFrom(state.rendererFrame, channel, ...args);
  },
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    if (key in state.exposed) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    state.exposed[key] = api;
  },
};

// ---- test controls --------------------------------------------------------------------------------

/** Handles tests use to drive and inspect the fake. */
export const fake = {
  get log(): readonly string[] {
    return state.log;
  },
  get exposed(): Record<string, unknown> {
    return state.exposed;
  },
  setUserData(dir: string): void {
    state.paths['userData'] = dir;
  },
  setPackaged(isPackaged: boolean): void {
    state.isPackaged = isPackaged;
  },
  setSafeStorageMode(mode: SafeStorageMode): void {
    state.safeStorageMode = mode;
  },
  setNextSavePath(path: string | undefined): void {
    state.nextSavePath = path;
  },
  setNextOpenPath(path: string | undefined): void {
    state.nextOpenPath = path;
  },
  setRendererFrame(frame: FakeFrame | null): void {
    state.rendererFrame = frame;
  },
  /** Emits `ready` and resolves `whenReady()`, then lets pending promise callbacks run. */
  async emitReady(): Promise<void> {
    state.isReady = true;
    state.log.push('app.ready');
    app.emit('ready', new FakeEvent(), {});
    for (const resolve of state.readyWaiters.splice(0)) resolve();
    for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
  },
  /** Back to a fresh, not-ready Electron. */
  reset(): void {
    Object.assign(state, initialState());
    app.removeAllListeners();
    ipcMain.removeAllListeners();
    ipcMain.handlers.clear();
    protocol.privileged.length = 0;
    protocol.handlers.clear();
    shell.opened.length = 0;
    dialog.errors.length = 0;
    ipcRenderer.calls.length = 0;
    BrowserWindow.windows.length = 0;
    Object.assign(defaultSession, new FakeSession());
  },
};

const electron = { app, BrowserWindow, contextBridge, dialog, ipcMain, ipcRenderer, protocol, safeStorage, session, shell };
export default electron;
