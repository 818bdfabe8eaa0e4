import { describe, expect, it } from 'vitest';
import { datePattern, formatCountdown, formatDate, formatDateTime, formatMoney, parseDate } from '../../../../../src/renderer/src/i18n/format';

describe('one format for dates, money and waits on every screen', () => {
  const at = new Date(2025, 5, 7, 9, 3, 12).getTime();

  it('writes dates day first: dd-mm-jjjj in Dutch, dd/mm/yyyy in English, 24-hour time', () => {
    expect(formatDate(at, 'nl')).toBe('07-06-2025');
    expect(formatDate(at, 'en')).toBe('07/06/2025');
    expect(formatDateTime(at, 'nl')).toBe('07-06-2025 09:03');
    expect(formatDateTime(at, 'en', true)).toBe('07/06/2025 09:03:12');
    expect(datePattern('nl')).toBe('dd-mm-jjjj');
  });

  it('reads typed dates day first (or ISO), and refuses dates that do not exist', () => {
    expect(parseDate('7-6-2025')).toBe(new Date(2025, 5, 7).getTime());
    expect(parseDate('07/06/2025')).toBe(new Date(2025, 5, 7).getTime());
    expect(parseDate('2025-06-07')).toBe(new Date(2025, 5, 7).getTime());
    expect(parseDate('07-06-2025', 1)).toBe(new Date(2025, 5, 8).getTime());
    expect(parseDate('31-02-2025')).toBeUndefined();
    expect(parseDate('06/07')).toBeUndefined();
  });

  it('shows waits as mm:ss and the price per part in each language', () => {
    expect(formatCountdown(436)).toBe('07:16');
    expect(formatCountdown(59.2)).toBe('01:00');
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatMoney(0.056, 'EUR', 'nl')).toBe('€\u00a00,056');
    expect(formatMoney(0.056, 'EUR', 'en')).toBe('€0.056');
  });
});
