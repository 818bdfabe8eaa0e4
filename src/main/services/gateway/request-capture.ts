/**
 * Sees the `ClientRequest` the SDK creates, which the SDK never exposes. Two reasons:
 * - the SDK drops the HTTP status on success, so a 429 or 5xx whose body has no `errors` would look
 *   like an answer; with the request in hand we read the status of the response ourselves;
 * - docs/MESSAGEBIRD.md asks for `Accept: application/json`, which the SDK's public calls cannot set.
 *
 * Node publishes `http.client.request.created` synchronously inside `https.request`, before the headers
 * are sent (Node ≥ 22.12). The SDK calls `https.request` synchronously inside e.g. `messages.create`,
 * so a capture slot set around that synchronous call catches exactly that request.
 */
import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';

export interface CapturedRequest {
  /** HTTP status of the response, once headers arrived. */
  status?: number;
  /** True once a request object was seen at all (false: the channel is missing in this Node). */
  seen: boolean;
  /** The request itself, so a caller past its deadline can close the connection. */
  request?: ClientRequest;
  /**
   * True once the whole request was handed to the connection ('finish'). Until then MessageBird cannot
   * have acted on it: a failure before that point (a reset during the TLS handshake) sent nothing.
   */
  written?: boolean;
  /** The request's own error, when it failed (the SDK passes on only part of it). */
  error?: NodeJS.ErrnoException;
}

let slot: CapturedRequest | null = null;

function onCreated(message: unknown): void {
  if (!slot) return;
  const request = (message as { request?: ClientRequest }).request;
  if (!request) return;
  const capture = slot;
  // One request per SDK call: later requests in the same tick (none today) are not ours.
  slot = null;
  capture.seen = true;
  capture.request = request;
  if (!request.headersSent) request.setHeader('Accept', 'application/json');
  request.once('finish', () => {
    capture.written = true;
  });
  request.once('response', (response: IncomingMessage) => {
    capture.status = response.statusCode;
  });
  request.once('error', (error: NodeJS.ErrnoException) => {
    capture.error = error;
  });
}

/**
 * True when the request died on a kept-alive connection the server had already reset, before any of it
 * could leave: the agent handed out a reused idle connection, the kernel refused the write itself
 * (ECONNRESET or EPIPE from `write`, so the reset was there before the request) and no answer began.
 * MessageBird cannot have received it, whatever `written` says: over TLS, `finish` only means the TLS
 * layer took the bytes. A reset while reading (after the request left) is never this.
 */
export function refusedOnStaleConnection(capture: CapturedRequest): boolean {
  const error = capture.error;
  return (
    capture.request?.reusedSocket === true &&
    capture.status === undefined &&
    error?.syscall === 'write' &&
    (error.code === 'ECONNRESET' || error.code === 'EPIPE')
  );
}

diagnosticsChannel.subscribe('http.client.request.created', onCreated);

/** Runs `start` (which must create its HTTPS request synchronously) and returns what was seen of it. */
export function captureRequest(start: () => void): CapturedRequest {
  const capture: CapturedRequest = { seen: false };
  slot = capture;
  try {
    start();
  } finally {
    slot = null;
  }
  return capture;
}
