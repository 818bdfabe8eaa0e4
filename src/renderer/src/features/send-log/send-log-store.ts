import { create } from 'zustand';
import type { ExportOutcome, SendLogInfo } from '@shared/contract/send-log';
import type { AppError } from '@shared/result';
import {
  SEARCH_TOTALS_CAP,
  type SendLogFilter,
  type SendLogRow,
  type SendLogTotals,
} from '@shared/send-log-types';
import { api, toAppError, unwrap } from '../../api';
import { i18n } from '../../i18n';
import { PAGE_SIZE, PageCache, type PageRequest } from './page-cache';

/** How often visible rows whose delivery is still open are asked for again. */
export const AUTO_REFRESH_MS = 3_000;
const DAY_MS = 86_400_000;

/** What a deletion (purge, retention change) will remove, asked before the admin confirms. */
export interface DeletionPlan {
  kind: 'purge' | 'retention';
  days: number;
  /** Rows older than `days`; undefined when it could not be counted. */
  count?: number;
}

export interface ProfileOption {
  id: string;
  label: string;
}

export type Notice =
  | { kind: 'exported'; outcome: Exclude<ExportOutcome, { status: 'cancelled' }> }
  | { kind: 'exportCancelled' }
  | { kind: 'purged'; deleted: number; days: number }
  | { kind: 'retentionSet'; deleted: number; days: number }
  | { kind: 'cleared'; deleted: number };

interface SendLogState {
  /** The filter the table shows (search already debounced). */
  filter: SendLogFilter;
  /** The rows behind the table for `filter`; replaced whenever the filter or the log changes wholesale. */
  cache: PageCache;
  /** Bumps when a page arrives, so the table re-renders. */
  version: number;
  /** Bumps with each new cache: the table remounts at its top with the first row focused. */
  tableKey: number;
  status: 'idle' | 'loading' | 'ready' | 'error';
  totals?: SendLogTotals;
  loadError?: AppError;
  info?: SendLogInfo;
  /** Which action runs now; buttons show it busy and the others wait. */
  busy?: 'export' | 'purge' | 'retention' | 'clear' | 'plan';
  /** The outcome of the last action, shown once. */
  notice?: Notice;
  actionError?: AppError;
  /** Where `actionError` belongs: the export section or the retention section. */
  errorArea?: 'export' | 'retention';
  /** The deletion waiting for the admin's confirmation. */
  plan?: DeletionPlan;
  /** The row the detail dialog shows. */
  detail?: SendLogRow;
  /** Profiles to filter on (id → name); empty until loaded or when they cannot be listed. */
  profiles: ProfileOption[];

  setFilter: (filter: SendLogFilter) => void;
  /** Loads the first page with totals for the current filter, starting a fresh cache. */
  reload: () => Promise<void>;
  /** Fetches the given pages and the totals again (auto-refresh); keeps the rows on screen meanwhile. */
  refresh: (pageIndices: number[]) => Promise<void>;
  loadInfo: () => Promise<void>;
  loadProfiles: () => Promise<void>;
  exportCsv: () => Promise<ExportOutcome | undefined>;
  /** Counts what a purge or retention change would delete, then opens the confirmation. */
  planDeletion: (kind: DeletionPlan['kind'], days: number) => Promise<void>;
  cancelPlan: () => void;
  confirmPlan: () => Promise<void>;
  clear: () => Promise<boolean>;
  openDetail: (row: SendLogRow) => Promise<void>;
  closeDetail: () => void;
  dismissNotice: () => void;
  /** The page was left: stop fetching. */
  stop: () => void;
}

function newCache(filter: SendLogFilter, onChange: () => void): PageCache {
  return new PageCache(
    async (request: PageRequest) => unwrap(await api.queryLog({ filter, limit: PAGE_SIZE, withTotals: false, ...request })),
    onChange,
  );
}

/**
 * Rows the virtual table has room for: the exact total, or, for a search whose totals were capped, the
 * rows loaded so far plus one page to scroll into (it grows as the admin scrolls on).
 */
export function tableRowCount(totals: SendLogTotals | undefined, cache: PageCache): number {
  if (!totals) return 0;
  const end = cache.knownEnd;
  if (end !== undefined) return end;
  if (totals.capped) return Math.max(SEARCH_TOTALS_CAP + 1, cache.loadedEnd + PAGE_SIZE);
  return totals.count;
}

/** Rows older than `days` days, counted with the same exact totals the table uses. */
async function countOlderThan(days: number): Promise<number> {
  const page = unwrap(await api.queryLog({ filter: { to: Math.max(0, Date.now() - days * DAY_MS) }, limit: 1, withTotals: true }));
  return page.totals?.count ?? 0;
}

/** The send log page's state: filter, paged rows, totals, retention and the actions on the log. */
export const useSendLogStore = create<SendLogState>()((set, get) => {
  const bump = () => set((s) => ({ version: s.version + 1 }));
  /** Each reload gets a number; an answer for an older one is dropped (the filter moved on). */
  let generation = 0;
  let refreshing = false;

  return {
    filter: {},
    cache: new PageCache(async () => ({ rows: [], next: null }), () => undefined),
    version: 0,
    tableKey: 0,
    status: 'idle',
    profiles: [],

    setFilter: (filter) => {
      set({ filter });
      void get().reload();
    },

    reload: async () => {
      const mine = ++generation;
      const { filter } = get();
      get().cache.dispose();
      const cache = newCache(filter, () => {
        if (mine === generation) bump();
      });
      set((s) => ({ cache, tableKey: s.tableKey + 1, status: 'loading', loadError: undefined, totals: undefined }));
      try {
        const page = unwrap(await api.queryLog({ filter, limit: PAGE_SIZE, withTotals: true }));
        if (mine !== generation) return;
        cache.put(0, page);
        set((s) => ({ status: 'ready', totals: page.totals, version: s.version + 1 }));
      } catch (caught) {
        if (mine !== generation) return;
        set({ status: 'error', loadError: toAppError(caught), totals: undefined });
      }
    },

    refresh: async (pageIndices) => {
      // One refresh at a time: a slow host never gets a pile-up of requests.
      if (refreshing || get().status !== 'ready') return;
      refreshing = true;
      const mine = generation;
      const { filter, cache, totals: before } = get();
      try {
        const first = unwrap(await api.queryLog({ filter, limit: 1, withTotals: true }));
        if (mine !== generation) return;
        const shifted = first.totals?.count !== before?.count || first.rows[0]?.id !== cache.row(0)?.id;
        await cache.refresh(pageIndices, shifted);
        if (mine !== generation) return;
        set({ totals: first.totals });
        const open = get().detail;
        if (open) {
          const fresh = findRow(cache, open.id, pageIndices);
          if (fresh) set({ detail: fresh });
        }
      } catch {
        // Keep what is on screen; the next tick tries again.
      } finally {
        refreshing = false;
      }
    },

    loadInfo: async () => {
      try {
        set({ info: unwrap(await api.getLogInfo()) });
      } catch (caught) {
        set({ actionError: toAppError(caught), errorArea: 'retention' });
      }
    },

    loadProfiles: async () => {
      const result = await api.listProfiles(undefined);
      // Without the list the filter still offers "All profiles" and Sandbox; nothing to report.
      if (!result.ok) return;
      set({
        profiles: result.value.map((p) => ({ id: p.id, label: p.description ? `${p.description} (${p.participantNumber})` : p.participantNumber })),
      });
    },

    exportCsv: async () => {
      set({ busy: 'export', notice: undefined, actionError: undefined });
      try {
        // Headers, words, separator and decimal mark follow the screen language (Dutch Excel wants `;` and `0,056`).
        const outcome = unwrap(await api.exportLog({ filter: get().filter, language: i18n.language.startsWith('nl') ? 'nl' : 'en' }));
        set({ notice: outcome.status === 'cancelled' ? { kind: 'exportCancelled' } : { kind: 'exported', outcome } });
        return outcome;
      } catch (caught) {
        set({ actionError: toAppError(caught), errorArea: 'export' });
        return undefined;
      } finally {
        set({ busy: undefined });
      }
    },

    planDeletion: async (kind, days) => {
      set({ busy: 'plan', notice: undefined, actionError: undefined });
      let count: number | undefined;
      try {
        count = await countOlderThan(days);
      } catch {
        count = undefined; // the dialog still asks, without a number
      }
      set({ busy: undefined, plan: { kind, days, ...(count !== undefined ? { count } : {}) } });
    },

    cancelPlan: () => set({ plan: undefined }),

    confirmPlan: async () => {
      const plan = get().plan;
      if (!plan) return;
      set({ busy: plan.kind, actionError: undefined });
      try {
        if (plan.kind === 'purge') {
          const result = unwrap(await api.purgeLog({ olderThanDays: plan.days }));
          set({ notice: { kind: 'purged', deleted: result.deleted, days: result.olderThanDays } });
        } else {
          const result = unwrap(await api.setRetentionDays({ days: plan.days }));
          set({ notice: { kind: 'retentionSet', deleted: result.deleted, days: result.retentionDays } });
        }
        set({ plan: undefined });
        await Promise.all([get().loadInfo(), get().reload()]);
      } catch (caught) {
        set({ plan: undefined, actionError: toAppError(caught), errorArea: 'retention' });
      } finally {
        set({ busy: undefined });
      }
    },

    clear: async () => {
      set({ busy: 'clear', notice: undefined, actionError: undefined });
      try {
        const result = unwrap(await api.clearLog({ confirm: true }));
        set({ notice: { kind: 'cleared', deleted: result.deleted }, detail: undefined });
        await Promise.all([get().loadInfo(), get().reload()]);
        return true;
      } catch (caught) {
        set({ actionError: toAppError(caught), errorArea: 'retention' });
        return false;
      } finally {
        set({ busy: undefined });
      }
    },

    openDetail: async (row) => {
      set({ detail: row });
      // The cached row may be a few seconds old; the dialog shows the stored one.
      const fresh = await api.getLogRow({ id: row.id });
      if (fresh.ok && get().detail?.id === row.id) set({ detail: fresh.value });
    },

    closeDetail: () => set({ detail: undefined }),
    dismissNotice: () => set({ notice: undefined, actionError: undefined }),

    stop: () => {
      generation += 1;
      get().cache.dispose();
    },
  };
});

function findRow(cache: PageCache, id: number, pageIndices: number[]): SendLogRow | undefined {
  for (const k of pageIndices) {
    for (let i = k * PAGE_SIZE; i < (k + 1) * PAGE_SIZE; i += 1) {
      const row = cache.row(i);
      if (row?.id === id) return row;
    }
  }
  return undefined;
}
