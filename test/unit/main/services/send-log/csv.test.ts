import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, localTimeFormatter } from '../../../../../src/main/services/send-log/csv';
import { openLog, pending } from './helpers';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['semi;colon', '"semi;colon"'],
  ])('escapes %j as %j', (input, output) => expect(csvCell(input)).toBe(output));

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+31 6 •••• 5678', "'+31 6 •••• 5678"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
  ])('guards the formula-like %j', (input, output) => expect(csvCell(input)).toBe(output));

  it('writes numbers, booleans and nulls as values', () => {
    expect(csvLine([1, 0.056, true, false, null, -1])).toBe('1,0.056,true,false,,-1\r\n');
  });
});

describe('SendLog.exportCsv', () => {
  it('exports the filter with a header, masked numbers only, guarded reasons', () => {
    const { log } = openLog();
    const a = log.appendPending(pending({ recipient: '+31687654321', profileId: 'p1' }));
    log.markFailed(a, { reason: '=cmd|"/c calc"!A1', errorCode: 'invalid_request' });
    log.appendPending(pending({ profileId: 'p2' }));
    const csv = log.exportCsv({ profileId: 'p1' });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFLog number,Sent at (UTC),Sent at (local time),Last update (UTC),Profile,Participant number,Purpose,Recipient (masked),Country,Sender,MessageBird ID,Status,Status reason,Error code,SMS parts,Price,Currency,Price is an estimate,Mode',
    );
    expect(lines).toHaveLength(3); // header, one row, trailing empty
    expect(lines[1]).toContain("'+31 6 •••• 4321");
    expect(lines[1]).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(csv).not.toMatch(/687654321/);
    expect(csv).not.toContain(log.get(a)!.recipientHash);
    expect(log.export({}).rows).toBe(2);
    log.close();
  });
});

describe('CSV in Dutch: opens well in Dutch Excel', () => {
  it('uses ; and a decimal comma, Dutch headers and words, local time beside UTC, and a BOM', () => {
    const { log } = openLog();
    const a = log.appendPending(pending({ recipient: '+31687654321' }));
    log.markSent(a, { messagebirdId: 'mb1', status: 'delivered', price: { amount: 0.056, currency: 'EUR' } });
    const csv = log.exportCsv({}, { language: 'nl', timeZone: 'Europe/Amsterdam' });
    const [header, line] = csv.split('\r\n');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(header).toBe(
      '\uFEFFLognummer;Verstuurd op (UTC);Verstuurd op (lokale tijd);Laatst bijgewerkt (UTC);Profiel;Deelnemernummer;Doel;Ontvanger (gemaskeerd);Land;Afzender;MessageBird-ID;Status;Toelichting bij de status;Foutcode;Sms-delen;Prijs;Valuta;Prijs is een schatting;Modus',
    );
    const cells = line!.split(';');
    const created = log.get(a)!.createdAt;
    expect(cells[1]).toBe(new Date(created).toISOString());
    expect(cells[2]).toBe(localTimeFormatter({ language: 'nl', timeZone: 'Europe/Amsterdam' })(created));
    expect(cells[2]).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/);
    expect(cells[5]).toBe('12345'); // a plain number: no apostrophe
    expect(cells[6]).toBe('Testbericht');
    expect(cells[7]).toBe("'+31 6 •••• 4321"); // would read as a formula: guarded
    expect(cells[11]).toBe('Afgeleverd');
    expect(cells[15]).toBe('0,056');
    expect(cells[17]).toBe('nee');
    expect(cells.filter((c) => c.startsWith("'"))).toEqual(["'+31 6 •••• 4321"]);
    log.close();
  });

  it('writes local time in the given zone: 14:03 UTC in June is 16:03 in Amsterdam', () => {
    const at = Date.UTC(2025, 5, 17, 14, 3, 12);
    expect(localTimeFormatter({ language: 'nl', timeZone: 'Europe/Amsterdam' })(at)).toBe('17-06-2025 16:03:12');
    expect(localTimeFormatter({ language: 'en', timeZone: 'UTC' })(at)).toBe('17/06/2025 14:03:12');
  });

  it('a Dutch line separates with ; and writes numbers with a decimal comma, never quoted', () => {
    expect(csvLine([1, 0.056, null, 'a;b'], { language: 'nl' })).toBe('1;0,056;;"a;b"\r\n');
    expect(csvCell(12.5, { language: 'nl' })).toBe('12,5');
  });
});
