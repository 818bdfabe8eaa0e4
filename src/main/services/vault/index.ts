export { EncryptedFileVault, type EncryptedFileVaultOptions } from './encrypted-file-vault';
export type { Encryptor } from './encryptor';
export { FileKeyEncryptor, FileKeyVault, VAULT_KEY_FILE_NAME } from './file-key-vault';
export { SECRET_FILE_MODE, VAULT_FILE_NAME, VaultFile, writeSecretFile, type VaultData } from './vault-file';
