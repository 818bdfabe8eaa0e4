import { z } from 'zod';
import { defineMethod, returns } from './define';
import { apiKeySchema, type ApiKeyKind } from '../api-key';
import { GATEWAY_ERROR_CODES, type Balance, type SendMode } from '../gateway-types';
import { preferencesPatchSchema, type GatewayMode, type Preferences } from '../settings';

export const noInput = z.undefined();

/** How well the API key is protected at rest on this machine. */
export type KeyProtection = 'os' | 'basic_text' | 'host_file' | 'unavailable';

export interface VaultStatus {
  protection: KeyProtection;
  /** True only when the key is encrypted by the OS keychain (Keychain, DPAPI, libsecret, KWallet). */
  encrypted: boolean;
  /** Raw backend name for the admin's information, e.g. `gnome_libsecret`. */
  backend: string;
}

export type StartupWarning =
  | { code: 'settings_corrupt'; movedTo: string }
  | { code: 'vault_corrupt'; movedTo: string }
  | { code: 'send_log_corrupt'; movedTo: string }
  /** The send log file was empty although the last clean close recorded `rows` rows; kept at `movedTo`. */
  | { code: 'send_log_emptied'; movedTo: string; rows: number }
  /** The browser host's `vault.key` could not open the stored keys: moved aside, keys must be entered again. */
  | { code: 'vault_key_damaged'; movedTo: string }
  /** A profile in the settings file failed its check; its raw data was kept under `movedTo` (a settings key). */
  | { code: 'profile_invalid'; movedTo: string; participantNumber: string | null };

/**
 * How MessageBird calls leave this machine, in the order they win: the connect-to override, the
 * `HTTPS_PROXY` variable, the operating system's proxy (desktop app only), or direct.
 */
export type NetworkRoute = 'connect_to' | 'https_proxy' | 'system_proxy' | 'direct';

export interface NetworkInfo {
  route: NetworkRoute;
  /** The proxy or connect-to address as `host:port` (never credentials); null when direct. */
  via: string | null;
}

export interface AppInfo {
  version: string;
  /** `electron` for the desktop app, `browser` for the browser host. */
  host: 'electron' | 'browser';
  gatewayMode: GatewayMode;
  /** What the mode badge shows. */
  mode: SendMode;
  vault: VaultStatus;
  systemLocale: string;
  warnings: StartupWarning[];
  network: NetworkInfo;
  /** The main-process diagnostics log file (redacted), which Settings opens or shows. */
  diagnosticsLog: string;
}

export interface KeyCheck {
  keyKind: ApiKeyKind;
  balance: Balance;
}

export const EXTERNAL_TARGETS = ['messagebird_contact', 'afas_help', 'afas_pocket', 'nist_sms'] as const;
export type ExternalTarget = (typeof EXTERNAL_TARGETS)[number];

export const platformContract = {
  getAppInfo: defineMethod({ input: noInput, output: returns<AppInfo>() }),
  getSettings: defineMethod({ input: noInput, output: returns<Preferences>() }),
  updateSettings: defineMethod({ input: preferencesPatchSchema, output: returns<Preferences>() }),
  /** Live check of a key by `GET /balance`, the cheapest call; the key is not stored. */
  checkApiKey: defineMethod({
    input: z.object({ apiKey: apiKeySchema }).strict(),
    output: returns<KeyCheck>(),
    errors: GATEWAY_ERROR_CODES,
  }),
  /** Opens the diagnostics log in the system's viewer; the browser host cannot, and says where it is. */
  openDiagnosticsLog: defineMethod({ input: noInput, output: returns<{ opened: boolean; path: string }>() }),
  /** Opens one of a fixed set of addresses in the system browser or mail client. */
  openExternal: defineMethod({
    input: z.object({ target: z.enum(EXTERNAL_TARGETS) }).strict(),
    output: returns<{ opened: boolean; url: string }>(),
  }),
};
