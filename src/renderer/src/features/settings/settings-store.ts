import { create } from 'zustand';
import type { KeyCheck } from '@shared/contract';
import type { AppError } from '@shared/result';
import { api, toAppError, unwrap } from '../../api';

interface ConnectionTestState {
  status: 'idle' | 'checking' | 'done' | 'failed';
  result?: KeyCheck;
  error?: AppError;
  /** Asks main to check a key with `GET /balance`. The key is an argument only: it is never kept here. */
  checkKey: (apiKey: string) => Promise<void>;
  reset: () => void;
}

/** The Settings page's connection test. Preferences themselves live in `useAppStore`. */
export const useConnectionTestStore = create<ConnectionTestState>()((set) => ({
  status: 'idle',
  checkKey: async (apiKey) => {
    set({ status: 'checking', result: undefined, error: undefined });
    try {
      set({ status: 'done', result: unwrap(await api.checkApiKey({ apiKey })) });
    } catch (caught) {
      set({ status: 'failed', error: toAppError(caught) });
    }
  },
  reset: () => set({ status: 'idle', result: undefined, error: undefined }),
}));
