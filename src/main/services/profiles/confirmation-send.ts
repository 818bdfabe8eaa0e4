/**
 * Wizard step 2: one confirmation code by SMS to the admin phone of a draft or pending change.
 * The key is checked live first (balance), a MessageBird test key is refused (it delivers nothing, so
 * the code could never arrive), and the send is logged `pending` before the API call (docs/SECURITY.md,
 * "Confirmation codes", Reliability). The sandbox gateway accepts any key and shows the simulated SMS.
 */
import { apiKeyKind } from '../../../shared/api-key';
import { isFinalDeliveryStatus, type GatewayErrorCode } from '../../../shared/gateway-types';
import type { ConfirmationSent } from '../../../shared/profile-types';
import { err, ok, type Result } from '../../../shared/result';
import { maskPhone } from '../../../shared/rules/phone';
import { confirmationMessage, type MessageLanguage } from './confirmation-message';
import { gatewayErr } from './gateway-failure';
import type { StateCode, ValidationCode } from './profile-details';
import type { ProfilesContext } from './profile-context';
import { activeKeyId, pendingKeyId } from './profile-keys';

export type SendCode =
  | ValidationCode
  | StateCode
  | GatewayErrorCode
  | 'test_key_no_delivery'
  | 'resend_cooldown'
  | 'send_limit_reached'
  | 'nothing_pending';

/** Rough part count of the confirmation text: it is plain GSM-7 and well under 160 characters. */
function estimateParts(body: string): number {
  return body.length <= 160 ? 1 : Math.ceil(body.length / 153);
}

/** Sends a fresh code for the pending settings of profile `id` (the cooldown and hourly limit apply). */
export async function sendConfirmationCode(ctx: ProfilesContext, id: string, language?: MessageLanguage): Promise<Result<ConfirmationSent, SendCode>> {
  const { deps, store, codes } = ctx;
  const profile = store.find(id);
  if (!profile) return err('profile_not_found', 'No such profile');
  const pending = profile.pending;
  if (!pending) return err('nothing_pending', 'There is no draft or change to confirm');

  // The key the change brings, else the key in effect: the code confirms that key works.
  const apiKey = pending.key ? await deps.vault.get(pendingKeyId(id)) : profile.active?.key ? await deps.vault.get(activeKeyId(id)) : null;
  if (!apiKey) return err('key_required', 'An API key is needed to send the confirmation code', { field: 'apiKey' });

  const gateway = deps.gatewayFor(apiKey);
  const balance = await gateway.getBalance();
  if (!balance.ok) return gatewayErr(balance.error, 'apiKey');
  store.update(id, (p) => ({ ...p, lastKeyCheck: { at: deps.clock.now(), balance: balance.value } }));
  if (gateway.mode === 'test' || (gateway.mode !== 'sandbox' && apiKeyKind(apiKey) === 'test')) {
    return err('test_key_no_delivery', 'Test keys deliver nothing: the confirmation code could never arrive. Use a live key, or Sandbox mode to rehearse.', { field: 'apiKey' });
  }
  if (balance.value.payment === 'prepaid' && balance.value.amount <= 0) {
    return err('insufficient_balance', 'The MessageBird balance is too low to send the code', { field: 'apiKey', details: { amount: balance.value.amount, type: balance.value.type } });
  }

  const issued = codes.issue(id, pending.adminPhone);
  if (!issued.ok) {
    const details = { retryAt: issued.retryAt, waitSeconds: Math.max(1, Math.ceil((issued.retryAt - deps.clock.now()) / 1000)) };
    return issued.reason === 'cooldown'
      ? err('resend_cooldown', 'Wait before sending another code', { details })
      : err('send_limit_reached', 'Three codes were sent to this number in the last 10 minutes', { details });
  }

  const minutes = Math.round(codes.lifetimeMs / 60_000);
  const sentAt = deps.clock.now();
  const body = confirmationMessage(language ?? deps.defaultLanguage(), profile.participantNumber, issued.code, minutes);
  const logId = deps.confirmationLog.appendPending({
    profileId: id,
    participantNumber: profile.participantNumber,
    purpose: 'confirmation',
    recipient: pending.adminPhone,
    originator: pending.originator,
    mode: gateway.mode,
    parts: estimateParts(body),
  });
  const sent = await gateway.sendSms({
    originator: pending.originator,
    recipient: pending.adminPhone,
    body,
    // Ties the SMS to its log row; never the code.
    reference: `confirm-${logId}`,
    validitySeconds: Math.max(1, Math.floor((issued.expiresAt - deps.clock.now()) / 1000)),
  });

  let delivery: ConfirmationSent['delivery'];
  if (sent.ok) {
    const item = sent.value.recipients[0];
    const status = item?.status ?? 'sent';
    deps.confirmationLog.markSent(logId, {
      messagebirdId: sent.value.id,
      status,
      statusReason: item?.statusReason ?? null,
      parts: item?.messagePartCount ?? null,
      price: item?.price ?? null,
    });
    // Read back later with the key it went out with (send-keys.ts), like a test send.
    if (!isFinalDeliveryStatus(status)) {
      deps.followDelivery?.({ logId, messageId: sent.value.id, profileId: id, purpose: 'confirmation', mode: gateway.mode, sentAt });
    }
    delivery = 'sent';
  } else if (sent.error.maybeSent) {
    // A timeout or reset: it may have gone out. The code stays valid; never resent automatically.
    deps.confirmationLog.markUnknown(logId, `${sent.error.code}: ${sent.error.description}`);
    delivery = 'unknown';
  } else {
    deps.confirmationLog.markFailed(logId, { reason: sent.error.description, errorCode: sent.error.providerCode ?? sent.error.code });
    codes.revokeUnsent(id, pending.adminPhone);
    return gatewayErr(sent.error);
  }

  store.update(id, (p) => ({
    ...p,
    status: p.active ? p.status : 'awaiting_confirmation',
    pending: p.pending ? { ...p.pending, state: 'awaiting_confirmation' } : null,
    updatedAt: deps.clock.now(),
  }));
  return ok({
    profileId: id,
    sentTo: maskPhone(pending.adminPhone),
    delivery,
    expiresAt: issued.expiresAt,
    resendAvailableAt: issued.resendAvailableAt,
    serverNow: deps.clock.now(),
    logId: String(logId),
    ...(gateway.mode === 'sandbox' ? { simulatedSms: { to: maskPhone(pending.adminPhone), body } } : {}),
  });
}
