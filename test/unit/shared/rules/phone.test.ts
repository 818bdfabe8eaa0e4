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

describe('repeated parses', () => {
  it('answers the same text from memory with the same, frozen result, per default country', () => {
    const first = parsePhone(' 06 12345678 ');
    const again = parsePhone('06 12345678');
    expect(again).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    if (first.ok) expect(Object.isFrozen(first.value)).toBe(true);
    // No caller can change what the next one gets.
    expect(() => {
      if (first.ok) (first.value as { e164: string }).e164 = '+31600000000';
    }).toThrow(TypeError);
    expect(parsePhone('06 12345678').ok && (parsePhone('06 12345678') as { value: { e164: string } }).value.e164).toBe('+31612345678');
    // The default country is part of the question: "0612345678" is not the same number in Belgium.
    expect(parsePhone('0612345678', 'BE')).not.toBe(parsePhone('0612345678', 'NL'));
  });

  it('still gives right answers after many different numbers', () => {
    for (let i = 0; i < 100; i++) parsePhone(`06 1234${String(i).padStart(4, '0')}`);
    expect(parsePhone('06 12340042')).toMatchObject({ ok: true, value: { e164: '+31612340042' } });
    expect(parsePhone('not a number')).toEqual({ ok: false, issue: 'invalid' });
    expect(maskPhone('+31612345678')).toBe(maskPhone('+31612345678'));
  });
});
