import type { SecretVault } from '../ports';

/**
 * The vault as the services see it, telling the diagnostics redactor every key that is stored or read,
 * so no later log line can carry one, prefixed or not.
 */
export function vaultRememberingSecrets(vault: SecretVault, remember: (secret: string | null) => void): SecretVault {
  return {
    status: () => vault.status(),
    put: async (id, secret) => {
      remember(secret);
      await vault.put(id, secret);
    },
    get: async (id) => {
      const secret = await vault.get(id);
      remember(secret);
      return secret;
    },
    remove: (id) => vault.remove(id),
    ids: () => vault.ids(),
  };
}
