import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { StartupWarning, VaultStatus } from '@shared/contract/platform';
import { EncryptedFileVault } from './encrypted-file-vault';
import type { Encryptor } from './encryptor';
import { VaultFile, writeSecretFile } from './vault-file';

export const VAULT_KEY_FILE_NAME = 'vault.key';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a random key kept in `vault.key` (mode 0600) beside the vault. Honest about what
 * that is: the key sits next to the data, so it stops casual reading and copied ciphertext, not
 * someone with the whole folder. Hence protection `host_file`, `encrypted: false`.
 */
export class FileKeyEncryptor implements Encryptor {
  private key: Buffer | undefined;

  constructor(private readonly dataDir: string) {}

  async status(): Promise<VaultStatus> {
    return { protection: 'host_file', encrypted: false, backend: 'host_file' };
  }

  async encrypt(plaintext: string): Promise<Uint8Array> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.loadKey(true), iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  async decrypt(ciphertext: Uint8Array): Promise<{ plaintext: string; shouldReEncrypt: boolean }> {
    const data = Buffer.from(ciphertext);
    if (data.length < IV_BYTES + TAG_BYTES) throw new Error('Vault ciphertext is too short');
    const decipher = createDecipheriv('aes-256-gcm', this.loadKey(false), data.subarray(0, IV_BYTES));
    decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plaintext = Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    return { plaintext: plaintext.toString('utf8'), shouldReEncrypt: false };
  }

  /**
   * Why `vault.key` cannot open the stored secrets, or undefined when it can (or nothing is stored):
   * missing, the wrong size, or not the key they were encrypted with (no secret's GCM tag matches).
   * One secret that fails while another opens is tampered ciphertext, not a damaged key: `get` rejects it.
   */
  damage(secrets: Record<string, string>): string | undefined {
    const stored = Object.values(secrets);
    if (stored.length === 0) return undefined;
    const path = join(this.dataDir, VAULT_KEY_FILE_NAME);
    if (!existsSync(path)) return 'vault.key is missing while keys are stored';
    const key = readFileSync(path);
    if (key.length !== KEY_BYTES) return `vault.key has ${key.length} bytes instead of ${KEY_BYTES}`;
    return stored.some((encoded) => opens(key, Buffer.from(encoded, 'base64'))) ? undefined : 'vault.key does not open the stored keys';
  }

  private loadKey(createIfMissing: boolean): Buffer {
    if (this.key) return this.key;
    const path = join(this.dataDir, VAULT_KEY_FILE_NAME);
    if (existsSync(path)) {
      const key = readFileSync(path);
      if (key.length !== KEY_BYTES) throw new Error('vault.key has the wrong size');
      this.key = key;
    } else {
      if (!createIfMissing) throw new Error('vault.key is missing');
      const key = randomBytes(KEY_BYTES);
      writeSecretFile(path, key);
      this.key = key;
    }
    return this.key;
  }
}

function opens(key: Buffer, data: Buffer): boolean {
  if (data.length < IV_BYTES + TAG_BYTES) return false;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    decipher.update(data.subarray(IV_BYTES + TAG_BYTES));
    decipher.final();
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser host's vault: `vault.json` encrypted with `FileKeyEncryptor`, in `dataDir`.
 * Pass an already opened `VaultFile` or let it open one; a corrupt vault file is then moved aside
 * and reported in `startupWarning` (add it to the host's startup warnings).
 *
 * A damaged `vault.key` (missing, wrong size, or not the key the secrets were encrypted with) is found
 * at start: the key file and the unreadable secrets are moved aside (nothing deleted), the vault starts
 * empty, and a `vault_key_damaged` warning says the API keys must be entered again. Sends then find
 * no key and say so, instead of failing with an internal error on every attempt.
 */
export class FileKeyVault extends EncryptedFileVault {
  readonly startupWarning: StartupWarning | undefined;

  constructor(dataDir: string, file?: VaultFile, now: () => number = Date.now) {
    const opened = file ? { file, warning: undefined } : VaultFile.open(dataDir, now);
    const encryptor = new FileKeyEncryptor(dataDir);
    super({ file: opened.file, encryptor, allowUnprotected: () => true });
    const damage = encryptor.damage(opened.file.read().secrets);
    this.startupWarning = damage ? setDamagedKeyAside(dataDir, opened.file, now()) : opened.warning;
  }
}

/** Moves the damaged key file and a copy of the secrets it cannot open aside; the vault starts empty. */
function setDamagedKeyAside(dataDir: string, file: VaultFile, at: number): StartupWarning {
  const keyPath = join(dataDir, VAULT_KEY_FILE_NAME);
  const movedTo = join(dataDir, `vault.key.damaged-${at}`);
  if (existsSync(keyPath)) renameSync(keyPath, movedTo);
  // Copy first, then empty: a crash in between leaves the secrets in both places, never in none.
  copyFileSync(file.path, join(dataDir, `vault.damaged-${at}.json`));
  file.write({ ...file.read(), secrets: {} });
  return { code: 'vault_key_damaged', movedTo };
}
