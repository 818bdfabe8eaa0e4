/**
 * Where a profile's API keys live: only in the vault, under `profile:<id>` for the key in effect and
 * `profile:<id>:pending` for the key a draft or pending change brings. The settings file gets the
 * fingerprint, the kind and the protection, never the key (docs/SECURITY.md "The API key").
 */
import { apiKeyKind } from '@shared/api-key';
import { err, ok, type Result } from '@shared/result';
import { VaultUnavailableError, type SecretVault } from '../ports';
import { keyFingerprint } from './key-fingerprint';
import type { StoredKeyInfo } from './profile-store';

/** Vault id of the key in effect on a profile. */
export function activeKeyId(profileId: string): string {
  return `profile:${profileId}`;
}

/** Vault id of the key a draft or pending change of a profile brings. */
export function pendingKeyId(profileId: string): string {
  return `profile:${profileId}:pending`;
}

export type VaultErrorCode = 'vault_unavailable' | 'vault_consent_required';

/** Puts a key in the vault; a vault that cannot keep it safe is a result the form shows at the key field. */
export async function storeKey(vault: SecretVault, vaultId: string, apiKey: string): Promise<Result<StoredKeyInfo, VaultErrorCode>> {
  try {
    await vault.put(vaultId, apiKey);
  } catch (error) {
    if (error instanceof VaultUnavailableError) {
      return error.reason === 'consent_required'
        ? err('vault_consent_required', 'Key storage on this machine is not encrypted; consent is required in Settings', { field: 'apiKey' })
        : err('vault_unavailable', 'No secret storage is available on this machine', { field: 'apiKey' });
    }
    throw error;
  }
  const { protection } = await vault.status();
  return ok({ fingerprint: keyFingerprint(apiKey), kind: apiKeyKind(apiKey), protection });
}

/** Removes both keys of a profile from the vault (remove key, delete). */
export async function removeKeys(vault: SecretVault, profileId: string): Promise<void> {
  await vault.remove(activeKeyId(profileId));
  await vault.remove(pendingKeyId(profileId));
}
