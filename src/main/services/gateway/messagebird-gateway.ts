/**
 * `SmsGateway` over the real `messagebird` 4.0.1 SDK, guarding the traps listed in docs/MESSAGEBIRD.md:
 * every answer is validated (the SDK ignores the HTTP status), a send counts only with an `id`,
 * an overall deadline replaces the SDK's idle timer, a request that may have left is never retried (only
 * one refused on a kept-alive connection the server had reset goes once more), ids are checked before
 * they go into a path, and each call gets a fresh params object (`create` mutates it).
 * @see docs/MESSAGEBIRD.md
 */
import { initClient } from 'messagebird';
import type { z } from 'zod';
import type { Balance } from '@shared/gateway-types';
import type { GatewayError, GatewayResult, SendSmsRequest, SentMessage, SmsGateway } from '../ports';
import { captureRequest, refusedOnStaleConnection, type CapturedRequest } from './request-capture';
import { cleanDescription, deadlineError, fromSdkError, fromUnusableAnswer, type MapContext } from './gateway-errors';
import { balanceSchema, messageSchema, toBalance, toSentMessage } from './messagebird-schemas';
import { dropIdleConnections, ensureTransport } from './transport';
import type { TransportConfig } from './transport-config';

export const DEFAULT_DEADLINE_MS = 15_000;

/** MessageBird ids are 32 hex characters; this looser check still keeps `/`, `?`, `%` and `..` out of the path. */
export const MESSAGE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface MessageBirdGatewayOptions {
  apiKey: string;
  transport: TransportConfig;
  /** Overall deadline per call, connection included (default 15 s). */
  deadlineMs?: number;
}

type SdkCallback = (err: unknown, data: unknown) => void;
type SdkCall = (client: ReturnType<typeof initClient>, callback: SdkCallback) => void;

interface SdkOutcome {
  err: unknown;
  data: unknown;
  capture: CapturedRequest;
}

/** Talks to MessageBird (live or test key) through the SDK and the configured transport. */
export class MessageBirdGateway implements SmsGateway {
  readonly mode: 'test' | 'live';
  private readonly apiKey: string;
  private readonly transport: TransportConfig;
  private readonly deadlineMs: number;

  constructor(options: MessageBirdGatewayOptions) {
    this.apiKey = options.apiKey;
    this.transport = options.transport;
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    this.mode = options.apiKey.startsWith('test_') ? 'test' : 'live';
  }

  async sendSms(request: SendSmsRequest): Promise<GatewayResult<SentMessage>> {
    const ctx: MapContext = { apiKey: this.apiKey, isSend: true };
    // A fresh object per SDK call (a retry on a fresh connection too): the SDK rewrites `recipients`
    // into a string on the object it is given.
    const params = (): Record<string, unknown> => ({
      originator: request.originator,
      recipients: [request.recipient],
      body: request.body,
      ...(request.reference !== undefined && { reference: request.reference }),
      ...(request.validitySeconds !== undefined && { validity: request.validitySeconds }),
      ...(request.datacoding !== undefined && { datacoding: request.datacoding }),
    });

    const outcome = await this.call(ctx, (client, cb) =>
      client.messages.create(params() as unknown as Parameters<typeof client.messages.create>[0], cb as never),
    );
    if ('error' in outcome) return { ok: false, error: outcome.error };
    return this.parse(outcome, messageSchema, ctx, toSentMessage, 'the answer to the send has no message id');
  }

  async getMessage(id: string): Promise<GatewayResult<SentMessage>> {
    const ctx: MapContext = { apiKey: this.apiKey, isSend: false };
    // The SDK concatenates the id into the path without encoding it.
    if (!MESSAGE_ID_PATTERN.test(id)) {
      return { ok: false, error: { code: 'invalid_request', description: 'Not a MessageBird message id' } };
    }
    const outcome = await this.call(ctx, (client, cb) => client.messages.read(id, cb as never));
    if ('error' in outcome) return { ok: false, error: outcome.error };
    return this.parse(outcome, messageSchema, ctx, toSentMessage, 'the message has no usable fields');
  }

  async getBalance(): Promise<GatewayResult<Balance>> {
    const ctx: MapContext = { apiKey: this.apiKey, isSend: false };
    const outcome = await this.call(ctx, (client, cb) => client.balance.read(cb as never));
    if ('error' in outcome) return { ok: false, error: outcome.error };
    return this.parse(outcome, balanceSchema, ctx, toBalance, 'the balance has no usable fields');
  }

  /** One SDK call under the overall deadline; SDK errors mapped, answers returned for validation. */
  private async call(ctx: MapContext, run: SdkCall): Promise<SdkOutcome | { error: GatewayError }> {
    ensureTransport(this.transport);
    // The SDK's own timer restarts on every byte; keep it longer than our deadline so ours decides.
    const client = initClient(this.apiKey, this.deadlineMs + 1_000);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'deadline'>((resolve) => {
      timer = setTimeout(() => resolve('deadline'), this.deadlineMs);
    });
    let capture: CapturedRequest = { seen: false };
    const attempt = () =>
      new Promise<{ err: unknown; data: unknown }>((resolve) => {
        try {
          capture = captureRequest(() => run(client, (err, data) => resolve({ err, data })));
        } catch (thrown) {
          resolve({ err: thrown, data: null });
        }
      });
    try {
      let first = await Promise.race([attempt(), deadline]);
      if (first !== 'deadline' && first.err && refusedOnStaleConnection(capture)) {
        // The kept-alive connection had been reset before the request could leave: MessageBird never
        // saw it, so it is tried once more, on a fresh connection, within the same deadline. Nothing
        // that may have left is ever retried (docs/MESSAGEBIRD.md: no idempotency key).
        dropIdleConnections();
        first = await Promise.race([attempt(), deadline]);
      }
      if (first === 'deadline') {
        // Close the connection now rather than when the SDK's idle timer fires (never, if bytes trickle).
        capture.request?.destroy();
        return { error: deadlineError(this.deadlineMs, ctx) };
      }
      if (first.err) return { error: fromSdkError(first.err, { ...ctx, ...statusOf(capture) }) };
      return { err: null, data: first.data, capture };
    } finally {
      clearTimeout(timer);
    }
  }

  private parse<S extends z.ZodType, T>(
    outcome: SdkOutcome,
    schema: S,
    ctx: MapContext,
    convert: (value: z.infer<S>) => T,
    what: string,
  ): GatewayResult<T> {
    const status = outcome.capture.status;
    // The SDK reports any JSON body without `errors` as success, whatever the status said.
    if (status !== undefined && (status < 200 || status >= 300)) {
      return { ok: false, error: fromUnusableAnswer(status, describeBody(outcome.data, this.apiKey), ctx) };
    }
    const parsed = schema.safeParse(outcome.data);
    if (!parsed.success) {
      return { ok: false, error: fromUnusableAnswer(undefined, `MessageBird's answer was not understood: ${what}`, ctx) };
    }
    return { ok: true, value: convert(parsed.data) };
  }
}

function statusOf(capture: CapturedRequest): { status?: number; written?: boolean } {
  return {
    ...(capture.status !== undefined ? { status: capture.status } : {}),
    // Only a request that was seen can be known to be unwritten; without the channel assume it left.
    ...(capture.seen ? { written: capture.written === true } : {}),
  };
}

/** A short, key-free hint of an unexpected body for the log (e.g. a proxy's "Too Many Requests"). */
function describeBody(data: unknown, apiKey: string): string {
  if (data && typeof data === 'object') {
    const { message, description, error } = data as Record<string, unknown>;
    const text = [message, description, error].find((v) => typeof v === 'string');
    if (typeof text === 'string') return cleanDescription(text, apiKey);
  }
  return 'MessageBird answered with an error status';
}
