import { describe, expect, it } from 'vitest';
import { maskPhone, parseMobile, parsePhone, PHONE_INPUT_MAX } from '@shared/rules/phone';

describe('parsePhone', () => {
  it.each([
    ['06 12345678', '+31612345678'],
    ['0612345678', '+31612345678'],
    ['+31 6 1234 5678', '+31612345678'],
    ['0031612345678', '+31612345678'],
    ['(06) 12-34-56-78', '+31612345678'],
  ])('reads %s as %s (Dutch notation by default)', (input, e164) => {
    const result = parsePhone(input);
    expect(result).toMatchObject({ ok: true, value: { e164, country: 'NL', type: 'MOBILE' } });
  });

  it('formats the number for display while typing', () => {
    expect(parsePhone('0612345678')).toMatchObject({ ok: true, value: { international: '+31 6 12345678' } });
  });

  it('uses another default country when given', () => {
    expect(parsePhone('0151 23456789', 'DE')).toMatchObject({ ok: true, value: { e164: '+4915123456789', country: 'DE' } });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'invalid'],
    ['06 123', 'invalid'],
    ['+999 123456789', 'invalid'],
    ['1'.repeat(PHONE_INPUT_MAX + 1), 'too_long'],
  ])('refuses %j as %s', (input, issue) => {
    expect(parsePhone(input)).toEqual({ ok: false, issue });
  });

  it('accepts exactly the input cap, spaces included', () => {
    const padded = `0612345678${' '.repeat(PHONE_INPUT_MAX - 10)}`;
    expect(padded).toHaveLength(PHONE_INPUT_MAX);
    expect(parsePhone(` ${padded}`).ok).toBe(true); // trimmed before the length check
  });
});

describe('parseMobile', () => {
  it.each([
    ['0612345678', '+31612345678'],
    ['+44 7911 123456', '+447911123456'],
    // North American numbers cannot be told apart: FIXED_LINE_OR_MOBILE counts as mobile.
    ['+1 201 555 0123', '+12015550123'],
  ])('accepts the mobile number %s', (input, e164) => {
    expect(parseMobile(input)).toMatchObject({ ok: true, value: { e164 } });
  });

  it.each([
    ['020 123 4567', 'not_mobile'],
    ['0900 123 4567', 'premium_rate'],
    ['0800 123 4567', 'toll_free'],
    ['+44 844 123 4567', 'premium_rate'],
    ['+33 810 12 34 56', 'shared_cost'],
    ['', 'empty'],
    ['nonsense', 'invalid'],
  ])('refuses %s as %s', (input, issue) => {
    expect(parseMobile(input)).toEqual({ ok: false, issue });
  });
});

describe('maskPhone', () => {
  it('keeps the country code and the last two digits only', () => {
    expect(maskPhone('+31612345678')).toBe('+31 •••••••78');
    expect(maskPhone('+447911123456')).toBe('+44 ••••••••56');
  });

  it('never contains the full number or its middle digits', () => {
    const masked = maskPhone('+31612345678');
    expect(masked).not.toContain('612345678');
    expect(masked.replace(/\D/g, '')).toBe('3178');
  });

  it('still hides an unparsable number, keeping only the last two digits', () => {
    expect(maskPhone('12345')).toBe('•••45');
    expect(maskPhone('7')).toBe('•7');
  });
});
