import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** What the log keeps of a phone number: never the number itself. */
export interface StoredRecipient {
  /** `+31 6 •••• 5678`: calling code, for long numbers the first national digit, and the last 2–4 digits. */
  masked: string;
  /** The visible last digits reversed, so "ends with 5678" is an index prefix search. */
  tailReversed: string;
  /** ISO country from the number itself, `ZZ` when unknown. */
  country: string;
  hash: string;
}

const HIDDEN = '••••';

/**
 * Canonical international form `+<digits>` of a typed or stored number (spaces, dashes, dots and
 * brackets dropped, a leading `00` read as `+`), or null when it is not one.
 */
export function normalizeInternational(input: string): string | null {
  const compact = input.trim().replace(/[\s\-.()]/g, '');
  const plus = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  return /^\+[1-9]\d{6,14}$/.test(plus) ? plus : null;
}

/**
 * Masks a number so a row shows whose phone it was without being a copy of it: the calling code,
 * the first national digit (the mobile prefix, e.g. 6 in NL) only when at least 9 national digits
 * exist, and the last 4, 3 or 2 digits depending on length. Always four bullets, whatever was hidden,
 * so the mask does not reveal the length.
 */
export function maskRecipient(e164: string): { masked: string; tailReversed: string; country: string } {
  const parsed = parsePhoneNumberFromString(e164);
  const callingCode = parsed?.countryCallingCode;
  const national = callingCode ? e164.slice(1 + callingCode.length) : '';
  if (!callingCode || national.length < 5) {
    const tail = e164.slice(-2);
    return { masked: `+${HIDDEN} ${tail}`, tailReversed: reverse(tail), country: 'ZZ' };
  }
  const tailLength = national.length >= 9 ? 4 : national.length >= 7 ? 3 : 2;
  const lead = national.length >= 9 ? `${national[0]} ` : '';
  const tail = national.slice(-tailLength);
  return {
    masked: `+${callingCode} ${lead}${HIDDEN} ${tail}`,
    tailReversed: reverse(tail),
    country: parsed?.country ?? 'ZZ',
  };
}

/**
 * Keyed hash for grouping sends to one number. HMAC-SHA256 with a per-install secret, so a copied
 * log cannot be matched against a list of numbers without the key; truncated to 128 bits (ample for
 * grouping, and it halves the index).
 */
export function hashRecipient(key: Uint8Array, e164: string): string {
  return createHmac('sha256', key).update(e164, 'utf8').digest('hex').slice(0, 32);
}

/**
 * The last few recipients per hash key: a test send logs the same number again and again, and parsing
 * it and setting up the HMAC cost more than the row's insert. Frozen, so no caller changes a shared one.
 */
const recentRecipients = new WeakMap<Uint8Array, Map<string, StoredRecipient>>();
const RECENT_RECIPIENTS_MAX = 32;

export function storedRecipient(key: Uint8Array, e164: string): StoredRecipient {
  let recent = recentRecipients.get(key);
  if (!recent) recentRecipients.set(key, (recent = new Map()));
  const known = recent.get(e164);
  if (known) return known;
  const stored = Object.freeze({ ...maskRecipient(e164), hash: hashRecipient(key, e164) });
  if (recent.size >= RECENT_RECIPIENTS_MAX) recent.delete(recent.keys().next().value as string);
  recent.set(e164, stored);
  return stored;
}

export const HASH_KEY_FILE = 'send-log.key';
const KEY_BYTES = 32;

/**
 * Reads the per-install hash key from the data folder, creating it (32 random bytes, mode 0600) on
 * first use. `wx` makes creation race-free between two processes. A damaged key file is moved aside
 * and replaced: old rows then no longer group with new ones, but nothing is lost.
 */
export function loadOrCreateHashKey(dataDir: string, now: () => number = Date.now): Buffer {
  const path = join(dataDir, HASH_KEY_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        const key = randomBytes(KEY_BYTES);
        writeSync(fd, key.toString('base64'));
        return key;
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.length === KEY_BYTES) {
      tightenMode(path);
      return key;
    }
    renameSync(path, `${path}.damaged-${now()}`);
  }
  throw new Error('could not create the send log hash key');
}

function tightenMode(path: string): void {
  if (process.platform === 'win32') return;
  try {
    chmodSync(path, 0o600);
  } catch {
    // Best effort: a read-only data folder still lets the app read the key.
  }
}

function reverse(text: string): string {
  return [...text].reverse().join('');
}
