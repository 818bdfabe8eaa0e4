/**
 * Phone numbers, parsed with libphonenumber-js's `max` metadata (the only build that knows number
 * types, which the mobile and premium-rate rules need). Dutch admins type `06…`, so NL is the default.
 */
import { parsePhoneNumberWithError, type CountryCode, type NumberType } from 'libphonenumber-js/max';
import { PHONE_INPUT_MAX } from './input-limits';

export { PHONE_INPUT_MAX };

export type PhoneIssue =
  | 'empty'
  | 'too_long'
  | 'invalid'
  | 'not_mobile'
  | 'premium_rate'
  | 'shared_cost'
  | 'toll_free';

export interface ParsedPhone {
  /** `+31612345678`: what MessageBird receives. */
  e164: string;
  /** ISO 3166 alpha-2, when the number belongs to one country. */
  country?: string;
  type?: NumberType;
  /** `+31 6 12345678`: what the admin sees while typing. */
  international: string;
}

export type PhoneResult = { ok: true; value: ParsedPhone } | { ok: false; issue: PhoneIssue };

/**
 * The last few parses, by country and text: a test send parses its recipient more than once (guards,
 * preview, send), and each parse with the full metadata costs far more than the lookup. Results are
 * frozen, so a caller cannot change what the next one gets.
 */
const recentParses = new Map<string, PhoneResult>();
const RECENT_PARSES_MAX = 32;

/** Parses any reasonable notation to E.164; rejects what is not a valid number. */
export function parsePhone(input: string, defaultCountry: CountryCode = 'NL'): PhoneResult {
  const text = input.trim();
  if (text === '') return { ok: false, issue: 'empty' };
  if (text.length > PHONE_INPUT_MAX) return { ok: false, issue: 'too_long' };
  const key = `${defaultCountry} ${text}`;
  const known = recentParses.get(key);
  if (known) return known;
  const result = parseUncached(text, defaultCountry);
  if (recentParses.size >= RECENT_PARSES_MAX) recentParses.delete(recentParses.keys().next().value as string);
  recentParses.set(key, result);
  return result;
}

function parseUncached(text: string, defaultCountry: CountryCode): PhoneResult {
  try {
    const number = parsePhoneNumberWithError(text, defaultCountry);
    if (!number.isValid()) return Object.freeze({ ok: false, issue: 'invalid' });
    return Object.freeze({
      ok: true,
      value: Object.freeze({
        e164: number.number,
        country: number.country,
        type: number.getType(),
        international: number.formatInternational(),
      }),
    });
  } catch {
    return Object.freeze({ ok: false, issue: 'invalid' });
  }
}

/** Types that can never receive an SMS code, or that cost the sender extra (SMS pumping). */
const REFUSED_TYPES: Partial<Record<NonNullable<NumberType>, PhoneIssue>> = {
  PREMIUM_RATE: 'premium_rate',
  SHARED_COST: 'shared_cost',
  TOLL_FREE: 'toll_free',
};

/**
 * A number that can receive an SMS code: valid, not premium/shared-cost/toll-free, and mobile.
 * `FIXED_LINE_OR_MOBILE` counts as mobile: North American numbers cannot be told apart.
 */
export function parseMobile(input: string, defaultCountry: CountryCode = 'NL'): PhoneResult {
  const parsed = parsePhone(input, defaultCountry);
  if (!parsed.ok) return parsed;
  const type = parsed.value.type;
  const refused = type ? REFUSED_TYPES[type] : undefined;
  if (refused) return { ok: false, issue: refused };
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') return { ok: false, issue: 'not_mobile' };
  return parsed;
}

/**
 * Shows a number without revealing it: country code and the last two digits, e.g. `+31 ••••••• 78`.
 * Used in the UI, the send log and exports (docs/SECURITY.md: never the full number).
 */
export function maskPhone(e164: string): string {
  const known = recentMasks.get(e164);
  if (known !== undefined) return known;
  const masked = maskUncached(e164);
  if (recentMasks.size >= RECENT_PARSES_MAX) recentMasks.delete(recentMasks.keys().next().value as string);
  recentMasks.set(e164, masked);
  return masked;
}

/** The last few masks, for the same reason as `recentParses`. */
const recentMasks = new Map<string, string>();

function maskUncached(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  try {
    const cc = parsePhoneNumberWithError(e164).countryCallingCode;
    const rest = digits.slice(cc.length);
    return `+${cc} ${'•'.repeat(Math.max(rest.length - 2, 1))}${rest.slice(-2)}`;
  } catch {
    return `${'•'.repeat(Math.max(digits.length - 2, 1))}${digits.slice(-2)}`;
  }
}
