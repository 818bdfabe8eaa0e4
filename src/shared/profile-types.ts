/**
 * Provider profiles as the renderer sees them: one per AFAS participant number.
 * The API key never appears here, only whether there is one, its fingerprint, kind and protection.
 *
 * The admin's phone number: it is the admin's own number, stored in the settings file (not the vault:
 * it is personal data, not a credential). The renderer gets it masked (`+31 ••••••• 78`) everywhere,
 * except in `pending.adminPhone` — the draft or pending change the admin is editing, which holds what
 * they typed so the form can show it back. Settings in effect (`active`) are always masked.
 */
import type { ApiKeyKind } from './api-key';
import type { SendLogStatus } from './send-log-types';
import type { KeyProtection } from './contract/platform';
import type { Balance } from './gateway-types';
import type { GatewayMode } from './settings';
import type { PortalHandoff } from './review-types';

export const PROFILE_STATUSES = ['draft', 'awaiting_confirmation', 'active', 'disabled'] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

/** Where a pending setup or change stands; `verified` = code entered, waiting for the cost acknowledgement. */
export type PendingState = 'draft' | 'awaiting_confirmation' | 'verified';

/** How a key is shown: never the key, only facts about it. */
export interface KeyInfo {
  hasApiKey: boolean;
  /** First 8 hex characters of SHA-256 of the key: lets the admin tell keys apart without revealing them. */
  fingerprint: string | null;
  kind: ApiKeyKind | null;
  /** How the vault protected the key when it was stored. */
  protection: KeyProtection | null;
}

/** Settings in effect: what login SMS for this participant number use now. */
export interface ActiveSettings {
  originator: string;
  adminPhoneMasked: string;
  key: KeyInfo;
  activatedAt: number;
  /**
   * The gateway mode these settings were confirmed in. A Sandbox confirmation proves nothing (the code
   * comes back to the screen), so such settings are never in effect with MessageBird; see
   * `ProfileView.needsLiveConfirmation`. Settings stored before this field existed count as 'sandbox'.
   */
  confirmedMode: GatewayMode;
}

/** A new setup, or a change of an active profile, that waits for its confirmation code. */
export interface PendingSettings {
  state: PendingState;
  originator: string;
  /** E.164 as the admin typed it (their own number, in the form they are editing). */
  adminPhone: string;
  adminPhoneMasked: string;
  /** The key the change brings, or the current key when the change keeps it. */
  key: KeyInfo;
  /** True when this change replaces the key in effect. */
  keyChanged: boolean;
  /** A code is out and can still be entered. */
  codeActive: boolean;
  /** When the current code expires (ms since epoch), when one is out. */
  codeExpiresAt: number | null;
  /** When a (re)send is allowed again. */
  resendAvailableAt: number | null;
  /** Main's clock when this view was made, to count down against. */
  serverNow: number;
  savedAt: number;
}

export interface KeyCheckRecord {
  at: number;
  balance: Balance;
}

export interface ProfileView {
  id: string;
  participantNumber: string;
  description: string;
  status: ProfileStatus;
  /** Null until the profile was first activated. */
  active: ActiveSettings | null;
  /** Null when nothing waits for confirmation. */
  pending: PendingSettings | null;
  lastKeyCheck: KeyCheckRecord | null;
  /**
   * True when the settings in effect were confirmed in Sandbox and the app is now in MessageBird mode:
   * the profile sends nothing (test send refuses it) until it is confirmed again with a code sent by
   * MessageBird ("Next" on the profile, the pending-change flow).
   */
  needsLiveConfirmation: boolean;
  /** Whether the admin marked the settings in effect as entered in the AFAS portal (the app never talks to AFAS). */
  portal: PortalHandoff;
  createdAt: number;
  updatedAt: number;
}

/** What the "Next" step reports: where the code went, without the code. */
export interface ConfirmationSent {
  profileId: string;
  /** Masked destination, e.g. `+31 ••••••• 78`. */
  sentTo: string;
  /** `sent`: MessageBird accepted it. `unknown`: a timeout; it may still arrive, never resent by itself. */
  delivery: 'sent' | 'unknown';
  expiresAt: number;
  resendAvailableAt: number;
  /** Main's clock when it answered: count down from here, the renderer's clock may differ. */
  serverNow: number;
  /** Id of the send-log row for this send. */
  logId: string;
  /**
   * Sandbox mode only: the SMS the simulated phone "received", so a newcomer can rehearse the whole
   * flow without a contract. No SMS leaves the machine in Sandbox, so this code guards nothing real;
   * with MessageBird (test or live key) this field is never set.
   */
  simulatedSms?: { to: string; body: string };
}

/** Where a confirmation SMS stands in the send log, for the wizard's "code sent" step. */
export interface ConfirmationDeliveryView {
  /** The send-log status: `sent`/`buffered` until MessageBird reports `delivered`, `delivery_failed` or `expired`. */
  status: SendLogStatus;
  /** MessageBird's reason (e.g. `unknown subscriber`), or why the status is no longer followed. */
  statusReason?: string;
}

export type CodeCheck = { status: 'ok' } | { status: 'wrong'; attemptsLeft: number };
