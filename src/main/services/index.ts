import type { StartupWarning } from '../../shared/contract/platform';
import { createGateway, type TransportConfig } from './gateway';
import { PlatformService } from './platform-service';
import type { Clock, ExternalOpener, FileSaver, GatewayFactory, KeyValueStore, SecretVault } from './ports';
import { PreferencesService } from './settings/preferences-service';

/** Everything the services need from the host they run in (Electron main or the browser host). */
export interface ServiceDeps {
  dataDir: string;
  version: string;
  host: 'electron' | 'browser';
  systemLocale: string;
  clock: Clock;
  settings: KeyValueStore;
  startupWarnings: StartupWarning[];
  vault: SecretVault;
  transport: TransportConfig;
  fileSaver: FileSaver;
  externalOpener: ExternalOpener;
  /** Tests replace the gateway factory only to inject a clock-driven sandbox; never to stub the SDK. */
  gatewayFactory?: GatewayFactory;
}

/** Creates every service once; the handler table and nothing else calls into them. */
export function createServices(deps: ServiceDeps) {
  const preferences = new PreferencesService(deps.settings);
  const gatewayFor: GatewayFactory =
    deps.gatewayFactory ??
    ((apiKey) => {
      const prefs = preferences.get();
      return createGateway({
        mode: prefs.gatewayMode,
        scenario: prefs.sandboxScenario,
        apiKey,
        transport: deps.transport,
        clock: deps.clock,
      });
    });
  const platform = new PlatformService({
    version: deps.version,
    host: deps.host,
    systemLocale: deps.systemLocale,
    startupWarnings: deps.startupWarnings,
    preferences,
    vault: deps.vault,
    gatewayFor,
    externalOpener: deps.externalOpener,
  });
  return { deps, preferences, gatewayFor, platform };
}

export type Services = ReturnType<typeof createServices>;

/** Releases what services hold open (database handles, timers); called on quit and SIGTERM. */
export async function closeServices(_services: Services): Promise<void> {}
