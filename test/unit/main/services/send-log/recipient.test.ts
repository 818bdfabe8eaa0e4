import { readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  hashRecipient,
  loadOrCreateHashKey,
  maskRecipient,
  normalizeInternational,
  storedRecipient,
} from '../../../../../src/main/services/send-log/recipient';
import { KEY, tempDir } from './helpers';

describe('maskRecipient', () => {
  it.each([
    ['+31612345678', '+31 6 •••• 5678', 'NL'],
    ['+32470123456', '+32 4 •••• 3456', 'BE'],
    ['+4915112345678', '+49 1 •••• 5678', 'DE'],
    ['+12025550123', '+1 2 •••• 0123', 'US'],
    ['+3545512345', '+354 •••• 345', 'IS'],
  ])('masks %s as %s', (e164, masked, country) => {
    const result = maskRecipient(e164);
    expect(result.masked).toBe(masked);
    expect(result.country).toBe(country);
    expect(result.tailReversed).toBe([...masked.split(' ').at(-1)!].reverse().join(''));
  });

  it('never shows more than the calling code, one leading digit and four final digits', () => {
    const { masked } = maskRecipient('+31612345678');
    expect(masked.replace(/\D/g, '')).toBe('3165678');
    expect(masked).not.toContain('1234');
  });

  it('hides all but two digits of a number it cannot parse', () => {
    expect(maskRecipient('+99912345678')).toEqual({ masked: '+•••• 78', tailReversed: '87', country: 'ZZ' });
  });
});

describe('normalizeInternational', () => {
  it.each([
    ['+31 6 1234 5678', '+31612345678'],
    ['0031612345678', '+31612345678'],
    ['+31 (6) 12-34.56.78', '+31612345678'],
  ])('reads %s as %s', (input, expected) => expect(normalizeInternational(input)).toBe(expected));

  it.each(['0612345678', '+0612345678', '+31', 'abc', '+3161234567890123'])('refuses %s', (input) =>
    expect(normalizeInternational(input)).toBeNull(),
  );
});

describe('hashRecipient', () => {
  it('is stable per key and differs between keys', () => {
    const a = hashRecipient(KEY, '+31612345678');
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(hashRecipient(KEY, '+31612345678')).toBe(a);
    expect(hashRecipient(Buffer.alloc(32, 4), '+31612345678')).not.toBe(a);
    expect(hashRecipient(KEY, '+31612345679')).not.toBe(a);
  });
});

describe('loadOrCreateHashKey', () => {
  it('creates a 32-byte key with mode 0600 and returns the same key later', () => {
    const dir = tempDir();
    const key = loadOrCreateHashKey(dir);
    expect(key).toHaveLength(32);
    if (process.platform !== 'win32') expect(statSync(join(dir, 'send-log.key')).mode & 0o777).toBe(0o600);
    expect(loadOrCreateHashKey(dir).equals(key)).toBe(true);
  });

  it('moves a damaged key file aside and makes a new key', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'send-log.key'), 'not a key');
    const key = loadOrCreateHashKey(dir, () => 42);
    expect(key).toHaveLength(32);
    expect(readdirSync(dir)).toContain('send-log.key.damaged-42');
    expect(Buffer.from(readFileSync(join(dir, 'send-log.key'), 'utf8'), 'base64').equals(key)).toBe(true);
  });
});

describe('storedRecipient', () => {
  it('answers a repeated number from memory, frozen, and keyed by the hash key', () => {
    const first = storedRecipient(KEY, '+31612345678');
    expect(storedRecipient(KEY, '+31612345678')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first).toEqual({ ...maskRecipient('+31612345678'), hash: hashRecipient(KEY, '+31612345678') });
    const otherKey = new Uint8Array(32).fill(7);
    expect(storedRecipient(otherKey, '+31612345678').hash).toBe(hashRecipient(otherKey, '+31612345678'));
    expect(storedRecipient(otherKey, '+31612345678').hash).not.toBe(first.hash);
  });
});
