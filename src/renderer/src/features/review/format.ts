/** Numbers, money, dates and months for the review, in the language it is shown in (page or report). */

import { formatDateTime, formatMoney as formatCurrency, intlLocale } from '../../i18n/format';

export { formatDateTime, intlLocale };

export function formatNumber(value: number, language: string, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits }).format(value);
}

/** Money as every screen shows it (fractions of a cent below € 10), euro unless said otherwise. */
export function formatMoney(amount: number, language: string, currency = 'EUR'): string {
  return formatCurrency(amount, currency, language);
}

/** `2021-09` → `september 2021` / `September 2021`; the text itself when it is not such a month. */
export function formatMonth(month: string, language: string, short = false): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(intlLocale(language), { month: short ? 'short' : 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** `16 MB`: a file size limit in words. */
export function formatBytes(bytes: number, language: string): string {
  return `${formatNumber(bytes / (1024 * 1024), language, 1)} MB`;
}

/** Whole days between two times, for "checked 3 days ago". */
export function daysBetween(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / 86_400_000));
}

/** An error from main with its byte limit in words (`16 MB`), for the "file too large" text. */
export function withReadableLimit<E extends { details?: Record<string, unknown> }>(error: E, language: string): E {
  const max = error.details?.maxBytes;
  return typeof max === 'number' ? { ...error, details: { ...error.details, maxBytes: formatBytes(max, language) } } : error;
}
