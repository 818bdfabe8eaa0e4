/**
 * Test-send (issue 4): the admin sends a freshly generated 6-digit code from a profile to a phone,
 * after the cost guards (SECURITY.md "Cost abuse") and an explicit confirmation of the estimated cost.
 * The send is logged `pending` before the API call and updated after it (SECURITY.md "Reliability");
 * a timeout becomes `unknown` and is never retried; accepted messages are followed by the poller.
 */
import { randomInt } from 'node:crypto';
import { apiKeyKind } from '../../../shared/api-key';
import {
  fillTemplate,
  SANDBOX_PROFILE_ID,
  type TestSendPreview,
  type TestSendProfile,
  type TestSendRefusalCode,
  type TestSendSettings,
  type TestSendSettingsPatch,
  type TestSendSetup,
  type TestSendStatus,
} from '../../../shared/contract/test-send';
import type { GatewayErrorCode, SendMode } from '../../../shared/gateway-types';
import { err, ok, type Result } from '../../../shared/result';
import { COST_CURRENCY, estimate } from '../../../shared/rules/cost';
import { countSegments } from '../../../shared/rules/sms-segments';
import { SEND_LOG_STATUSES, type SendLogFilter, type SendLogRow, type SendLogTotals } from '../../../shared/send-log-types';
import type { Preferences } from '../../../shared/settings';
import type { Clock, GatewayFactory, KeyValueStore, SmsGateway } from '../ports';
import type { FailedUpdate, PendingSend, SentUpdate, StatusUpdate } from '../send-log';
import { checkDailyCap, checkRecipient, checkTemplate, type CheckedRecipient, type CheckedTemplate } from './cost-guards';
import { DeliveryPoller, type PollOutcome, type PollPolicy, type PollTarget } from './delivery-poller';
import { TestSendSettingsStore } from './test-send-settings';
import { systemTimers, type Timers } from './timers';

/** Seconds a test code may wait for delivery: a late test SMS is noise (MESSAGEBIRD.md: set `validity`). */
export const TEST_CODE_VALIDITY_SECONDS = 600;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Unfinished rows older than this are not resumed after a restart: their status will not change. */
const RESUME_MAX_AGE_MS = 7 * DAY_MS;
/** Every status except `failed`: MessageBird refused those, so nothing was sent or charged. */
const COUNTED_STATUSES = SEND_LOG_STATUSES.filter((status) => status !== 'failed');

/** A profile the test-send feature may use: active, with a sender and a key in the vault. */
export interface ActiveProfileInfo {
  id: string;
  participantNumber: string;
  description: string;
  originator: string;
}

/** What test-send needs from the profiles feature (`ProfilesService` satisfies it). */
export interface TestSendProfileSource {
  /** Profiles in effect (status active, key present). */
  activeProfiles(): ActiveProfileInfo[] | Promise<ActiveProfileInfo[]>;
  /** The API key in effect for a profile, or null when it has none (removed, disabled, never activated). */
  activeKey(profileId: string): Promise<string | null>;
}

/** The calls test-send makes on the send log (`SendLog` in ../send-log). */
export interface TestSendLog {
  appendPending(send: PendingSend): number;
  markSent(id: number, update: SentUpdate): boolean;
  markFailed(id: number, update: FailedUpdate): boolean;
  markUnknown(id: number, reason: string): boolean;
  updateStatus(id: number, update: StatusUpdate): boolean;
  unfinished(limit?: number): SendLogRow[];
  get(id: number): SendLogRow | null;
  totals(filter: SendLogFilter): SendLogTotals;
}

export interface TestSendServiceDeps {
  preferences: { get(): Preferences };
  settings: KeyValueStore;
  profiles: TestSendProfileSource;
  sendLog: TestSendLog;
  gatewayFor: GatewayFactory;
  clock: Clock;
  timers?: Timers;
  /** A fresh 6-digit code; `crypto.randomInt` unless a test injects its own. */
  generateCode?: () => string;
  pollPolicy?: Partial<PollPolicy>;
  log?: (message: string, error?: unknown) => void;
}

export interface TestSendInput {
  profileId: string;
  recipient: string;
  template?: string;
  confirmCost?: boolean;
}

export type TestSendErrorCode = TestSendRefusalCode | 'confirmation_required' | GatewayErrorCode;

/** The built-in profile of Sandbox mode: no key, no network, no cost. */
const SANDBOX_PROFILE: ActiveProfileInfo & { apiKey: string } = {
  id: SANDBOX_PROFILE_ID,
  participantNumber: 'sandbox',
  description: 'Sandbox',
  originator: 'Sandbox',
  apiKey: 'sandbox-test-send',
};

interface ResolvedProfile {
  profile: ActiveProfileInfo;
  apiKey: string;
  gateway: SmsGateway;
  testKey: boolean;
}

interface Prepared {
  resolved: ResolvedProfile;
  recipient: CheckedRecipient;
  template: CheckedTemplate;
  settings: TestSendSettings;
  sentLast24h: number;
}

/** Six digits, zero-padded, from a CSPRNG (SECURITY.md "Confirmation codes"). */
export function generateTestCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export class TestSendService {
  private readonly settingsStore: TestSendSettingsStore;
  private readonly poller: DeliveryPoller;
  private readonly generateCode: () => string;
  /** Sends run one at a time, so two quick clicks cannot both pass the daily cap. */
  private sendQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: TestSendServiceDeps) {
    this.settingsStore = new TestSendSettingsStore(deps.settings);
    this.generateCode = deps.generateCode ?? generateTestCode;
    this.poller = new DeliveryPoller({
      clock: deps.clock,
      timers: deps.timers ?? systemTimers,
      gatewayFor: (target) => this.gatewayForPoll(target),
      record: async (target, outcome) => this.recordPoll(target, outcome),
      ...(deps.pollPolicy ? { policy: deps.pollPolicy } : {}),
      ...(deps.log ? { log: deps.log } : {}),
    });
  }

  /** Resumes following every accepted message whose delivery is not final yet (after a restart). */
  start(): number {
    const now = this.deps.clock.now();
    let resumed = 0;
    for (const row of this.deps.sendLog.unfinished()) {
      // Test-key messages are never polled; very old rows will not change any more.
      if (!row.messagebirdId || row.mode === 'test' || now - row.createdAt > RESUME_MAX_AGE_MS) continue;
      this.followDelivery({ logId: row.id, messageId: row.messagebirdId, profileId: row.profileId, mode: row.mode, sentAt: row.createdAt });
      resumed += 1;
    }
    return resumed;
  }

  /**
   * Follows an accepted message until its delivery is final, updating its log row. Also for other
   * features' sends (the wizard's confirmation SMS); not for test keys, which deliver nothing.
   */
  followDelivery(target: PollTarget): void {
    this.poller.track(target);
  }

  /** Resolves once no delivery poll is under way (for tests and orderly shutdown). */
  whenIdle(): Promise<void> {
    return this.poller.whenIdle();
  }

  /** Stops polling and waits for a poll under way; call before closing the send log. */
  async close(): Promise<void> {
    await this.poller.close();
  }

  getSettings(): TestSendSettings {
    return this.settingsStore.get();
  }

  updateSettings(patch: TestSendSettingsPatch): TestSendSettings {
    return this.settingsStore.update(patch);
  }

  async setup(): Promise<TestSendSetup> {
    const gatewayMode = this.deps.preferences.get().gatewayMode;
    const candidates = [
      ...(gatewayMode === 'sandbox' ? [SANDBOX_PROFILE] : []),
      ...(await this.deps.profiles.activeProfiles()),
    ];
    const profiles: TestSendProfile[] = [];
    for (const profile of candidates) {
      const apiKey = profile.id === SANDBOX_PROFILE_ID ? SANDBOX_PROFILE.apiKey : await this.deps.profiles.activeKey(profile.id);
      if (!apiKey) continue;
      profiles.push({
        id: profile.id,
        label: profile.id === SANDBOX_PROFILE_ID ? 'Sandbox' : `${profile.description} (${profile.participantNumber})`,
        originator: profile.originator,
        mode: this.modeFor(apiKey),
        sentLast24h: this.sentLast24h(profile.id),
      });
    }
    return { gatewayMode, profiles, settings: this.settingsStore.get() };
  }

  /** Every guard, and what would be sent at what estimated cost; sends nothing. */
  async preview(input: TestSendInput): Promise<Result<TestSendPreview, TestSendRefusalCode>> {
    const prepared = await this.prepare(input);
    if (!prepared.ok) return prepared;
    const { resolved, recipient, template, settings, sentLast24h } = prepared.value;
    return ok({
      profileId: resolved.profile.id,
      originator: resolved.profile.originator,
      mode: resolved.gateway.mode,
      body: template.sampleBody,
      segments: template.segments,
      estimate: estimate(template.segments.parts, recipient.country, settings.pricesPerPart),
      recipient: {
        international: recipient.international,
        masked: recipient.masked,
        country: recipient.country,
        type: recipient.type ?? 'UNKNOWN',
      },
      sentLast24h,
      dailyCap: settings.dailyCap,
    });
  }

  /** Guards, confirmation, `pending` row, one send (never retried), then the row updated. */
  send(input: TestSendInput): Promise<Result<TestSendStatus, TestSendErrorCode>> {
    const run = this.sendQueue.then(() => this.sendNow(input));
    this.sendQueue = run.catch(() => undefined);
    return run;
  }

  /** The current state of a test send's log row. */
  status(logId: number): Result<TestSendStatus, 'log_row_not_found'> {
    const row = this.deps.sendLog.get(logId);
    if (!row || row.purpose !== 'test') return err('log_row_not_found', 'No test send with this id in the log');
    return ok(this.toStatus(row));
  }

  private async sendNow(input: TestSendInput): Promise<Result<TestSendStatus, TestSendErrorCode>> {
    const prepared = await this.prepare(input);
    if (!prepared.ok) return prepared;
    if (input.confirmCost !== true) {
      return err('confirmation_required', 'Confirm the estimated cost before sending', { details: { setting: 'none' } });
    }
    const { resolved, recipient, template, settings } = prepared.value;
    const { gateway, profile } = resolved;

    // The code exists only in this body and the request; it is never logged or returned.
    const body = fillTemplate(template.template, this.generateCode());
    const segments = countSegments(body);
    const cost = estimate(segments.parts, recipient.country, settings.pricesPerPart);
    const logId = this.deps.sendLog.appendPending({
      profileId: profile.id,
      participantNumber: profile.participantNumber,
      purpose: 'test',
      recipient: recipient.e164,
      country: recipient.country,
      originator: profile.originator,
      mode: gateway.mode,
      parts: segments.parts,
      estimate: { amount: cost.amount, currency: COST_CURRENCY },
    });

    let result: Awaited<ReturnType<SmsGateway['sendSms']>>;
    try {
      result = await gateway.sendSms({
        originator: profile.originator,
        recipient: recipient.e164,
        body,
        reference: `test-${logId}`,
        validitySeconds: TEST_CODE_VALIDITY_SECONDS,
        datacoding: segments.encoding === 'UCS-2' ? 'unicode' : 'plain',
      });
    } catch (error) {
      // The gateway never throws by design; if it does, the request may have left: say so, never retry.
      this.deps.sendLog.markUnknown(logId, 'The send failed unexpectedly; it may have been sent. It is not retried automatically.');
      throw error;
    }

    if (!result.ok) {
      const { code, description, providerCode, httpStatus, maybeSent } = result.error;
      if (maybeSent) {
        this.deps.sendLog.markUnknown(logId, `${description}. It may have been sent; it is not retried automatically.`);
      } else {
        this.deps.sendLog.markFailed(logId, {
          reason: httpStatus ? `${description} (HTTP ${httpStatus})` : description,
          errorCode: providerCode ?? code,
        });
      }
      const row = this.deps.sendLog.get(logId);
      return err(code, description, {
        details: {
          logId,
          status: row?.status ?? (maybeSent ? 'unknown' : 'failed'),
          ...(providerCode !== undefined ? { providerCode } : {}),
          ...(httpStatus !== undefined ? { httpStatus } : {}),
        },
      });
    }

    const message = result.value;
    const item = message.recipients[0];
    const price = item?.price && /^[A-Z]{3}$/.test(item.price.currency) && item.price.amount >= 0 ? item.price : null;
    if (resolved.testKey) {
      // MessageBird validates test-key sends but delivers nothing and cannot read them back.
      this.deps.sendLog.markSent(logId, { messagebirdId: message.id, status: 'not_delivered_test_key', parts: item?.messagePartCount ?? null, price });
    } else {
      const status = item?.status ?? 'sent';
      this.deps.sendLog.markSent(logId, {
        messagebirdId: message.id,
        status,
        statusReason: item?.statusReason ?? null,
        parts: item?.messagePartCount ?? null,
        price,
      });
      if (status !== 'delivered' && status !== 'delivery_failed' && status !== 'expired') {
        this.followDelivery({ logId, messageId: message.id, profileId: profile.id, mode: gateway.mode, sentAt: this.deps.clock.now() });
      }
    }
    const row = this.deps.sendLog.get(logId);
    // The row was committed above; losing it now is a broken database, which `dispatch` reports.
    if (!row) throw new Error(`send log row ${logId} disappeared`);
    return ok(this.toStatus(row));
  }

  /** Profile, template, recipient and country, then the daily cap: the order the admin fixes them in. */
  private async prepare(input: TestSendInput): Promise<Result<Prepared, TestSendRefusalCode>> {
    const resolved = await this.resolveProfile(input.profileId);
    if (!resolved.ok) return resolved;
    const settings = this.settingsStore.get();
    const template = checkTemplate(input.template ?? settings.template);
    if (!template.ok) return template;
    const recipient = checkRecipient(input.recipient, settings.allowedCountries);
    if (!recipient.ok) return recipient;
    const sentLast24h = this.sentLast24h(resolved.value.profile.id);
    const cap = checkDailyCap(sentLast24h, settings);
    if (!cap.ok) return cap;
    return ok({ resolved: resolved.value, recipient: recipient.value, template: template.value, settings, sentLast24h });
  }

  private async resolveProfile(profileId: string): Promise<Result<ResolvedProfile, TestSendRefusalCode>> {
    const gatewayMode = this.deps.preferences.get().gatewayMode;
    if (profileId === SANDBOX_PROFILE_ID) {
      if (gatewayMode !== 'sandbox') {
        return err('no_active_profile', 'The Sandbox profile is only available in Sandbox mode', {
          field: 'profileId',
          details: { setting: 'gatewayMode' },
        });
      }
      return ok(this.resolved(SANDBOX_PROFILE, SANDBOX_PROFILE.apiKey));
    }
    const profile = (await this.deps.profiles.activeProfiles()).find((p) => p.id === profileId);
    if (!profile) {
      return err('no_active_profile', 'No active profile with this id; finish its setup first', {
        field: 'profileId',
        details: { setting: 'profiles' },
      });
    }
    const apiKey = await this.deps.profiles.activeKey(profile.id);
    if (!apiKey) {
      return err('api_key_unavailable', 'The profile has no API key in the vault; enter the key again', {
        field: 'profileId',
        details: { setting: 'profiles' },
      });
    }
    return ok(this.resolved(profile, apiKey));
  }

  private resolved(profile: ActiveProfileInfo, apiKey: string): ResolvedProfile {
    return { profile, apiKey, gateway: this.deps.gatewayFor(apiKey), testKey: apiKeyKind(apiKey) === 'test' };
  }

  private modeFor(apiKey: string): SendMode {
    if (this.deps.preferences.get().gatewayMode === 'sandbox') return 'sandbox';
    return apiKeyKind(apiKey) === 'test' ? 'test' : 'live';
  }

  /** Test sends of a profile in the last 24 hours, from the send log (survives restarts). */
  private sentLast24h(profileId: string): number {
    const from = this.deps.clock.now() - DAY_MS;
    return this.deps.sendLog.totals({ profileId, purpose: 'test', from, statuses: [...COUNTED_STATUSES] }).count;
  }

  private async gatewayForPoll(target: PollTarget): Promise<SmsGateway | null> {
    if (target.profileId === SANDBOX_PROFILE_ID) {
      return target.mode === 'sandbox' ? this.deps.gatewayFor(SANDBOX_PROFILE.apiKey) : null;
    }
    const apiKey = await this.deps.profiles.activeKey(target.profileId);
    if (!apiKey) return null;
    const gateway = this.deps.gatewayFor(apiKey);
    // After a switch between Sandbox and MessageBird, the other side cannot know this message.
    return gateway.mode === target.mode ? gateway : null;
  }

  private async recordPoll(target: PollTarget, outcome: PollOutcome): Promise<void> {
    const log = this.deps.sendLog;
    if (outcome.kind === 'status') {
      const { status } = outcome;
      const price = status.price && /^[A-Z]{3}$/.test(status.price.currency) && status.price.amount >= 0 ? status.price : null;
      log.updateStatus(target.logId, {
        status: status.status,
        ...(status.statusReason !== undefined ? { statusReason: status.statusReason } : {}),
        ...(status.statusErrorCode !== undefined ? { errorCode: status.statusErrorCode } : {}),
        parts: status.messagePartCount ?? null,
        price,
      });
      return;
    }
    // Nothing final to write: the row keeps its last status, with a note why it is no longer followed.
    // A missing key writes nothing: a draft's confirmation SMS has no key in effect yet.
    const note = STOP_REASONS[outcome.kind === 'gone' ? outcome.reason : 'gave_up'];
    const row = log.get(target.logId);
    if (!note || !row || (row.status !== 'sent' && row.status !== 'buffered')) return;
    log.updateStatus(target.logId, { status: row.status, statusReason: note });
  }

  private toStatus(row: SendLogRow): TestSendStatus {
    return {
      logId: row.id,
      status: row.status,
      mode: row.mode,
      parts: row.parts,
      following: this.poller.isFollowing(row.id),
      ...(row.messagebirdId ? { messageId: row.messagebirdId } : {}),
      ...(row.statusReason ? { statusReason: row.statusReason } : {}),
      ...(row.errorCode ? { errorCode: row.errorCode } : {}),
      ...(row.priceAmount !== null && row.priceCurrency
        ? { price: { amount: row.priceAmount, currency: row.priceCurrency, estimate: row.priceIsEstimate } }
        : {}),
    };
  }
}

const STOP_REASONS: Partial<Record<string, string>> = {
  gave_up: 'No final delivery status within the follow-up time; no longer followed.',
  sandbox_forgotten: 'The sandbox forgets its messages when the app restarts; the final status is not known.',
  key_rejected: 'MessageBird no longer accepts the key; the delivery status can no longer be read.',
  invalid_request: 'MessageBird refused the status request; the delivery status can no longer be read.',
};
