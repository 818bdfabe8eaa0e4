import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StartupWarning, VaultStatus } from '../../../shared/contract/platform';
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

/**
 * The browser host's vault: `vault.json` encrypted with `FileKeyEncryptor`, in `dataDir`.
 * Pass an already opened `VaultFile` or let it open one; a corrupt vault file is then moved aside
 * and reported in `startupWarning` (add it to the host's startup warnings).
 */
export class FileKeyVault extends EncryptedFileVault {
  readonly startupWarning: StartupWarning | undefined;

  constructor(dataDir: string, file?: VaultFile) {
    const opened = file ? { file, warning: undefined } : VaultFile.open(dataDir);
    super({ file: opened.file, encryptor: new FileKeyEncryptor(dataDir), allowUnprotected: () => true });
    this.startupWarning = opened.warning;
  }
}
