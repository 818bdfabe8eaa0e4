import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type ServiceDeps, type Services } from '../../src/main/services';
import type { KeyValueStore } from '../../src/main/services/ports';
import { FileKeyVault } from '../../src/main/services/vault/file-key-vault';
import { openDiagnosticsLog } from '../../src/main/services/diagnostics/diagnostics-log';

const hashKeys = new Map<string, Uint8Array>();
/** One recipient-hash key per data folder, so services restarted on the same folder group rows alike. */
function testHashKey(dataDir: string): Uint8Array {
  let key = hashKeys.get(dataDir);
  if (!key) hashKeys.set(dataDir, (key = randomBytes(32)));
  return key;
}

/** A settings store in memory that, like conf, hands out copies rather than live references. */
export function memoryStore(): KeyValueStore {
  const values = new Map<string, unknown>();
  return {
    get: (key) => structuredClone(values.get(key)),
    set: (key, value) => void values.set(key, structuredClone(value)),
  };
}

/**
 * Real services in a fresh temporary data folder: the sandbox gateway by default, the file-key vault,
 * an in-memory settings store. Override any dependency, e.g. the clock.
 */
export function createTestServices(overrides: Partial<ServiceDeps> = {}): Services {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'sms-admin-test-'));
  return createServices({
    dataDir,
    version: '0.0.0-test',
    host: 'browser',
    systemLocale: 'en-GB',
    clock: { now: () => Date.now() },
    settings: memoryStore(),
    startupWarnings: [],
    vault: new FileKeyVault(dataDir),
    // The app loads it from the vault (loadSendLogHashKey); a test needs only one per data folder.
    sendLogHashKey: testHashKey(dataDir),
    transport: {},
    diagnostics: openDiagnosticsLog({ dataDir, console: false }),
    fileSaver: { save: async () => ({ status: 'cancelled' }) },
    externalOpener: { open: async () => false, openPath: async () => false },
    ...overrides,
  });
}
