/**
 * The sender ("originator") users see on their login code. Pure rules shared by the form and main.
 * @see docs/MESSAGEBIRD.md "Originator (sender)"
 *
 * Accepted:
 * - alphanumeric: 3–11 characters of A–Z, a–z, 0–9 and space, with at least one letter
 *   (a string of only digits is read as a number);
 * - numeric: a phone number in international form, 3–17 digits, no leading 0; a leading `+` is dropped
 *   because MessageBird wants digits only.
 * Refused: the generic names in {@link BLOCKED_ORIGINATORS} and anything containing "MessageBird" —
 * operators filter these as spam or impersonation, so a code would silently not arrive.
 */

export const ORIGINATOR_INPUT_MAX = 40;
export const ALPHANUMERIC_MIN = 3;
export const ALPHANUMERIC_MAX = 11;
export const NUMERIC_MIN = 3;
export const NUMERIC_MAX = 17;

/**
 * Generic senders refused by MessageBird or by operators' spam filters, compared case-insensitively
 * with spaces, dots, dashes and underscores removed ("No Reply" = NOREPLY). Kept short on purpose:
 * it blocks what says nothing about who sends, not ordinary words.
 */
export const BLOCKED_ORIGINATORS: readonly string[] = [
  'NOREPLY',
  'DONOTREPLY',
  'INFO',
  'SMS',
  'TEST',
  'VERIFY',
  'VERIFICATION',
  'CODE',
  'OTP',
  'ALERT',
  'NOTIFICATION',
  'ADMIN',
  'SUPPORT',
  'SERVICE',
  'SENDER',
  'UNKNOWN',
  'ANONYMOUS',
];

/** Refused wherever they occur in the name. */
export const BLOCKED_ORIGINATOR_PARTS: readonly string[] = ['MESSAGEBIRD'];

export type OriginatorIssue =
  | 'empty'
  | 'too_short'
  | 'too_long'
  | 'bad_characters'
  | 'numeric_too_short'
  | 'numeric_too_long'
  | 'numeric_leading_zero'
  | 'blocked_name';

/** Not errors: things the admin should know before relying on the sender. */
export type OriginatorWarning =
  /** US and Canada refuse alphanumeric senders; some countries require them to be registered. */
  | 'alphanumeric_not_everywhere'
  /** A numeric sender should be a number the organisation owns, or replies go to a stranger. */
  | 'numeric_must_be_own_number';

export interface ParsedOriginator {
  /** What MessageBird receives. */
  value: string;
  kind: 'alphanumeric' | 'numeric';
  warnings: OriginatorWarning[];
}

export type OriginatorResult =
  | { ok: true; value: ParsedOriginator }
  | { ok: false; issue: OriginatorIssue; details?: Record<string, string | number> };

function squash(text: string): string {
  return text.toUpperCase().replace(/[\s._-]/g, '');
}

/** True when the name is a generic or impersonating sender (see {@link BLOCKED_ORIGINATORS}). */
export function isBlockedOriginator(text: string): boolean {
  const key = squash(text);
  return BLOCKED_ORIGINATORS.includes(key) || BLOCKED_ORIGINATOR_PARTS.some((part) => key.includes(part));
}

/** Checks a sender as typed; returns the value to send or one issue code the UI translates. */
export function parseOriginator(input: string): OriginatorResult {
  const text = input.trim();
  if (text === '') return { ok: false, issue: 'empty' };
  if (text.length > ORIGINATOR_INPUT_MAX) return { ok: false, issue: 'too_long', details: { max: ALPHANUMERIC_MAX } };

  if (/^\+?\d+$/.test(text)) {
    const digits = text.replace(/^\+/, '');
    if (digits.startsWith('0')) return { ok: false, issue: 'numeric_leading_zero' };
    if (digits.length < NUMERIC_MIN) return { ok: false, issue: 'numeric_too_short', details: { min: NUMERIC_MIN } };
    if (digits.length > NUMERIC_MAX) return { ok: false, issue: 'numeric_too_long', details: { max: NUMERIC_MAX } };
    return { ok: true, value: { value: digits, kind: 'numeric', warnings: ['numeric_must_be_own_number'] } };
  }

  if (!/^[A-Za-z0-9 ]+$/.test(text)) return { ok: false, issue: 'bad_characters' };
  if (text.length < ALPHANUMERIC_MIN) return { ok: false, issue: 'too_short', details: { min: ALPHANUMERIC_MIN } };
  if (text.length > ALPHANUMERIC_MAX) return { ok: false, issue: 'too_long', details: { max: ALPHANUMERIC_MAX } };
  if (isBlockedOriginator(text)) return { ok: false, issue: 'blocked_name' };
  return { ok: true, value: { value: text, kind: 'alphanumeric', warnings: ['alphanumeric_not_everywhere'] } };
}
