import { describe, expect, it } from 'vitest';
import { BLOCKED_ORIGINATORS, isBlockedOriginator, parseOriginator } from '@shared/rules/originator';

describe('parseOriginator', () => {
  it.each([
    ['Acme', 'Acme'],
    ['ACME BV', 'ACME BV'],
    ['Gem Utrecht', 'Gem Utrecht'],
    ['abc', 'abc'],
    ['A1234567890', 'A1234567890'],
    ['  Padded  ', 'Padded'],
    ['2Solar', '2Solar'],
  ])('accepts the alphanumeric sender %j', (input, value) => {
    const result = parseOriginator(input);
    expect(result).toEqual({ ok: true, value: { value, kind: 'alphanumeric', warnings: ['alphanumeric_not_everywhere'] } });
  });

  it.each([
    ['31612345678', '31612345678'],
    ['+31612345678', '31612345678'],
    ['12345678901234567', '12345678901234567'],
    ['123', '123'],
  ])('accepts the numeric sender %j as digits', (input, value) => {
    const result = parseOriginator(input);
    expect(result.ok && result.value).toEqual({ value, kind: 'numeric', warnings: ['numeric_must_be_own_number'] });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['AB', 'too_short'],
    ['A', 'too_short'],
    ['Acme Holding', 'too_long'],
    ['ABCDEFGHIJKL', 'too_long'],
    ['x'.repeat(41), 'too_long'],
    ['Acme-BV', 'bad_characters'],
    ['Acme.nl', 'bad_characters'],
    ['Café', 'bad_characters'],
    ['12', 'numeric_too_short'],
    ['123456789012345678', 'numeric_too_long'],
    ['0612345678', 'numeric_leading_zero'],
    ['+0031612345', 'numeric_leading_zero'],
    ['NOREPLY', 'blocked_name'],
    ['No Reply', 'blocked_name'],
    ['info', 'blocked_name'],
    ['SMS', 'blocked_name'],
    ['Test', 'blocked_name'],
    ['VERIFY', 'blocked_name'],
    ['MessageBird', 'blocked_name'],
    ['MessageBird1', 'too_long'],
    ['MsgBird', 'ok'],
    ['AcmeMessageB', 'too_long'],
  ])('%j → %s', (input, expected) => {
    const result = parseOriginator(input);
    if (expected === 'ok') expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, issue: expected });
  });

  it('treats "Acme\\n" after trimming as valid, but an inner newline as a bad character', () => {
    expect(parseOriginator('Acme\n').ok).toBe(true);
    expect(parseOriginator('Ac\nme')).toMatchObject({ ok: false, issue: 'bad_characters' });
  });

  it('gives the limits to interpolate', () => {
    expect(parseOriginator('AB')).toEqual({ ok: false, issue: 'too_short', details: { min: 3 } });
    expect(parseOriginator('ABCDEFGHIJKL')).toEqual({ ok: false, issue: 'too_long', details: { max: 11 } });
  });
});

describe('isBlockedOriginator', () => {
  it('blocks every listed name in any case and spacing', () => {
    for (const name of BLOCKED_ORIGINATORS) {
      expect(isBlockedOriginator(name.toLowerCase())).toBe(true);
      expect(isBlockedOriginator(name.split('').join(' '))).toBe(true);
    }
  });

  it('blocks anything containing MessageBird', () => {
    expect(isBlockedOriginator('via messagebird')).toBe(true);
    expect(isBlockedOriginator('Message Bird')).toBe(true);
  });

  it('does not block ordinary names that merely contain a listed word', () => {
    expect(isBlockedOriginator('Infotheek')).toBe(false);
    expect(isBlockedOriginator('Testa BV')).toBe(false);
    expect(isBlockedOriginator('Codemasters')).toBe(false);
  });
});
