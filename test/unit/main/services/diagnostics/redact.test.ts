import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../../src/main/services/diagnostics/redact';

describe('Redactor', () => {
  const redactor = new Redactor();

  it.each([
    ['key live_AbCdEf1234567890XyZ rejected', 'key live_[key] rejected'],
    ['test_9z8y7x6w5v4u3t2s1r0q in use', 'test_[key] in use'],
  ])('blanks a prefixed MessageBird key: %s', (input, output) => {
    expect(redactor.redact(input)).toBe(output);
  });

  it('blanks a key it was told about, prefixed or not, wherever it appears', () => {
    const r = new Redactor();
    r.addSecret('Zq81PlainVaultKey77');
    expect(r.redact('auth AccessKey Zq81PlainVaultKey77; again:Zq81PlainVaultKey77.')).toBe('auth AccessKey [key]; again:[key].');
  });

  it('ignores secrets too short to match safely', () => {
    const r = new Redactor();
    r.addSecret('abc');
    r.addSecret('');
    r.addSecret(null);
    expect(r.redact('abc def')).toBe('abc def');
  });

  it.each([
    ['to +31612345678 failed', 'to +31 •••••••78 failed'],
    ['to +31 6 1234 5678 failed', 'to +31 •••••••78 failed'],
    ['to +1 (201) 555-0123', 'to +1 ••••••••23'],
    ['recipients: [ 31612345678 ]', 'recipients: [ •••••••••78 ]'],
    ['mobile 06 12345678 or 0612345678', 'mobile ••••••••78 or ••••••••78'],
  ])('masks a full phone number: %s', (input, output) => {
    expect(redactor.redact(input)).toBe(output);
  });

  it.each([
    ['Your code is 482913.', 'Your code is ••••••.'],
    ['code=000123&x', 'code=••••••&x'],
  ])('blanks a six-digit code: %s', (input, output) => {
    expect(redactor.redact(input)).toBe(output);
  });

  it('leaves ordinary diagnostics alone', () => {
    const line = 'Delivery poll failed for row 42 after 2 attempts (HTTP 503, 1500 ms) at 2026-12-01 04:44:25.123';
    expect(redactor.redact(line)).toBe(line);
  });
});
