/**
 * What the test-send service depends on, and what its parts share. The parts are plain functions over
 * `TestSendContext` (guards, the send, the delivery follow-up), so `TestSendService` stays the short
 * list of operations the IPC handlers call.
 */
import type { TestSendRefusalCode } from '@shared/contract/test-send';
import type { GatewayErrorCode } from '@shared/gateway-types';
import type { SendLogFilter, SendLogRow, SendLogTotals, SendPurpose } from '@shared/send-log-types';
import type { Preferences } from '@shared/settings';
import type { Clock, GatewayFactory, KeyValueStore } from '../ports';
import type { SendKey } from '../profiles/send-keys';
import type { FailedUpdate, PendingSend, SentUpdate, StatusUpdate } from '../send-log';
import type { DeliveryPoller, PollPolicy } from '../delivery/delivery-poller';
import type { TestSendSettingsStore } from './test-send-settings';
import type { Timers } from '../delivery/timers';

/** A profile the test-send feature may use: active, with a sender and a key in the vault. */
export interface ActiveProfileInfo {
  id: string;
  participantNumber: string;
  description: string;
  originator: string;
}

/** What test-send needs from the profiles feature (`ProfilesService` satisfies it). */
export interface TestSendProfileSource {
  /** Profiles in effect (status active, key present). */
  activeProfiles(): ActiveProfileInfo[] | Promise<ActiveProfileInfo[]>;
  /**
   * True for an active profile whose settings were confirmed in Sandbox while the app is in MessageBird
   * mode: it is left out of `activeProfiles` and a send is refused with its own code.
   */
  needsLiveConfirmation?(profileId: string): boolean;
  /** The API key in effect for a profile, or null when it has none (removed, disabled, never activated). */
  activeKey(profileId: string): Promise<string | null>;
  /**
   * The key a sent message of this profile is read back with (the key its send used), or why there is
   * none any more. A test send used the key in effect; a confirmation SMS the key of the pending change.
   */
  keyForSend(profileId: string, purpose: SendPurpose): Promise<SendKey>;
}

/** The calls test-send makes on the send log (`SendLog` in ../send-log). */
export interface TestSendLog {
  appendPending(send: PendingSend): number;
  markSent(id: number, update: SentUpdate): boolean;
  markFailed(id: number, update: FailedUpdate): boolean;
  markUnknown(id: number, reason: string): boolean;
  updateStatus(id: number, update: StatusUpdate): boolean;
  unfinished(limit?: number): SendLogRow[];
  get(id: number): SendLogRow | null;
  totals(filter: SendLogFilter): SendLogTotals;
  /** Sends counted for the daily caps since `from`; clearing the log does not lower it. */
  sendCount(query: { purpose: 'confirmation' | 'test'; from: number; profileId?: string }): number;
}

export interface TestSendServiceDeps {
  preferences: { get(): Preferences };
  settings: KeyValueStore;
  profiles: TestSendProfileSource;
  sendLog: TestSendLog;
  gatewayFor: GatewayFactory;
  clock: Clock;
  timers?: Timers;
  /** A fresh 6-digit code; `crypto.randomInt` unless a test injects its own. */
  generateCode?: () => string;
  pollPolicy?: Partial<PollPolicy>;
  log?: (message: string, error?: unknown) => void;
  /** The app's shared delivery poller; without it (tests) the service builds its own from the deps above. */
  delivery?: DeliveryPoller;
}

export interface TestSendInput {
  profileId: string;
  recipient: string;
  template?: string;
  confirmCost?: boolean;
}

export type TestSendErrorCode = TestSendRefusalCode | 'confirmation_required' | GatewayErrorCode;

/** The deps with their defaults filled in, the feature's settings, and the poller that follows sends. */
export interface TestSendContext {
  readonly deps: TestSendServiceDeps;
  readonly settings: TestSendSettingsStore;
  readonly poller: DeliveryPoller;
  readonly generateCode: () => string;
}
