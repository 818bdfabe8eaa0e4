import { create } from 'zustand';
import { SANDBOX_PROFILE_ID } from '@shared/contract/test-send';
import type { ProfileView } from '@shared/profile-types';
import type {
  TestSendPreview,
  TestSendProfile,
  TestSendSettings,
  TestSendSettingsPatch,
  TestSendSetup,
  TestSendStatus,
} from '@shared/contract/test-send';
import type { AppError } from '@shared/result';
import { isFinalSendLogStatus } from '@shared/send-log-types';
import { api, toAppError, unwrap } from '../../api';

/** How often the page asks main for the row's status while the poller in main follows it. */
export const STATUS_REFRESH_MS = 2_000;

export interface SendForm {
  profileId: string;
  recipient: string;
  template: string;
}

type Phase =
  /** Editing; nothing asked yet. */
  | 'editing'
  /** Main is running the guards for the confirmation dialog. */
  | 'checking'
  /** The dialog shows the estimated cost and waits for the admin. */
  | 'confirming'
  | 'sending'
  /** Sent (or failed with a log row); `result` or `error` tells which. */
  | 'done';

interface TestSendState {
  loadStatus: 'idle' | 'loading' | 'ready' | 'error';
  setup?: TestSendSetup;
  /**
   * The profile the form starts on: the newest live profile (MessageBird-confirmed, active), else the
   * newest profile the admin set up, else the Sandbox provider. Never the Sandbox provider while a profile
   * of the admin's own exists.
   */
  defaultProfileId?: string;
  loadError?: AppError;
  phase: Phase;
  /** What the confirmation dialog shows: main's own preview, after its guards. */
  preview?: TestSendPreview;
  /** The status of the last send, refreshed while main follows its delivery. */
  result?: TestSendStatus;
  /** Why the last check or send was refused or failed. */
  error?: AppError;
  settingsSaving: boolean;
  settingsError?: AppError;
  /** Which save succeeded last, for its confirmation text. */
  settingsSaved?: 'template' | 'guards';
  load: () => Promise<void>;
  /** Runs main's guards and, when they pass, opens the confirmation with the estimated cost. */
  check: (form: SendForm) => Promise<void>;
  cancel: () => void;
  /** Sends after the admin confirmed; never called without the confirmation dialog. */
  send: (form: SendForm) => Promise<void>;
  refreshStatus: () => Promise<void>;
  saveSettings: (patch: TestSendSettingsPatch, what: 'template' | 'guards') => Promise<TestSendSettings | undefined>;
  /** Back to editing for another send (the last result stays in the send log). */
  clearResult: () => void;
  /** Stops following (the page is left); main keeps following regardless. */
  stop: () => void;
}

let refreshTimer: ReturnType<typeof setTimeout> | undefined;

function stopRefreshing(): void {
  if (refreshTimer !== undefined) clearTimeout(refreshTimer);
  refreshTimer = undefined;
}

/** Keeps asking while main still follows the message and its status is not final. */
function scheduleRefresh(status: TestSendStatus | undefined, refresh: () => Promise<void>): void {
  stopRefreshing();
  if (!status || !status.following || isFinalSendLogStatus(status.status)) return;
  refreshTimer = setTimeout(() => void refresh(), STATUS_REFRESH_MS);
}

/** The failure's log row, when main wrote one (a failed or unknown send). */
function rowFromError(error: AppError): TestSendStatus | undefined {
  const { logId, status } = error.details ?? {};
  if (typeof logId !== 'number' || (status !== 'failed' && status !== 'unknown')) return undefined;
  return { logId, status, mode: 'live', parts: 0, following: false };
}

/** See `defaultProfileId`: live before anything else, then the most recently activated. */
function newestProfile(setup: TestSendSetup, views: readonly ProfileView[]): string | undefined {
  const activatedAt = new Map(views.map((v) => [v.id, v.active?.activatedAt ?? 0]));
  const own = setup.profiles.filter((p) => p.id !== SANDBOX_PROFILE_ID);
  const rank = (p: TestSendProfile) => [p.mode === 'live' ? 1 : 0, activatedAt.get(p.id) ?? 0] as const;
  const best = [...own].sort((a, b) => {
    const [la, ta] = rank(a);
    const [lb, tb] = rank(b);
    return lb - la || tb - ta;
  })[0];
  return best?.id ?? setup.profiles[0]?.id;
}

export const useTestSendStore = create<TestSendState>()((set, get) => ({
  loadStatus: 'idle',
  phase: 'editing',
  settingsSaving: false,

  load: async () => {
    set({ loadStatus: 'loading', loadError: undefined });
    try {
      const [setup, list] = await Promise.all([api.getTestSendSetup(), api.listProfiles()]);
      const ready = unwrap(setup);
      set({ loadStatus: 'ready', setup: ready, defaultProfileId: newestProfile(ready, list.ok ? list.value : []) });
    } catch (caught) {
      set({ loadStatus: 'error', loadError: toAppError(caught) });
    }
  },

  check: async (form) => {
    set({ phase: 'checking', error: undefined, preview: undefined });
    try {
      const preview = unwrap(await api.previewTestSend(form));
      set({ phase: 'confirming', preview });
    } catch (caught) {
      set({ phase: 'editing', error: toAppError(caught) });
    }
  },

  cancel: () => set({ phase: 'editing', preview: undefined }),

  send: async (form) => {
    if (get().phase === 'sending') return;
    set({ phase: 'sending', error: undefined, result: undefined });
    const result = await api.sendTestCode({ ...form, confirmCost: true });
    if (result.ok) {
      set({ phase: 'done', result: result.value });
      scheduleRefresh(result.value, get().refreshStatus);
    } else {
      const row = rowFromError(result.error);
      set({ phase: row ? 'done' : 'editing', error: result.error, result: row });
      // A failed or unknown row: read it once for its stored reason.
      if (row) await get().refreshStatus();
    }
    // The count of sends in the last 24 hours changed.
    const setup = await api.getTestSendSetup();
    if (setup.ok) set({ setup: setup.value });
  },

  refreshStatus: async () => {
    const current = get().result;
    if (!current) return;
    const status = await api.getTestSendStatus({ logId: current.logId });
    // Ignore an answer for a send the page has since left behind.
    if (get().result?.logId !== current.logId) return;
    if (status.ok) {
      set({ result: status.value });
      scheduleRefresh(status.value, get().refreshStatus);
    } else {
      scheduleRefresh(current, get().refreshStatus);
    }
  },

  saveSettings: async (patch, what) => {
    set({ settingsSaving: true, settingsError: undefined, settingsSaved: undefined });
    try {
      const settings = unwrap(await api.updateTestSendSettings(patch));
      const setup = get().setup;
      set({ settingsSaving: false, settingsSaved: what, ...(setup ? { setup: { ...setup, settings } } : {}) });
      return settings;
    } catch (caught) {
      set({ settingsSaving: false, settingsError: toAppError(caught) });
      return undefined;
    }
  },

  clearResult: () => {
    stopRefreshing();
    set({ phase: 'editing', result: undefined, error: undefined, preview: undefined });
  },

  stop: () => stopRefreshing(),
}));
