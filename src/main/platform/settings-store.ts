import ElectronStore from 'electron-store';
import type { StartupWarning } from '@shared/contract/platform';
import { openSettingsStore } from '../services/settings/open-settings-store';

/**
 * The desktop app's settings file: electron-store with the shared schema and corruption handling.
 * @see docs/SECURITY.md (Reliability: a corrupt settings file is moved aside and reported)
 */
export function openElectronSettingsStore(dir: string): { store: ElectronStore<Record<string, unknown>>; warning?: StartupWarning } {
  return openSettingsStore({ dir, create: (options) => new ElectronStore<Record<string, unknown>>(options) });
}
