import type { EligibilityStatus, MobileIssue } from '@shared/review-types';
import type { ClassifiedEntry } from '@shared/rules/eligibility';
import type { FileSink } from '../ports';
import { csvLine } from '../send-log/csv';

type Language = 'nl' | 'en';

const MOBILE_ISSUES: Record<Language, Record<MobileIssue, string>> = {
  en: {
    invalid: 'not a valid phone number',
    not_mobile: 'not a mobile number',
    premium_rate: 'a premium-rate number',
    shared_cost: 'a shared-cost number',
    toll_free: 'a toll-free number',
  },
  nl: {
    invalid: 'geen geldig telefoonnummer',
    not_mobile: 'geen mobiel nummer',
    premium_rate: 'een betaalnummer',
    shared_cost: 'een nummer met gedeelde kosten',
    toll_free: 'een gratis nummer',
  },
};

/** The `reason` column in the admin's language; the `status` column stays the stable code. */
export function reasonText(entry: Pick<ClassifiedEntry, 'status' | 'details'>, language: Language): string {
  const d = entry.details;
  const texts: Record<Language, Record<EligibilityStatus, () => string>> = {
    en: {
      eligible: () => 'Meets the conditions for login via SMS',
      several_participants: () => `E-mail address registered under several participant numbers: ${String(d.participantNumbers)}`,
      no_active_provider: () => `Participant number ${String(d.participantNumber)} has no active MessageBird profile in this app`,
      no_mobile: () => 'No mobile number',
      invalid_mobile: () => `The phone number is ${MOBILE_ISSUES.en[d.issue as MobileIssue] ?? MOBILE_ISSUES.en.invalid}`,
      duplicate: () => `Same e-mail address and participant number as line ${String(d.firstLine)}`,
    },
    nl: {
      eligible: () => 'Voldoet aan de voorwaarden voor inloggen via sms',
      several_participants: () => `E-mailadres is bij meerdere deelnemernummers vastgelegd: ${String(d.participantNumbers)}`,
      no_active_provider: () => `Deelnemernummer ${String(d.participantNumber)} heeft geen actief MessageBird-profiel in deze app`,
      no_mobile: () => 'Geen mobiel nummer',
      invalid_mobile: () => `Het telefoonnummer is ${MOBILE_ISSUES.nl[d.issue as MobileIssue] ?? MOBILE_ISSUES.nl.invalid}`,
      duplicate: () => `Zelfde e-mailadres en deelnemernummer als regel ${String(d.firstLine)}`,
    },
  };
  return texts[language][entry.status]();
}

export const ELIGIBILITY_CSV_HEADER = ['email', 'participant_numbers', 'status', 'reason'] as const;

/**
 * `email,participant_numbers,status,reason`, one line per entry in file order; participant numbers
 * joined by `|`. A BOM first so Excel reads it as UTF-8; cells guarded against formula injection.
 */
export function writeEligibilityCsv(entries: readonly ClassifiedEntry[], language: Language, sink: FileSink): void {
  sink.write(`\uFEFF${csvLine([...ELIGIBILITY_CSV_HEADER])}`);
  let batch: string[] = [];
  for (const entry of entries) {
    batch.push(csvLine([entry.email, entry.participantNumbers.join('|'), entry.status, reasonText(entry, language)]));
    if (batch.length === 1000) {
      sink.write(batch.join(''));
      batch = [];
    }
  }
  if (batch.length > 0) sink.write(batch.join(''));
}
