/**
 * Maps what the `messagebird` SDK reports into `GatewayError` (docs/MESSAGEBIRD.md "Errors").
 * The SDK's error shapes (lib/messagebird.js, 4.0.1):
 * - `api error(s): …` with `statusCode` and `errors[]` when the body had `errors`;
 * - `response failed` with `statusCode` when the body was not JSON;
 * - `request failed: <message>` with `error` (the Node error, with `code`) for connection problems;
 *   its own idle timeout aborts the request, which then looks exactly like a reset (`socket hang up`);
 * - `request closed` when the response stream closed before its end.
 *
 * For a send, each failure is either "not sent" (the request cannot have reached MessageBird, or
 * MessageBird answered that it refused it) or "maybe sent" (`maybeSent`: it may have gone out). Maybe
 * sent: a timeout, a reset after the request was written, a 5xx, an unreadable answer. Not sent: a
 * refused connection, DNS, a TLS or certificate failure, a reset before the request was written, and a
 * MessageBird error body with 401, 402/25, 422 or 429 (docs/SECURITY.md "Reliability").
 */
import type { GatewayErrorCode } from '@shared/gateway-types';
import type { GatewayError } from '../ports';
import { apiErrorsSchema, type ApiErrors } from './messagebird-schemas';

export const MAX_DESCRIPTION = 300;

/** Trims, flattens and caps provider text, and removes the access key should it ever appear. */
export function cleanDescription(text: unknown, apiKey: string): string {
  let value = typeof text === 'string' ? text : '';
  if (apiKey.length >= 4) value = value.split(apiKey).join('[redacted]');
  value = value.replace(/\s+/g, ' ').trim();
  return value.length > MAX_DESCRIPTION ? `${value.slice(0, MAX_DESCRIPTION - 1)}…` : value;
}

const CODE_MAP: Record<number, GatewayErrorCode> = {
  2: 'key_rejected',
  25: 'insufficient_balance',
  9: 'invalid_request',
  10: 'invalid_request',
  21: 'invalid_request',
  20: 'not_found',
  98: 'provider_unavailable',
  99: 'provider_unavailable',
};

/** Error code for an HTTP status without a (known) MessageBird code. */
export function codeForStatus(status: number | undefined): GatewayErrorCode {
  if (status === 429) return 'rate_limited';
  if (status !== undefined && status >= 500) return 'provider_unavailable';
  if (status === 401 || status === 403) return 'key_rejected';
  if (status === 404) return 'not_found';
  if (status === 402) return 'insufficient_balance';
  if (status !== undefined && status >= 400) return 'invalid_request';
  return 'bad_response';
}

/** True when a send with this outcome may nonetheless have reached MessageBird. */
function sendMayHaveArrived(code: GatewayErrorCode): boolean {
  return code === 'provider_unavailable' || code === 'rate_limited' || code === 'bad_response';
}

export interface MapContext {
  apiKey: string;
  /** A send is never retried; when it may have arrived the error says so (`maybeSent`). */
  isSend: boolean;
  /** HTTP status seen by request capture, when any. */
  status?: number;
  /** False when request capture saw the request but it was never completely written: nothing left. */
  written?: boolean;
}

function finish(error: GatewayError, ctx: MapContext, maybeSent: boolean): GatewayError {
  if (ctx.isSend) error.maybeSent = maybeSent;
  return error;
}

/** Maps MessageBird's `errors[]` with the HTTP status they came with. */
export function fromApiErrors(errors: ApiErrors, status: number | undefined, ctx: MapContext): GatewayError {
  // A rejected key explains every other error in the list, so it wins; otherwise the first one counts.
  const primary = errors.find((e) => e.code === 2) ?? errors[0]!;
  const code: GatewayErrorCode = status === 429 ? 'rate_limited' : (CODE_MAP[primary.code] ?? codeForStatus(status));
  const description = cleanDescription(
    errors.map((e) => (e.parameter ? `${e.description ?? ''} (${e.parameter})` : (e.description ?? ''))).join('; '),
    ctx.apiKey,
  );
  const error: GatewayError = {
    code,
    providerCode: primary.code,
    description: description || `MessageBird error code ${primary.code}`,
  };
  if (status !== undefined) error.httpStatus = status;
  // MessageBird's own error body says what it did: a 429 (or 401, 402, 422) with `errors` refused the
  // request, so nothing was sent. Only a server fault (5xx, codes 98/99) leaves the outcome open.
  return finish(error, ctx, code === 'provider_unavailable');
}

/** An answer that arrived but is not usable (no JSON, no `id`, unexpected shape, error status). */
export function fromUnusableAnswer(status: number | undefined, detail: string, ctx: MapContext): GatewayError {
  const code = status !== undefined && status >= 400 ? codeForStatus(status) : 'bad_response';
  const error: GatewayError = {
    code,
    description: cleanDescription(
      status !== undefined ? `HTTP ${status}: ${detail}` : detail,
      ctx.apiKey,
    ),
  };
  if (status !== undefined) error.httpStatus = status;
  return finish(error, ctx, sendMayHaveArrived(code));
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
/** The peer's certificate was not accepted: an unknown CA (often a TLS-inspecting proxy), a wrong name, expired. */
const CERTIFICATE_CODE = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME_MISMATCH|ERR_TLS_CERT/;
/** Any other TLS failure (protocol, handshake): the request never left either. */
const TLS_CODE = /ERR_TLS|ERR_SSL/;

/** The request never reached MessageBird: nothing was sent. */
function notSent(description: string, ctx: MapContext): GatewayError {
  return finish({ code: 'network', description: cleanDescription(description, ctx.apiKey) }, ctx, false);
}

/** Maps any error the SDK passed to its callback. */
export function fromSdkError(err: unknown, ctx: MapContext): GatewayError {
  const e = (err ?? {}) as { message?: unknown; statusCode?: unknown; errors?: unknown; error?: unknown };
  const status = typeof e.statusCode === 'number' ? e.statusCode : ctx.status;
  const apiErrors = apiErrorsSchema.safeParse(e.errors);
  if (apiErrors.success) return fromApiErrors(apiErrors.data, status, ctx);

  const message = typeof e.message === 'string' ? e.message : '';
  if (message === 'response failed') return fromUnusableAnswer(status, 'MessageBird answered with something other than JSON', ctx);
  if (message === 'request closed') {
    return finish({ code: 'network', description: 'The connection closed while MessageBird was answering' }, ctx, true);
  }

  const cause = (e.error ?? {}) as { code?: unknown; message?: unknown };
  const causeCode = typeof cause.code === 'string' ? cause.code : '';
  if (NETWORK_CODES.has(causeCode)) {
    return notSent(`Cannot reach MessageBird (${causeCode})`, ctx);
  }
  if (CERTIFICATE_CODE.test(causeCode)) {
    return finish(
      { code: 'certificate', description: cleanDescription(`The certificate for rest.messagebird.com was not accepted (${causeCode})`, ctx.apiKey) },
      ctx,
      false,
    );
  }
  if (TLS_CODE.test(causeCode)) {
    return notSent(`The secure connection to MessageBird failed (${causeCode})`, ctx);
  }
  if (ctx.written === false) {
    // Closed before the request was completely written (e.g. during the TLS handshake): MessageBird
    // cannot have acted on a request it never received in full.
    return notSent(`The connection to MessageBird closed before the request was sent${causeCode ? ` (${causeCode})` : ''}`, ctx);
  }
  // `socket hang up` / ECONNRESET: a reset by the peer or the SDK's own idle timeout; either way the
  // request may have been written, so a send counts as possibly sent.
  return finish(
    {
      code: 'network',
      description: cleanDescription(
        `The connection to MessageBird was interrupted${causeCode ? ` (${causeCode})` : ''}`,
        ctx.apiKey,
      ),
    },
    ctx,
    true,
  );
}

/** Our own overall deadline passed; the SDK's timer is only an idle timer. */
export function deadlineError(deadlineMs: number, ctx: MapContext): GatewayError {
  return finish(
    { code: 'timeout', description: `MessageBird did not answer within ${Math.round(deadlineMs / 1000)} s` },
    ctx,
    true,
  );
}
