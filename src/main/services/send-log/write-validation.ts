// Checks and caps every value before it reaches the log: callers pass what MessageBird or the
// gateway reported, and a bad value is refused with a `RangeError` rather than stored.
import type { SQLInputValue } from 'node:sqlite';
import type { SendLogStatus } from '@shared/send-log-types';
import type { AcceptedStatus, Price } from './write-types';

/** Longest free text (status reason, failure reason) kept in a row. */
export const MAX_TEXT = 500;

export function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): asserts value is T {
  if (!(allowed as readonly string[]).includes(value)) throw new RangeError(`invalid ${name}`);
}

const ACCEPTED_STATUSES = ['sent', 'buffered', 'delivered', 'delivery_failed', 'expired', 'not_delivered_test_key'] as const;

export function acceptedStatus(status: AcceptedStatus): SendLogStatus {
  // MessageBird reports `scheduled` briefly before sending; the app never schedules, so it reads as sent.
  const stored: string = status === 'scheduled' ? 'sent' : status;
  oneOf(stored, ACCEPTED_STATUSES, 'status');
  return stored;
}

export function count(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError('expected a whole number ≥ 0');
  return value;
}

export function checkedPrice(price: Price): Price {
  if (!Number.isFinite(price.amount) || price.amount < 0) throw new RangeError('invalid price amount');
  if (!/^[A-Z]{3}$/.test(price.currency)) throw new RangeError('invalid price currency');
  return price;
}

/** Column values for a reported part count and price; a reported price is MessageBird's, not an estimate. */
export function partsAndPrice(parts: number | null | undefined, price: Price | null): Record<string, SQLInputValue> {
  return {
    ...(parts != null ? { parts: count(parts) } : {}),
    ...(price ? { price_amount: price.amount, price_currency: price.currency, price_is_estimate: 0 } : {}),
  };
}

/** Identifiers the caller chose (profile id, participant number, sender), capped. */
export function cap(value: string, max: number): string {
  if (typeof value !== 'string' || value === '') throw new RangeError('expected a non-empty text');
  return value.slice(0, max);
}

/**
 * Free text from MessageBird or the gateway, capped. Runs of six or more digits are blanked: a
 * provider message could echo a phone number or a code, and the log must hold neither.
 */
export function text(value: string, max: number): string {
  return String(value).replace(/\+?\d[\d ]{4,}\d/g, (run) => (run.replace(/\D/g, '').length >= 6 ? '••••' : run)).slice(0, max);
}

export function optionalText(value: string | null | undefined): string | null {
  return value == null || value === '' ? null : text(value, MAX_TEXT);
}

export function errorCode(value: string | number | null | undefined): string | null {
  if (value == null || value === '') return null;
  const code = String(value);
  if (!/^[A-Za-z0-9_.:-]{1,40}$/.test(code)) throw new RangeError('invalid error code');
  return code;
}
