/**
 * Offline review (docs/ARCHITECTURE.md): the AFAS portal handoff, the readiness checklist, the user list
 * and its eligibility, the cost estimate and history, the review file and the PDF report. It reads the
 * settings, the send log and files the admin chooses; it never calls MessageBird, so every method works
 * with the network off.
 */
import type { ExportOutcome } from '@shared/contract/send-log';
import type { CostEstimateRequest, PdfOutcome, SaveOutcome } from '@shared/contract/review';
import { SAMPLE_CODE, fillTemplate } from '@shared/contract/test-send';
import type { ProfileView } from '@shared/profile-types';
import { err, ok, type Result } from '@shared/result';
import {
  REVIEW_FILE_KIND,
  REVIEW_FILE_MAX_BYTES,
  REVIEW_SCHEMA_VERSION,
  USER_LIST_MAX_BYTES,
  type CostEstimateInput,
  type CostEstimateResult,
  type CostHistory,
  type EligibilityPage,
  type EligibilityStatus,
  type ImportedReview,
  type Readiness,
  type ReviewFile,
  type ReviewProfile,
  type UserListImport,
  type UserListMapping,
} from '@shared/review-types';
import {
  AFAS_QUOTED_PRICE_DATE,
  DEFAULT_LOGINS_PER_USER_PER_MONTH,
  estimateMonthlyCost,
  pricePerPart,
  smsCoveredByBalance,
} from '@shared/rules/cost';
import { maskPhone } from '@shared/rules/phone';
import { diffReviews } from '@shared/rules/review-compare';
import { countSegments } from '@shared/rules/sms-segments';
import type { Clock, FileOpener, FileSaver, KeyValueStore, ReportPrinter } from '../ports';
import type { ProfilesService } from '../profiles';
import { ProfileStore, type StoredProfile } from '../profiles/profile-store';
import type { SendLog } from '../send-log';
import type { PreferencesService } from '../settings/preferences-service';
import { TestSendSettingsStore } from '../test-send/test-send-settings';
import { costHistory } from './cost-history';
import { writeEligibilityCsv } from './eligibility-csv';
import { portalHandoff, portalSnapshot } from './portal-handoff';
import { FAILED_STATUSES, confirmedModeOf, readiness, servesLogins } from './readiness';
import { parseReviewFile, serialiseReview } from './review-file';
import { UserListFileError } from './user-list-file';
import { UserLists } from './user-lists';

const DAY_MS = 86_400_000;
/** Settings key of what the review remembers: the last cost-estimate inputs. */
export const REVIEW_SETTINGS_KEY = 'review';

export interface ReviewServiceDeps {
  dataDir: string;
  version: string;
  clock: Clock;
  settings: KeyValueStore;
  preferences: PreferencesService;
  profiles: ProfilesService;
  sendLog: SendLog;
  fileSaver: FileSaver;
  /** The desktop app's open dialog; absent in the browser host (uploads instead). */
  fileOpener?: FileOpener;
  /** The desktop app's print-to-PDF; absent in the browser host (the page prints itself). */
  reportPrinter?: ReportPrinter;
}

export type FileSource = { source: 'dialog' } | { source: 'upload'; fileName: string; contentBase64: string };
type Opened<T> = { status: 'cancelled' } | ({ status: 'imported' } & T);
type ReadCode = 'not_available_in_browser' | 'file_too_large' | 'file_unreadable';

const dateStamp = (now: number) => new Date(now).toISOString().slice(0, 10);

export class ReviewService {
  private readonly store: ProfileStore;
  private readonly testSend: TestSendSettingsStore;
  readonly userLists: UserLists;

  constructor(private readonly deps: ReviewServiceDeps) {
    this.store = new ProfileStore(deps.settings, deps.clock);
    this.testSend = new TestSendSettingsStore(deps.settings);
    this.userLists = new UserLists({
      dataDir: deps.dataDir,
      now: () => deps.clock.now(),
      activeParticipantNumbers: () => this.activeParticipantNumbers(),
    });
  }

  // ---- AFAS portal handoff ------------------------------------------------------------------------

  markPortalSaved(profileId: string, note?: string): Result<ProfileView, 'profile_not_found' | 'not_active' | 'confirmed_in_sandbox'> {
    const profile = this.store.find(profileId);
    if (!profile) return err('profile_not_found', 'No such profile');
    const snapshot = portalSnapshot(profile);
    if (!snapshot || profile.status !== 'active') return err('not_active', 'Only settings in effect can be entered in the AFAS portal');
    if (confirmedModeOf(profile) !== 'messagebird') {
      return err('confirmed_in_sandbox', 'Settings confirmed in Sandbox are no MessageBird setup; confirm them with MessageBird first');
    }
    this.store.update(profileId, (p) => ({ ...p, portal: { savedAt: this.deps.clock.now(), note: note?.trim() || null, snapshot } }));
    return ok(this.deps.profiles.get(profileId)!);
  }

  clearPortalSaved(profileId: string): Result<ProfileView, 'profile_not_found'> {
    if (!this.store.find(profileId)) return err('profile_not_found', 'No such profile');
    this.store.update(profileId, (p) => ({ ...p, portal: null }));
    return ok(this.deps.profiles.get(profileId)!);
  }

  // ---- Readiness ------------------------------------------------------------------------------------

  readiness(): Readiness {
    const prefs = this.deps.preferences.get();
    const log = this.deps.sendLog;
    return readiness({
      now: this.deps.clock.now(),
      gatewayMode: prefs.gatewayMode,
      retentionDays: prefs.sendLogRetentionDays,
      testSend: this.testSend.get(),
      profiles: this.store.load(),
      newestRow: (filter) => log.query(filter, { limit: 1 }).rows[0] ?? null,
      totals: (filter) => log.totals(filter),
    });
  }

  /** Participant numbers that can serve AFAS logins: active, with a key, confirmed with MessageBird. */
  activeParticipantNumbers(): ReadonlySet<string> {
    return new Set(this.store.load().filter(servesLogins).map((p) => p.participantNumber));
  }

  // ---- User list --------------------------------------------------------------------------------------

  async importUserList(
    source: FileSource,
  ): Promise<Result<Opened<{ list: UserListImport }>, ReadCode | 'unsupported_file_type' | 'file_empty' | 'too_many_rows'>> {
    const file = await this.readSource(source, USER_LIST_MAX_BYTES, [{ name: 'CSV, Excel', extensions: ['csv', 'xlsx', 'txt'] }]);
    if (!file.ok) return file;
    if (file.value === null) return ok({ status: 'cancelled' });
    try {
      const list = await this.userLists.import(file.value.fileName, file.value.content);
      return ok({ status: 'imported', list });
    } catch (error) {
      if (error instanceof UserListFileError) return err(error.code, error.message, { details: error.details });
      throw error;
    }
  }

  classifyUserList(importId: string, mapping: UserListMapping): Result<UserListImport, 'import_not_found' | 'invalid_mapping'> {
    const result = this.userLists.classify(importId, mapping);
    if (result.ok) return ok(result.value);
    if (result.code === 'invalid_mapping') {
      return err('invalid_mapping', `The column for ${result.field} does not exist or is used twice`, {
        field: result.field,
        details: { field: result.field ?? '' },
      });
    }
    return err('import_not_found', 'No such user list in memory (import the file again)');
  }

  eligibilityRows(importId: string, query: { offset: number; limit: number; status?: EligibilityStatus; search?: string }): Result<EligibilityPage, 'import_not_found'> {
    const page = this.userLists.rows(importId, query);
    return page ? ok(page) : err('import_not_found', 'No such user list');
  }

  async exportEligibilityCsv(importId: string, language: 'nl' | 'en'): Promise<Result<ExportOutcome, 'import_not_found' | 'save_failed'>> {
    const entries = this.userLists.entriesOf(importId);
    if (!entries) return err('import_not_found', 'No such user list');
    let outcome;
    try {
      outcome = await this.deps.fileSaver.save({
        suggestedName: `user-eligibility-${dateStamp(this.deps.clock.now())}.csv`,
        mimeType: 'text/csv',
        write: (sink) => writeEligibilityCsv(entries, language, sink),
      });
    } catch {
      return err('save_failed', 'The export file could not be written');
    }
    return ok(outcome.status === 'cancelled' ? outcome : { ...outcome, rows: entries.length });
  }

  // ---- Cost -------------------------------------------------------------------------------------------

  estimateCost(request: CostEstimateRequest = {}): CostEstimateResult {
    const stored = this.storedCostInput();
    const fromList = this.userLists.current()?.summary.counts.eligible;
    const country = request.country ?? stored.country ?? 'NL';
    const configured = this.testSend.get().pricesPerPart;
    const input: CostEstimateInput = {
      eligibleUsers: request.eligibleUsers ?? fromList ?? stored.eligibleUsers ?? 0,
      loginsPerUserPerMonth: request.loginsPerUserPerMonth ?? stored.loginsPerUserPerMonth ?? DEFAULT_LOGINS_PER_USER_PER_MONTH,
      partsPerMessage: request.partsPerMessage ?? stored.partsPerMessage ?? this.templateParts(),
      pricePerPart: request.pricePerPart ?? stored.pricePerPart ?? pricePerPart(country, configured).perPart,
      country,
      priceDate: request.priceDate ?? stored.priceDate ?? (configured[country] !== undefined ? dateStamp(this.deps.clock.now()).slice(0, 7) : AFAS_QUOTED_PRICE_DATE),
    };
    if (Object.keys(request).length > 0) this.storeCostInput(request);
    const monthly = estimateMonthlyCost({
      eligibleUsers: input.eligibleUsers,
      loginsPerUserPerMonth: input.loginsPerUserPerMonth,
      partsPerMessage: input.partsPerMessage,
      pricePerPart: input.pricePerPart,
    });
    const balance = this.latestLiveBalance();
    const covered = balance ? smsCoveredByBalance(balance, input.partsPerMessage, input.pricePerPart) : null;
    return {
      input,
      ...monthly,
      currency: 'EUR',
      balance,
      smsCoveredByBalance: covered,
      monthsCoveredByBalance: covered !== null && monthly.messagesPerMonth > 0 ? Math.round((covered / monthly.messagesPerMonth) * 10) / 10 : null,
    };
  }

  costHistory(): CostHistory {
    return costHistory(this.deps.sendLog.liveCostBuckets());
  }

  // ---- Review file and report -------------------------------------------------------------------------

  buildReview(includeEmails: boolean): ReviewFile {
    const now = this.deps.clock.now();
    const prefs = this.deps.preferences.get();
    const list = this.userLists.summaryState();
    const log = this.deps.sendLog;
    const stats = log.stats();
    return {
      kind: REVIEW_FILE_KIND,
      schemaVersion: REVIEW_SCHEMA_VERSION,
      appVersion: this.deps.version,
      createdAt: now,
      gatewayMode: prefs.gatewayMode,
      profiles: this.store.load().map(reviewProfile),
      readiness: this.readiness(),
      eligibility: list
        ? {
            fileName: list.fileName,
            ...list.view.summary,
            ...(includeEmails ? { emails: list.entries.map((e) => ({ email: e.email, status: e.status })) } : {}),
          }
        : null,
      cost: this.estimateCost(),
      log: {
        rows: stats.rows,
        oldestCreatedAt: stats.oldestCreatedAt,
        retentionDays: prefs.sendLogRetentionDays,
        byMode: { live: log.totals({ mode: 'live' }).count, test: log.totals({ mode: 'test' }).count, sandbox: log.totals({ mode: 'sandbox' }).count },
        failuresLast30Days: log.totals({ statuses: [...FAILED_STATUSES], from: now - 30 * DAY_MS }).count,
        liveCost: this.costHistory().total.cost,
      },
    };
  }

  async exportReviewFile(includeEmails: boolean): Promise<Result<SaveOutcome, 'save_failed'>> {
    const content = serialiseReview(this.buildReview(includeEmails));
    try {
      return ok(
        await this.deps.fileSaver.save({
          suggestedName: `sms-provider-review-${dateStamp(this.deps.clock.now())}.json`,
          mimeType: 'application/json',
          content,
        }),
      );
    } catch {
      return err('save_failed', 'The review file could not be written');
    }
  }

  async importReviewFile(
    source: FileSource,
  ): Promise<Result<Opened<ImportedReview & { ours: ReviewFile }>, ReadCode | 'review_file_damaged' | 'review_file_too_new' | 'not_a_review_file'>> {
    const file = await this.readSource(source, REVIEW_FILE_MAX_BYTES, [{ name: 'Review file', extensions: ['json'] }]);
    if (!file.ok) return file;
    if (file.value === null) return ok({ status: 'cancelled' });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file.value.content);
    } catch {
      return err('review_file_damaged', 'The file is not UTF-8 text');
    }
    const parsed = parseReviewFile(text);
    if (!parsed.ok) {
      const p = parsed.problem;
      if (p.code === 'review_file_too_new') {
        return err(p.code, 'The review file was written by a newer version of the app', {
          details: { schemaVersion: p.schemaVersion, supported: REVIEW_SCHEMA_VERSION },
        });
      }
      if (p.code === 'not_a_review_file') return err(p.code, 'The file is not a review file of SMS Provider Admin');
      return err(p.code, 'The review file is damaged', p.path ? { details: { path: p.path } } : {});
    }
    const ours = this.buildReview(false);
    return ok({ status: 'imported', fileName: file.value.fileName, review: parsed.review, ours, differences: diffReviews(parsed.review, ours) });
  }

  async saveReportPdf(): Promise<Result<PdfOutcome, 'not_available_in_browser' | 'save_failed'>> {
    const printer = this.deps.reportPrinter;
    if (!printer) return err('not_available_in_browser', 'The browser host prints the page itself (window.print)');
    try {
      return ok(await printer.savePdf(`sms-provider-review-${dateStamp(this.deps.clock.now())}.pdf`));
    } catch {
      return err('save_failed', 'The PDF could not be written');
    }
  }

  // ---- internals ----------------------------------------------------------------------------------------

  private async readSource(
    source: FileSource,
    maxBytes: number,
    filters: Array<{ name: string; extensions: string[] }>,
  ): Promise<Result<{ fileName: string; content: Uint8Array } | null, ReadCode>> {
    if (source.source === 'upload') {
      const content = Buffer.from(source.contentBase64, 'base64');
      if (content.length > maxBytes) return err('file_too_large', 'The file is too large', { details: { maxBytes } });
      return ok({ fileName: source.fileName, content: new Uint8Array(content.buffer, content.byteOffset, content.length) });
    }
    const opener = this.deps.fileOpener;
    if (!opener) return err('not_available_in_browser', 'The browser host has no open dialog; upload the file');
    let opened;
    try {
      opened = await opener.open({ filters, maxBytes });
    } catch {
      return err('file_unreadable', 'The file could not be read');
    }
    if (opened.status === 'cancelled') return ok(null);
    if (opened.status === 'too_large') return err('file_too_large', 'The file is too large', { details: { maxBytes, size: opened.size } });
    return ok({ fileName: opened.fileName, content: opened.content });
  }

  private templateParts(): number {
    return countSegments(fillTemplate(this.testSend.get().template, SAMPLE_CODE)).parts;
  }

  private storedCostInput(): Partial<CostEstimateInput> {
    const raw = this.deps.settings.get(REVIEW_SETTINGS_KEY);
    const cost = typeof raw === 'object' && raw !== null ? (raw as { cost?: unknown }).cost : undefined;
    if (typeof cost !== 'object' || cost === null) return {};
    const c = cost as Record<string, unknown>;
    const num = (v: unknown, max: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= max ? v : undefined);
    const out: Partial<CostEstimateInput> = {};
    const eligible = num(c.eligibleUsers, 10_000_000);
    if (eligible !== undefined && Number.isInteger(eligible)) out.eligibleUsers = eligible;
    const logins = num(c.loginsPerUserPerMonth, 1000);
    if (logins !== undefined) out.loginsPerUserPerMonth = logins;
    const parts = num(c.partsPerMessage, 10);
    if (parts !== undefined && Number.isInteger(parts) && parts >= 1) out.partsPerMessage = parts;
    const price = num(c.pricePerPart, 5);
    if (price !== undefined) out.pricePerPart = price;
    if (typeof c.country === 'string' && /^[A-Z]{2}$/.test(c.country)) out.country = c.country;
    if (typeof c.priceDate === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(c.priceDate)) out.priceDate = c.priceDate;
    return out;
  }

  private storeCostInput(request: CostEstimateRequest): void {
    const raw = this.deps.settings.get(REVIEW_SETTINGS_KEY);
    const current = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const defined = Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined));
    this.deps.settings.set(REVIEW_SETTINGS_KEY, { ...current, cost: { ...this.storedCostInput(), ...defined } });
  }

  /** The newest balance seen by a key check of a profile that serves logins (a test key's balance means nothing). */
  private latestLiveBalance(): CostEstimateResult['balance'] {
    let best: CostEstimateResult['balance'] = null;
    for (const p of this.store.load()) {
      if (!servesLogins(p) || p.active?.key?.kind !== 'live' || !p.lastKeyCheck) continue;
      if (!best || p.lastKeyCheck.at > best.at) {
        best = { amount: p.lastKeyCheck.balance.amount, type: p.lastKeyCheck.balance.type, at: p.lastKeyCheck.at, profileId: p.id };
      }
    }
    return best;
  }
}

/** A profile as the review file holds it: no key, no full phone number. */
function reviewProfile(p: StoredProfile): ReviewProfile {
  const key = p.active?.key ?? null;
  return {
    id: p.id,
    participantNumber: p.participantNumber,
    description: p.description,
    status: p.status,
    confirmedMode: confirmedModeOf(p),
    originator: p.active?.originator ?? null,
    adminPhoneMasked: p.active ? maskPhone(p.active.adminPhone) : null,
    keyFingerprint: key?.fingerprint ?? null,
    keyKind: key?.kind ?? null,
    keyProtection: key?.protection ?? null,
    activatedAt: p.active?.activatedAt ?? null,
    lastKeyCheckAt: p.lastKeyCheck?.at ?? null,
    portal: portalHandoff(p),
  };
}
