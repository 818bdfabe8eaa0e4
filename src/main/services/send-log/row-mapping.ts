import type { SendMode } from '@shared/gateway-types';
import type { SendLogRow, SendLogStatus, SendPurpose } from '@shared/send-log-types';

/** The columns a `SendLogRow` is read from (everything but the search-only `recipient_tail_rev`). */
export const ROW_COLUMNS = `id, created_at, updated_at, profile_id, participant_number, purpose, recipient_masked,
  recipient_hash, country, originator, messagebird_id, status, status_reason, error_code, parts,
  price_amount, price_currency, price_is_estimate, mode`;

/** Newest first; `id` breaks ties so keyset paging (`after`) never skips or repeats a row. */
export const NEWEST_FIRST = 'ORDER BY created_at DESC, id DESC';

/** A `send_log` row as SQLite returns it for `ROW_COLUMNS`. */
export interface DbRow {
  id: number;
  created_at: number;
  updated_at: number;
  profile_id: string;
  participant_number: string;
  purpose: SendPurpose;
  recipient_masked: string;
  recipient_hash: string;
  country: string;
  originator: string;
  messagebird_id: string | null;
  status: SendLogStatus;
  status_reason: string | null;
  error_code: string | null;
  parts: number;
  price_amount: number | null;
  price_currency: string | null;
  price_is_estimate: number;
  mode: SendMode;
}

export function toRow(r: DbRow): SendLogRow {
  return {
    id: r.id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    profileId: r.profile_id,
    participantNumber: r.participant_number,
    purpose: r.purpose,
    recipientMasked: r.recipient_masked,
    recipientHash: r.recipient_hash,
    country: r.country,
    originator: r.originator,
    messagebirdId: r.messagebird_id,
    status: r.status,
    statusReason: r.status_reason,
    errorCode: r.error_code,
    parts: r.parts,
    priceAmount: r.price_amount,
    priceCurrency: r.price_currency,
    priceIsEstimate: r.price_is_estimate === 1,
    mode: r.mode,
  };
}
