/** Time, number and money formatting for the send log, in the UI language. */
import type { Tone } from '../../components';
import type { SendLogStatus } from '../../../../shared/send-log-types';

/**
 * Intl locale for a UI language. English uses British conventions (day before month, 24-hour clock):
 * the admins are in the Netherlands and Belgium, where `6/7/25` would be read the wrong way round.
 */
export function intlLocale(language: string): string {
  return language.startsWith('nl') ? 'nl-NL' : 'en-GB';
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** `17-06-2025 14:03:12` / `17/06/2025, 14:03:12`, local time. Formatters are cached: a table calls this per row. */
export function formatTime(ms: number, language: string): string {
  const locale = intlLocale(language);
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
    dateTimeFormats.set(locale, format);
  }
  return format.format(new Date(ms));
}

export function formatNumber(value: number, language: string): string {
  const locale = intlLocale(language);
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/**
 * `€ 0,056` / `€0.056`: up to 4 decimals below 10 (SMS prices are fractions of a cent), cents for larger
 * sums such as totals.
 */
export function formatMoney(amount: number, currency: string, language: string): string {
  const digits = Math.abs(amount) >= 10 ? 2 : 4;
  const key = `${intlLocale(language)}|${currency}|${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(intlLocale(language), { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: digits });
    } catch {
      return `${currency} ${amount}`;
    }
    numberFormats.set(key, format);
  }
  return format.format(amount);
}

/** The badge tone of a status; the words come from i18n (`status.<status>`), never the colour alone. */
export function statusTone(status: SendLogStatus): Tone {
  switch (status) {
    case 'delivered':
      return 'success';
    case 'pending':
    case 'sent':
    case 'buffered':
      return 'info';
    case 'unknown':
      return 'warning';
    case 'failed':
    case 'delivery_failed':
    case 'expired':
      return 'danger';
    case 'not_delivered_test_key':
      return 'neutral';
  }
}

/** Statuses that can still change while the page looks at them: worth refreshing. */
export const OPEN_STATUSES: readonly SendLogStatus[] = ['pending', 'sent', 'buffered'];

/** `2025-06-17` (local) for a date input, from ms. */
export function toDateInput(ms: number | undefined): string {
  if (ms === undefined) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight of a `YYYY-MM-DD` date input, or undefined when empty or invalid. */
export function fromDateInput(value: string, dayOffset = 0): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const ms = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + dayOffset).getTime();
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}
