/**
 * The send log's vocabulary, shared by main (SQLite service, IPC handlers) and the renderer (table,
 * filters). A row never holds the confirmation code or the full phone number (docs/ARCHITECTURE.md "Data").
 */
import type { SendMode } from './gateway-types';

/** Why a message was sent: a wizard confirmation code or an admin's test send. */
export const SEND_PURPOSES = ['confirmation', 'test'] as const;
export type SendPurpose = (typeof SEND_PURPOSES)[number];

export const SEND_MODES = ['live', 'test', 'sandbox'] as const satisfies readonly SendMode[];

/**
 * Life of a row:
 * - `pending`: written and committed before the API call; still pending after a crash means "maybe sent".
 * - `sent`, `buffered`: MessageBird accepted it (`scheduled` is stored as `sent`); polled until final.
 * - `delivered`, `delivery_failed`, `expired`: MessageBird's final delivery statuses.
 * - `failed`: MessageBird refused the request (4xx, 402/25 …) or it never left; nothing was sent.
 * - `unknown`: a timeout, reset or interrupted send: it may have been sent. Never retried automatically.
 * - `not_delivered_test_key`: accepted with a test key; MessageBird never delivers these, so no polling.
 */
export const SEND_LOG_STATUSES = [
  'pending',
  'sent',
  'buffered',
  'delivered',
  'delivery_failed',
  'expired',
  'failed',
  'unknown',
  'not_delivered_test_key',
] as const;
export type SendLogStatus = (typeof SEND_LOG_STATUSES)[number];

/** Statuses that polling may still change. */
export const IN_FLIGHT_STATUSES = ['sent', 'buffered'] as const satisfies readonly SendLogStatus[];

/** Statuses no later update may change. */
export const FINAL_STATUSES = [
  'delivered',
  'delivery_failed',
  'expired',
  'failed',
  'unknown',
  'not_delivered_test_key',
] as const satisfies readonly SendLogStatus[];

export function isFinalSendLogStatus(status: SendLogStatus): boolean {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

/** One send as the log keeps it. Times are milliseconds since the epoch. */
export interface SendLogRow {
  id: number;
  createdAt: number;
  updatedAt: number;
  profileId: string;
  participantNumber: string;
  purpose: SendPurpose;
  /** E.g. `+31 6 •••• 5678`: country calling code and the last 2–4 digits only. */
  recipientMasked: string;
  /** Keyed hash of the full number (per-install key): groups sends to one number without storing it. */
  recipientHash: string;
  /** ISO 3166 alpha-2 country of the number, `ZZ` when unknown. */
  country: string;
  originator: string;
  messagebirdId: string | null;
  status: SendLogStatus;
  statusReason: string | null;
  /** MessageBird's error code (e.g. `25`) or the gateway's error code (e.g. `timeout`). */
  errorCode: string | null;
  parts: number;
  priceAmount: number | null;
  priceCurrency: string | null;
  /** True when the price is the app's own estimate, false when MessageBird reported it. */
  priceIsEstimate: boolean;
  mode: SendMode;
}

/**
 * What the table filters on; every field narrows (AND). `from` is inclusive, `to` exclusive.
 * `search` matches a MessageBird id (prefix), the last digits of a number (`5678`), the start of the
 * masked number (`+31 6`), or a full international number (`+31612345678`, matched through its hash).
 */
export interface SendLogFilter {
  profileId?: string;
  purpose?: SendPurpose;
  statuses?: SendLogStatus[];
  mode?: SendMode;
  from?: number;
  to?: number;
  search?: string;
}

export interface CostTotal {
  currency: string;
  amount: number;
  /** True when at least one row in this sum carries the app's estimate instead of MessageBird's price. */
  includesEstimates: boolean;
}

/** Totals over every row the filter matches, not just the page. */
export interface SendLogTotals {
  count: number;
  parts: number;
  /**
   * What may have been charged, one entry per currency (normally just EUR): live sends only. Sandbox
   * rows, test-key sends and sends that failed before they left cost nothing and are in none.
   */
  cost: CostTotal[];
  /** How many of `count` are Sandbox rows (simulated: never sent, never charged). */
  sandboxCount: number;
  /**
   * True when a search matched more than `SEARCH_TOTALS_CAP` rows: the figures then cover only that
   * many (show "5,000+"), so a broad search stays fast on a large log.
   */
  capped?: boolean;
}

/** Where to continue after the last row of a page (keyset paging; faster than deep offsets). */
export interface SendLogCursor {
  createdAt: number;
  id: number;
}

export interface SendLogPage {
  rows: SendLogRow[];
  /** Present when the query asked for totals. */
  totals?: SendLogTotals;
  /** Cursor after the last row, or null at the end. */
  next: SendLogCursor | null;
}

/** Totals for a search stop counting here (filters without a search are always exact). */
export const SEARCH_TOTALS_CAP = 5_000;

export const DEFAULT_RETENTION_DAYS = 180;
export const MAX_RETENTION_DAYS = 3650;
export const MAX_PAGE_SIZE = 500;
/** Exports larger than this are refused; narrow the filter (a 1M-row CSV is ~150 MB). */
export const MAX_EXPORT_ROWS = 1_000_000;
