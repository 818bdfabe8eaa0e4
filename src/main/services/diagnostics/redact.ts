/**
 * What never reaches the diagnostics log (docs/SECURITY.md): an API key (any `live_`/`test_` key and
 * every key the app handled: stored, read or used for a call), a confirmation or test code (six digits
 * on their own), or a full phone number (international, Dutch national notation, or a bare digit run
 * as MessageBird's recipients are written). Numbers are masked like everywhere else, keeping the
 * country code and the last two digits, so a log line still says which number it was about.
 */
import { maskPhone } from '@shared/rules/phone';

const PREFIXED_KEY = /\b(live|test)_[A-Za-z0-9]{8,}\b/g;
/** `+31 6 1234 5678`, `+31612345678`, `+1 (201) 555-0123`: a plus, then 8 to 15 digits with separators. */
const INTERNATIONAL = /\+\d(?:[ ().-]{0,2}\d){7,14}/g;
/** `06 12345678`, `020-1234567`: Dutch national notation, ten digits starting with 0. */
const DUTCH_NATIONAL = /(?<![\d+])0\d(?:[ -]?\d){8}(?!\d)/g;
/** `31612345678` as the SDK writes recipients; also catches longer ids, which is the safe side. */
const DIGIT_RUN = /(?<!\d)\d{9,15}(?!\d)/g;
/** Codes are six digits (confirmation and test codes alike). */
const CODE = /(?<![\d•])\d{6}(?![\d•])/g;

/** Secrets shorter than this are not matched literally: they would blank out ordinary words. */
const MIN_SECRET_LENGTH = 6;

function lastTwo(digits: string): string {
  return `${'•'.repeat(Math.max(digits.length - 2, 1))}${digits.slice(-2)}`;
}

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Remembers a key (or other secret) so every later line that contains it is blanked. */
  addSecret(secret: string | null | undefined): void {
    const value = secret?.trim();
    if (value && value.length >= MIN_SECRET_LENGTH) this.secrets.add(value);
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a key that contains another is blanked whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('[key]');
    return out
      .replace(PREFIXED_KEY, (_m, kind: string) => `${kind}_[key]`)
      .replace(INTERNATIONAL, (m) => maskPhone(`+${m.replace(/\D/g, '')}`))
      .replace(DUTCH_NATIONAL, (m) => lastTwo(m.replace(/\D/g, '')))
      .replace(DIGIT_RUN, (m) => lastTwo(m))
      .replace(CODE, '••••••');
  }
}
