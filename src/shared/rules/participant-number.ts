/**
 * The AFAS participant number (deelnemernummer) a profile belongs to, and the profile's description.
 *
 * Format accepted: exactly five digits, e.g. `12345`, as AFAS shows it in the portal and on invoices.
 * Surrounding spaces are ignored. Admins often copy their environment code instead (`O12345AA` for
 * production, `T…`/`A…` for test and acceptance): that is refused with its own issue and the number inside
 * it as a suggestion, rather than silently accepted, because one environment code does not say which
 * participant number the SMS provider is meant for when an organisation has several.
 */

export const PARTICIPANT_NUMBER_INPUT_MAX = 20;
export const PARTICIPANT_NUMBER_LENGTH = 5;

export type ParticipantNumberIssue = 'empty' | 'too_long' | 'not_five_digits' | 'environment_code';

export type ParticipantNumberResult =
  | { ok: true; value: string }
  | { ok: false; issue: ParticipantNumberIssue; details?: Record<string, string | number> };

export function parseParticipantNumber(input: string): ParticipantNumberResult {
  const text = input.trim();
  if (text === '') return { ok: false, issue: 'empty' };
  if (text.length > PARTICIPANT_NUMBER_INPUT_MAX) return { ok: false, issue: 'too_long' };
  if (/^\d{5}$/.test(text)) return { ok: true, value: text };
  const environment = /^[OTA](\d{5})[A-Z]{2}$/i.exec(text);
  if (environment?.[1]) return { ok: false, issue: 'environment_code', details: { suggestion: environment[1] } };
  return { ok: false, issue: 'not_five_digits' };
}

export const DESCRIPTION_MIN = 1;
export const DESCRIPTION_MAX = 100;

export type DescriptionIssue = 'empty' | 'too_long' | 'control_characters';

export type DescriptionResult = { ok: true; value: string } | { ok: false; issue: DescriptionIssue; details?: Record<string, string | number> };

/** The internal description (only admins see it): 1–100 characters, no control characters. */
export function parseDescription(input: string): DescriptionResult {
  const text = input.trim();
  if (text.length < DESCRIPTION_MIN) return { ok: false, issue: 'empty' };
  if (text.length > DESCRIPTION_MAX) return { ok: false, issue: 'too_long', details: { max: DESCRIPTION_MAX } };
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(text)) return { ok: false, issue: 'control_characters' };
  return { ok: true, value: text };
}
