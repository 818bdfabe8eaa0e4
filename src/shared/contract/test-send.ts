/**
 * Test-send: the admin sends a freshly generated code to a phone to see the whole chain work
 * ("Test send"). Every send passes the cost guards of docs/SECURITY.md ("Cost abuse") first.
 */
import { z } from 'zod';
import { defineMethod, returns } from './define';
import { GATEWAY_ERROR_CODES, type SendMode } from '../gateway-types';
import type { SendLogStatus } from '../send-log-types';
import type { GatewayMode } from '../settings';
import type { CostEstimate } from '../rules/cost';
import { MAX_PRICE_PER_PART } from '../rules/cost';
import { PHONE_INPUT_MAX } from '../rules/input-limits';
import type { SmsSegments } from '../rules/sms-segments';

/** Where the generated code goes in the template. */
export const CODE_PLACEHOLDER = '{code}';
/** What the preview shows in place of the code; the real code is generated at send time. */
export const SAMPLE_CODE = '123456';
export const TEMPLATE_MAX = 320;
/** A test message longer than this is refused: it costs more and says nothing more. */
export const TEMPLATE_MAX_PARTS = 3;
export const DEFAULT_TEMPLATE = 'Testcode: {code}';

/** Puts the code in every placeholder of the template. */
export function fillTemplate(template: string, code: string): string {
  return template.split(CODE_PLACEHOLDER).join(code);
}
export const DAILY_CAP_DEFAULT = 10;
export const DAILY_CAP_MAX = 100;
/** Confirmation SMS across all profiles in any 24 hours (the setup wizard's "Next"). */
export const CONFIRMATION_DAILY_CAP_DEFAULT = 10;
export const DEFAULT_ALLOWED_COUNTRIES: readonly string[] = ['NL', 'BE'];
/** Id of the built-in profile offered while the gateway mode is Sandbox; `_` never starts a real profile id. */
export const SANDBOX_PROFILE_ID = '_sandbox';
export const PROFILE_ID_MAX = 64;

const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'country_code');

/** Stored under the settings key `testSend`; every field falls back to its default on its own. */
export const testSendSettingsSchema = z.object({
  template: z.string().max(TEMPLATE_MAX).default(DEFAULT_TEMPLATE),
  /** Test sends per profile in any 24 hours (rolling window, counted from the send log). */
  dailyCap: z.number().int().min(1).max(DAILY_CAP_MAX).default(DAILY_CAP_DEFAULT),
  /**
   * Confirmation SMS across all profiles in any 24 hours; with the allow-list below it stops SMS
   * pumping through the setup wizard (docs/SECURITY.md "Cost abuse").
   */
  confirmationDailyCap: z.number().int().min(1).max(DAILY_CAP_MAX).default(CONFIRMATION_DAILY_CAP_DEFAULT),
  allowedCountries: z
    .array(countryCode)
    .min(1)
    .max(60)
    .default([...DEFAULT_ALLOWED_COUNTRIES]),
  /** Own price per part by country (the organisation's contract), overriding the built-in estimate. */
  pricesPerPart: z
    .record(countryCode, z.number().min(0).max(MAX_PRICE_PER_PART))
    .refine((prices) => Object.keys(prices).length <= 60, 'too_many')
    .default({}),
});
export type TestSendSettings = z.infer<typeof testSendSettingsSchema>;

export const testSendSettingsPatchSchema = z
  .object({
    template: z.string().max(TEMPLATE_MAX),
    dailyCap: z.number().int().min(1).max(DAILY_CAP_MAX),
    confirmationDailyCap: z.number().int().min(1).max(DAILY_CAP_MAX),
    allowedCountries: z.array(countryCode).min(1).max(60),
    pricesPerPart: z
      .record(countryCode, z.number().min(0).max(MAX_PRICE_PER_PART))
      .refine((prices) => Object.keys(prices).length <= 60, 'too_many'),
  })
  .partial()
  .strict();
export type TestSendSettingsPatch = z.infer<typeof testSendSettingsPatchSchema>;

/** Refusals before anything is sent; each names the setting that changes it (see `details.setting`). */
export const TEST_SEND_REFUSAL_CODES = [
  'invalid_number',
  'not_mobile',
  'premium_rate',
  'shared_cost',
  'toll_free',
  'country_not_allowed',
  'daily_cap_reached',
  'template_missing_code',
  'template_too_long',
  'no_active_profile',
  'api_key_unavailable',
  /** The profile was confirmed in Sandbox and the app is in MessageBird mode: confirm it with MessageBird first. */
  'live_confirmation_required',
] as const;
export type TestSendRefusalCode = (typeof TEST_SEND_REFUSAL_CODES)[number];

export const TEST_SEND_ERROR_CODES = [...TEST_SEND_REFUSAL_CODES, 'confirmation_required', ...GATEWAY_ERROR_CODES] as const;

/** A profile the admin can test-send from. */
export interface TestSendProfile {
  id: string;
  /** Description and participant number, as the admin named the profile. */
  label: string;
  originator: string;
  /** Sandbox, MessageBird with a test key, or live MessageBird. */
  mode: SendMode;
  /** Test sends from this profile in the last 24 hours. */
  sentLast24h: number;
}

export interface TestSendSetup {
  gatewayMode: GatewayMode;
  profiles: TestSendProfile[];
  settings: TestSendSettings;
}

export interface TestSendRecipient {
  /** `+31 6 12345678`: the admin typed it, so showing it back is no disclosure. */
  international: string;
  masked: string;
  country: string;
  type: string;
}

export interface TestSendPreview {
  profileId: string;
  originator: string;
  mode: SendMode;
  /** The body with {@link SAMPLE_CODE} in place of the code. */
  body: string;
  segments: SmsSegments;
  estimate: CostEstimate;
  recipient: TestSendRecipient;
  sentLast24h: number;
  dailyCap: number;
}

/** A test send as the UI follows it: its send-log row, as the delivery poller last updated it. */
export interface TestSendStatus {
  logId: number;
  status: SendLogStatus;
  messageId?: string;
  mode: SendMode;
  statusReason?: string;
  /** MessageBird's error code (e.g. `25`) or the gateway's (e.g. `timeout`). */
  errorCode?: string;
  parts: number;
  price?: { amount: number; currency: string; estimate: boolean };
  /** True while the delivery poller still follows this message. */
  following: boolean;
}

const sendTarget = {
  profileId: z.string().trim().min(1).max(PROFILE_ID_MAX),
  recipient: z.string().max(PHONE_INPUT_MAX),
  /** The template for this send; the saved one when absent. */
  template: z.string().max(TEMPLATE_MAX).optional(),
};

export const testSendContract = {
  /** Profiles to pick from (plus Sandbox in sandbox mode) and the cost-guard settings. */
  getTestSendSetup: defineMethod({ input: z.undefined(), output: returns<TestSendSetup>() }),
  /** Runs every guard and returns what would be sent and what it would cost; sends nothing. */
  previewTestSend: defineMethod({
    input: z.object(sendTarget).strict(),
    output: returns<TestSendPreview>(),
    errors: TEST_SEND_REFUSAL_CODES,
  }),
  /**
   * Sends a fresh 6-digit code after the guards, logged `pending` first. Requires `confirmCost: true`,
   * set only after the admin confirmed the estimated cost. Never retried automatically.
   */
  sendTestCode: defineMethod({
    input: z.object({ ...sendTarget, confirmCost: z.boolean().optional() }).strict(),
    output: returns<TestSendStatus>(),
    errors: TEST_SEND_ERROR_CODES,
  }),
  /** The current status of a test send's log row, as the poller last updated it. */
  getTestSendStatus: defineMethod({
    input: z.object({ logId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict(),
    output: returns<TestSendStatus>(),
    errors: ['log_row_not_found'],
  }),
  updateTestSendSettings: defineMethod({
    input: testSendSettingsPatchSchema,
    output: returns<TestSendSettings>(),
  }),
};
