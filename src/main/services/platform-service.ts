import { apiKeyKind } from '@shared/api-key';
import type { AppInfo, ExternalTarget, KeyCheck, NetworkInfo, StartupWarning } from '@shared/contract/platform';
import type { GatewayErrorCode, SendMode } from '@shared/gateway-types';
import { err, ok, type Result } from '@shared/result';
import { EXTERNAL_LINKS } from './external-links';
import { effectiveProxy, transportRoute, type TransportConfig } from './gateway/transport-config';
import type { ExternalOpener, GatewayFactory, SecretVault } from './ports';
import type { PreferencesService } from './settings/preferences-service';

export interface PlatformServiceDeps {
  version: string;
  host: AppInfo['host'];
  systemLocale: string;
  startupWarnings: StartupWarning[];
  preferences: PreferencesService;
  vault: SecretVault;
  gatewayFor: GatewayFactory;
  externalOpener: ExternalOpener;
  /** The route to MessageBird in effect (Settings shows which one). */
  transport: TransportConfig;
  /** Where the diagnostics log is written. */
  diagnosticsLog: string;
  /** Key kind of the keys in use, so the badge says "Test key" when nothing live is configured. */
  activeKeyKinds?: () => Promise<Array<'live' | 'test'>>;
}

export class PlatformService {
  constructor(private readonly deps: PlatformServiceDeps) {}

  async appInfo(): Promise<AppInfo> {
    const prefs = this.deps.preferences.get();
    return {
      version: this.deps.version,
      host: this.deps.host,
      gatewayMode: prefs.gatewayMode,
      mode: await this.mode(),
      vault: await this.deps.vault.status(),
      systemLocale: this.deps.systemLocale,
      warnings: this.deps.startupWarnings,
      network: networkInfo(this.deps.transport),
      diagnosticsLog: this.deps.diagnosticsLog,
    };
  }

  private async mode(): Promise<SendMode> {
    if (this.deps.preferences.get().gatewayMode === 'sandbox') return 'sandbox';
    const kinds = (await this.deps.activeKeyKinds?.()) ?? [];
    return kinds.length > 0 && kinds.every((k) => k === 'test') ? 'test' : 'live';
  }

  /** `GET /balance` with a key that is not stored: the cheapest live check (docs/MESSAGEBIRD.md). */
  async checkApiKey(apiKey: string): Promise<Result<KeyCheck, GatewayErrorCode>> {
    const result = await this.deps.gatewayFor(apiKey).getBalance();
    if (!result.ok) {
      const { code, description, providerCode } = result.error;
      return err(code, description, providerCode === undefined ? {} : { details: { providerCode } });
    }
    return ok({ keyKind: apiKeyKind(apiKey), balance: result.value });
  }

  async openDiagnosticsLog(): Promise<{ opened: boolean; path: string }> {
    const path = this.deps.diagnosticsLog;
    return { opened: await this.deps.externalOpener.openPath(path), path };
  }

  async openExternal(target: ExternalTarget): Promise<{ opened: boolean; url: string }> {
    const url = EXTERNAL_LINKS[target];
    return { opened: await this.deps.externalOpener.open(url), url };
  }
}

/** The route and its address as `host:port`; a proxy URL's user and password never leave main. */
export function networkInfo(transport: TransportConfig): NetworkInfo {
  const route = transportRoute(transport);
  if (route === 'connect_to') return { route, via: `${transport.connectTo!.host}:${transport.connectTo!.port}` };
  const proxy = effectiveProxy(transport);
  if (!proxy) return { route, via: null };
  const url = new URL(proxy);
  return { route, via: `${url.hostname}:${url.port || (url.protocol === 'https:' ? '443' : '80')}` };
}
