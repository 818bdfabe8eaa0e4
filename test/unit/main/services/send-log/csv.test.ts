import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from '../../../../../src/main/services/send-log/csv';
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
    expect(lines[0]).toBe('\uFEFFid,created_at,updated_at,profile_id,participant_number,purpose,recipient,country,originator,messagebird_id,status,status_reason,error_code,parts,price_amount,price_currency,price_is_estimate,mode');
    expect(lines).toHaveLength(3); // header, one row, trailing empty
    expect(lines[1]).toContain("'+31 6 •••• 4321");
    expect(lines[1]).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(csv).not.toMatch(/687654321/);
    expect(csv).not.toContain(log.get(a)!.recipientHash);
    expect(log.export({}).rows).toBe(2);
    log.close();
  });
});
