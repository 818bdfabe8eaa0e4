import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, declaredUnpackedSize, decodeText, detectDelimiter, readCsv, readUserListFile, UserListFileError, XLSX_MAX_UNPACKED_BYTES } from '../../../../../src/main/services/review/user-list-file';
import { csvText, HEADERS, ROWS, xlsxBytes } from '../../../../fixtures/user-list/make-fixtures';

const MAX = 100_000;
const utf8 = (text: string) => new TextEncoder().encode(text);

async function refusal(promise: Promise<unknown>): Promise<UserListFileError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserListFileError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('CSV user lists', () => {
  it('reads the fixture: semicolons, a BOM, CRLF and a quoted field with a semicolon in it', async () => {
    const table = await readUserListFile('users.csv', utf8(csvText()), MAX);
    expect(table.format).toBe('csv');
    expect(table.delimiter).toBe(';');
    expect(table.headers).toEqual(HEADERS);
    expect(table.records.map((r) => r.cells)).toEqual(ROWS);
    expect(table.records.map((r) => r.line)).toEqual(ROWS.map((_, i) => i + 2));
    expect(table.records[3]!.cells[3]).toBe('de Vries; Anna');
    expect(table.unreadable).toEqual([]);
  });

  it('reads commas without a BOM, and quotes with doubled quotes and line breaks inside', () => {
    const table = readCsv('email,deelnemernummer,naam\n"a@x.nl",12345,"Jansen, ""Jan""\nde tweede"\nb@x.nl,12345,Piet\n', MAX);
    expect(table.delimiter).toBe(',');
    expect(table.records).toEqual([
      { line: 2, cells: ['a@x.nl', '12345', 'Jansen, "Jan"\nde tweede'] },
      { line: 4, cells: ['b@x.nl', '12345', 'Piet'] },
    ]);
  });

  it('finds the separator in the header, ignoring separators inside quotes', () => {
    expect(detectDelimiter('"a,b,c";d;e\n1;2;3')).toBe(';');
    expect(detectDelimiter('a,b;c,d')).toBe(',');
  });

  it('reports rows the CSV syntax does not allow by line and goes on reading after them', () => {
    const table = readCsv('email;deelnemernummer\na@x.nl;12345\n\nb@x.nl;"bad"x\nc@x.nl;12345\n"open;1\n', MAX);
    expect(table.records.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, 'a@x.nl'],
      [5, 'c@x.nl'],
    ]);
    expect(table.unreadable).toEqual([
      { line: 4, reason: 'unreadable' },
      { line: 6, reason: 'unreadable' },
    ]);
  });

  it('reads Windows-1252 as older Excel saves it', () => {
    const latin = Uint8Array.from([0x6e, 0x61, 0x61, 0x6d, 0x0a, 0x4a, 0x6f, 0xeb, 0x6c]); // "naam\nJoël"
    expect(decodeText(latin)).toBe('naam\nJoël');
    expect(decodeText(utf8('\uFEFFnaam\nJoël'))).toBe('naam\nJoël');
  });

  it('refuses more than the row cap, an empty file and binary formats it does not read', async () => {
    const rows = Array.from({ length: 11 }, (_, i) => `u${i}@x.nl;12345`).join('\n');
    expect(await refusal(readUserListFile('big.csv', utf8(`email;deelnemernummer\n${rows}\n`), 10))).toMatchObject({ code: 'too_many_rows', details: { max: 10, rows: 11 } });
    expect((await readUserListFile('ok.csv', utf8(`email;deelnemernummer\n${rows}\n`), 11)).records).toHaveLength(11);
    expect(await refusal(readUserListFile('empty.csv', utf8('email;deelnemernummer\n\n'), MAX))).toMatchObject({ code: 'file_empty' });
    expect(await refusal(readUserListFile('old.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), MAX))).toMatchObject({ code: 'unsupported_file_type' });
    expect(await refusal(readUserListFile('x.xlsx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), MAX))).toMatchObject({ code: 'file_unreadable' });
  });

  it('reads 100,000 rows and refuses 100,001', async () => {
    const body = Array.from({ length: MAX }, (_, i) => `u${i}@example.nl;12345;06${String(10_000_000 + i)}`).join('\r\n');
    expect((await readUserListFile('max.csv', utf8(`email;deelnemernummer;mobiel\r\n${body}`), MAX)).records).toHaveLength(MAX);
    expect(await refusal(readUserListFile('over.csv', utf8(`email;deelnemernummer;mobiel\r\n${body}\r\nlast@example.nl;12345;`), MAX))).toMatchObject({
      code: 'too_many_rows',
      details: { rows: MAX + 1 },
    });
  }, 30_000);
});

describe('XLSX user lists', () => {
  it('reads the fixture workbook with the same rows: numbers in full, dates as ISO, hyperlinks as their text', async () => {
    const table = await readUserListFile('users.xlsx', await xlsxBytes(), MAX);
    expect(table.format).toBe('xlsx');
    expect(table.headers).toEqual(HEADERS);
    expect(table.records.map((r) => r.line)).toEqual(ROWS.map((_, i) => i + 2));
    expect(table.records.map((r) => r.cells)).toEqual(ROWS);
  });

  it('turns every kind of cell into sensible text', () => {
    expect(cellText(31612345678)).toBe('31612345678');
    expect(cellText(12345)).toBe('12345');
    expect(cellText(1.5)).toBe('1.5');
    expect(cellText(new Date(Date.UTC(2021, 8, 1)))).toBe('2021-09-01');
    expect(cellText(new Date(Date.UTC(2021, 8, 1, 13, 30)))).toBe('2021-09-01 13:30:00');
    expect(cellText({ richText: [{ text: 'Jan ' }, { text: 'Jansen' }] })).toBe('Jan Jansen');
    expect(cellText({ text: 'a@x.nl', hyperlink: 'mailto:a@x.nl' })).toBe('a@x.nl');
    expect(cellText({ formula: 'A1', result: 612345678 } as ExcelJS.CellFormulaValue)).toBe('612345678');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(null)).toBe('');
  });

  it('refuses a workbook that would unpack to far more than a user list, before unpacking it', async () => {
    const bytes = Uint8Array.from(await xlsxBytes());
    expect(declaredUnpackedSize(bytes)).toBeGreaterThan(0);
    expect(declaredUnpackedSize(bytes)).toBeLessThan(1024 * 1024);
    // Declare a huge uncompressed size for the first entry of the central directory.
    const view = new DataView(bytes.buffer);
    let central = -1;
    for (let i = 0; i < bytes.length - 4; i++) if (view.getUint32(i, true) === 0x02014b50) { central = i; break; }
    view.setUint32(central + 24, XLSX_MAX_UNPACKED_BYTES + 1, true);
    expect(await refusal(readUserListFile('bomb.xlsx', bytes, MAX))).toMatchObject({ code: 'file_too_large' });
  });

  it('refuses a sheet over the row cap', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('x');
    sheet.addRow(['email', 'deelnemernummer']);
    for (let i = 0; i < 6; i++) sheet.addRow([`u${i}@x.nl`, 12345]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await refusal(readUserListFile('x.xlsx', bytes, 5))).toMatchObject({ code: 'too_many_rows', details: { max: 5, rows: 6 } });
  });
});
