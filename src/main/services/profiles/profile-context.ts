/**
 * What every profile operation shares. The operations are plain functions over this context, one file
 * per step of the wizard, so `ProfilesService` stays a short table of what the IPC handlers can call.
 */
import type { SendMode } from '@shared/gateway-types';
import type { GatewayMode } from '@shared/settings';
import type { Clock, GatewayFactory, KeyValueStore, SecretVault } from '../ports';
import type { ConfirmationCodes } from './confirmation-codes';
import type { ConfirmationLog } from './confirmation-log';
import type { MessageLanguage } from './confirmation-message';
import type { ProfileStore } from './profile-store';

export interface ProfilesServiceDeps {
  settings: KeyValueStore;
  vault: SecretVault;
  clock: Clock;
  gatewayFor: GatewayFactory;
  confirmationLog: ConfirmationLog;
  /** The admin's language when the renderer does not say; used for the SMS text. */
  defaultLanguage: () => MessageLanguage;
  /**
   * The app's gateway mode now. Settings confirmed in Sandbox are not in effect in MessageBird mode.
   * Without it the service assumes MessageBird, so a Sandbox confirmation never counts as live.
   */
  gatewayMode?: () => GatewayMode;
  /**
   * The cost guards confirmation SMS obey: the test-send country allow-list and the daily cap on
   * confirmation SMS across all profiles. Without it the built-in defaults apply (NL and BE, 10).
   */
  costGuards?: () => { allowedCountries: readonly string[]; confirmationDailyCap: number };
  /**
   * Follows an accepted confirmation SMS until its delivery is final (the app's delivery poller, which
   * reads it back with `ProfilesService.keyForSend`). Without it the row stays `sent`.
   */
  followDelivery?: (sent: ConfirmationDelivery) => void;
  codes?: ConfirmationCodes;
  newId?: () => string;
  log?: (message: string, error?: unknown) => void;
}

/** An accepted confirmation SMS to follow: its log row, MessageBird's id, and when it was sent. */
export interface ConfirmationDelivery {
  logId: number;
  messageId: string;
  profileId: string;
  purpose: 'confirmation';
  mode: SendMode;
  sentAt: number;
}

/** The deps with their defaults filled in, and the two stores: profiles in settings, codes in memory. */
export interface ProfilesContext {
  readonly deps: ProfilesServiceDeps;
  readonly store: ProfileStore;
  readonly codes: ConfirmationCodes;
  readonly newId: () => string;
}
