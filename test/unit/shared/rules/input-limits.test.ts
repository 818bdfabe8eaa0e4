import { describe, expect, it } from 'vitest';
import { PHONE_INPUT_MAX } from '@shared/rules/input-limits';
import { parsePhone } from '@shared/rules/phone';

describe('input limits', () => {
  it('caps a typed phone number at 32 characters: room for any real notation, not for a paste of junk', () => {
    expect(PHONE_INPUT_MAX).toBe(32);
    // The longest realistic notation (international prefix, spaces, dashes) still fits.
    const longest = '00 31 (0) 6 - 12 - 34 - 56 - 78';
    expect(longest.length).toBeLessThanOrEqual(PHONE_INPUT_MAX);
    expect(parsePhone('00 31 6 - 12 - 34 - 56 - 78')).toMatchObject({ ok: true, value: { e164: '+31612345678' } });
  });

  it('is the cap the phone rule enforces', () => {
    expect(parsePhone('6'.repeat(PHONE_INPUT_MAX + 1))).toEqual({ ok: false, issue: 'too_long' });
  });

  it('does not load the phone metadata (the contract imports it, and with it the preload bundle)', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(new URL('../../../../src/shared/rules/input-limits.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^import /m);
  });
});
