import type { StartupWarning } from '@shared/contract/platform';
import type { DiagnosticsLog } from './diagnostics/diagnostics-log';
import { createDeliveryFollower, resumeDelivery } from './delivery/delivery-follower';
import { createGateway, type TransportConfig } from './gateway';
import { PlatformService } from './platform-service';
import type { Clock, ExternalOpener, FileOpener, FileSaver, GatewayFactory, KeyValueStore, ReportPrinter, SecretVault } from './ports';
import { PreferencesService } from './settings/preferences-service';
import { tightenDataFolder } from './data-folder';
import { openSendLogOnStart } from './send-log';
import { ProfilesService, messageLanguage } from './profiles';
import { TestSendService } from './test-send/test-send-service';
import { TestSendSettingsStore } from './test-send/test-send-settings';
import { ReviewService } from './review/review-service';

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
  /** The send log's recipient-hash key, from the vault: `await loadSendLogHashKey(vault, dataDir)`. */
  sendLogHashKey: Uint8Array;
  transport: TransportConfig;
  /** Main-process diagnostics (redacted file log); every key used for a call is added to its redactor. */
  diagnostics: Pick<DiagnosticsLog, 'path' | 'report' | 'addSecret'>;
  fileSaver: FileSaver;
  externalOpener: ExternalOpener;
  /** The native open dialog (desktop app); the browser host uploads files instead. */
  fileOpener?: FileOpener;
  /** Print-to-PDF of the window (desktop app); the browser host prints the page itself. */
  reportPrinter?: ReportPrinter;
  /** Tests replace the gateway factory only to inject a clock-driven sandbox; never to stub the SDK. */
  gatewayFactory?: GatewayFactory;
}

/** Creates every service once; the handler table and nothing else calls into them. */
export function createServices(deps: ServiceDeps) {
  const preferences = new PreferencesService(deps.settings);
  const gatewayFor: GatewayFactory =
    deps.gatewayFactory ??
    ((apiKey) => {
      deps.diagnostics.addSecret(apiKey);
      const prefs = preferences.get();
      return createGateway({
        mode: prefs.gatewayMode,
        scenario: prefs.sandboxScenario,
        apiKey,
        transport: deps.transport,
        clock: deps.clock,
      });
    });
  // Warnings the app shows: the host's (settings, vault), the services' own at start, and a send log
  // found damaged while running (moved aside; a fresh log continues), added when it happens.
  const warnings: StartupWarning[] = [...deps.startupWarnings];
  // The send log (SQLite), shared by every feature that sends; opened once per process.
  const { log: sendLog, warning: sendLogWarning } = openSendLogOnStart(
    deps.dataDir,
    deps.clock,
    preferences.get().sendLogRetentionDays,
    { onDamaged: (warning) => warnings.push(warning), hashKey: deps.sendLogHashKey },
  );
  // Every file 0600 and the folder 0700, also a folder an older version left looser (now that the
  // log's -wal and -shm exist too).
  tightenDataFolder(deps.dataDir, deps.diagnostics.report);
  // One delivery poller for every send (test codes and the wizard's confirmation SMS). It asks the
  // profiles (built next) which key reads a message back; that closure runs only once something is polled.
  const delivery = createDeliveryFollower({
    sendLog,
    gatewayFor,
    profiles: { keyForSend: (id, purpose) => profiles.keyForSend(id, purpose) },
    clock: deps.clock,
    log: deps.diagnostics.report,
  });
  const profiles = new ProfilesService({
    log: deps.diagnostics.report,
    settings: deps.settings,
    vault: deps.vault,
    clock: deps.clock,
    gatewayFor,
    confirmationLog: sendLog,
    followDelivery: (sent) => delivery.track(sent),
    defaultLanguage: () => messageLanguage(preferences.get().language, deps.systemLocale),
    gatewayMode: () => preferences.get().gatewayMode,
    // The same allow-list as test send, and the daily cap on confirmation SMS (docs/SECURITY.md "Cost abuse").
    costGuards: () => new TestSendSettingsStore(deps.settings).get(),
  });
  if (sendLogWarning) warnings.push(sendLogWarning);
  // Stored profiles that failed their check were set aside: one warning each.
  warnings.push(...profiles.checkStoredProfiles());
  const platform = new PlatformService({
    version: deps.version,
    host: deps.host,
    systemLocale: deps.systemLocale,
    startupWarnings: warnings,
    preferences,
    vault: deps.vault,
    gatewayFor,
    externalOpener: deps.externalOpener,
    transport: deps.transport,
    diagnosticsLog: deps.diagnostics.path,
    activeKeyKinds: () => profiles.activeKeyKinds(),
  });
  const testSend = new TestSendService({
    preferences,
    settings: deps.settings,
    profiles,
    sendLog,
    gatewayFor,
    clock: deps.clock,
    log: deps.diagnostics.report,
    delivery,
  });
  resumeDelivery(delivery, { sendLog, clock: deps.clock }); // messages sent before a restart, by any feature
  const review = new ReviewService({
    dataDir: deps.dataDir,
    version: deps.version,
    clock: deps.clock,
    settings: deps.settings,
    preferences,
    profiles,
    sendLog,
    fileSaver: deps.fileSaver,
    ...(deps.fileOpener ? { fileOpener: deps.fileOpener } : {}),
    ...(deps.reportPrinter ? { reportPrinter: deps.reportPrinter } : {}),
  });
  return { deps, preferences, gatewayFor, platform, sendLog, delivery, profiles, testSend, review };
}

export type Services = ReturnType<typeof createServices>;

/** Releases what services hold open (database handles, timers); called on quit and SIGTERM. */
export async function closeServices(services: Services): Promise<void> {
  await services.delivery.close(); // before the send log: a poll under way still writes its row
  services.sendLog.close();
}
