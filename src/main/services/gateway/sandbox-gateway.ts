/**
 * Simulates MessageBird in-process: no network, no cost, statuses driven by the injected clock, and the
 * failure scenarios of `SANDBOX_SCENARIOS` so every error path can be rehearsed before there is a
 * contract (docs/ARCHITECTURE.md "MessageBird traffic"). Error codes, descriptions and HTTP statuses are
 * the ones the real gateway maps from MessageBird, so the rest of the app cannot tell them apart.
 */
import { randomBytes } from 'node:crypto';
import type { Balance } from '@shared/gateway-types';
import type { SandboxScenario } from '@shared/settings';
import type { Clock, GatewayError, GatewayResult, SendSmsRequest, SentMessage, SmsGateway } from '../ports';
import { DEFAULT_DEADLINE_MS, MESSAGE_ID_PATTERN } from './messagebird-gateway';
import { smsPartCount } from './sms-parts';

/** Sandbox price per SMS part: the € 0.056 AFAS quoted for the Netherlands (docs/MESSAGEBIRD.md). */
export const SANDBOX_PRICE_PER_PART = 0.056;
/** Prepaid credit every sandbox key starts with, in euros. */
export const SANDBOX_START_BALANCE = 50;
/** Clock time after which a sandbox message is reported delivered (or failed). */
export const SANDBOX_DELIVER_AFTER_MS = 4_000;

interface SandboxMessage {
  apiKey: string;
  recipient: string;
  createdAt: number;
  parts: number;
  price: number;
}

const MAX_MESSAGES = 10_000;

/**
 * What the sandbox remembers: sent messages and money spent per key. One per process by default, so a
 * gateway built for the next call (the factory builds one per call) still knows the message.
 */
export class SandboxState {
  readonly messages = new Map<string, SandboxMessage>();
  readonly spent = new Map<string, number>();

  remember(id: string, message: SandboxMessage): void {
    if (this.messages.size >= MAX_MESSAGES) {
      const oldest = this.messages.keys().next().value;
      if (oldest !== undefined) this.messages.delete(oldest);
    }
    this.messages.set(id, message);
    this.spent.set(message.apiKey, round((this.spent.get(message.apiKey) ?? 0) + message.price));
  }
}

const processState = new SandboxState();

export interface SandboxGatewayOptions {
  apiKey: string;
  scenario: SandboxScenario;
  clock: Clock;
  /** Clock time until a message is final (default 4 s). */
  deliverAfterMs?: number;
  /** Tests pass their own; the app shares one per process. */
  state?: SandboxState;
}

function round(amount: number): number {
  return Math.round(amount * 10_000) / 10_000;
}

/** MessageBird's date format: seconds precision with an explicit offset. */
function mbDate(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

function fail(error: GatewayError): { ok: false; error: GatewayError } {
  return { ok: false, error };
}

const ALPHANUMERIC_ORIGINATOR = /^[A-Za-z0-9 ]{1,11}$/;
const NUMERIC_ORIGINATOR = /^\+?\d{1,17}$/;
const RECIPIENT = /^\+?\d{6,17}$/;

/** The in-process MessageBird; `mode` is always 'sandbox'. */
export class SandboxGateway implements SmsGateway {
  readonly mode = 'sandbox' as const;
  private readonly isTestKey: boolean;
  private readonly deliverAfterMs: number;
  private readonly state: SandboxState;

  constructor(private readonly options: SandboxGatewayOptions) {
    this.isTestKey = options.apiKey.startsWith('test_');
    this.deliverAfterMs = options.deliverAfterMs ?? SANDBOX_DELIVER_AFTER_MS;
    this.state = options.state ?? processState;
  }

  async sendSms(request: SendSmsRequest): Promise<GatewayResult<SentMessage>> {
    const scenarioError = this.scenarioError(true);
    if (scenarioError) return fail(scenarioError);
    const invalid = validate(request);
    if (invalid) return fail(invalid);

    const parts = smsPartCount(request.body, request.datacoding ?? 'plain');
    const price = round(parts * SANDBOX_PRICE_PER_PART);
    if (this.options.scenario === 'insufficient_balance' || (!this.isTestKey && this.balanceLeft() < price)) {
      return fail({
        code: 'insufficient_balance',
        providerCode: 25,
        httpStatus: 422,
        description: 'Not enough balance',
        maybeSent: false,
      });
    }

    const now = this.options.clock.now();
    const id = randomBytes(16).toString('hex');
    const recipient = `+${request.recipient.replace(/^\+/, '')}`;
    // Test keys are validated and answered like live ones, but nothing is kept or charged.
    if (!this.isTestKey) this.state.remember(id, { apiKey: this.options.apiKey, recipient, createdAt: now, parts, price });
    return {
      ok: true,
      value: {
        id,
        createdDatetime: mbDate(now),
        recipients: [
          { recipient, status: 'sent', statusDatetime: mbDate(now), messagePartCount: parts, price: { amount: price, currency: 'EUR' } },
        ],
      },
    };
  }

  async getMessage(id: string): Promise<GatewayResult<SentMessage>> {
    const scenarioError = this.scenarioError(false);
    if (scenarioError) return fail(scenarioError);
    if (!MESSAGE_ID_PATTERN.test(id)) return fail({ code: 'invalid_request', description: 'Not a MessageBird message id' });
    const message = this.state.messages.get(id);
    if (this.isTestKey || !message || message.apiKey !== this.options.apiKey) {
      return fail({ code: 'not_found', providerCode: 20, httpStatus: 404, description: 'message not found' });
    }
    const doneAt = message.createdAt + this.deliverAfterMs;
    const done = this.options.clock.now() >= doneAt;
    const failed = this.options.scenario === 'delivery_failed';
    const item = done
      ? failed
        ? { status: 'delivery_failed' as const, statusReason: 'unknown subscriber', statusErrorCode: 1 }
        : { status: 'delivered' as const, statusReason: 'successfully delivered' }
      : { status: 'sent' as const };
    return {
      ok: true,
      value: {
        id,
        createdDatetime: mbDate(message.createdAt),
        recipients: [
          {
            recipient: message.recipient,
            ...item,
            statusDatetime: mbDate(done ? doneAt : message.createdAt),
            messagePartCount: message.parts,
            price: { amount: message.price, currency: 'EUR' },
          },
        ],
      },
    };
  }

  async getBalance(): Promise<GatewayResult<Balance>> {
    const scenarioError = this.scenarioError(false);
    if (scenarioError) return fail(scenarioError);
    const amount = this.options.scenario === 'insufficient_balance' ? 0 : this.balanceLeft();
    return { ok: true, value: { payment: 'prepaid', type: 'euros', amount } };
  }

  private balanceLeft(): number {
    return round(SANDBOX_START_BALANCE - (this.state.spent.get(this.options.apiKey) ?? 0));
  }

  /** The failure every call meets in the chosen scenario; for sends, whether it may have gone out. */
  private scenarioError(isSend: boolean): GatewayError | null {
    const withSend = (error: GatewayError, maybeSent: boolean): GatewayError =>
      isSend ? { ...error, maybeSent } : error;
    switch (this.options.scenario) {
      case 'key_rejected':
        return withSend(
          { code: 'key_rejected', providerCode: 2, httpStatus: 401, description: 'Request not allowed (incorrect access_key) (access_key)' },
          false,
        );
      case 'provider_unavailable':
        return withSend({ code: 'provider_unavailable', providerCode: 99, httpStatus: 500, description: 'Internal error' }, true);
      case 'timeout':
        return withSend({ code: 'timeout', description: `MessageBird did not answer within ${DEFAULT_DEADLINE_MS / 1000} s` }, true);
      default:
        return null;
    }
  }
}

/** MessageBird's own checks on `POST /messages` (code 9 missing, code 10 invalid). */
function validate(request: SendSmsRequest): GatewayError | null {
  const invalid = (providerCode: number, description: string): GatewayError => ({
    code: 'invalid_request',
    providerCode,
    httpStatus: 422,
    description,
    maybeSent: false,
  });
  if (!request.originator) return invalid(9, 'no originator given (originator)');
  if (!ALPHANUMERIC_ORIGINATOR.test(request.originator) && !NUMERIC_ORIGINATOR.test(request.originator)) {
    return invalid(10, 'Request parameter originator is invalid (originator)');
  }
  if (!RECIPIENT.test(request.recipient)) return invalid(9, 'no (correct) recipients found (recipients)');
  if (!request.body) return invalid(9, 'no body given (body)');
  if (request.reference !== undefined && (request.reference.length === 0 || request.reference.length > 128)) {
    return invalid(10, 'Request parameter reference is invalid (reference)');
  }
  if (request.validitySeconds !== undefined && (!Number.isInteger(request.validitySeconds) || request.validitySeconds < 1)) {
    return invalid(10, 'Request parameter validity is invalid (validity)');
  }
  return null;
}
