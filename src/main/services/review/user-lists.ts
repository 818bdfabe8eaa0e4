/**
 * The imported user list: read, mapped, classified, paged for the virtual table, exported as CSV, and
 * optionally kept. It lives in memory; "keep" writes it to `<dataDir>/user-list.json` (mode 0600) with
 * the phone numbers masked, so a kept list can be re-checked against the profiles after a restart but
 * not mapped anew (the raw cells are not kept: re-import the file for that).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  SKIPPED_ROWS_SHOWN,
  SKIPPED_ROW_REASONS,
  USER_LIST_MAX_ROWS,
  type EligibilityPage,
  type EligibilityRow,
  type EligibilityStatus,
  type SkippedRow,
  type UserListImport,
  type UserListMapping,
} from '@shared/review-types';
import { classifyUsers, countStatuses, toEntries, userStatus, type ClassifiedEntry, type MobileCheck, type RawRecord } from '@shared/rules/eligibility';
import { maskPhone } from '@shared/rules/phone';
import { guessMapping, mappingProblem } from '@shared/rules/user-list-columns';
import { readUserListFile, type UserListTable } from './user-list-file';

export const KEPT_USER_LIST_FILE = 'user-list.json';

interface Entry extends ClassifiedEntry {
  /** Filled when first shown (masking 100,000 numbers up front would cost a second). */
  mobileMasked?: string | null;
}

/** An import's facts that the view, the kept file and the state carry unchanged. */
type ListFacts = Pick<UserListImport, 'importId' | 'fileName' | 'format' | 'delimiter' | 'headers' | 'mapping' | 'importedAt'>;

const factsOf = (s: ListFacts): ListFacts => ({
  importId: s.importId,
  fileName: s.fileName,
  format: s.format,
  delimiter: s.delimiter,
  headers: s.headers,
  mapping: s.mapping,
  importedAt: s.importedAt,
});

interface ListState extends ListFacts {
  /** The cells as read; null for a list restored from the kept file. */
  records: RawRecord[] | null;
  unreadable: SkippedRow[];
  skipped: SkippedRow[];
  rowsRead: number;
  entries: Entry[];
  users: number;
  /** The active participant numbers the statuses were computed with. */
  activeKey: string;
  kept: boolean;
}

export interface UserListsDeps {
  dataDir: string;
  now: () => number;
  /** Participant numbers with an active profile confirmed with MessageBird (not Sandbox). */
  activeParticipantNumbers: () => ReadonlySet<string>;
}

const keyOf = (set: ReadonlySet<string>) => [...set].sort().join(',');

function mask(entry: Entry): string | null {
  if (entry.mobileMasked !== undefined) return entry.mobileMasked;
  const m = entry.mobile;
  entry.mobileMasked = m === null ? null : m.ok ? maskPhone(m.e164) : '•••';
  return entry.mobileMasked;
}

export class UserLists {
  private state: ListState | null = null;
  private loadedKept = false;

  constructor(private readonly deps: UserListsDeps) {}

  /** Reads and classifies a file; throws `UserListFileError` for a file that cannot be used. */
  async import(fileName: string, bytes: Uint8Array): Promise<UserListImport> {
    const table = await readUserListFile(fileName, bytes, USER_LIST_MAX_ROWS);
    const state = this.fromTable(fileName, table);
    // A new import replaces the previous one, also a kept one: the kept file goes with it.
    this.removeKeptFile();
    this.state = state;
    this.loadedKept = true;
    return this.view(state);
  }

  current(): UserListImport | null {
    const state = this.get();
    return state ? this.view(state) : null;
  }

  /** Classification of the current list, refreshed against the profiles in effect now. */
  summaryState(): { fileName: string; view: UserListImport; entries: readonly ClassifiedEntry[] } | null {
    const state = this.get();
    return state ? { fileName: state.fileName, view: this.view(state), entries: state.entries } : null;
  }

  classify(importId: string, mapping: UserListMapping): { ok: true; value: UserListImport } | { ok: false; code: 'import_not_found' | 'invalid_mapping'; field?: string } {
    const state = this.find(importId);
    if (!state || !state.records) return { ok: false, code: 'import_not_found' };
    const problem = mappingProblem(mapping, state.headers.length);
    if (problem) return { ok: false, code: 'invalid_mapping', field: problem };
    Object.assign(state, this.classified(state.records, mapping, state.unreadable));
    if (state.kept) this.writeKeptFile(state);
    return { ok: true, value: this.view(state) };
  }

  rows(importId: string, query: { offset: number; limit: number; status?: EligibilityStatus; search?: string }): EligibilityPage | null {
    const state = this.find(importId);
    if (!state) return null;
    const needle = query.search?.trim().toLowerCase() ?? '';
    const matching: number[] = [];
    state.entries.forEach((entry, index) => {
      if (query.status && entry.status !== query.status) return;
      if (needle && !matches(entry, needle)) return;
      matching.push(index);
    });
    const page = matching.slice(query.offset, query.offset + query.limit);
    return { total: matching.length, offset: query.offset, rows: page.map((i) => row(i, state.entries[i]!)) };
  }

  /** Every entry, in file order, for the CSV export. */
  entriesOf(importId: string): readonly ClassifiedEntry[] | null {
    return this.find(importId)?.entries ?? null;
  }

  keep(importId: string): UserListImport | null {
    const state = this.find(importId);
    if (!state) return null;
    state.kept = true;
    this.writeKeptFile(state);
    return this.view(state);
  }

  clear(): boolean {
    const had = this.get() !== null;
    this.state = null;
    this.loadedKept = true;
    const hadFile = this.removeKeptFile();
    return had || hadFile;
  }

  // ---- internals ------------------------------------------------------------------------------------

  private get(): ListState | null {
    if (!this.loadedKept) {
      this.loadedKept = true;
      this.state = this.readKeptFile();
    }
    const state = this.state;
    if (state) this.refresh(state);
    return state;
  }

  private find(importId: string): ListState | null {
    const state = this.get();
    return state && state.importId === importId ? state : null;
  }

  private fromTable(fileName: string, table: UserListTable): ListState {
    const mapping = guessMapping(table.headers);
    return {
      importId: randomBytes(16).toString('hex'),
      fileName,
      format: table.format,
      delimiter: table.delimiter,
      headers: table.headers,
      records: table.records,
      unreadable: table.unreadable,
      importedAt: this.deps.now(),
      kept: false,
      ...this.classified(table.records, mapping, table.unreadable),
    };
  }

  private classified(records: RawRecord[], mapping: UserListMapping, unreadable: SkippedRow[]) {
    const active = this.deps.activeParticipantNumbers();
    const rowsRead = records.filter((r) => r.cells.some((c) => c.trim() !== '')).length + unreadable.length;
    if (mapping.email === null || mapping.participantNumber === null) {
      return { mapping, skipped: [...unreadable], entries: [], users: 0, rowsRead, activeKey: keyOf(active) };
    }
    const { entries, skipped } = toEntries(records, {
      email: mapping.email,
      participantNumber: mapping.participantNumber,
      mobile: mapping.mobile,
      name: mapping.name,
    });
    const result = classifyUsers(entries, active);
    const allSkipped = [...unreadable, ...skipped].sort((a, b) => a.line - b.line);
    return { mapping, skipped: allSkipped, entries: result.entries as Entry[], users: result.users, rowsRead, activeKey: keyOf(active) };
  }

  /** Profiles may have been activated or disabled since: statuses follow them. */
  private refresh(state: ListState): void {
    const active = this.deps.activeParticipantNumbers();
    const key = keyOf(active);
    if (key === state.activeKey) return;
    for (const entry of state.entries) {
      if (entry.status === 'duplicate') continue;
      const verdict = userStatus(entry.participantNumbers, entry.mobile, active);
      entry.status = verdict.status;
      entry.details = verdict.details;
    }
    state.activeKey = key;
  }

  private view(state: ListState): UserListImport {
    return {
      ...factsOf(state),
      mappingComplete: state.mapping.email !== null && state.mapping.participantNumber !== null,
      summary: { users: state.users, counts: countStatuses(state.entries), rowsRead: state.rowsRead, skippedRows: state.skipped.length },
      skipped: state.skipped.slice(0, SKIPPED_ROWS_SHOWN),
      kept: state.kept,
    };
  }

  private get keptPath(): string {
    return join(this.deps.dataDir, KEPT_USER_LIST_FILE);
  }

  private writeKeptFile(state: ListState): void {
    const kept: KeptList = {
      version: 1,
      ...factsOf(state),
      rowsRead: state.rowsRead,
      users: state.users,
      skipped: state.skipped,
      entries: state.entries.map((e) => ({
        line: e.line,
        email: e.email,
        name: e.name,
        participantNumbers: e.participantNumbers,
        mobileMasked: mask(e),
        mobile: e.mobile === null ? 'none' : e.mobile.ok ? 'ok' : e.mobile.issue,
        duplicateOf: e.status === 'duplicate' ? Number(e.details.firstLine) : null,
      })),
    };
    const tmp = `${this.keptPath}.tmp`;
    writeFileSync(tmp, JSON.stringify(kept), { mode: 0o600 });
    renameSync(tmp, this.keptPath);
  }

  private removeKeptFile(): boolean {
    if (!existsSync(this.keptPath)) return false;
    rmSync(this.keptPath, { force: true });
    return true;
  }

  /** A kept file that does not parse is ignored (and left for the admin to look at), never half-read. */
  private readKeptFile(): ListState | null {
    if (!existsSync(this.keptPath)) return null;
    let parsed;
    try {
      parsed = keptListSchema.safeParse(JSON.parse(readFileSync(this.keptPath, 'utf8')));
    } catch {
      return null;
    }
    if (!parsed.success) return null;
    const k = parsed.data;
    const active = this.deps.activeParticipantNumbers();
    const entries: Entry[] = k.entries.map((e) => {
      const mobile: MobileCheck | null = e.mobile === 'none' ? null : e.mobile === 'ok' ? { ok: true, e164: '' } : { ok: false, issue: e.mobile };
      const verdict =
        e.duplicateOf !== null ? { status: 'duplicate' as const, details: { firstLine: e.duplicateOf } } : userStatus(e.participantNumbers, mobile, active);
      return { line: e.line, email: e.email, name: e.name, participantNumbers: e.participantNumbers, mobile, mobileMasked: e.mobileMasked, ...verdict };
    });
    return {
      ...factsOf(k),
      records: null,
      unreadable: [],
      skipped: k.skipped,
      rowsRead: k.rowsRead,
      entries,
      users: k.users,
      activeKey: keyOf(active),
      kept: true,
    };
  }
}

function row(index: number, e: Entry): EligibilityRow {
  return {
    index,
    line: e.line,
    email: e.email,
    name: e.name,
    participantNumbers: e.participantNumbers,
    mobileMasked: mask(e),
    status: e.status,
    details: e.details,
  };
}

function matches(entry: ClassifiedEntry, needle: string): boolean {
  return (
    entry.email.toLowerCase().includes(needle) ||
    (entry.name?.toLowerCase().includes(needle) ?? false) ||
    entry.participantNumbers.some((n) => n.includes(needle))
  );
}

const column = z.number().int().min(0).max(999).nullable();
const keptListSchema = z.object({
  version: z.literal(1),
  importId: z.string().regex(/^[a-f0-9]{32}$/),
  fileName: z.string().max(255),
  format: z.enum(['csv', 'xlsx']),
  delimiter: z.enum([',', ';']).nullable(),
  headers: z.array(z.string().max(1000)).max(1000),
  mapping: z.object({ email: column, participantNumber: column, mobile: column, name: column }),
  importedAt: z.number(),
  rowsRead: z.number().int().min(0),
  users: z.number().int().min(0),
  skipped: z.array(z.object({ line: z.number().int(), reason: z.enum(SKIPPED_ROW_REASONS) })).max(USER_LIST_MAX_ROWS * 2),
  entries: z
    .array(
      z.object({
        line: z.number().int(),
        email: z.string().max(254),
        name: z.string().max(1000).nullable(),
        participantNumbers: z.array(z.string().regex(/^\d{5}$/)).max(1000),
        mobileMasked: z.string().max(64).nullable(),
        mobile: z.enum(['none', 'ok', 'invalid', 'not_mobile', 'premium_rate', 'shared_cost', 'toll_free']),
        duplicateOf: z.number().int().nullable(),
      }),
    )
    .max(USER_LIST_MAX_ROWS),
});
type KeptList = z.infer<typeof keptListSchema>;
