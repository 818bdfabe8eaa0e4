import { sendOutcome, type GatewayErrorCode } from '@shared/gateway-types';
import type { GatewayError } from '../ports';
import { err } from '@shared/result';

/** Failures that say something about the key itself; anything else (network, certificate, 5xx) is about the connection. */
const KEY_FAULTS: ReadonlySet<GatewayErrorCode> = new Set(['key_rejected', 'insufficient_balance']);

/**
 * A gateway failure as the profiles service reports it. `field` lets the form mark the key, but only
 * when the key is at fault: a connection problem during the key check says nothing about the key.
 * A failed send carries `details.sendOutcome` so every screen can say whether the SMS may have gone out.
 */
export function gatewayErr(error: GatewayError, field?: string) {
  const details = {
    ...(error.providerCode === undefined ? {} : { providerCode: error.providerCode }),
    ...(error.maybeSent === undefined ? {} : { sendOutcome: sendOutcome(error.maybeSent) }),
  };
  return err(error.code, error.description, {
    ...(field && KEY_FAULTS.has(error.code) ? { field } : {}),
    ...(Object.keys(details).length > 0 ? { details } : {}),
  });
}
