/**
 * Provider profiles and the setup wizard: one profile per AFAS participant number, set up and
 * changed only through a confirmation code sent to the admin's phone.
 *
 * Flow: `startProfileSetup` (step 1 "Next": save the draft, check the key, send a code) →
 * `verifyProfileCode` (step 3) → `activateProfile` with `acknowledgeCosts: true` (step 4).
 * Replacing the key or changing the sender or the admin's phone of an active profile goes through the
 * same calls; the settings in effect stay until the change is activated.
 */
import { z } from 'zod';
import { apiKeySchema } from '../api-key';
import { GATEWAY_ERROR_CODES } from '../gateway-types';
import type { ConfirmationDeliveryView, ConfirmationSent, ProfileView } from '../profile-types';
import { PHONE_INPUT_MAX } from '../rules/input-limits';
import { ORIGINATOR_INPUT_MAX } from '../rules/originator';
import { PARTICIPANT_NUMBER_INPUT_MAX } from '../rules/participant-number';
import { defineMethod, returns } from './define';

export const profileIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'bad_id');

/** A field-level validation failure; `field` names the input, `details.issue` the rule's issue code. */
export const PROFILE_VALIDATION_CODES = [
  'invalid_participant_number',
  'invalid_description',
  'invalid_originator',
  'invalid_phone',
] as const;

const PROFILE_STATE_CODES = [
  'profile_not_found',
  /** Another profile already serves this participant number. */
  'participant_number_taken',
  /** The participant number of a profile that was ever active cannot change: make a new profile. */
  'participant_number_locked',
  /** No key was given and the profile has none to keep. */
  'key_required',
  'vault_unavailable',
  /** Linux basic_text backend: the admin must consent in Settings first. */
  'vault_consent_required',
] as const;

export const SEND_CODE_ERROR_CODES = [
  ...PROFILE_VALIDATION_CODES,
  ...PROFILE_STATE_CODES,
  ...GATEWAY_ERROR_CODES,
  /** A MessageBird test key: it delivers nothing, so the code could never arrive. */
  'test_key_no_delivery',
  /** `details.retryAt`: ms since epoch when a resend is allowed. */
  'resend_cooldown',
  /** More than 3 codes to this number in 10 minutes; `details.retryAt`. */
  'send_limit_reached',
  /** Too many wrong codes for this setup in 24 hours; `details.lockedUntil` (ms since epoch). */
  'setup_locked',
  /** The admin's number is in a country outside the cost guards' allow-list (the same one as test send); `details.country`. */
  'country_not_allowed',
  /** The daily cap on confirmation SMS across all profiles is reached; `details.cap`, `details.retryAt`. */
  'confirmation_daily_cap_reached',
  /** Nothing to confirm: no draft or pending change. */
  'nothing_pending',
] as const;

export const VERIFY_CODE_ERROR_CODES = [
  'profile_not_found',
  /** `details.attemptsLeft`. */
  'code_wrong',
  'code_expired',
  /** Five wrong entries: the code is cancelled; request a new one. */
  'code_exhausted',
  /** No code is out (never sent, already used, or the app restarted). */
  'code_not_pending',
  /** Too many wrong codes for this setup in 24 hours; `details.lockedUntil` (ms since epoch). */
  'setup_locked',
] as const;

const detailsInput = {
  participantNumber: z.string().max(PARTICIPANT_NUMBER_INPUT_MAX),
  description: z.string().max(200),
  originator: z.string().max(ORIGINATOR_INPUT_MAX),
  /** Omitted or blank for an existing profile: keep its phone (the renderer only has it masked). */
  adminPhone: z.string().max(PHONE_INPUT_MAX).optional(),
  /** Omitted: keep the key the draft or profile already has. */
  apiKey: apiKeySchema.optional(),
};

export const profileDetailsSchema = z
  .object({
    /** Omitted for a new profile. */
    id: profileIdSchema.optional(),
    ...detailsInput,
  })
  .strict();
export type ProfileDetailsInput = z.input<typeof profileDetailsSchema>;

const messageLanguageSchema = z.enum(['nl', 'en']);
const confirmFlag = z.literal(true);

export const profilesContract = {
  listProfiles: defineMethod({ input: z.undefined(), output: returns<ProfileView[]>() }),
  /**
   * Saves a draft (new profile) or a pending change (existing profile) without sending anything; the
   * key, when given, goes to the vault. A description-only edit of an active profile applies at once.
   */
  saveProfileDraft: defineMethod({
    input: profileDetailsSchema,
    output: returns<ProfileView>(),
    errors: [...PROFILE_VALIDATION_CODES, ...PROFILE_STATE_CODES],
  }),
  /** Step 1 "Next": saves, checks the key live, and sends a fresh code to the admin's phone. */
  startProfileSetup: defineMethod({
    input: profileDetailsSchema.extend({ language: messageLanguageSchema.optional() }).strict(),
    output: returns<ConfirmationSent>(),
    errors: SEND_CODE_ERROR_CODES,
  }),
  /** Sends a new code for the saved draft or pending change; respects the cooldown. */
  resendProfileCode: defineMethod({
    input: z.object({ id: profileIdSchema, language: messageLanguageSchema.optional() }).strict(),
    output: returns<ConfirmationSent>(),
    errors: SEND_CODE_ERROR_CODES,
  }),
  /** Delivery status of a confirmation SMS (`logId` from `ConfirmationSent`), polled by the "code sent" step. */
  getConfirmationDelivery: defineMethod({
    input: z.object({ id: profileIdSchema, logId: z.string().regex(/^\d{1,15}$/) }).strict(),
    output: returns<ConfirmationDeliveryView>(),
    errors: ['log_row_not_found'],
  }),
  verifyProfileCode: defineMethod({
    input: z.object({ id: profileIdSchema, code: z.string().trim().max(12) }).strict(),
    output: returns<ProfileView>(),
    errors: VERIFY_CODE_ERROR_CODES,
  }),
  /** Step 4 "Save": needs a verified code and the admin's acknowledgement of the costs. */
  activateProfile: defineMethod({
    input: z.object({ id: profileIdSchema, acknowledgeCosts: confirmFlag }).strict(),
    output: returns<ProfileView>(),
    errors: ['profile_not_found', 'not_verified', 'nothing_pending', 'vault_unavailable', 'vault_consent_required'],
  }),
  /** Drops the pending change of a profile; the settings in effect stay. Drafts are deleted instead. */
  discardProfileChange: defineMethod({
    input: z.object({ id: profileIdSchema }).strict(),
    output: returns<ProfileView>(),
    errors: ['profile_not_found', 'nothing_pending'],
  }),
  /** `GET /balance` with the profile's key in effect (or its draft key); records the last check. */
  checkProfileKey: defineMethod({
    input: z.object({ id: profileIdSchema }).strict(),
    output: returns<ProfileView>(),
    errors: ['profile_not_found', 'key_required', ...GATEWAY_ERROR_CODES],
  }),
  /** Deletes the key from the vault; an active profile is disabled until a new key is confirmed. */
  removeProfileKey: defineMethod({
    input: z.object({ id: profileIdSchema, confirm: confirmFlag }).strict(),
    output: returns<ProfileView>(),
    errors: ['profile_not_found'],
  }),
  /** Stops using the profile; the key stays. Re-enabling goes through a new confirmation. */
  disableProfile: defineMethod({
    input: z.object({ id: profileIdSchema, confirm: confirmFlag }).strict(),
    output: returns<ProfileView>(),
    errors: ['profile_not_found'],
  }),
  /** Deletes the profile and every key it has in the vault. */
  deleteProfile: defineMethod({
    input: z.object({ id: profileIdSchema, confirm: confirmFlag }).strict(),
    output: returns<{ deleted: true }>(),
    errors: ['profile_not_found'],
  }),
};
