import type { SendMode } from '@shared/gateway-types';
import type { SendPurpose } from '@shared/send-log-types';

export interface Price {
  amount: number;
  currency: string;
}

/** What the caller knows before the API call. The number is masked and hashed here, never stored. */
export interface PendingSend {
  profileId: string;
  participantNumber: string;
  purpose: SendPurpose;
  /** International format, e.g. `+31612345678`. */
  recipient: string;
  /** ISO country; taken from the number when omitted. */
  country?: string;
  originator: string;
  mode: SendMode;
  parts: number;
  /** The app's own estimate; MessageBird's price replaces it when the API reports one. */
  estimate?: Price | null;
}

/** Statuses MessageBird (or the caller, for test keys) can report after accepting a message. */
export type AcceptedStatus =
  | 'scheduled'
  | 'sent'
  | 'buffered'
  | 'delivered'
  | 'delivery_failed'
  | 'expired'
  | 'not_delivered_test_key';

export interface SentUpdate {
  messagebirdId: string;
  status: AcceptedStatus;
  statusReason?: string | null;
  parts?: number | null;
  /** MessageBird's price; when absent the estimate stays. */
  price?: Price | null;
}

export interface FailedUpdate {
  reason: string;
  errorCode?: string | number | null;
}

/** A later status from polling `GET /messages/{id}`. */
export interface StatusUpdate {
  status: Exclude<AcceptedStatus, 'not_delivered_test_key'>;
  statusReason?: string | null;
  errorCode?: string | number | null;
  parts?: number | null;
  price?: Price | null;
}
