import type { SafeStorage } from 'electron';
import type { KeyProtection, VaultStatus } from '@shared/contract/platform';
import { EncryptedFileVault } from '../services/vault/encrypted-file-vault';
import type { Encryptor } from '../services/vault/encryptor';
import type { VaultFile } from '../services/vault/vault-file';

export type SafeStorageAsync = Pick<
  SafeStorage,
  'encryptStringAsync' | 'decryptStringAsync' | 'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend'
>;

/**
 * Electron `safeStorage` (async API) as the vault's encryptor. On Linux the `basic_text` backend is a
 * hard-coded password, not encryption: it is reported as such and the vault then needs consent.
 * @see docs/SECURITY.md (The API key)
 */
export class SafeStorageEncryptor implements Encryptor {
  constructor(
    private readonly safeStorage: SafeStorageAsync,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async status(): Promise<VaultStatus> {
    // Asking first also initialises the async encryptor, after which the Linux backend is known.
    const available = await this.safeStorage.isAsyncEncryptionAvailable();
    const backend = this.backendName();
    if (!available) return { protection: 'unavailable', encrypted: false, backend };
    const protection: KeyProtection = backend === 'basic_text' ? 'basic_text' : 'os';
    return { protection, encrypted: protection === 'os', backend };
  }

  async encrypt(plaintext: string): Promise<Uint8Array> {
    return this.safeStorage.encryptStringAsync(plaintext);
  }

  async decrypt(ciphertext: Uint8Array): Promise<{ plaintext: string; shouldReEncrypt: boolean }> {
    const { result, shouldReEncrypt } = await this.safeStorage.decryptStringAsync(Buffer.from(ciphertext));
    return { plaintext: result, shouldReEncrypt };
  }

  private backendName(): string {
    if (this.platform === 'linux') return this.safeStorage.getSelectedStorageBackend();
    // Outside Linux the backend is fixed by the OS.
    return this.platform === 'darwin' ? 'keychain' : this.platform === 'win32' ? 'dpapi' : this.platform;
  }
}

/** The desktop app's vault: `vault.json` holding `safeStorage` ciphertext only. */
export class SafeStorageVault extends EncryptedFileVault {
  constructor(options: {
    safeStorage: SafeStorageAsync;
    file: VaultFile;
    /** `preferences.allowUnprotectedKeyStorage`: consent to use Linux `basic_text`. */
    allowUnprotected: () => boolean;
    platform?: NodeJS.Platform;
  }) {
    super({
      file: options.file,
      encryptor: new SafeStorageEncryptor(options.safeStorage, options.platform),
      allowUnprotected: options.allowUnprotected,
    });
  }
}
