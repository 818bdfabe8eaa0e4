import type { StartupWarning } from '../../shared/contract/platform';
import { createGateway, type TransportConfig } from './gateway';
import { PlatformService } from './platform-service';
import type { Clock, ExternalOpener, FileSaver, GatewayFactory, KeyValueStore, SecretVault } from './ports';
import { PreferencesService } from './settings/preferences-service';
import { openSendLogOnStart } from './send-log';
import { ProfilesService, messageLanguage } from './profiles';
import { TestSendService } from './test-send/test-send-service';

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
  // The send log (SQLite), shared by every feature that sends; opened once per process.
  const { log: sendLog, warning: sendLogWarning } = openSendLogOnStart(
    deps.dataDir,
    deps.clock,
    preferences.get().sendLogRetentionDays,
  );
  // The test-send poller (`testSend`, built below) follows confirmation SMS too; the closure runs only
  // when a code is sent, long after this function returned.
  const profiles = new ProfilesService({
    settings: deps.settings,
    vault: deps.vault,
    clock: deps.clock,
    gatewayFor,
    confirmationLog: sendLog,
    followDelivery: (sent) => testSend.followDelivery(sent),
    defaultLanguage: () => messageLanguage(preferences.get().language, deps.systemLocale),
  });
  const platform = new PlatformService({
    version: deps.version,
    host: deps.host,
    systemLocale: deps.systemLocale,
    // The host's warnings (settings, vault) plus the services' own (a damaged send log moved aside).
    startupWarnings: sendLogWarning ? [...deps.startupWarnings, sendLogWarning] : deps.startupWarnings,
    preferences,
    vault: deps.vault,
    gatewayFor,
    externalOpener: deps.externalOpener,
    activeKeyKinds: () => profiles.activeKeyKinds(),
  });
  const testSend = new TestSendService({ preferences, settings: deps.settings, profiles, sendLog, gatewayFor, clock: deps.clock });
  testSend.start(); // resumes following the delivery of messages sent before a restart
  return { deps, preferences, gatewayFor, platform, sendLog, profiles, testSend };
}

export type Services = ReturnType<typeof createServices>;

/** Releases what services hold open (database handles, timers); called on quit and SIGTERM. */
export async function closeServices(services: Services): Promise<void> {
  await services.testSend.close(); // before the send log: a poll under way still writes its row
  services.sendLog.close();
}
