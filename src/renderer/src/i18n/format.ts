/**
 * Dates, times, numbers, money and waits in the app language, the same on every screen: Dutch writes
 * `17-06-2025 14:03`, English (British conventions, as the admins are in the Netherlands and Belgium,
 * where `6/7/25` would be read the wrong way round) `17/06/2025 14:03`. Formatters are cached: tables
 * call these per row.
 */
import type { Balance } from '@shared/gateway-types';

/** Intl locale for a UI language. */
export function intlLocale(language: string): string {
  return language.startsWith('nl') ? 'nl-NL' : 'en-GB';
}

const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = formats.get(key) as T | undefined;
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

function dateParts(ms: number, language: string): { day: string; month: string; year: string } {
  const parts = cached(`date|${intlLocale(language)}`, () => new Intl.DateTimeFormat(intlLocale(language), { day: '2-digit', month: '2-digit', year: 'numeric' })).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: get('day'), month: get('month'), year: get('year') };
}

/** The date separator of the app language: `-` in Dutch, `/` in English. */
export function dateSeparator(language: string): string {
  return language.startsWith('nl') ? '-' : '/';
}

/** `17-06-2025` / `17/06/2025`, local date. */
export function formatDate(ms: number, language: string): string {
  const { day, month, year } = dateParts(ms, language);
  const sep = dateSeparator(language);
  return `${day}${sep}${month}${sep}${year}`;
}

/** `14:03` (or `14:03:12` with seconds), local time, 24-hour clock in both languages. */
export function formatTime(ms: number, language: string, withSeconds = false): string {
  return cached(`time|${intlLocale(language)}|${withSeconds}`, () =>
    new Intl.DateTimeFormat(intlLocale(language), { hour: '2-digit', minute: '2-digit', ...(withSeconds && { second: '2-digit' }), hourCycle: 'h23' }),
  ).format(new Date(ms));
}

/** `17-06-2025 14:03` (or with seconds), local time. */
export function formatDateTime(ms: number, language: string, withSeconds = false): string {
  return `${formatDate(ms, language)} ${formatTime(ms, language, withSeconds)}`;
}

/** `dd-mm-jjjj` / `dd/mm/yyyy`: what a date field expects, for its placeholder and hint. */
export function datePattern(language: string): string {
  return language.startsWith('nl') ? 'dd-mm-jjjj' : 'dd/mm/yyyy';
}

/**
 * Local midnight of a typed date, `dayOffset` days later: `17-6-2025`, `17/06/2025`, `17.06.2025` (the
 * day first in both languages) or ISO `2025-06-17`; undefined when it is not a real date.
 */
export function parseDate(text: string, dayOffset = 0): number | undefined {
  const trimmed = text.trim();
  const dayFirst = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const parts = dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : iso ? [iso[1], iso[2], iso[3]] : undefined;
  if (!parts) return undefined;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return undefined;
  const ms = new Date(year, month - 1, day + dayOffset).getTime();
  return ms >= 0 ? ms : undefined;
}

export function formatNumber(value: number, language: string): string {
  return cached(`number|${intlLocale(language)}`, () => new Intl.NumberFormat(intlLocale(language))).format(value);
}

/**
 * `€ 0,056` / `€0.056`: up to 4 decimals below 10 (SMS prices are fractions of a cent), cents for larger
 * sums such as totals.
 */
export function formatMoney(amount: number, currency: string, language: string): string {
  const digits = Math.abs(amount) >= 10 ? 2 : 4;
  try {
    return cached(`money|${intlLocale(language)}|${currency}|${digits}`, () =>
      new Intl.NumberFormat(intlLocale(language), { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: digits }),
    ).format(amount);
  } catch {
    return `${currency} ${amount}`;
  }
}

/** A MessageBird balance: euros as currency, credits as a number. */
export function formatBalance(balance: Balance, language: string): string {
  if (balance.type === 'euros') return formatMoney(balance.amount, 'EUR', language);
  return `${formatNumber(balance.amount, language)} ${balance.type}`;
}

/** A wait as a countdown, `04:07` (minutes and seconds; hours only in the minutes). */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.ceil(seconds));
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}
