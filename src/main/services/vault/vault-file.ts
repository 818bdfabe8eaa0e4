import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { StartupWarning } from '@shared/contract/platform';

export const VAULT_FILE_NAME = 'vault.json';
/** Owner read/write only: the ciphertext is still worth nothing to other users of the machine. */
export const SECRET_FILE_MODE = 0o600;

/** Ids are short names chosen by services (profile ids), never user text. */
export const vaultIdSchema = z.string().regex(/^[A-Za-z0-9_.:-]+$/).min(1).max(128);

const vaultDataSchema = z
  .object({
    version: z.literal(1),
    /** The encryptor's backend when the secrets were written, e.g. `gnome_libsecret` or `host_file`. */
    backend: z.string().max(64),
    /** Base64 ciphertext per id; never plaintext. */
    secrets: z.record(vaultIdSchema, z.base64().max(64 * 1024)),
  })
  .strict();
export type VaultData = z.infer<typeof vaultDataSchema>;

const emptyVault = (): VaultData => ({ version: 1, backend: '', secrets: {} });

/** Writes a secret-bearing file atomically with mode 0600 (the mode also fixes a pre-existing file). */
export function writeSecretFile(path: string, content: string | Uint8Array): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, content, { mode: SECRET_FILE_MODE });
  chmodSync(temporary, SECRET_FILE_MODE);
  renameSync(temporary, path);
}

/**
 * `vault.json` in the data folder: the backend name and base64 ciphertext per id, nothing else.
 * A file that does not parse or fails the schema is moved aside and reported, never silently reset.
 */
export class VaultFile {
  private data: VaultData;

  private constructor(
    readonly path: string,
    data: VaultData,
  ) {
    this.data = data;
  }

  /** Opens (or starts) the vault file in `dir`; a corrupt file comes back as a `vault_corrupt` warning. */
  static open(dir: string, now: () => number = Date.now): { file: VaultFile; warning?: StartupWarning } {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const path = join(dir, VAULT_FILE_NAME);
    if (!existsSync(path)) return { file: new VaultFile(path, emptyVault()) };
    const parsed = parseVault(readFileSync(path, 'utf8'));
    if (parsed) return { file: new VaultFile(path, parsed) };
    const movedTo = join(dir, `vault.corrupt-${now()}.json`);
    renameSync(path, movedTo);
    return { file: new VaultFile(path, emptyVault()), warning: { code: 'vault_corrupt', movedTo } };
  }

  /** A copy of the current contents. */
  read(): VaultData {
    return { ...this.data, secrets: { ...this.data.secrets } };
  }

  write(data: VaultData): void {
    writeSecretFile(this.path, `${JSON.stringify(vaultDataSchema.parse(data), null, 2)}\n`);
    this.data = data;
  }
}

function parseVault(text: string): VaultData | null {
  try {
    const result = vaultDataSchema.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
