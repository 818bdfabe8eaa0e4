import type { MethodName, SmsAdminBridge } from '@shared/contract';
import type { AppError, Result } from '@shared/result';

/**
 * The one reader of `window.smsAdmin` (docs/ARCHITECTURE.md). Everything in the renderer calls main through
 * `api`. In Electron that is the preload's bridge; in the browser host (same renderer served over http on
 * 127.0.0.1) there is no bridge, so the same contract is answered over `POST /api/<method>`.
 */

type Fetch = (input: string, init: RequestInit) => Promise<Response>;
type AnyResult = Result<unknown, string>;

function failure(code: 'internal' | 'forbidden_sender', message: string): { ok: false; error: AppError<string> } {
  return { ok: false, error: { code, message } };
}

/** A body is a Result only when it has the exact shape main produces; anything else is a host fault. */
function asResult(body: unknown): AnyResult | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const r = body as Record<string, unknown>;
  if (r.ok === true && 'value' in r) return { ok: true, value: r.value };
  if (r.ok === false && typeof r.error === 'object' && r.error !== null) {
    const e = r.error as Record<string, unknown>;
    if (typeof e.code === 'string') {
      return {
        ok: false,
        error: {
          ...(e as object),
          code: e.code,
          message: typeof e.message === 'string' ? e.message : '',
        } as AppError<string>,
      };
    }
  }
  return undefined;
}

/** Calls one method over HTTP and always resolves to a Result, never throws. */
async function callOverHttp(fetchImpl: Fetch, method: MethodName, input: unknown): Promise<AnyResult> {
  let response: Response;
  try {
    response = await fetchImpl(`/api/${method}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ input }),
    });
  } catch (error) {
    return failure('internal', `Network error: ${error instanceof Error ? error.message : String(error)}`);
  }
  // The host answers 401/403 when the session token is missing or the origin is foreign.
  if (response.status === 401 || response.status === 403) {
    return failure('forbidden_sender', `HTTP ${response.status}`);
  }
  if (!response.ok) return failure('internal', `HTTP ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return failure('internal', 'Response was not JSON');
  }
  return asResult(body) ?? failure('internal', 'Response was not a Result');
}

/** Names a bridge must never answer to: promise and JSON checks probe them on any object. */
const NOT_METHODS = new Set(['then', 'toJSON', 'constructor', '$$typeof']);

/**
 * A bridge whose methods are made on first use from their names. The renderer does not import the
 * contract's list of methods: that would pull every zod schema into the first chunk the window loads.
 * Main parses every method name and input anyway and refuses an unknown one.
 */
function bridgeFrom(call: (method: MethodName, input?: unknown) => Promise<AnyResult>): SmsAdminBridge {
  const made = new Map<string, (input?: unknown) => Promise<AnyResult>>();
  return new Proxy({} as SmsAdminBridge, {
    get(_target, name) {
      if (typeof name !== 'string' || NOT_METHODS.has(name)) return undefined;
      let method = made.get(name);
      if (!method) {
        method = (input?: unknown) => call(name as MethodName, input);
        made.set(name, method);
      }
      return method;
    },
  });
}

/** The browser host's bridge: same type as the preload's, answered by `POST /api/<method>`. */
export function createHttpBridge(fetchImpl: Fetch = (input, init) => fetch(input, init)): SmsAdminBridge {
  return bridgeFrom((method, input) => callOverHttp(fetchImpl, method, input));
}

let httpBridge: SmsAdminBridge | undefined;

/** Resolved on every call, so tests can swap `window.smsAdmin` between cases. */
function currentBridge(): SmsAdminBridge {
  if (window.smsAdmin) return window.smsAdmin;
  httpBridge ??= createHttpBridge();
  return httpBridge;
}

/** The contract, as the renderer calls it. Every method resolves to a Result; none throws. */
export const api: SmsAdminBridge = bridgeFrom((method, input) =>
  (currentBridge()[method] as (i?: unknown) => Promise<AnyResult>)(input),
);

/** True when running in the browser host rather than Electron. */
export function isBrowserHost(): boolean {
  return !window.smsAdmin;
}

/** Thrown by `unwrap` so a store can keep its happy path flat and catch once. */
export class ApiFailure<C extends string = string> extends Error {
  constructor(readonly error: AppError<C>) {
    super(error.message);
    this.name = 'ApiFailure';
  }
}

/** The value of an ok Result, or throws `ApiFailure` carrying the error. */
export function unwrap<T, C extends string>(result: Result<T, C>): T {
  if (result.ok) return result.value;
  throw new ApiFailure(result.error);
}

/** Any caught value as an AppError, so a store's `catch` always has a code to show. */
export function toAppError(caught: unknown): AppError {
  if (caught instanceof ApiFailure) return caught.error as AppError;
  return { code: 'internal', message: caught instanceof Error ? caught.message : String(caught) };
}
