/**
 * The send log as the renderer reaches it: a filtered, paged table with totals,
 * row detail, CSV export through the save dialog (browser host: a download), retention and clearing.
 * Rows hold masked numbers only; see `../send-log-types`.
 */
import { z } from 'zod';
import { defineMethod, returns } from './define';
import { noInput } from './platform';
import {
  MAX_PAGE_SIZE,
  MAX_RETENTION_DAYS,
  SEND_LOG_STATUSES,
  SEND_MODES,
  SEND_PURPOSES,
  type SendLogPage,
  type SendLogRow,
} from '../send-log-types';

/** Year 9999 in ms: any sane date, and keeps numbers far from float trouble. */
const TIME_MAX = 253_402_300_799_999;
const time = z.number().int().min(0).max(TIME_MAX);
const retentionDays = z.number().int().min(1).max(MAX_RETENTION_DAYS);

export const sendLogFilterSchema = z
  .object({
    profileId: z.string().min(1).max(100).optional(),
    purpose: z.enum(SEND_PURPOSES).optional(),
    statuses: z.array(z.enum(SEND_LOG_STATUSES)).max(SEND_LOG_STATUSES.length).optional(),
    mode: z.enum(SEND_MODES).optional(),
    from: time.optional(),
    to: time.optional(),
    search: z.string().max(64).optional(),
  })
  .strict()
  .refine((f) => f.from === undefined || f.to === undefined || f.from <= f.to, {
    message: 'from must not be after to',
    path: ['to'],
  });

export const sendLogCursorSchema = z.object({ createdAt: time, id: z.number().int().min(1) }).strict();

/** What the log's settings screen shows. */
export interface SendLogInfo {
  retentionDays: number;
  rows: number;
  oldestCreatedAt: number | null;
  /** The last times the whole log was cleared and how many rows went, newest first. */
  cleared: Array<{ at: number; rows: number }>;
}

/** Where the export went: a saved file, a cancelled dialog, or (browser host) a one-time download. */
export type ExportOutcome =
  | { status: 'saved'; path: string; rows: number }
  | { status: 'cancelled' }
  | { status: 'download'; url: string; rows: number };

export const sendLogContract = {
  /** A page of rows, newest first; totals (count, parts, cost) cover the whole filter. */
  queryLog: defineMethod({
    input: z
      .object({
        filter: sendLogFilterSchema,
        offset: z.number().int().min(0).max(10_000_000).optional(),
        limit: z.number().int().min(1).max(MAX_PAGE_SIZE),
        /** Continue after this row (keyset paging); faster than a deep offset. */
        after: sendLogCursorSchema.optional(),
        withTotals: z.boolean().optional(),
      })
      .strict(),
    output: returns<SendLogPage>(),
  }),
  getLogRow: defineMethod({
    input: z.object({ id: z.number().int().min(1) }).strict(),
    output: returns<SendLogRow>(),
    errors: ['not_found'],
  }),
  /**
   * The current filter as CSV (masked numbers only) through the native save dialog, in the UI language
   * (headers, words, separator and decimal mark as that language's spreadsheet expects; English when omitted).
   */
  exportLog: defineMethod({
    input: z.object({ filter: sendLogFilterSchema, language: z.enum(['nl', 'en']).optional() }).strict(),
    output: returns<ExportOutcome>(),
    errors: ['export_too_large', 'save_failed'],
  }),
  /** Deletes rows older than the given days, or than the retention setting. */
  purgeLog: defineMethod({
    input: z.object({ olderThanDays: retentionDays.optional() }).strict(),
    output: returns<{ deleted: number; olderThanDays: number }>(),
  }),
  /** Deletes every row; the input must say `confirm: true` so no stray call can empty the log. */
  clearLog: defineMethod({
    input: z.object({ confirm: z.literal(true) }).strict(),
    output: returns<{ deleted: number }>(),
  }),
  getLogInfo: defineMethod({ input: noInput, output: returns<SendLogInfo>() }),
  /** Stores the retention period (a preference) and purges at once what falls outside it. */
  setRetentionDays: defineMethod({
    input: z.object({ days: retentionDays }).strict(),
    output: returns<{ retentionDays: number; deleted: number }>(),
  }),
};
