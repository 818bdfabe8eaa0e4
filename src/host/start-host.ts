import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import Conf from 'conf';
import { createHandlerTable } from '../main/ipc/handler-table';
import { closeServices, createServices, type Services } from '../main/services';
import { loadSendLogHashKey } from '../main/services/send-log/hash-key';
import { openDiagnosticsLog } from '../main/services/diagnostics/diagnostics-log';
import { vaultRememberingSecrets } from '../main/services/diagnostics/remembering-vault';
import { installTransport, transportFromEnv } from '../main/services/gateway/transport';
import type { Clock, KeyValueStore } from '../main/services/ports';
import { openSettingsStore } from '../main/services/settings/open-settings-store';
import { FileKeyVault } from '../main/services/vault/file-key-vault';
import type { StartupWarning } from '@shared/contract/platform';
import { HostFileSaver } from './host-file-saver';
import { createHostServer } from './server';
import { createTestRoutes, type ShiftableClock } from './test-clock';

export interface HostOptions {
  port: number;
  dataDir: string;
  rendererDir: string;
  version: string;
  env: NodeJS.ProcessEnv;
  /** Enables `POST /__test__/clock` (tests only): set by `SMS_ADMIN_TEST_HOOKS=1`. */
  testHooks?: boolean;
  log?: (message: string, error?: unknown) => void;
}

export interface RunningHost {
  url: string;
  port: number;
  services: Services;
  close(): Promise<void>;
}

/**
 * Runs the real services and handler table in plain Node and serves the built renderer on
 * 127.0.0.1 (docs/ARCHITECTURE.md, browser host). The data folder has the same layout as the app's.
 */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const clock: ShiftableClock = { offsetMs: 0, now: () => Date.now() + clock.offsetMs };
  const { store, warning } = openSettingsStore({
    dir: options.dataDir,
    create: (storeOptions) => new Conf(storeOptions) as unknown as KeyValueStore,
  });
  const transport = transportFromEnv(options.env);
  const restoreTransport = installTransport(transport);
  const fileSaver = new HostFileSaver(() => clock.now());
  const vault = new FileKeyVault(options.dataDir);
  // The same redacted file log as the desktop app, in the data folder; the terminal keeps its own lines.
  const diagnostics = openDiagnosticsLog({ dataDir: options.dataDir, console: false });
  diagnostics.info(`SMS Provider Admin ${options.version} (browser host) starting`);
  const startupWarnings = [warning, vault.startupWarning].filter((w): w is StartupWarning => w !== undefined);
  // The send log's hash key lives in the vault; a plain send-log.key from an older version moves there.
  const sendLogHashKey = await loadSendLogHashKey(vault, options.dataDir, (m) => diagnostics.report(m));
  const services = createServices({
    dataDir: options.dataDir,
    version: options.version,
    host: 'browser',
    systemLocale: options.env.LANG?.split('.')[0]?.replace('_', '-') ?? 'en',
    clock: clock satisfies Clock,
    settings: store,
    startupWarnings,
    vault: vaultRememberingSecrets(vault, diagnostics.addSecret),
    sendLogHashKey,
    transport,
    diagnostics,
    fileSaver,
    // The browser cannot open local files or other apps: Settings shows the log's path instead.
    externalOpener: { open: async () => false, openPath: async () => false },
  });
  const token = randomBytes(32).toString('base64url');
  const server: Server = createHostServer({
    table: createHandlerTable(services),
    rendererDir: options.rendererDir,
    token,
    fileSaver,
    log: options.log,
    testRoutes: options.testHooks ? createTestRoutes(clock) : undefined,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    services,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeServices(services);
      restoreTransport();
    },
  };
}
