/**
 * Offline review: the AFAS portal handoff per profile, the readiness checklist, the eligibility of users
 * from an imported user list, the cost estimate and history, the review file and the printable report.
 * None of these methods calls MessageBird: they answer from the settings, the send log and the import.
 */
import { z } from 'zod';
import type { ProfileView } from '../profile-types';
import {
  ELIGIBILITY_STATUSES,
  PORTAL_NOTE_MAX,
  REVIEW_FILE_MAX_BYTES,
  USER_LIST_MAX_BYTES,
  type CostEstimateResult,
  type CostHistory,
  type EligibilityPage,
  type ImportedReview,
  type Readiness,
  type ReviewFile,
  type UserListImport,
} from '../review-types';
import { MAX_PRICE_PER_PART } from '../rules/cost';
import { defineMethod, returns } from './define';
import { noInput } from './platform';
import { profileIdSchema } from './profiles';
import type { ExportOutcome } from './send-log';

/** Base64 length of `bytes` bytes. */
const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

const fileNameSchema = z.string().min(1).max(255);

/** Where a file comes from: the native open dialog (desktop), or the browser host's file input. */
function fileSourceSchema(maxBytes: number) {
  return z.discriminatedUnion('source', [
    z.object({ source: z.literal('dialog') }).strict(),
    z
      .object({
        source: z.literal('upload'),
        fileName: fileNameSchema,
        contentBase64: z.string().max(base64Length(maxBytes) + 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not_base64'),
      })
      .strict(),
  ]);
}

export const userListSourceSchema = fileSourceSchema(USER_LIST_MAX_BYTES);
export const reviewFileSourceSchema = fileSourceSchema(REVIEW_FILE_MAX_BYTES);

/** Largest request body the browser host accepts for an upload method (the base64 file plus JSON). */
export const UPLOAD_BODY_MAX_BYTES: Readonly<Record<string, number>> = {
  importUserList: base64Length(USER_LIST_MAX_BYTES) + 64 * 1024,
  importReviewFile: base64Length(REVIEW_FILE_MAX_BYTES) + 64 * 1024,
};

const importIdSchema = z.string().regex(/^[a-f0-9]{32}$/, 'bad_import_id');
const columnSchema = z.number().int().min(0).max(999).nullable();

export const userListMappingSchema = z
  .object({ email: columnSchema, participantNumber: columnSchema, mobile: columnSchema, name: columnSchema })
  .strict();

/** Errors of reading a file the admin chose (user list or review file). */
export const FILE_READ_ERROR_CODES = [
  /** The browser host has no native dialog: upload the file instead. */
  'not_available_in_browser',
  /** `details.maxBytes`. */
  'file_too_large',
  'file_unreadable',
] as const;

export const USER_LIST_ERROR_CODES = [
  ...FILE_READ_ERROR_CODES,
  /** Not `.csv` or `.xlsx` (by name and content). */
  'unsupported_file_type',
  /** No header row or no data rows. */
  'file_empty',
  /** `details.max`, `details.rows`: more than 100,000 data rows; nothing was imported. */
  'too_many_rows',
] as const;

export const REVIEW_FILE_ERROR_CODES = [
  ...FILE_READ_ERROR_CODES,
  /** Not JSON, or JSON that does not match the review file's schema. `details.path` when known. */
  'review_file_damaged',
  /** `details.schemaVersion`, `details.supported`: written by a newer version of the app. */
  'review_file_too_new',
  /** JSON, but not a review file of this app. */
  'not_a_review_file',
] as const;

/** What an open dialog can end in: the admin may cancel it. */
export type Opened<T> = { status: 'cancelled' } | ({ status: 'imported' } & T);

/** Where a saved file went: a chosen path, a cancelled dialog, or (browser host) a one-time download. */
export type SaveOutcome = { status: 'saved'; path: string } | { status: 'cancelled' } | { status: 'download'; url: string };

/** Where a saved PDF went (the desktop app only). */
export type PdfOutcome = { status: 'saved'; path: string } | { status: 'cancelled' };

export const costEstimateInputSchema = z
  .object({
    /** Omitted: the eligible count of the current user list (0 without one). */
    eligibleUsers: z.number().int().min(0).max(10_000_000).optional(),
    loginsPerUserPerMonth: z.number().min(0).max(1000).optional(),
    /** Omitted: the parts of the test-send template. */
    partsPerMessage: z.number().int().min(1).max(10).optional(),
    pricePerPart: z.number().min(0).max(MAX_PRICE_PER_PART).optional(),
    country: z.string().regex(/^[A-Z]{2}$/).optional(),
    /** Price level, `YYYY-MM`. */
    priceDate: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
  })
  .strict();
export type CostEstimateRequest = z.infer<typeof costEstimateInputSchema>;

export const reviewContract = {
  // ---- AFAS portal handoff ----------------------------------------------------------------------
  /** The admin says they entered this profile in the AFAS portal; records when, with an optional note. */
  markPortalSaved: defineMethod({
    input: z.object({ profileId: profileIdSchema, note: z.string().trim().max(PORTAL_NOTE_MAX).optional() }).strict(),
    output: returns<ProfileView>(),
    /**
     * `not_active`: only settings in effect can be entered in the portal. `confirmed_in_sandbox`: these
     * settings were never confirmed with MessageBird, so there is nothing real to enter.
     */
    errors: ['profile_not_found', 'not_active', 'confirmed_in_sandbox'],
  }),
  /** Undoes `markPortalSaved`. */
  clearPortalSaved: defineMethod({
    input: z.object({ profileId: profileIdSchema }).strict(),
    output: returns<ProfileView>(),
    errors: ['profile_not_found'],
  }),

  // ---- Readiness ----------------------------------------------------------------------------------
  getReadiness: defineMethod({ input: noInput, output: returns<Readiness>() }),

  // ---- User list and eligibility --------------------------------------------------------------------
  /** Reads a CSV (comma or semicolon, UTF-8 with or without BOM) or XLSX and classifies it at once. */
  importUserList: defineMethod({
    input: userListSourceSchema,
    output: returns<Opened<{ list: UserListImport }>>(),
    errors: USER_LIST_ERROR_CODES,
  }),
  /** The current user list (in memory, or kept in the settings), or null. */
  getUserList: defineMethod({ input: noInput, output: returns<UserListImport | null>() }),
  /** Classifies again with the admin's column mapping. */
  classifyUserList: defineMethod({
    input: z.object({ importId: importIdSchema, mapping: userListMappingSchema }).strict(),
    output: returns<UserListImport>(),
    /** `invalid_mapping`: a column out of range or used twice (`details.field`). */
    errors: ['import_not_found', 'invalid_mapping'],
  }),
  /** A page of classified users for the virtual table; `search` matches e-mail, name or participant number. */
  getEligibilityRows: defineMethod({
    input: z
      .object({
        importId: importIdSchema,
        offset: z.number().int().min(0).max(1_000_000),
        limit: z.number().int().min(1).max(500),
        status: z.enum(ELIGIBILITY_STATUSES).optional(),
        search: z.string().max(100).optional(),
      })
      .strict(),
    output: returns<EligibilityPage>(),
    errors: ['import_not_found'],
  }),
  /** `email,participant_numbers,status,reason` through the save dialog (browser host: a download). */
  exportEligibilityCsv: defineMethod({
    input: z.object({ importId: importIdSchema, language: z.enum(['nl', 'en']).optional() }).strict(),
    output: returns<ExportOutcome>(),
    errors: ['import_not_found', 'save_failed'],
  }),
  /** Keeps the list in the settings (phone numbers masked) so it survives a restart. */
  keepUserList: defineMethod({
    input: z.object({ importId: importIdSchema }).strict(),
    output: returns<UserListImport>(),
    errors: ['import_not_found'],
  }),
  /** Removes the list from memory and from the settings. */
  clearUserList: defineMethod({ input: noInput, output: returns<{ cleared: boolean }>() }),

  // ---- Cost ---------------------------------------------------------------------------------------
  /** Monthly and yearly estimate; omitted inputs come from the last estimate, the user list and the template. */
  estimateCost: defineMethod({ input: costEstimateInputSchema.optional(), output: returns<CostEstimateResult>() }),
  /** Actual cost per month and per profile from the send log, live sends only. */
  getCostHistory: defineMethod({ input: noInput, output: returns<CostHistory>() }),

  // ---- Review file and report ---------------------------------------------------------------------
  /** The review as JSON (no key, no code, no full phone number) through the save dialog or a download. */
  exportReviewFile: defineMethod({
    input: z.object({ includeEmails: z.boolean() }).strict(),
    output: returns<SaveOutcome>(),
    errors: ['save_failed'],
  }),
  /** Reads a review file read-only and compares it with this machine; changes nothing. */
  importReviewFile: defineMethod({
    input: reviewFileSourceSchema,
    /** `ours` (always set by main): the same review made on this machine now, for the side-by-side view. */
    output: returns<Opened<ImportedReview & { ours?: ReviewFile }>>(),
    errors: REVIEW_FILE_ERROR_CODES,
  }),
  /** Desktop: prints the window (the Review page in print layout) to PDF through the save dialog. */
  saveReportPdf: defineMethod({
    input: noInput,
    output: returns<PdfOutcome>(),
    errors: ['not_available_in_browser', 'save_failed'],
  }),
};
