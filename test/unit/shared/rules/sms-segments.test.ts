import { describe, expect, it } from 'vitest';
import { countSegments, countWithCalculator } from '@shared/rules/sms-segments';

const a = (n: number) => 'a'.repeat(n);
const ucs = (n: number) => 'ë'.repeat(n); // ë is not in the GSM-7 table

describe('countSegments: GSM-7', () => {
  it.each([
    [0, 1],
    [1, 1],
    [160, 1],
    [161, 2],
    [306, 2],
    [307, 3],
    [459, 3],
    [460, 4],
  ])('%i plain characters take %i part(s)', (length, parts) => {
    const result = countSegments(a(length));
    expect(result).toMatchObject({ encoding: 'GSM-7', parts, characters: length });
  });

  it.each(['€', '[', ']', '{', '}', '^', '~', '\\', '|', '\f'])('extension character %j counts two', (char) => {
    expect(countSegments(char).characters).toBe(2);
    expect(countSegments(a(158) + char)).toMatchObject({ encoding: 'GSM-7', parts: 1, characters: 160 });
    expect(countSegments(a(159) + char)).toMatchObject({ encoding: 'GSM-7', parts: 2, characters: 161 });
  });

  it('80 euro signs fill one part, 81 need two', () => {
    expect(countSegments('€'.repeat(80))).toMatchObject({ parts: 1, characters: 160 });
    expect(countSegments('€'.repeat(81))).toMatchObject({ parts: 2, characters: 162 });
  });

  it('never splits an extension character across parts', () => {
    // 306 septets fit two parts of 153, but the € would straddle the boundary at 153: part 1 ends
    // after 152 septets, so a third part is needed.
    expect(countSegments(a(152) + '€' + a(152))).toMatchObject({ parts: 3, characters: 306 });
    expect(countSegments(a(151) + '€' + a(153))).toMatchObject({ parts: 2, characters: 306 });
  });

  it('keeps accented letters of the GSM table (é, ü, Ç) in GSM-7', () => {
    expect(countSegments('é ü Ç ñ Ä')).toMatchObject({ encoding: 'GSM-7', nonGsmCharacters: [] });
  });
});

describe('countSegments: UCS-2', () => {
  it.each([
    [70, 1],
    [71, 2],
    [134, 2],
    [135, 3],
    [201, 3],
    [202, 4],
  ])('%i non-GSM characters take %i part(s)', (length, parts) => {
    expect(countSegments(ucs(length))).toMatchObject({ encoding: 'UCS-2', parts, characters: length });
  });

  it('one non-GSM character turns a 100-character message into two UCS-2 parts', () => {
    const result = countSegments(a(99) + 'ë');
    expect(result).toMatchObject({ encoding: 'UCS-2', parts: 2, characters: 100, nonGsmCharacters: ['ë'] });
  });

  it('counts an emoji as two code units and never splits it', () => {
    expect(countSegments('😀'.repeat(35))).toMatchObject({ encoding: 'UCS-2', parts: 1, characters: 70 });
    expect(countSegments('😀'.repeat(36))).toMatchObject({ parts: 2, characters: 72 });
    // 66 units, then an emoji whose halves would straddle the 67-unit boundary.
    expect(countSegments('ë' + a(65) + '😀' + a(66))).toMatchObject({ parts: 3, characters: 134 });
  });

  it('lists each character that forces UCS-2 once', () => {
    expect(countSegments('Code ë ë ☺').nonGsmCharacters.sort()).toEqual(['ë', '☺'].sort());
  });
});

describe('countSegments: the plain GSM-7 shortcut', () => {
  const plain = 'ABCXYZabcxyz0123456789 \n@$_!"#%&\'()*+,-./:;<=>?';
  const others = ['€', '[', ']', '{', '}', '^', '~', '\\', '|', '\r', 'é', 'Ä', '£', '`', '😀', '\t', 'ë'];

  it('answers exactly what the calculator does, for plain text of any length up to five parts', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Every length around each part boundary (160, 306, 459, 612), and a few in between.
    const lengths = [0, 1, 2, 50, 100, ...[160, 306, 459, 612].flatMap((edge) => [edge - 2, edge - 1, edge, edge + 1, edge + 2]), 230, 400, 540];
    for (const length of lengths) {
      const body = Array.from({ length }, () => plain[Math.floor(random() * plain.length)]).join('');
      expect(countSegments(body), `length ${length}`).toEqual(countWithCalculator(body));
    }
  });

  it('leaves extension characters, CR and non-GSM text to the calculator', () => {
    for (const char of others) {
      for (const body of [`Testcode: 123456 ${char}`, a(150) + char + a(20), `${char}\n${char}`]) {
        expect(countSegments(body), JSON.stringify(body)).toEqual(countWithCalculator(body));
      }
    }
    // An extension character takes two septets: 159 plain + € no longer fits one part.
    expect(countSegments(a(159) + '€')).toMatchObject({ encoding: 'GSM-7', parts: 2, characters: 161 });
  });
});
