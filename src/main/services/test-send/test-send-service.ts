/**
 * Test-send: the admin sends a freshly generated 6-digit code from a profile to a phone,
 * after the cost guards (docs/SECURITY.md "Cost abuse") and an explicit confirmation of the estimated cost.
 * The send is logged `pending` before the API call and updated after it (docs/SECURITY.md "Reliability");
 * a timeout becomes `unknown` and is never retried; accepted messages are followed by the poller.
 *
 * This class is the surface the IPC handlers and `createServices` use: the guards live in
 * send-preparation.ts, the send in send-test-code.ts, the follow-up in delivery-follow-up.ts.
 */
import { apiKeyKind } from '@shared/api-key';
import {
  SANDBOX_PROFILE_ID,
  type TestSendPreview,
  type TestSendProfile,
  type TestSendRefusalCode,
  type TestSendSettings,
  type TestSendSettingsPatch,
  type TestSendSetup,
  type TestSendStatus,
} from '@shared/contract/test-send';
import type { SendMode } from '@shared/gateway-types';
import { err, ok, type Result } from '@shared/result';
import { createDeliveryFollower, resumeDelivery } from '../delivery/delivery-follower';
import type { PollTarget } from '../delivery/delivery-poller';
import { SANDBOX_PROFILE } from './sandbox-profile';
import { prepareSend, previewOf, sentLast24h } from './send-preparation';
import { generateTestCode, sendTestCode } from './send-test-code';
import type { TestSendContext, TestSendErrorCode, TestSendInput, TestSendServiceDeps } from './test-send-context';
import { TestSendSettingsStore } from './test-send-settings';
import { toTestSendStatus } from './test-send-status';

export type {
  ActiveProfileInfo,
  TestSendErrorCode,
  TestSendInput,
  TestSendLog,
  TestSendProfileSource,
  TestSendServiceDeps,
} from './test-send-context';
export { generateTestCode, TEST_CODE_VALIDITY_SECONDS } from './send-test-code';

export class TestSendService {
  private readonly ctx: TestSendContext;
  /** Sends run one at a time, so two quick clicks cannot both pass the daily cap. */
  private sendQueue: Promise<unknown> = Promise.resolve();

  /** True when this service built its own poller (tests); the app shares one (`deps.delivery`). */
  private readonly ownsPoller: boolean;

  constructor(deps: TestSendServiceDeps) {
    const poller = deps.delivery ?? createDeliveryFollower(deps);
    this.ownsPoller = !deps.delivery;
    this.ctx = { deps, settings: new TestSendSettingsStore(deps.settings), poller, generateCode: deps.generateCode ?? generateTestCode };
  }

  /** Resumes following every accepted message whose delivery is not final yet (after a restart). */
  start(): number {
    return resumeDelivery(this.ctx.poller, this.ctx.deps);
  }

  /**
   * Follows an accepted message until its delivery is final, updating its log row. Also for other
   * features' sends (the wizard's confirmation SMS); not for test keys, which deliver nothing.
   */
  followDelivery(target: PollTarget): void {
    this.ctx.poller.track(target);
  }

  /** Resolves once no delivery poll is under way (for tests and orderly shutdown). */
  whenIdle(): Promise<void> {
    return this.ctx.poller.whenIdle();
  }

  /** Stops its own poller and waits for a poll under way; a shared one is closed by its owner. */
  close(): Promise<void> {
    return this.ownsPoller ? this.ctx.poller.close() : Promise.resolve();
  }

  getSettings(): TestSendSettings {
    return this.ctx.settings.get();
  }

  updateSettings(patch: TestSendSettingsPatch): TestSendSettings {
    return this.ctx.settings.update(patch);
  }

  /** The profiles that can send now (the Sandbox one in Sandbox mode), with their mode and count today. */
  async setup(): Promise<TestSendSetup> {
    const { deps } = this.ctx;
    const gatewayMode = deps.preferences.get().gatewayMode;
    const candidates = [...(gatewayMode === 'sandbox' ? [SANDBOX_PROFILE] : []), ...(await deps.profiles.activeProfiles())];
    const profiles: TestSendProfile[] = [];
    for (const profile of candidates) {
      const sandbox = profile.id === SANDBOX_PROFILE_ID;
      const apiKey = sandbox ? SANDBOX_PROFILE.apiKey : await deps.profiles.activeKey(profile.id);
      if (!apiKey) continue;
      profiles.push({
        id: profile.id,
        label: sandbox ? 'Sandbox' : `${profile.description} (${profile.participantNumber})`,
        originator: profile.originator,
        mode: this.modeFor(apiKey),
        sentLast24h: sentLast24h(this.ctx, profile.id),
      });
    }
    return { gatewayMode, profiles, settings: this.ctx.settings.get() };
  }

  /** Every guard, and what would be sent at what estimated cost; sends nothing. */
  async preview(input: TestSendInput): Promise<Result<TestSendPreview, TestSendRefusalCode>> {
    const prepared = await prepareSend(this.ctx, input);
    return prepared.ok ? ok(previewOf(prepared.value)) : prepared;
  }

  /** Guards, confirmation, `pending` row, one send (never retried), then the row updated. */
  send(input: TestSendInput): Promise<Result<TestSendStatus, TestSendErrorCode>> {
    const run = this.sendQueue.then(() => this.sendNow(input));
    this.sendQueue = run.catch(() => undefined);
    return run;
  }

  /** The current state of a test send's log row. */
  status(logId: number): Result<TestSendStatus, 'log_row_not_found'> {
    const row = this.ctx.deps.sendLog.get(logId);
    if (!row || row.purpose !== 'test') return err('log_row_not_found', 'No test send with this id in the log');
    return ok(toTestSendStatus(row, this.ctx.poller.isFollowing(row.id)));
  }

  private async sendNow(input: TestSendInput): Promise<Result<TestSendStatus, TestSendErrorCode>> {
    const prepared = await prepareSend(this.ctx, input);
    if (!prepared.ok) return prepared;
    if (input.confirmCost !== true) {
      return err('confirmation_required', 'Confirm the estimated cost before sending', { details: { setting: 'none' } });
    }
    return sendTestCode(this.ctx, prepared.value);
  }

  /** The mode a profile's sends get, without building its gateway. */
  private modeFor(apiKey: string): SendMode {
    if (this.ctx.deps.preferences.get().gatewayMode === 'sandbox') return 'sandbox';
    return apiKeyKind(apiKey) === 'test' ? 'test' : 'live';
  }
}
