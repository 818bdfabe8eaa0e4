import type { SendLogRow, SendLogStatus, SendPurpose } from '@shared/send-log-types';
import type { SendMode } from '@shared/gateway-types';

type Cell = string | number | boolean | null;

/** The language of an export: it sets the headers, words, separator, decimal mark and date order. */
export type CsvLanguage = 'nl' | 'en';

/**
 * How a CSV is written so it opens well in the spreadsheet of that language: Dutch Excel expects `;`
 * between fields and a decimal comma (`0,056`), English `,` and a decimal point.
 */
export interface CsvFormat {
  language: CsvLanguage;
  /** Time zone of the "local time" column; the system's when omitted. */
  timeZone?: string;
}

export const ENGLISH_CSV: CsvFormat = { language: 'en' };

const SEPARATOR: Record<CsvLanguage, string> = { nl: ';', en: ',' };

const WORDS = {
  en: {
    yes: 'yes',
    no: 'no',
    purpose: { confirmation: 'Confirmation code', test: 'Test send' } satisfies Record<SendPurpose, string>,
    mode: { live: 'Live', test: 'Test key', sandbox: 'Sandbox' } satisfies Record<SendMode, string>,
    status: {
      pending: 'Pending',
      sent: 'Sent',
      buffered: 'Buffered',
      delivered: 'Delivered',
      delivery_failed: 'Not delivered',
      expired: 'Expired',
      failed: 'Failed (not sent)',
      unknown: 'Unknown (maybe sent)',
      not_delivered_test_key: 'Not delivered (test key)',
    } satisfies Record<SendLogStatus, string>,
  },
  nl: {
    yes: 'ja',
    no: 'nee',
    purpose: { confirmation: 'Bevestigingscode', test: 'Testbericht' } satisfies Record<SendPurpose, string>,
    mode: { live: 'Live', test: 'Testsleutel', sandbox: 'Sandbox' } satisfies Record<SendMode, string>,
    status: {
      pending: 'In behandeling',
      sent: 'Verstuurd',
      buffered: 'In wachtrij',
      delivered: 'Afgeleverd',
      delivery_failed: 'Niet afgeleverd',
      expired: 'Verlopen',
      failed: 'Mislukt (niet verstuurd)',
      unknown: 'Onbekend (mogelijk verstuurd)',
      not_delivered_test_key: 'Niet afgeleverd (testsleutel)',
    } satisfies Record<SendLogStatus, string>,
  },
} as const;

type Words = (typeof WORDS)[CsvLanguage];

interface CsvColumn {
  header: Record<CsvLanguage, string>;
  value: (row: SendLogRow, words: Words, local: (ms: number) => string) => Cell;
}

/**
 * Export columns, in order. Masked numbers only: the full number and the hash never leave the app.
 * Times in UTC (ISO 8601) and, beside them, in local time as the spreadsheet of that language reads it.
 */
export const CSV_COLUMNS: readonly CsvColumn[] = [
  { header: { en: 'Log number', nl: 'Lognummer' }, value: (r) => r.id },
  { header: { en: 'Sent at (UTC)', nl: 'Verstuurd op (UTC)' }, value: (r) => new Date(r.createdAt).toISOString() },
  { header: { en: 'Sent at (local time)', nl: 'Verstuurd op (lokale tijd)' }, value: (r, _w, local) => local(r.createdAt) },
  { header: { en: 'Last update (UTC)', nl: 'Laatst bijgewerkt (UTC)' }, value: (r) => new Date(r.updatedAt).toISOString() },
  { header: { en: 'Profile', nl: 'Profiel' }, value: (r) => r.profileId },
  { header: { en: 'Participant number', nl: 'Deelnemernummer' }, value: (r) => r.participantNumber },
  { header: { en: 'Purpose', nl: 'Doel' }, value: (r, w) => w.purpose[r.purpose] },
  { header: { en: 'Recipient (masked)', nl: 'Ontvanger (gemaskeerd)' }, value: (r) => r.recipientMasked },
  { header: { en: 'Country', nl: 'Land' }, value: (r) => r.country },
  { header: { en: 'Sender', nl: 'Afzender' }, value: (r) => r.originator },
  { header: { en: 'MessageBird ID', nl: 'MessageBird-ID' }, value: (r) => r.messagebirdId },
  { header: { en: 'Status', nl: 'Status' }, value: (r, w) => w.status[r.status] },
  { header: { en: 'Status reason', nl: 'Toelichting bij de status' }, value: (r) => r.statusReason },
  { header: { en: 'Error code', nl: 'Foutcode' }, value: (r) => r.errorCode },
  { header: { en: 'SMS parts', nl: 'Sms-delen' }, value: (r) => r.parts },
  { header: { en: 'Price', nl: 'Prijs' }, value: (r) => r.priceAmount },
  { header: { en: 'Currency', nl: 'Valuta' }, value: (r) => r.priceCurrency },
  { header: { en: 'Price is an estimate', nl: 'Prijs is een schatting' }, value: (r, w) => (r.priceAmount === null ? null : r.priceIsEstimate ? w.yes : w.no) },
  { header: { en: 'Mode', nl: 'Modus' }, value: (r, w) => w.mode[r.mode] },
];

/**
 * One CSV cell (RFC 4180). Text that a spreadsheet would read as a formula (starting with = + - @,
 * tab or CR; OWASP "CSV injection") gets a leading apostrophe, so `+31 6 •••• 5678` or a hostile
 * status reason stays text; no other cell gets one. Numbers are written as numbers, with a decimal
 * comma in Dutch; they never start with a formula character we did not put there (no negatives here).
 */
export function csvCell(value: Cell, format: CsvFormat = ENGLISH_CSV): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return format.language === 'nl' ? String(value).replace('.', ',') : String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvLine(cells: readonly Cell[], format: CsvFormat = ENGLISH_CSV): string {
  return `${cells.map((cell) => csvCell(cell, format)).join(SEPARATOR[format.language])}\r\n`;
}

/** `17-06-2025 14:03:12` (Dutch) or `17/06/2025 14:03:12` (English): what each spreadsheet reads as a date and time. */
export function localTimeFormatter(format: CsvFormat): (ms: number) => string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    ...(format.timeZone && { timeZone: format.timeZone }),
  });
  const sep = format.language === 'nl' ? '-' : '/';
  return (ms) => {
    const p = Object.fromEntries(parts.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return `${p.day}${sep}${p.month}${sep}${p.year} ${p.hour}:${p.minute}:${p.second}`;
  };
}

/**
 * A UTF-8 byte order mark first, so Excel reads the bullets in masked numbers and accents correctly;
 * CRLF line ends as RFC 4180 asks.
 */
export function csvFromRows(rows: Iterable<SendLogRow>, format: CsvFormat = ENGLISH_CSV): string {
  const chunks: string[] = [];
  writeCsvRows(rows, { write: (chunk) => chunks.push(chunk) }, format);
  return chunks.join('');
}

/** `csvFromRows` line by line into `sink` (the header first), for exports streamed to a file. */
export function writeCsvRows(rows: Iterable<SendLogRow>, sink: { write(line: string): void }, format: CsvFormat = ENGLISH_CSV): void {
  writeCsvHeader(sink, format);
  writeCsvDataRows(rows, sink, format);
}

/** The byte order mark and the header line (in the export's language): the start of every export. */
export function writeCsvHeader(sink: { write(line: string): void }, format: CsvFormat = ENGLISH_CSV): void {
  sink.write(`\uFEFF${csvLine(CSV_COLUMNS.map((c) => c.header[format.language]), format)}`);
}

/** Data lines only, for an export written in batches after `writeCsvHeader`. */
export function writeCsvDataRows(rows: Iterable<SendLogRow>, sink: { write(line: string): void }, format: CsvFormat = ENGLISH_CSV): void {
  const words = WORDS[format.language];
  const local = localTimeFormatter(format);
  for (const row of rows) sink.write(csvLine(CSV_COLUMNS.map((c) => c.value(row, words, local)), format));
}
