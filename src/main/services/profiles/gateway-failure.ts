import type { GatewayError } from '../ports';
import { err } from '../../../shared/result';

/** A gateway failure as the profiles service reports it; `field` lets the form focus the key when the key is at fault. */
export function gatewayErr(error: GatewayError, field?: string) {
  return err(error.code, error.description, {
    ...(field ? { field } : {}),
    ...(error.providerCode === undefined ? {} : { details: { providerCode: error.providerCode } }),
  });
}
