import type { SendLogRow } from '../../../shared/send-log-types';

type Cell = string | number | boolean | null;

/** Export columns, in order. Masked numbers only: the full number and the hash never leave the app. */
export const CSV_COLUMNS: ReadonlyArray<readonly [header: string, value: (row: SendLogRow) => Cell]> = [
  ['id', (r) => r.id],
  ['created_at', (r) => new Date(r.createdAt).toISOString()],
  ['updated_at', (r) => new Date(r.updatedAt).toISOString()],
  ['profile_id', (r) => r.profileId],
  ['participant_number', (r) => r.participantNumber],
  ['purpose', (r) => r.purpose],
  ['recipient', (r) => r.recipientMasked],
  ['country', (r) => r.country],
  ['originator', (r) => r.originator],
  ['messagebird_id', (r) => r.messagebirdId],
  ['status', (r) => r.status],
  ['status_reason', (r) => r.statusReason],
  ['error_code', (r) => r.errorCode],
  ['parts', (r) => r.parts],
  ['price_amount', (r) => r.priceAmount],
  ['price_currency', (r) => r.priceCurrency],
  ['price_is_estimate', (r) => r.priceIsEstimate],
  ['mode', (r) => r.mode],
];

/**
 * One CSV cell (RFC 4180). Text that a spreadsheet would read as a formula (starting with = + - @,
 * tab or CR; OWASP "CSV injection") gets a leading apostrophe, so `+31 6 •••• 5678` or a hostile
 * status reason stays text. Numbers we format ourselves are left as numbers.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const guarded = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * A UTF-8 byte order mark first, so Excel reads the bullets in masked numbers correctly; CRLF line
 * ends as RFC 4180 asks.
 */
export function csvFromRows(rows: Iterable<SendLogRow>): string {
  const chunks: string[] = [];
  writeCsvRows(rows, { write: (chunk) => chunks.push(chunk) });
  return chunks.join('');
}

/** `csvFromRows` line by line into `sink` (the header first), for exports streamed to a file. */
export function writeCsvRows(rows: Iterable<SendLogRow>, sink: { write(line: string): void }): void {
  writeCsvHeader(sink);
  writeCsvDataRows(rows, sink);
}

/** The byte order mark and the header line: the start of every export. */
export function writeCsvHeader(sink: { write(line: string): void }): void {
  sink.write(`\uFEFF${csvLine(CSV_COLUMNS.map(([header]) => header))}`);
}

/** Data lines only, for an export written in batches after `writeCsvHeader`. */
export function writeCsvDataRows(rows: Iterable<SendLogRow>, sink: { write(line: string): void }): void {
  for (const row of rows) sink.write(csvLine(CSV_COLUMNS.map(([, value]) => value(row))));
}
