/**
 * The same rules main applies (src/shared/rules), run as the admin types so mistakes show at once.
 * Main checks everything again on "Next"; this is for speed, not for trust.
 */
import { apiKeySchema } from '@shared/api-key';
import { parseOriginator, type OriginatorWarning } from '@shared/rules/originator';
import { parseDescription, parseParticipantNumber } from '@shared/rules/participant-number';
import { parseMobile } from '@shared/rules/phone';
import { DETAIL_FIELDS, type DetailField, type DetailsForm } from './details-form';

export { DETAIL_FIELDS, EMPTY_FORM, type DetailField, type DetailsForm } from './details-form';

export interface FieldIssue {
  issue: string;
  details?: Record<string, string | number>;
}

export type DetailIssues = Partial<Record<DetailField, FieldIssue>>;

export interface ValidationContext {
  /** The profile already has a key: an empty key field keeps it. */
  hasKey: boolean;
  /** The profile already has a phone on file: an empty phone field keeps it. */
  hasPhone: boolean;
}

export function apiKeyIssue(apiKey: string): FieldIssue | undefined {
  const parsed = apiKeySchema.safeParse(apiKey);
  if (parsed.success) return undefined;
  const message = parsed.error.issues[0]?.message;
  return { issue: message === 'too_long' || message === 'bad_characters' ? message : 'empty' };
}

export function validateDetails(form: DetailsForm, context: ValidationContext): DetailIssues {
  const issues: DetailIssues = {};
  const participant = parseParticipantNumber(form.participantNumber);
  if (!participant.ok) issues.participantNumber = { issue: participant.issue, ...(participant.details && { details: participant.details }) };
  const description = parseDescription(form.description);
  if (!description.ok) issues.description = { issue: description.issue, ...(description.details && { details: description.details }) };
  const originator = parseOriginator(form.originator);
  if (!originator.ok) issues.originator = { issue: originator.issue, ...(originator.details && { details: originator.details }) };
  if (!(context.hasKey && form.apiKey.trim() === '')) {
    const key = apiKeyIssue(form.apiKey);
    if (key) issues.apiKey = key;
  }
  if (!(context.hasPhone && form.adminPhone.trim() === '')) {
    const phone = parseMobile(form.adminPhone);
    if (!phone.ok) issues.adminPhone = { issue: phone.issue };
  }
  return issues;
}

/** Gateway failures that judge the key itself; anything else (network, certificate, timeout, 5xx) is about the connection. */
const KEY_VERDICTS: ReadonlySet<string> = new Set(['key_rejected', 'insufficient_balance', 'test_key_no_delivery', 'key_required']);
const CONNECTION_PROBLEMS: ReadonlySet<string> = new Set(['network', 'certificate', 'timeout', 'provider_unavailable', 'rate_limited', 'bad_response']);

/**
 * True when a failed key check or send failed because of the connection, not the key: such an error
 * never marks the key field as wrong, whatever field main named.
 */
export function isConnectionProblem(error: { code: string } | undefined): boolean {
  return error !== undefined && CONNECTION_PROBLEMS.has(error.code) && !KEY_VERDICTS.has(error.code);
}

export function originatorWarnings(originator: string): OriginatorWarning[] {
  const parsed = parseOriginator(originator);
  return parsed.ok ? parsed.value.warnings : [];
}

/** The first field with an issue, in form order: where focus goes. */
export function firstIssue(issues: DetailIssues): DetailField | undefined {
  return DETAIL_FIELDS.find((field) => issues[field]);
}
