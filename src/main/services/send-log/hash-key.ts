import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretVault } from '../ports';
import { HASH_KEY_FILE } from './recipient';

/** Vault id of the send log's recipient-hash key. */
export const HASH_KEY_VAULT_ID = 'send-log:hash-key';
const KEY_BYTES = 32;

/**
 * The per-install key of the recipient hash, kept in the vault (encrypted like the API keys): a copied
 * data folder then holds masked numbers and hashes but not the key, so the four hidden digits of a
 * masked Dutch mobile cannot be found by trying all 10,000 (docs/SECURITY.md "The send log").
 *
 * A plain `send-log.key` from an older version is moved into the vault and deleted, so existing rows
 * keep grouping with new ones. Where the vault cannot store it (no keychain, or Linux `basic_text`
 * without consent) nothing new is written in plain: an old key file stays in use until the vault can
 * take it, and a new install gets a key for this run only (masked rows then do not group across
 * restarts, which loses nothing but grouping). Never throws.
 */
export async function loadSendLogHashKey(vault: SecretVault, dataDir: string, log: (message: string) => void = () => {}): Promise<Uint8Array> {
  const plainPath = join(dataDir, HASH_KEY_FILE);
  const stored = await vaultKey(vault, log);
  if (stored) {
    // Already migrated; a plain copy left behind by an interrupted migration must not stay readable.
    removePlain(plainPath, log);
    return stored;
  }
  const plain = readPlain(plainPath);
  const key = plain ?? randomBytes(KEY_BYTES);
  try {
    await vault.put(HASH_KEY_VAULT_ID, Buffer.from(key).toString('base64'));
  } catch (error) {
    log(
      plain
        ? `The send log's hash key stays in ${HASH_KEY_FILE} until the vault can store it: ${(error as Error).message}`
        : `The vault cannot store the send log's hash key; it is kept in memory for this run only: ${(error as Error).message}`,
    );
    return key;
  }
  // Only once the vault holds it: a failed put must not lose the key that groups the existing rows.
  if (plain) removePlain(plainPath, log);
  return key;
}

async function vaultKey(vault: SecretVault, log: (message: string) => void): Promise<Uint8Array | null> {
  try {
    const encoded = await vault.get(HASH_KEY_VAULT_ID);
    if (encoded === null) return null;
    const key = Buffer.from(encoded, 'base64');
    if (key.length === KEY_BYTES) return key;
    log('The send log hash key in the vault has the wrong size; a new one is made');
  } catch (error) {
    log(`The send log hash key could not be read from the vault: ${(error as Error).message}`);
  }
  return null;
}

function readPlain(path: string): Buffer | null {
  try {
    if (!existsSync(path)) return null;
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    return key.length === KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

function removePlain(path: string, log: (message: string) => void): void {
  try {
    rmSync(path, { force: true });
  } catch (error) {
    log(`Could not delete ${path} after moving the key into the vault: ${(error as Error).message}`);
  }
}
