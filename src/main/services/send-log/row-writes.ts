import type { SQLInputValue } from 'node:sqlite';
import { IN_FLIGHT_STATUSES, SEND_MODES, SEND_PURPOSES, type SendLogStatus } from '@shared/send-log-types';
import type { LogContext } from './log-context';
import { normalizeInternational, storedRecipient } from './recipient';
import type { FailedUpdate, PendingSend, SentUpdate, StatusUpdate } from './write-types';
import {
  MAX_TEXT,
  acceptedStatus,
  cap,
  checkedPrice,
  count,
  errorCode,
  oneOf,
  optionalText,
  partsAndPrice,
  text,
} from './write-validation';

// A row's life: `pending` before the API call, then one transition to what MessageBird answered.
// Each transition names the statuses it may start from, so a late or repeated answer never
// overwrites a final outcome. Every write commits before it returns.

/** Records a send before the API call, committed on return. Returns the row id. */
export function appendPending(ctx: LogContext, send: PendingSend): number {
  const e164 = normalizeInternational(send.recipient);
  if (!e164) throw new RangeError('recipient must be an international number like +31612345678');
  oneOf(send.purpose, SEND_PURPOSES, 'purpose');
  oneOf(send.mode, SEND_MODES, 'mode');
  const recipient = storedRecipient(ctx.hashKey, e164);
  const country = send.country ?? recipient.country;
  if (!/^[A-Z]{2}$/.test(country)) throw new RangeError('country must be an ISO 3166 alpha-2 code');
  const estimate = send.estimate ? checkedPrice(send.estimate) : null;
  const now = ctx.clock.now();
  const result = ctx
    .statement(
      `INSERT INTO send_log (created_at, updated_at, profile_id, participant_number, purpose,
         recipient_masked, recipient_tail_rev, recipient_hash, country, originator, status, parts,
         price_amount, price_currency, price_is_estimate, mode)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, 1, ?)`,
    )
    .run(
      now,
      now,
      cap(send.profileId, 100),
      cap(send.participantNumber, 32),
      send.purpose,
      recipient.masked,
      recipient.tailReversed,
      recipient.hash,
      country,
      cap(send.originator, 32),
      count(send.parts),
      estimate?.amount ?? null,
      estimate?.currency ?? null,
      send.mode,
    );
  return Number(result.lastInsertRowid);
}

/** MessageBird accepted the message; applies to `pending` and `unknown` rows (the answer proves it was sent). */
export function markSent(ctx: LogContext, id: number, update: SentUpdate): boolean {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(update.messagebirdId)) throw new RangeError('invalid MessageBird id');
  const status = acceptedStatus(update.status);
  const price = update.price ? checkedPrice(update.price) : null;
  return transition(ctx, id, ['pending', 'unknown'], {
    messagebird_id: update.messagebirdId,
    status,
    status_reason: optionalText(update.statusReason),
    error_code: null,
    ...partsAndPrice(update.parts, price),
  });
}

/** Nothing was sent (refused, or the request never left); applies to `pending` rows. */
export function markFailed(ctx: LogContext, id: number, update: FailedUpdate): boolean {
  return transition(ctx, id, ['pending'], {
    status: 'failed',
    status_reason: text(update.reason, MAX_TEXT),
    error_code: errorCode(update.errorCode),
  });
}

/** The outcome cannot be known (timeout, reset): maybe sent, never retried. Applies to `pending` rows. */
export function markUnknown(ctx: LogContext, id: number, reason: string): boolean {
  return transition(ctx, id, ['pending'], { status: 'unknown', status_reason: text(reason, MAX_TEXT) });
}

/** A status from polling; applies only while the row is `sent` or `buffered`, final rows stay. */
export function updateStatus(ctx: LogContext, id: number, update: StatusUpdate): boolean {
  const status = acceptedStatus(update.status);
  const price = update.price ? checkedPrice(update.price) : null;
  return transition(ctx, id, IN_FLIGHT_STATUSES, {
    status,
    ...(update.statusReason !== undefined ? { status_reason: optionalText(update.statusReason) } : {}),
    ...(update.errorCode !== undefined ? { error_code: errorCode(update.errorCode) } : {}),
    ...partsAndPrice(update.parts, price),
  });
}

/** Turns `pending` rows created before `beforeMs` into `unknown`; returns how many. */
export function interruptPending(ctx: LogContext, beforeMs: number): number {
  const result = ctx
    .statement(
      `UPDATE send_log SET status = 'unknown', updated_at = ?,
         status_reason = 'The app stopped before the send finished; it may have been sent.'
       WHERE status = 'pending' AND created_at < ?`,
    )
    .run(ctx.clock.now(), beforeMs);
  return Number(result.changes);
}

/** Sets `values` on row `id` if its status is one of `from`; true when the row changed. */
function transition(
  ctx: LogContext,
  id: number,
  from: readonly SendLogStatus[],
  values: Record<string, SQLInputValue>,
): boolean {
  const columns = Object.keys(values);
  const sql =
    `UPDATE send_log SET ${columns.map((c) => `${c} = ?`).join(', ')}, updated_at = ? ` +
    `WHERE id = ? AND status IN (${from.map(() => '?').join(', ')})`;
  const result = ctx.statement(sql).run(...Object.values(values), ctx.clock.now(), id, ...from);
  return Number(result.changes) === 1;
}
