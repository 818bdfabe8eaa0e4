/**
 * Reads a user list file: CSV (comma or semicolon, found from the header line; UTF-8 with or without a
 * BOM, or Windows-1252 as older Excel versions write it) through csv-parse, and XLSX through exceljs.
 * Every data row comes back with its line (CSV) or row (XLSX) number; a row the CSV syntax does not allow
 * (e.g. a broken quote) is reported by line and reading goes on after it, so nothing is dropped silently.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { RawRecord } from '@shared/rules/eligibility';
import type { SkippedRow } from '@shared/review-types';

export interface UserListTable {
  format: 'csv' | 'xlsx';
  delimiter: ',' | ';' | null;
  headers: string[];
  /** Data rows (the header row excluded), in file order. */
  records: RawRecord[];
  /** Rows the file syntax made unreadable. */
  unreadable: SkippedRow[];
}

export class UserListFileError extends Error {
  constructor(
    readonly code: 'unsupported_file_type' | 'file_unreadable' | 'file_empty' | 'too_many_rows' | 'file_too_large',
    message: string,
    readonly details: Record<string, number> = {},
  ) {
    super(message);
    this.name = 'UserListFileError';
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/**
 * Uncompressed size an XLSX may unpack to. A 16 MiB file of 100,000 rows unpacks to well under this;
 * a "zip bomb" that would unpack to gigabytes is refused before exceljs inflates anything.
 */
export const XLSX_MAX_UNPACKED_BYTES = 400 * 1024 * 1024;
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Reads the file by its content (a renamed file still reads right); `.xls` and other formats are refused. */
export async function readUserListFile(fileName: string, bytes: Uint8Array, maxRows: number): Promise<UserListTable> {
  if (startsWith(bytes, ZIP_MAGIC)) return readXlsx(bytes, maxRows);
  if (startsWith(bytes, OLE_MAGIC) || /\.(xls|xlsb|ods|numbers)$/i.test(fileName)) {
    throw new UserListFileError('unsupported_file_type', 'Only CSV and XLSX files can be read');
  }
  if (bytes.includes(0)) throw new UserListFileError('unsupported_file_type', 'The file is not text');
  return readCsv(decodeText(bytes), maxRows);
}

/** UTF-8 (a BOM is dropped); bytes that are not UTF-8 are read as Windows-1252, as older Dutch Excel saves. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

// ---- CSV ----------------------------------------------------------------------------------------

/** The separator of the header line: the one that occurs more outside quotes; a comma on a tie. */
export function detectDelimiter(text: string): ',' | ';' {
  const end = text.search(/\r?\n/);
  const header = end < 0 ? text : text.slice(0, end);
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

function newlines(cells: string[]): number {
  let n = 0;
  for (const cell of cells) for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) n++;
  return n;
}

export function readCsv(input: string, maxRows: number): UserListTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = detectDelimiter(text);
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const isBlank = (line: number) => {
    const start = lineStarts[line - 1];
    if (start === undefined) return false;
    const end = lineStarts[line] ?? text.length;
    return text.slice(start, end).trim() === '';
  };

  const rows: RawRecord[] = [];
  const unreadable: SkippedRow[] = [];
  // Parse from `fromLine`; on a syntax error, report the record that failed and go on after its first line.
  let fromLine = 1;
  while (fromLine <= lineStarts.length) {
    const offset = fromLine - 1;
    let lastEnd = offset;
    try {
      parse(text.slice(lineStarts[offset]), {
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        on_record: (record: string[], context: { lines: number }) => {
          const end = context.lines + offset;
          rows.push({ line: end - newlines(record), cells: record });
          lastEnd = end;
          if (rows.length > maxRows + 1) throw new UserListFileError('too_many_rows', 'Too many rows');
          return null;
        },
      });
      break;
    } catch (error) {
      if (error instanceof UserListFileError) {
        throw new UserListFileError('too_many_rows', `More than ${maxRows} rows`, { max: maxRows, rows: countRows(text, delimiter) });
      }
      let bad = lastEnd + 1;
      while (bad <= lineStarts.length && isBlank(bad)) bad++;
      if (bad > lineStarts.length) break;
      unreadable.push({ line: bad, reason: 'unreadable' });
      fromLine = bad + 1;
    }
  }
  return finish('csv', delimiter, rows, unreadable, maxRows);
}

/** Data rows of a file too large to import, for the message (a quick count, syntax errors ignored). */
function countRows(text: string, delimiter: string): number {
  try {
    return Math.max(0, (parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as unknown[]).length - 1);
  } catch {
    return 0;
  }
}

function finish(format: 'csv' | 'xlsx', delimiter: ',' | ';' | null, all: RawRecord[], unreadable: SkippedRow[], maxRows: number): UserListTable {
  const headerIndex = all.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  const header = all[headerIndex];
  if (!header) throw new UserListFileError('file_empty', 'The file has no header row');
  const records = all.slice(headerIndex + 1);
  if (!records.some((r) => r.cells.some((c) => c.trim() !== ''))) throw new UserListFileError('file_empty', 'The file has no data rows');
  if (records.length > maxRows) throw new UserListFileError('too_many_rows', `More than ${maxRows} rows`, { max: maxRows, rows: records.length });
  const headers = header.cells.map((c) => c.trim());
  return { format, delimiter, headers, records, unreadable: unreadable.filter((u) => u.line > header.line) };
}

// ---- XLSX ---------------------------------------------------------------------------------------

/** A cell as text: numbers in full (a phone number stored as a number keeps every digit), dates as ISO. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? numberText(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('hyperlink' in value) {
      const text = (value as { text?: unknown }).text;
      return typeof text === 'string' ? text : cellText((text ?? null) as ExcelJS.CellValue);
    }
    if ('error' in value) return String((value as { error: unknown }).error);
  }
  return '';
}

/** Whole numbers without exponent or separators (31612345678); others as JavaScript writes them. */
function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(n);
}

/** Excel dates carry no zone; exceljs gives them as UTC. A date alone as `YYYY-MM-DD`. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

/**
 * The sum of the uncompressed sizes the ZIP's central directory declares, or null when the directory
 * cannot be found or uses ZIP64 (sizes that do not fit 32 bits: far beyond any user list).
 */
export function declaredUnpackedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the end of the file.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return null;
    total += size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}

async function readXlsx(bytes: Uint8Array, maxRows: number): Promise<UserListTable> {
  const unpacked = declaredUnpackedSize(bytes);
  if (unpacked === null) throw new UserListFileError('file_unreadable', 'The XLSX file could not be read');
  if (unpacked > XLSX_MAX_UNPACKED_BYTES) {
    throw new UserListFileError('file_too_large', 'The XLSX file unpacks to more than a user list can hold', { maxBytes: XLSX_MAX_UNPACKED_BYTES });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw new UserListFileError('file_unreadable', 'The XLSX file could not be read');
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new UserListFileError('file_empty', 'The workbook has no rows');
  if (sheet.actualRowCount > maxRows + 1) {
    throw new UserListFileError('too_many_rows', `More than ${maxRows} rows`, { max: maxRows, rows: sheet.actualRowCount - 1 });
  }
  const rows: RawRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows.push({ line: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return finish('xlsx', null, rows, [], maxRows);
}
