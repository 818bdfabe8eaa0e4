/**
 * The dependencies services receive instead of importing them (docs/ARCHITECTURE.md: services are plain
 * TypeScript with injected clock, random, paths, gateway, vault and store). Electron provides the real
 * ones in `src/main/platform`, the browser host and tests provide their own.
 */
import type { Balance, DeliveryStatus, GatewayErrorCode, SendMode } from '@shared/gateway-types';
import type { VaultStatus } from '@shared/contract/platform';

export interface Clock {
  /** Milliseconds since the epoch. Injected so tests can expire codes without waiting. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** Stores secrets (the MessageBird API keys) encrypted; only ciphertext reaches the disk. */
export interface SecretVault {
  status(): Promise<VaultStatus>;
  /** Throws `VaultUnavailableError` when the key cannot be protected as the preferences require. */
  put(id: string, secret: string): Promise<void>;
  get(id: string): Promise<string | null>;
  remove(id: string): Promise<void>;
  /** Ids of stored secrets, never their content. */
  ids(): Promise<string[]>;
}

export class VaultUnavailableError extends Error {
  constructor(readonly reason: 'unavailable' | 'consent_required') {
    super(reason === 'unavailable' ? 'No secret storage available' : 'Key storage is not encrypted; consent required');
    this.name = 'VaultUnavailableError';
  }
}

// ---- MessageBird gateway (docs/MESSAGEBIRD.md) -------------------------------------------------------

export interface GatewayError {
  code: GatewayErrorCode;
  /** MessageBird error code when the API gave one (2, 9, 10, 20, 21, 25, 98, 99 …). */
  providerCode?: number;
  /** HTTP status when known. */
  httpStatus?: number;
  /** MessageBird's own description, trimmed; never contains the key. */
  description: string;
  /**
   * For sends only: true when the request may have reached MessageBird (timeout, reset after
   * writing, 5xx). Such a send is recorded as `unknown` and never retried automatically.
   */
  maybeSent?: boolean;
}

export type GatewayResult<T> = { ok: true; value: T } | { ok: false; error: GatewayError };

export interface SendSmsRequest {
  originator: string;
  /** E.164 without spaces, e.g. +31612345678. */
  recipient: string;
  body: string;
  /** Ties the message to the log row; ≤ 128 characters; never contains the code. */
  reference?: string;
  /** Seconds the message may wait for delivery; for codes, their remaining lifetime. */
  validitySeconds?: number;
  datacoding?: 'plain' | 'unicode' | 'auto';
}

export interface RecipientStatus {
  recipient: string;
  status: DeliveryStatus;
  statusDatetime?: string;
  statusReason?: string;
  statusErrorCode?: number;
  messagePartCount?: number;
  price?: { amount: number; currency: string };
}

export interface SentMessage {
  id: string;
  createdDatetime?: string;
  recipients: RecipientStatus[];
}

export interface SmsGateway {
  readonly mode: SendMode;
  sendSms(request: SendSmsRequest): Promise<GatewayResult<SentMessage>>;
  getMessage(id: string): Promise<GatewayResult<SentMessage>>;
  getBalance(): Promise<GatewayResult<Balance>>;
}

/** Builds a gateway for one API key; the mode (sandbox or MessageBird) comes from preferences. */
export type GatewayFactory = (apiKey: string) => SmsGateway;

// ---- Files and the outside world ----------------------------------------------------------------

export type SaveFileOutcome =
  | { status: 'saved'; path: string }
  | { status: 'cancelled' }
  /** Browser host: the file is offered as a one-time download at this same-origin URL. */
  | { status: 'download'; url: string };

/**
 * Takes a file's content in order, chunk by chunk. `write` is synchronous, so a producer can feed it
 * from a SQLite cursor; a large producer awaits between batches so the event loop keeps running.
 */
export interface FileSink {
  write(chunk: string | Uint8Array): void;
}

/**
 * A file to save. Its content is either given (`content`) or produced on demand (`write`): a producer
 * runs only after the destination is chosen, so a cancelled save dialog costs nothing, and it writes
 * into a sink that the saver may flush to disk as it goes, so a large export never sits in memory whole.
 * A producer that throws fails the save (the saver leaves no partial file behind).
 */
export type FileToSave = { suggestedName: string; mimeType: string } & (
  | { content: string | Uint8Array }
  | { write(sink: FileSink): void | Promise<void> }
);

export interface FileSaver {
  save(file: FileToSave): Promise<SaveFileOutcome>;
}


/** The few calls services make on the settings file (electron-store in the app, conf in the browser host). */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

export interface ExternalOpener {
  /** Opens an allow-listed address; returns false where the host cannot (the browser host). */
  open(url: string): Promise<boolean>;
  /** Opens a file of the app's own (the diagnostics log) in the system's viewer; false where it cannot. */
  openPath(path: string): Promise<boolean>;
}

/** A file the admin picked in the native open dialog, read whole (the caller caps its size). */
export type OpenFileOutcome =
  | { status: 'cancelled' }
  | { status: 'opened'; fileName: string; content: Uint8Array }
  /** Bigger than `maxBytes`: not read. */
  | { status: 'too_large'; fileName: string; size: number };

export interface FileOpenRequest {
  /** Dialog filters, e.g. `{ name: 'CSV, Excel', extensions: ['csv', 'xlsx'] }`. */
  filters: Array<{ name: string; extensions: string[] }>;
  maxBytes: number;
}

/** The native open dialog (desktop app); the browser host has none and uploads instead. */
export interface FileOpener {
  open(request: FileOpenRequest): Promise<OpenFileOutcome>;
}

/** Prints the app window (the Review page's print layout) to a PDF the admin saves (desktop app only). */
export interface ReportPrinter {
  savePdf(suggestedName: string): Promise<{ status: 'saved'; path: string } | { status: 'cancelled' }>;
}
