import type { VaultStatus } from '@shared/contract/platform';

/**
 * Turns a secret into ciphertext and back. Electron's `safeStorage` (src/main/platform) and the
 * browser host's file key (`FileKeyEncryptor`) implement it; the vault file stays the same.
 */
export interface Encryptor {
  /** How well this encryptor protects data on this machine right now; asked before every write. */
  status(): Promise<VaultStatus>;
  encrypt(plaintext: string): Promise<Uint8Array>;
  /** `shouldReEncrypt`: the OS rotated its key; the vault writes fresh ciphertext. */
  decrypt(ciphertext: Uint8Array): Promise<{ plaintext: string; shouldReEncrypt: boolean }>;
}
