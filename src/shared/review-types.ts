/**
 * Offline review: readiness checklist, AFAS portal handoff, eligibility of users, cost estimate and the
 * review file. Everything here is computed from what is on this machine (settings, send log, an imported
 * user list); no MessageBird call is ever made for it, so it works with the network off.
 */
import type { KeyProtection } from './contract/platform';
import type { GatewayMode } from './settings';
import type { SendMode } from './gateway-types';

// ---- AFAS portal handoff ------------------------------------------------------------------------

/**
 * Whether the admin entered the profile in the AFAS Online portal (Beheer → SMS-provider → Nieuw).
 * The app never talks to AFAS: this is what the admin marked, nothing more.
 * `changed_since`: the sender, description or key of the settings in effect changed after the mark.
 */
export type PortalState = 'not_yet' | 'done' | 'changed_since';

export interface PortalHandoff {
  state: PortalState;
  /** When the admin marked it saved in the portal (ms since epoch); null when never. */
  savedAt: number | null;
  note: string | null;
}

export const PORTAL_NOTE_MAX = 500;

// ---- Readiness --------------------------------------------------------------------------------

export type Verdict = 'pass' | 'warn' | 'fail';

/** The page that fixes an item (ids of the renderer's pages), and the profile it is about. */
export interface FixTarget {
  page: 'setup' | 'testSend' | 'sendLog' | 'settings' | 'review';
  profileId?: string;
}

/** Per-profile checklist items, in the order the review shows them. */
export const PROFILE_CHECK_IDS = [
  'mode',
  'status',
  'sender',
  'sender_destinations',
  'key',
  'key_protection',
  'key_kind',
  'key_check',
  'admin_phone',
  'confirmation',
  'portal',
  'last_test_send',
  'recent_failures',
] as const;
export type ProfileCheckId = (typeof PROFILE_CHECK_IDS)[number];

/** Checklist items about the whole installation. */
export const GENERAL_CHECK_IDS = ['profiles', 'gateway_mode', 'cost_guards', 'retention', 'afas_advice'] as const;
export type GeneralCheckId = (typeof GENERAL_CHECK_IDS)[number];

/**
 * Standing advice, shown as `warn` but not counted in a profile's or the overall verdict: they hold for
 * every setup (US and Canada replace alphanumeric senders; AFAS advises Pocket or SSO over SMS), so
 * counting them would make `pass` impossible.
 */
export const ADVISORY_CHECK_IDS: readonly string[] = ['sender_destinations', 'afas_advice'];

/**
 * Why an item has its verdict; the renderer translates `review:reasons.<reason>` with `params`.
 * Listed per item in docs of the contract (`src/shared/contract/review.ts`).
 */
export const READINESS_REASONS = [
  // mode
  'confirmed_with_messagebird',
  'confirmed_in_sandbox',
  // status
  'status_active',
  'status_draft',
  'status_awaiting_confirmation',
  'status_disabled',
  // sender
  'sender_valid',
  'sender_invalid',
  'sender_missing',
  // sender_destinations
  'sender_alphanumeric_replaced_abroad',
  'sender_numeric_own_number',
  // key
  'key_stored',
  'key_missing',
  // key_protection
  'protection_os',
  'protection_basic_text',
  'protection_host_file',
  'protection_unavailable',
  // key_kind
  'key_live',
  'key_test',
  // key_check
  'key_checked',
  'key_checked_long_ago',
  'key_never_checked',
  'balance_low',
  // admin_phone
  'admin_phone_mobile',
  'admin_phone_missing',
  'admin_phone_not_mobile',
  // confirmation
  'confirmed_on',
  'not_confirmed',
  'change_pending',
  // portal
  'portal_done',
  'portal_not_yet',
  'portal_changed_since',
  // last_test_send
  'test_send_delivered',
  'test_send_not_delivered',
  'test_send_sandbox_only',
  'test_send_none',
  // recent_failures
  'no_recent_failures',
  'recent_failures',
  // profiles
  'profiles_ready',
  'profiles_none',
  'profiles_not_ready',
  // gateway_mode
  'gateway_messagebird',
  'gateway_sandbox',
  // cost_guards
  'cost_guards_set',
  'cost_guards_wide',
  // retention
  'retention_days',
  'retention_long',
  // afas_advice
  'afas_advice_restricted_authenticator',
] as const;
export type ReadinessReason = (typeof READINESS_REASONS)[number];

export interface ReadinessItem<Id extends string = ProfileCheckId | GeneralCheckId> {
  id: Id;
  verdict: Verdict;
  reason: ReadinessReason;
  /** Values for the reason's text: dates as ms since epoch, amounts as numbers, masked numbers as text. */
  params: Record<string, string | number>;
  /** Where the admin fixes it; null when there is nothing to fix (or nothing the app can do). */
  fix: FixTarget | null;
}

export interface ProfileReadiness {
  profileId: string;
  participantNumber: string;
  description: string;
  /** Settings in effect were confirmed in Sandbox (or never confirmed): never ready. */
  sandbox: boolean;
  /** No item fails: the setup can be entered in the AFAS portal and serve login codes. */
  ready: boolean;
  /** The worst verdict of its items. */
  verdict: Verdict;
  items: ReadinessItem<ProfileCheckId>[];
}

export interface Readiness {
  /** `pass` only when at least one profile passes and nothing fails anywhere. */
  verdict: Verdict;
  checkedAt: number;
  gatewayMode: GatewayMode;
  profiles: ProfileReadiness[];
  general: ReadinessItem<GeneralCheckId>[];
}

// ---- User list and eligibility ------------------------------------------------------------------

export const USER_LIST_FIELDS = ['email', 'participantNumber', 'mobile', 'name'] as const;
export type UserListField = (typeof USER_LIST_FIELDS)[number];

/** Column index (0-based, into `headers`) per field; null when no column holds it. */
export type UserListMapping = Record<UserListField, number | null>;

export const ELIGIBILITY_STATUSES = [
  'eligible',
  'several_participants',
  'no_active_provider',
  'no_mobile',
  'invalid_mobile',
  'duplicate',
] as const;
export type EligibilityStatus = (typeof ELIGIBILITY_STATUSES)[number];

/** Why a mobile number is refused (`invalid_mobile`). */
export type MobileIssue = 'invalid' | 'not_mobile' | 'premium_rate' | 'shared_cost' | 'toll_free';

/** Why a row of the file was not classified; each is reported with its line number. */
export const SKIPPED_ROW_REASONS = [
  /** The file's syntax is broken on this line (e.g. an unclosed quote). */
  'unreadable',
  'missing_email',
  'invalid_email',
  'missing_participant_number',
  'invalid_participant_number',
  /** More than the row cap: the rest of the file was not read. */
  'over_row_limit',
] as const;
export type SkippedRowReason = (typeof SKIPPED_ROW_REASONS)[number];

export interface SkippedRow {
  /** 1-based line (CSV) or row (XLSX) number in the file, headers included. */
  line: number;
  reason: SkippedRowReason;
}

/** One classified user (or, for `duplicate`, one repeated row). */
export interface EligibilityRow {
  /** Index in the result, stable for a classification: the virtual table's key. */
  index: number;
  /** Line of the file the entry comes from (the user's first row). */
  line: number;
  /** As written in the file (trimmed); compared lower-case. */
  email: string;
  name: string | null;
  /** Distinct participant numbers of this user, in file order. */
  participantNumbers: string[];
  /** Masked, never the full number; null when the user has none. */
  mobileMasked: string | null;
  status: EligibilityStatus;
  /**
   * The reason's details: `several_participants` → `participantNumbers` (joined by `|`);
   * `no_active_provider` → `participantNumber`; `invalid_mobile` → `issue` (a {@link MobileIssue});
   * `duplicate` → `firstLine` (the row that counts).
   */
  details: Record<string, string | number>;
}

export type EligibilityCounts = Record<EligibilityStatus, number>;

export interface EligibilitySummary {
  /** Distinct users (e-mail addresses) classified; `duplicate` rows are not users. */
  users: number;
  counts: EligibilityCounts;
  /** Data rows read from the file (headers not included). */
  rowsRead: number;
  skippedRows: number;
}

export interface UserListImport {
  importId: string;
  fileName: string;
  format: 'csv' | 'xlsx';
  /** CSV only: the separator found. */
  delimiter: ',' | ';' | null;
  headers: string[];
  /** What was recognised automatically, or what the admin chose last. */
  mapping: UserListMapping;
  /** False when e-mail or participant number has no column: nothing can be classified yet. */
  mappingComplete: boolean;
  summary: EligibilitySummary;
  /** First {@link SKIPPED_ROWS_SHOWN} skipped rows; `summary.skippedRows` has the full count. */
  skipped: SkippedRow[];
  /** Kept in the settings (phones masked) rather than in memory only. */
  kept: boolean;
  importedAt: number;
}

export const SKIPPED_ROWS_SHOWN = 200;
export const USER_LIST_MAX_ROWS = 100_000;
/** Largest user-list file accepted: 100,000 rows of generous width. */
export const USER_LIST_MAX_BYTES = 16 * 1024 * 1024;

export interface EligibilityPage {
  /** Matching entries in total (for the virtual table's height). */
  total: number;
  offset: number;
  rows: EligibilityRow[];
}

// ---- Cost ---------------------------------------------------------------------------------------

export interface CostEstimateInput {
  eligibleUsers: number;
  loginsPerUserPerMonth: number;
  partsPerMessage: number;
  /** Euro per part, by ISO country; the estimate uses `country`'s. */
  pricePerPart: number;
  country: string;
  /** Price level the price refers to, `YYYY-MM`. */
  priceDate: string;
}

export interface CostEstimateResult {
  input: CostEstimateInput;
  messagesPerMonth: number;
  partsPerMonth: number;
  monthly: number;
  yearly: number;
  currency: 'EUR';
  /** From the last key check of a live profile; null when none is known. */
  balance: { amount: number; type: string; at: number; profileId: string } | null;
  /** How many login SMS (of `partsPerMessage` parts) the balance covers; null without a usable balance. */
  smsCoveredByBalance: number | null;
  /** Months the balance lasts at this rate; null without a balance or with no use. */
  monthsCoveredByBalance: number | null;
}

export type CostPayer = 'organisation' | 'afas';

export interface CostSplitItem {
  id: 'login_code' | 'new_user_sign_up' | 'reset_pocket' | 'reset_authenticator' | 'new_phone' | 'new_phone_number';
  payer: CostPayer;
}

export interface CostHistoryMonth {
  /** `YYYY-MM` (UTC). */
  month: string;
  count: number;
  parts: number;
  /** Euro; prices MessageBird reported, or the app's estimate where it did not. */
  cost: number;
  includesEstimates: boolean;
}

export interface CostHistory {
  currency: 'EUR';
  months: CostHistoryMonth[];
  profiles: Array<{ profileId: string; participantNumber: string; months: CostHistoryMonth[]; total: CostHistoryMonth }>;
  total: Omit<CostHistoryMonth, 'month'>;
}

// ---- Review file ----------------------------------------------------------------------------------

export const REVIEW_FILE_KIND = 'sms-provider-admin/review';
export const REVIEW_SCHEMA_VERSION = 1;
export const REVIEW_FILE_MAX_BYTES = 4 * 1024 * 1024;

export interface ReviewProfile {
  id: string;
  participantNumber: string;
  description: string;
  status: string;
  confirmedMode: GatewayMode | null;
  originator: string | null;
  adminPhoneMasked: string | null;
  keyFingerprint: string | null;
  keyKind: 'live' | 'test' | null;
  keyProtection: KeyProtection | null;
  activatedAt: number | null;
  lastKeyCheckAt: number | null;
  portal: PortalHandoff;
}

export interface ReviewLogSummary {
  rows: number;
  oldestCreatedAt: number | null;
  retentionDays: number;
  byMode: Partial<Record<SendMode, number>>;
  failuresLast30Days: number;
  liveCost: number;
}

export interface ReviewFile {
  kind: typeof REVIEW_FILE_KIND;
  schemaVersion: number;
  appVersion: string;
  createdAt: number;
  gatewayMode: GatewayMode;
  profiles: ReviewProfile[];
  readiness: Readiness;
  eligibility: (EligibilitySummary & { fileName: string; emails?: Array<{ email: string; status: EligibilityStatus }> }) | null;
  cost: CostEstimateResult;
  log: ReviewLogSummary;
}

export interface ReviewDifference {
  /** JSON-pointer-like path, e.g. `profiles/12345/originator`. */
  path: string;
  theirs: string | number | boolean | null;
  ours: string | number | boolean | null;
}

export interface ImportedReview {
  fileName: string;
  /** The file's review, to show read-only. */
  review: ReviewFile;
  differences: ReviewDifference[];
}
