/** Vocabulary of MessageBird results shared by main and renderer (docs/MESSAGEBIRD.md). */

export const GATEWAY_ERROR_CODES = [
  'key_rejected',
  'insufficient_balance',
  'invalid_request',
  'not_found',
  'rate_limited',
  'provider_unavailable',
  'timeout',
  'network',
  /** The certificate presented for rest.messagebird.com was not accepted (unknown CA, wrong name). */
  'certificate',
  'bad_response',
] as const;
export type GatewayErrorCode = (typeof GATEWAY_ERROR_CODES)[number];

export interface Balance {
  payment: string;
  type: string;
  amount: number;
}

export const DELIVERY_STATUSES = [
  'scheduled',
  'sent',
  'buffered',
  'delivered',
  'expired',
  'delivery_failed',
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Where a message can still change status; anything else is final. */
export function isFinalDeliveryStatus(status: DeliveryStatus): boolean {
  return status === 'delivered' || status === 'expired' || status === 'delivery_failed';
}

/** Which gateway answered: the in-process sandbox, MessageBird with a test key, or live MessageBird. */
export type SendMode = 'sandbox' | 'test' | 'live';

/**
 * What a failed send can have done, carried as `details.sendOutcome` of its error: `maybe_sent` (it may
 * have reached MessageBird: the log row is `unknown`, check the phone before sending again) or
 * `not_sent` (it cannot have been sent: the row is `failed` and cost nothing).
 */
export type SendOutcome = 'maybe_sent' | 'not_sent';

export function sendOutcome(maybeSent: boolean): SendOutcome {
  return maybeSent ? 'maybe_sent' : 'not_sent';
}
