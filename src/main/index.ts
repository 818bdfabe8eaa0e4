/**
 * Electron main: wiring only (docs/ARCHITECTURE.md). Sandbox and the `app://` scheme before ready; on ready,
 * open the platform pieces, create services, register every IPC handler, and only then open the window.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell } from 'electron';
import { createHandlerTable } from './ipc/handler-table';
import { registerIpc } from './ipc/register';
import { ShellExternalOpener } from './platform/external-opener';
import { DialogFileOpener } from './platform/file-opener';
import { DialogFileSaver } from './platform/file-saver';
import { WindowReportPrinter } from './platform/report-printer';
import { SafeStorageVault } from './platform/safe-storage-vault';
import { openElectronSettingsStore } from './platform/settings-store';
import { withSystemProxy } from './platform/system-proxy';
import { registerAppScheme, serveRenderer } from './security/app-protocol';
import { hardenWebContents } from './security/harden-web-contents';
import { trustedSenderCheck } from './security/is-trusted-sender';
import { denyAllPermissions } from './security/permissions';
import { rendererLocation } from './security/renderer-url';
import { secureWebPreferences } from './security/web-preferences';
import { closeServices, createServices, type Services } from './services';
import { loadSendLogHashKey } from './services/send-log/hash-key';
import { openDiagnosticsLog, type DiagnosticsLog } from './services/diagnostics/diagnostics-log';
import { vaultRememberingSecrets } from './services/diagnostics/remembering-vault';
import { installTransport, transportFromEnv } from './services/gateway/transport';
import { systemClock, type SecretVault } from './services/ports';
import { PreferencesService } from './services/settings/preferences-service';
import { VaultFile } from './services/vault/vault-file';
import type { StartupWarning } from '@shared/contract/platform';

// Every renderer sandboxed, whatever a window asks for (docs/SECURITY.md).
app.enableSandbox();
// Development and the Electron launch test keep their data apart; a packaged app ignores this.
const userDataOverride = process.env['SMS_ADMIN_USER_DATA'];
if (!app.isPackaged && userDataOverride) app.setPath('userData', userDataOverride);
// Privileged schemes must be registered before `ready`.
registerAppScheme(protocol);

const externalOpener = new ShellExternalOpener(shell);
// One hardening path for every webContents, including ones this file does not create itself.
app.on('web-contents-created', (_event, contents) => {
  hardenWebContents(contents, { openExternal: (url) => externalOpener.open(url) });
});

let services: Services | undefined;
let diagnostics: DiagnosticsLog | undefined;
let mainWindow: BrowserWindow | null = null;

function createMainWindow(url: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 820,
    // The smallest size at which the provider list and the send log show every essential column.
    minWidth: 1024,
    minHeight: 700,
    show: false,
    autoHideMenuBar: true,
    title: 'SMS Provider Admin',
    webPreferences: secureWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(url);
  return window;
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  serveRenderer(protocol, join(import.meta.dirname, '../renderer'));
  const location = rendererLocation({ isPackaged: app.isPackaged, env: process.env });

  const dataDir = app.getPath('userData');
  // Redacted, rotating file log in the data folder (Settings opens it).
  const log = openDiagnosticsLog({ dataDir });
  diagnostics = log;
  log.info(`SMS Provider Admin ${app.getVersion()} starting`);
  const settings = openElectronSettingsStore(dataDir);
  const vaultFile = VaultFile.open(dataDir);
  const startupWarnings = [settings.warning, vaultFile.warning].filter((w): w is StartupWarning => w !== undefined);
  const preferences = new PreferencesService(settings.store);
  const vault: SecretVault = vaultRememberingSecrets(
    new SafeStorageVault({
      safeStorage,
      file: vaultFile.file,
      allowUnprotected: () => preferences.get().allowUnprotectedKeyStorage,
    }),
    log.addSecret,
  );
  // HTTPS_PROXY and the connect-to override first; otherwise the system's proxy for MessageBird, if any.
  const transport = await withSystemProxy(transportFromEnv(process.env), session.defaultSession, log.report);
  installTransport(transport);
  // The send log's hash key lives in the vault; a plain send-log.key from an older version moves there.
  const sendLogHashKey = await loadSendLogHashKey(vault, dataDir, (m) => log.report(m));

  services = createServices({
    dataDir,
    version: app.getVersion(),
    host: 'electron',
    systemLocale: app.getSystemLocale(),
    clock: systemClock,
    settings: settings.store,
    startupWarnings,
    vault,
    sendLogHashKey,
    transport,
    diagnostics: log,
    fileSaver: new DialogFileSaver(dialog, () => mainWindow),
    fileOpener: new DialogFileOpener(dialog, () => mainWindow),
    reportPrinter: new WindowReportPrinter(dialog, () => mainWindow),
    externalOpener,
  });
  // All handlers exist before any page can call them.
  registerIpc(ipcMain, createHandlerTable(services), trustedSenderCheck(location.trustedOrigins), log.report);
  mainWindow = createMainWindow(location.url);
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would write the same settings, vault and send log.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());

  let closing = false;
  app.on('before-quit', (event) => {
    if (!services || closing) return;
    // Close the send log and other handles before the process ends.
    event.preventDefault();
    closing = true;
    const open = services;
    services = undefined;
    void closeServices(open)
      .catch((error: unknown) => (diagnostics ?? console).error('Closing services failed', error))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      (diagnostics ?? console).error('Startup failed', error);
      dialog.showErrorBox('SMS Provider Admin could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
