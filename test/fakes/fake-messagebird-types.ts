/** Public types of the fake MessageBird (see fake-messagebird.ts for the behaviour). */

export interface FakeBalance {
  payment: 'prepaid' | 'postpaid';
  type: string;
  amount: number;
}

export interface FakeKeyConfig {
  /** Defaults from the key: `test_…` is a test key. */
  kind?: 'live' | 'test';
  /** Defaults to prepaid € 100 (postpaid keys are never short of balance). */
  balance?: FakeBalance;
}

export interface FakeApiError {
  code: number;
  description: string;
  parameter?: string | null;
}

/** What the fake does instead of (or before) answering normally. */
export type FakeFault =
  /** A MessageBird error body with any HTTP status. */
  | { type: 'error'; status: number; errors: FakeApiError[] }
  /** Any status with any body: an object is sent as JSON, a string as is (e.g. 429 or 503 without `errors`). */
  | { type: 'status'; status: number; body?: unknown; contentType?: string }
  /** A normal success answer with the `id` removed. */
  | { type: 'no_id' }
  /** An HTML page instead of JSON (default status 200). */
  | { type: 'non_json'; status?: number }
  /** Wait, then answer normally (the request is recorded and processed after the wait). */
  | { type: 'delay'; ms: number }
  /** Destroy the connection without answering, after the request was read. */
  | { type: 'reset' }
  /** Send the status line and part of a body, then destroy the connection. */
  | { type: 'reset_mid_body' }
  /**
   * Answer 200 with a space every `intervalMs` for `durationMs`, then `{}`: keeps an idle timer
   * (like the SDK's) from ever firing, so only an overall deadline stops the wait.
   */
  | { type: 'trickle'; intervalMs: number; durationMs: number };

/** Which requests a fault applies to; all when omitted. */
export interface FaultMatch {
  method?: string;
  /** Exact path (query excluded) or a pattern, e.g. /^\/messages$/. */
  path?: string | RegExp;
}

export interface RecordedRequest {
  method: string;
  /** Path including any query string, as sent. */
  path: string;
  /** Lower-case header names, as Node parses them (includes `authorization`). */
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON, or the raw text when it was not JSON, or null without a body. */
  body: unknown;
  /** `Date.now()` when the request had been read. */
  at: number;
}

export type FakeDeliveryStatus = 'scheduled' | 'sent' | 'buffered' | 'delivered' | 'expired' | 'delivery_failed';

export interface FakeRecipient {
  recipient: number;
  status: FakeDeliveryStatus;
  statusDatetime: string;
  statusReason: string | null;
  statusErrorCode: number | null;
  messagePartCount: number;
  price: { amount: number; currency: string };
  recipientCountry: string | null;
  recipientCountryPrefix: number | null;
  recipientOperator: string | null;
  mccmnc: string | null;
  messageLength: number;
}

export interface FakeMessage {
  id: string;
  key: string;
  originator: string;
  body: string;
  reference: string | null;
  validity: number | null;
  datacoding: string;
  createdAt: number;
  /** True once `setMessageStatus` was used: auto-delivery leaves it alone. */
  statusSetByTest: boolean;
  recipients: FakeRecipient[];
}

export interface StatusExtra {
  statusReason?: string | null;
  statusErrorCode?: number | null;
  /** Only this recipient (digits, with or without `+`); all when omitted. */
  recipient?: string;
}

export interface FakeMessageBirdOptions {
  /** Accepted keys; default `{ [FAKE_LIVE_KEY]: {}, [FAKE_TEST_KEY]: {} }`. */
  keys?: Record<string, FakeKeyConfig>;
  /** When set, a `sent` message reads as `delivered` this long after it was created. */
  autoDeliverAfterMs?: number | null;
  /** Names on the certificate; default `['rest.messagebird.com']` (other names rehearse a wrong certificate). */
  certHostnames?: string[];
  /** Clock for message times and auto-delivery; default `Date.now`. */
  now?: () => number;
  /** Port on 127.0.0.1; default 0 (a free one). */
  port?: number;
}

export interface FakeMessageBird {
  port: number;
  /** `https://127.0.0.1:<port>` (the certificate names rest.messagebird.com, not this address). */
  url: string;
  /** For `TransportConfig.connectTo`. */
  connectTo: { host: string; port: number };
  /** The CA that signed the server certificate: trust this. */
  caPem: string;
  /** The server certificate itself. */
  certPem: string;
  /** Every request received, oldest first (cleared by `reset`). */
  readonly requests: RecordedRequest[];
  /** Auto-delivery delay; may be changed at any time (null: off). */
  autoDeliverAfterMs: number | null;
  /** A fault for every matching request until cleared with `setFault(null)`. */
  setFault(fault: FakeFault | null, match?: FaultMatch): void;
  /** A fault for the next matching request only; several queue up in order. */
  injectOnce(fault: FakeFault, match?: FaultMatch): void;
  /** Adds or replaces an accepted key. */
  setKey(key: string, config?: FakeKeyConfig): void;
  removeKey(key: string): void;
  /** Current balance of a key (after the sends it paid for). */
  balanceOf(key: string): FakeBalance | undefined;
  /** Stored messages (live keys only), oldest first. */
  messages(): FakeMessage[];
  message(id: string): FakeMessage | undefined;
  /** Sets a message's status as a delivery report would. @throws when the id is unknown. */
  setMessageStatus(id: string, status: FakeDeliveryStatus, extra?: StatusExtra): void;
  /** Connections open right now (a client that gave up should have closed its own). */
  openConnections(): Promise<number>;
  /**
   * Resets (TCP RST) every connection with no request in flight, as a server or middlebox drops an
   * idle kept-alive connection; the client finds out only when it writes its next request on it.
   * Returns how many were reset.
   */
  resetIdleConnections(): number;
  /** Forgets requests, messages and faults; keys, balances and auto-delivery go back to the start configuration. */
  reset(): void;
  close(): Promise<void>;
}
