/**
 * The review file: the review as JSON for a colleague or auditor, and reading one back read-only to
 * compare it with this machine. It holds no secret: keys appear as fingerprint and protection only,
 * phone numbers masked, no confirmation code, e-mail addresses only when the admin opts in.
 * A file is checked against the schema before anything of it is shown; a damaged file, one from a
 * newer version or one that is no review file is refused with its reason and changes nothing.
 */
import { z } from 'zod';
import {
  ELIGIBILITY_STATUSES,
  GENERAL_CHECK_IDS,
  PROFILE_CHECK_IDS,
  READINESS_REASONS,
  REVIEW_FILE_KIND,
  REVIEW_SCHEMA_VERSION,
  type ReviewFile,
} from '@shared/review-types';

const text = (max = 200) => z.string().max(max);
const time = z.number().int().min(0).max(253_402_300_799_999);
const verdict = z.enum(['pass', 'warn', 'fail']);
const mode = z.enum(['sandbox', 'messagebird']);
const params = z.record(text(64), z.union([text(500), z.number()])).refine((p) => Object.keys(p).length <= 20, 'too_many_params');
const fix = z.object({ page: z.enum(['setup', 'testSend', 'sendLog', 'settings', 'review']), profileId: text(64).optional() }).nullable();
const readinessItem = <T extends readonly [string, ...string[]]>(ids: T) =>
  z.object({ id: z.enum(ids), verdict, reason: z.enum(READINESS_REASONS), params, fix });
const counts = z.object(Object.fromEntries(ELIGIBILITY_STATUSES.map((s) => [s, z.number().int().min(0)])) as Record<(typeof ELIGIBILITY_STATUSES)[number], z.ZodNumber>);
const portal = z.object({ state: z.enum(['not_yet', 'done', 'changed_since']), savedAt: time.nullable(), note: text(500).nullable() });

const reviewFileSchema = z.object({
  kind: z.literal(REVIEW_FILE_KIND),
  schemaVersion: z.number().int().min(1),
  appVersion: text(64),
  createdAt: time,
  gatewayMode: mode,
  profiles: z
    .array(
      z.object({
        id: text(64),
        participantNumber: z.string().regex(/^\d{5}$/),
        description: text(100),
        status: z.enum(['draft', 'awaiting_confirmation', 'active', 'disabled']),
        confirmedMode: mode.nullable(),
        originator: text(17).nullable(),
        adminPhoneMasked: text(40).nullable(),
        keyFingerprint: z.string().regex(/^[0-9a-f]{8}$/).nullable(),
        keyKind: z.enum(['live', 'test']).nullable(),
        keyProtection: z.enum(['os', 'basic_text', 'host_file', 'unavailable']).nullable(),
        activatedAt: time.nullable(),
        lastKeyCheckAt: time.nullable(),
        portal,
      }),
    )
    .max(500),
  readiness: z.object({
    verdict,
    checkedAt: time,
    gatewayMode: mode,
    profiles: z
      .array(
        z.object({
          profileId: text(64),
          participantNumber: text(20),
          description: text(100),
          sandbox: z.boolean(),
          ready: z.boolean(),
          verdict,
          items: z.array(readinessItem(PROFILE_CHECK_IDS)).max(50),
        }),
      )
      .max(500),
    general: z.array(readinessItem(GENERAL_CHECK_IDS)).max(50),
  }),
  eligibility: z
    .object({
      fileName: text(255),
      users: z.number().int().min(0),
      counts,
      rowsRead: z.number().int().min(0),
      skippedRows: z.number().int().min(0),
      emails: z.array(z.object({ email: text(254), status: z.enum(ELIGIBILITY_STATUSES) })).max(200_000).optional(),
    })
    .nullable(),
  cost: z.object({
    input: z.object({
      eligibleUsers: z.number().min(0),
      loginsPerUserPerMonth: z.number().min(0),
      partsPerMessage: z.number().int().min(1),
      pricePerPart: z.number().min(0),
      country: z.string().regex(/^[A-Z]{2}$/),
      priceDate: text(7),
    }),
    messagesPerMonth: z.number().min(0),
    partsPerMonth: z.number().min(0),
    monthly: z.number().min(0),
    yearly: z.number().min(0),
    currency: z.literal('EUR'),
    balance: z.object({ amount: z.number(), type: text(64), at: time, profileId: text(64) }).nullable(),
    smsCoveredByBalance: z.number().min(0).nullable(),
    monthsCoveredByBalance: z.number().min(0).nullable(),
  }),
  log: z.object({
    rows: z.number().int().min(0),
    oldestCreatedAt: time.nullable(),
    retentionDays: z.number().int().min(1),
    byMode: z.object({ live: z.number().int().min(0), test: z.number().int().min(0), sandbox: z.number().int().min(0) }).partial(),
    failuresLast30Days: z.number().int().min(0),
    liveCost: z.number().min(0),
  }),
});

export type ReviewFileProblem =
  | { code: 'review_file_damaged'; path?: string }
  | { code: 'review_file_too_new'; schemaVersion: number }
  | { code: 'not_a_review_file' };

export function serialiseReview(review: ReviewFile): string {
  return `${JSON.stringify(review, null, 2)}\n`;
}

/** Reads a review file's text; nothing of a refused file is returned. */
export function parseReviewFile(textContent: string): { ok: true; review: ReviewFile } | { ok: false; problem: ReviewFileProblem } {
  let json: unknown;
  try {
    json = JSON.parse(textContent.charCodeAt(0) === 0xfeff ? textContent.slice(1) : textContent);
  } catch {
    return { ok: false, problem: { code: 'review_file_damaged' } };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json) || (json as { kind?: unknown }).kind !== REVIEW_FILE_KIND) {
    return { ok: false, problem: { code: 'not_a_review_file' } };
  }
  const version = (json as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > REVIEW_SCHEMA_VERSION) {
    return { ok: false, problem: { code: 'review_file_too_new', schemaVersion: version } };
  }
  const parsed = reviewFileSchema.safeParse(json);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join('/');
    return { ok: false, problem: path ? { code: 'review_file_damaged', path } : { code: 'review_file_damaged' } };
  }
  return { ok: true, review: parsed.data as ReviewFile };
}
