import { createHash } from 'node:crypto';

/**
 * First 8 hex characters of SHA-256 of the key: enough for an admin to tell two keys apart, far too
 * little to recover or confirm a guess of a key worth anything (32 bits of a 256-bit hash).
 */
export function keyFingerprint(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex').slice(0, 8);
}
