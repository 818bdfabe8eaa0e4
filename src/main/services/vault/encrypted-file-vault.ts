import type { VaultStatus } from '@shared/contract/platform';
import { VaultUnavailableError, type SecretVault } from '../ports';
import type { Encryptor } from './encryptor';
import { vaultIdSchema, type VaultFile } from './vault-file';

export interface EncryptedFileVaultOptions {
  file: VaultFile;
  encryptor: Encryptor;
  /**
   * The admin's explicit consent to keep a key where the OS offers no real encryption (Linux
   * `basic_text`); read at each write so a changed preference applies at once.
   */
  allowUnprotected: () => boolean;
}

/**
 * A `SecretVault` that keeps only ciphertext in `vault.json`: encrypts on `put`, decrypts on `get`,
 * and refuses to write where the protection is unavailable or needs consent that was not given.
 * @see docs/SECURITY.md (The API key)
 */
export class EncryptedFileVault implements SecretVault {
  constructor(private readonly options: EncryptedFileVaultOptions) {}

  status(): Promise<VaultStatus> {
    return this.options.encryptor.status();
  }

  async put(id: string, secret: string): Promise<void> {
    vaultIdSchema.parse(id);
    const status = await this.status();
    if (status.protection === 'unavailable') throw new VaultUnavailableError('unavailable');
    if (status.protection === 'basic_text' && !this.options.allowUnprotected()) {
      throw new VaultUnavailableError('consent_required');
    }
    const ciphertext = await this.options.encryptor.encrypt(secret);
    this.store(id, ciphertext, status.backend);
  }

  async get(id: string): Promise<string | null> {
    const encoded = this.options.file.read().secrets[id];
    if (encoded === undefined) return null;
    const { plaintext, shouldReEncrypt } = await this.options.encryptor.decrypt(Buffer.from(encoded, 'base64'));
    if (shouldReEncrypt) {
      // The OS rotated its key: store fresh ciphertext so the old key can go.
      const status = await this.status();
      this.store(id, await this.options.encryptor.encrypt(plaintext), status.backend);
    }
    return plaintext;
  }

  async remove(id: string): Promise<void> {
    const data = this.options.file.read();
    if (!(id in data.secrets)) return;
    delete data.secrets[id];
    this.options.file.write(data);
  }

  async ids(): Promise<string[]> {
    return Object.keys(this.options.file.read().secrets);
  }

  private store(id: string, ciphertext: Uint8Array, backend: string): void {
    const data = this.options.file.read();
    data.secrets[id] = Buffer.from(ciphertext).toString('base64');
    data.backend = backend;
    this.options.file.write(data);
  }
}
