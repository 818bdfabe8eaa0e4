import { create } from 'zustand';
import type { AppInfo } from '@shared/contract';
import type { AppError } from '@shared/result';
import type { Preferences, PreferencesPatch } from '@shared/settings';
import { api, toAppError, unwrap } from '../api';
import { applyLanguagePreference } from '../i18n';

interface AppState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  info?: AppInfo;
  preferences?: Preferences;
  /** The last failure of `load` or `updatePreferences`, shown where it happened. */
  error?: AppError;
  /** Loads app info and preferences, and applies the language preference. */
  load: () => Promise<void>;
  /** Saves a change; on success the language and app info (mode badge) follow at once. */
  updatePreferences: (patch: PreferencesPatch) => Promise<boolean>;
  refreshInfo: () => Promise<void>;
}

/** App-wide facts (mode, vault, version) and the preferences; feature state lives in feature stores. */
export const useAppStore = create<AppState>()((set, get) => ({
  status: 'idle',
  load: async () => {
    set({ status: 'loading', error: undefined });
    try {
      const [info, preferences] = await Promise.all([api.getAppInfo(), api.getSettings()]);
      const prefs = unwrap(preferences);
      set({ status: 'ready', info: unwrap(info), preferences: prefs });
      await applyLanguagePreference(prefs.language);
    } catch (caught) {
      set({ status: 'error', error: toAppError(caught) });
    }
  },
  updatePreferences: async (patch) => {
    set({ error: undefined });
    try {
      const preferences = unwrap(await api.updateSettings(patch));
      set({ preferences });
      await applyLanguagePreference(preferences.language);
      // The gateway mode decides the badge; ask main rather than guess.
      if (patch.gatewayMode !== undefined) await get().refreshInfo();
      return true;
    } catch (caught) {
      set({ error: toAppError(caught) });
      return false;
    }
  },
  refreshInfo: async () => {
    const info = await api.getAppInfo();
    if (info.ok) set({ info: info.value });
  },
}));
