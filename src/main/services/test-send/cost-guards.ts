/**
 * The cost guards a test send passes before anything reaches MessageBird (docs/SECURITY.md, "Cost abuse":
 * SMS pumping through premium or foreign numbers and resend loops). Each refusal is its own error code
 * and names, in `details.setting`, the setting that would change it (or `none` when nothing does).
 */
import {
  CODE_PLACEHOLDER,
  fillTemplate,
  SAMPLE_CODE,
  TEMPLATE_MAX_PARTS,
  type TestSendRefusalCode,
  type TestSendSettings,
} from '@shared/contract/test-send';
import { err, ok, type Result } from '@shared/result';
import { maskPhone, parseMobile, type ParsedPhone } from '@shared/rules/phone';
import { countSegments, type SmsSegments } from '@shared/rules/sms-segments';

export type Refusal = Extract<Result<never, TestSendRefusalCode>, { ok: false }>;

export interface CheckedRecipient extends ParsedPhone {
  country: string;
  masked: string;
}

/** Mobile, not premium/shared-cost/toll-free, and in a country on the allow-list. */
export function checkRecipient(input: string, allowedCountries: readonly string[]): Result<CheckedRecipient, TestSendRefusalCode> {
  const parsed = parseMobile(input);
  if (!parsed.ok) {
    switch (parsed.issue) {
      case 'premium_rate':
        return err('premium_rate', 'Premium-rate numbers are never sent to', { field: 'recipient', details: { setting: 'none' } });
      case 'shared_cost':
        return err('shared_cost', 'Shared-cost numbers are never sent to', { field: 'recipient', details: { setting: 'none' } });
      case 'toll_free':
        return err('toll_free', 'Toll-free numbers cannot receive SMS codes', { field: 'recipient', details: { setting: 'none' } });
      case 'not_mobile':
        return err('not_mobile', 'Only mobile numbers can receive SMS codes', { field: 'recipient', details: { setting: 'none' } });
      default:
        return err('invalid_number', 'Not a valid phone number', {
          field: 'recipient',
          details: { setting: 'none', issue: parsed.issue },
        });
    }
  }
  const country = parsed.value.country ?? '';
  if (!country || !allowedCountries.includes(country)) {
    return err('country_not_allowed', `Test sends to ${country || 'this region'} are not on the country allow-list`, {
      field: 'recipient',
      details: { setting: 'allowedCountries', country: country || '??', allowed: allowedCountries.join(', ') },
    });
  }
  return ok({ ...parsed.value, country, masked: maskPhone(parsed.value.e164) });
}

export interface CheckedTemplate {
  template: string;
  /** Segments of the body with a 6-digit code in it (every code has the same length and encoding). */
  segments: SmsSegments;
  sampleBody: string;
}

/** Contains the code placeholder and stays within {@link TEMPLATE_MAX_PARTS} parts. */
export function checkTemplate(template: string): Result<CheckedTemplate, TestSendRefusalCode> {
  if (!template.includes(CODE_PLACEHOLDER)) {
    return err('template_missing_code', `The message must contain ${CODE_PLACEHOLDER}`, {
      field: 'template',
      details: { setting: 'template', placeholder: CODE_PLACEHOLDER },
    });
  }
  const sampleBody = fillTemplate(template, SAMPLE_CODE);
  const segments = countSegments(sampleBody);
  if (segments.parts > TEMPLATE_MAX_PARTS) {
    return err('template_too_long', `The message takes ${segments.parts} parts; at most ${TEMPLATE_MAX_PARTS} are allowed`, {
      field: 'template',
      details: { setting: 'template', parts: segments.parts, maxParts: TEMPLATE_MAX_PARTS },
    });
  }
  return ok({ template, segments, sampleBody });
}

/** The daily cap per profile, over a rolling 24 hours. */
export function checkDailyCap(
  sentLast24h: number,
  settings: Pick<TestSendSettings, 'dailyCap'>,
): Result<void, TestSendRefusalCode> {
  if (sentLast24h >= settings.dailyCap) {
    return err('daily_cap_reached', `This profile sent ${sentLast24h} test messages in the last 24 hours (cap ${settings.dailyCap})`, {
      details: { setting: 'dailyCap', cap: settings.dailyCap, count: sentLast24h },
    });
  }
  return ok(undefined);
}
