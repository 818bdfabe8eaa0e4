import { describe, expect, it } from 'vitest';
import { parseDescription, parseParticipantNumber } from '@shared/rules/participant-number';

describe('parseParticipantNumber', () => {
  it.each([
    ['12345', '12345'],
    [' 54321 ', '54321'],
    ['01234', '01234'],
  ])('accepts %j', (input, value) => {
    expect(parseParticipantNumber(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['1234', 'not_five_digits'],
    ['123456', 'not_five_digits'],
    ['12 345', 'not_five_digits'],
    ['abcde', 'not_five_digits'],
    ['１２３４５', 'not_five_digits'],
    ['1'.repeat(21), 'too_long'],
  ])('refuses %j as %s', (input, issue) => {
    expect(parseParticipantNumber(input)).toMatchObject({ ok: false, issue });
  });

  it.each(['O12345AA', 't12345ab', 'A12345XY'])('recognises the environment code %j and suggests the number', (input) => {
    expect(parseParticipantNumber(input)).toEqual({ ok: false, issue: 'environment_code', details: { suggestion: '12345' } });
  });
});

describe('parseDescription', () => {
  it.each([
    ['Productie', 'Productie'],
    ['  SMS voor de portal  ', 'SMS voor de portal'],
    ['x', 'x'],
    ['é'.repeat(100), 'é'.repeat(100)],
  ])('accepts %j', (input, value) => {
    expect(parseDescription(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['x'.repeat(101), 'too_long'],
    ['a\u0000b', 'control_characters'],
    ['line\nbreak', 'control_characters'],
  ])('refuses %j as %s', (input, issue) => {
    expect(parseDescription(input)).toMatchObject({ ok: false, issue });
  });
});
