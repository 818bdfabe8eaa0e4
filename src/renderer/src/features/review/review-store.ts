import { create } from 'zustand';
import type { ExportOutcome } from '@shared/contract/send-log';
import type { CostEstimateRequest, SaveOutcome } from '@shared/contract/review';
import type { AppError } from '@shared/result';
import type {
  CostEstimateResult,
  CostHistory,
  EligibilityStatus,
  ImportedReview,
  Readiness,
  ReviewFile,
  UserListImport,
  UserListMapping,
} from '@shared/review-types';
import { api } from '../../api';
import type { FileSource } from './file-source';

/** A section's load: idle until asked, then loading, ready or failed with the reason. */
export interface Loadable<T> {
  status: 'idle' | 'loading' | 'ready' | 'error';
  value?: T;
  error?: AppError;
}

export type ListBusy = 'import' | 'classify' | 'export' | 'keep' | 'clear';

export type ListNotice =
  | { kind: 'exported'; outcome: Exclude<ExportOutcome, { status: 'cancelled' }> }
  | { kind: 'kept' }
  | { kind: 'cleared' }
  | { kind: 'cancelled' };

export type FileNotice = { kind: 'exported'; outcome: Exclude<SaveOutcome, { status: 'cancelled' }> } | { kind: 'cancelled' };

interface ReviewState {
  readiness: Loadable<Readiness>;
  /** The user list in memory (or kept); null when there is none. */
  list: Loadable<UserListImport | null>;
  listBusy?: ListBusy;
  listError?: AppError;
  listNotice?: ListNotice;
  /** The table's filter. */
  statusFilter?: EligibilityStatus;
  search: string;
  /** Bumps when the rows behind the table change (new import, new mapping, cleared). */
  tableKey: number;
  estimate: Loadable<CostEstimateResult>;
  history: Loadable<CostHistory>;
  /** A review file opened read-only, with this machine's review now and the differences. */
  imported?: ImportedReview & { ours?: ReviewFile };
  fileBusy?: 'export' | 'import';
  fileError?: AppError;
  fileNotice?: FileNotice;
  includeEmails: boolean;

  loadAll: () => Promise<void>;
  loadReadiness: () => Promise<void>;
  loadList: () => Promise<void>;
  importList: (source: FileSource) => Promise<void>;
  classify: (mapping: UserListMapping) => Promise<void>;
  setStatusFilter: (status: EligibilityStatus | undefined) => void;
  setSearch: (search: string) => void;
  exportList: (language: 'nl' | 'en') => Promise<ExportOutcome | undefined>;
  keepList: () => Promise<void>;
  clearList: () => Promise<void>;
  estimateCost: (input?: CostEstimateRequest) => Promise<void>;
  loadHistory: () => Promise<void>;
  setIncludeEmails: (include: boolean) => void;
  exportReview: () => Promise<SaveOutcome | undefined>;
  importReview: (source: FileSource) => Promise<void>;
  closeImported: () => void;
  /** Shows a failure that happened in the page before main was asked (e.g. a file too large to upload). */
  setListError: (error: AppError | undefined) => void;
  setFileError: (error: AppError | undefined) => void;
}

/**
 * The offline review: readiness, user list and eligibility, cost, review file. Every answer comes from
 * this machine; none of these calls reaches MessageBird, so the page works with the network off.
 */
export const useReviewStore = create<ReviewState>()((set, get) => ({
  readiness: { status: 'idle' },
  list: { status: 'idle' },
  search: '',
  tableKey: 0,
  estimate: { status: 'idle' },
  history: { status: 'idle' },
  includeEmails: false,

  loadAll: async () => {
    await Promise.all([get().loadReadiness(), get().loadList(), get().loadHistory()]);
    // The estimate takes the eligible count from the list, so it follows it.
    await get().estimateCost();
  },

  loadReadiness: async () => {
    set((s) => ({ readiness: { ...s.readiness, status: 'loading', error: undefined } }));
    const result = await api.getReadiness();
    set({ readiness: result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error } });
  },

  loadList: async () => {
    set((s) => ({ list: { ...s.list, status: 'loading', error: undefined } }));
    const result = await api.getUserList();
    set((s) => ({ list: result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error }, tableKey: s.tableKey + 1 }));
  },

  importList: async (source) => {
    set({ listBusy: 'import', listError: undefined, listNotice: undefined });
    const result = await api.importUserList(source);
    if (!result.ok) {
      set({ listBusy: undefined, listError: result.error });
      return;
    }
    if (result.value.status === 'cancelled') {
      set({ listBusy: undefined, listNotice: { kind: 'cancelled' } });
      return;
    }
    const { list } = result.value;
    set((s) => ({ listBusy: undefined, list: { status: 'ready', value: list }, statusFilter: undefined, search: '', tableKey: s.tableKey + 1 }));
    await get().estimateCost();
  },

  classify: async (mapping) => {
    const current = get().list.value;
    if (!current) return;
    set({ listBusy: 'classify', listError: undefined, listNotice: undefined });
    const result = await api.classifyUserList({ importId: current.importId, mapping });
    if (result.ok) {
      set((s) => ({ listBusy: undefined, list: { status: 'ready', value: result.value }, tableKey: s.tableKey + 1 }));
      await get().estimateCost();
    } else {
      set({ listBusy: undefined, listError: result.error });
    }
  },

  setStatusFilter: (statusFilter) => set((s) => ({ statusFilter, tableKey: s.tableKey + 1 })),
  setSearch: (search) => set((s) => ({ search, tableKey: s.tableKey + 1 })),

  exportList: async (language) => {
    const current = get().list.value;
    if (!current) return undefined;
    set({ listBusy: 'export', listError: undefined, listNotice: undefined });
    const result = await api.exportEligibilityCsv({ importId: current.importId, language });
    if (!result.ok) {
      set({ listBusy: undefined, listError: result.error });
      return undefined;
    }
    const outcome = result.value;
    set({ listBusy: undefined, listNotice: outcome.status === 'cancelled' ? { kind: 'cancelled' } : { kind: 'exported', outcome } });
    return outcome;
  },

  keepList: async () => {
    const current = get().list.value;
    if (!current) return;
    set({ listBusy: 'keep', listError: undefined, listNotice: undefined });
    const result = await api.keepUserList({ importId: current.importId });
    if (result.ok) set({ listBusy: undefined, list: { status: 'ready', value: result.value }, listNotice: { kind: 'kept' } });
    else set({ listBusy: undefined, listError: result.error });
  },

  clearList: async () => {
    set({ listBusy: 'clear', listError: undefined, listNotice: undefined });
    const result = await api.clearUserList();
    if (result.ok) {
      set((s) => ({ listBusy: undefined, list: { status: 'ready', value: null }, listNotice: { kind: 'cleared' }, statusFilter: undefined, search: '', tableKey: s.tableKey + 1 }));
      await get().estimateCost();
    } else {
      set({ listBusy: undefined, listError: result.error });
    }
  },

  estimateCost: async (input) => {
    set((s) => ({ estimate: { ...s.estimate, status: 'loading', error: undefined } }));
    const result = await api.estimateCost(input);
    set((s) => ({ estimate: result.ok ? { status: 'ready', value: result.value } : { status: 'error', value: s.estimate.value, error: result.error } }));
  },

  loadHistory: async () => {
    set((s) => ({ history: { ...s.history, status: 'loading', error: undefined } }));
    const result = await api.getCostHistory();
    set({ history: result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error } });
  },

  setIncludeEmails: (includeEmails) => set({ includeEmails }),

  exportReview: async () => {
    set({ fileBusy: 'export', fileError: undefined, fileNotice: undefined });
    const result = await api.exportReviewFile({ includeEmails: get().includeEmails });
    if (!result.ok) {
      set({ fileBusy: undefined, fileError: result.error });
      return undefined;
    }
    const outcome = result.value;
    set({ fileBusy: undefined, fileNotice: outcome.status === 'cancelled' ? { kind: 'cancelled' } : { kind: 'exported', outcome } });
    return outcome;
  },

  importReview: async (source) => {
    set({ fileBusy: 'import', fileError: undefined, fileNotice: undefined });
    const result = await api.importReviewFile(source);
    if (!result.ok) {
      // A refused file changes nothing: what was shown before stays, the reason is said.
      set({ fileBusy: undefined, fileError: result.error });
      return;
    }
    if (result.value.status === 'cancelled') {
      set({ fileBusy: undefined, fileNotice: { kind: 'cancelled' } });
      return;
    }
    const { fileName, review, differences, ours } = result.value;
    set({ fileBusy: undefined, imported: { fileName, review, differences, ...(ours && { ours }) } });
  },

  closeImported: () => set({ imported: undefined }),
  setListError: (listError) => set({ listError, listNotice: undefined }),
  setFileError: (fileError) => set({ fileError, fileNotice: undefined }),
}));
