/**
 * Wizard step 2: one confirmation code by SMS to the admin phone of a draft or pending change.
 * The throttles and cost guards come first (a refused send changes nothing: no balance call, no key
 * check recorded, the code already out stays valid), then the key is checked live (balance), a
 * MessageBird test key is refused (it delivers nothing, so the code could never arrive), and the send
 * is logged `pending` before the API call (docs/SECURITY.md, "Confirmation codes", "Cost abuse",
 * Reliability). The sandbox gateway accepts any key and shows the simulated SMS.
 */
import { apiKeyKind } from '@shared/api-key';
import { CONFIRMATION_DAILY_CAP_DEFAULT, DEFAULT_ALLOWED_COUNTRIES } from '@shared/contract/test-send';
import { isFinalDeliveryStatus, type GatewayErrorCode } from '@shared/gateway-types';
import type { ConfirmationSent } from '@shared/profile-types';
import { err, ok, type Result } from '@shared/result';
import { maskPhone, parseMobile } from '@shared/rules/phone';
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
  | 'setup_locked'
  | 'country_not_allowed'
  | 'confirmation_daily_cap_reached'
  | 'nothing_pending';

const DAY_MS = 24 * 60 * 60_000;

type Refused = Extract<Result<never, SendCode>, { ok: false }>;

/**
 * Whether a code may be sent to `adminPhone` for setup `id` (undefined: a setup not saved yet), checked
 * before anything is saved, cancelled or asked of MessageBird: the setup's lock, cooldown and the
 * per-number cap, then the cost guards test send uses too (the country allow-list) and the daily cap on
 * confirmation SMS across all profiles. Counted from the send log's cap counters, which clearing the log
 * does not lower. Null when the send may go ahead.
 */
export function sendRefusal(ctx: ProfilesContext, id: string | undefined, adminPhone: string): Refused | null {
  const { deps, codes } = ctx;
  const now = deps.clock.now();
  if (id !== undefined) {
    const next = codes.nextSendAt(id, adminPhone);
    const details = { retryAt: next.at, waitSeconds: Math.max(1, Math.ceil((next.at - now) / 1000)) };
    if (next.reason === 'locked') {
      return err('setup_locked', `Too many wrong codes for this setup; it is locked until ${new Date(next.at).toISOString()}`, { details: { lockedUntil: next.at } });
    }
    if (next.reason === 'cooldown') return err('resend_cooldown', 'Wait before sending another code', { details });
    if (next.reason === 'rate_limited') return err('send_limit_reached', 'Three codes were sent to this number in the last 10 minutes', { details });
  } else {
    const next = codes.nextSendAt('', adminPhone);
    if (next.reason === 'rate_limited') {
      return err('send_limit_reached', 'Three codes were sent to this number in the last 10 minutes', {
        details: { retryAt: next.at, waitSeconds: Math.max(1, Math.ceil((next.at - now) / 1000)) },
      });
    }
  }
  const guards = deps.costGuards?.() ?? { allowedCountries: DEFAULT_ALLOWED_COUNTRIES, confirmationDailyCap: CONFIRMATION_DAILY_CAP_DEFAULT };
  const parsed = parseMobile(adminPhone);
  const country = parsed.ok ? (parsed.value.country ?? '') : '';
  if (!country || !guards.allowedCountries.includes(country)) {
    return err('country_not_allowed', `Codes to ${country || 'this region'} are not on the country allow-list`, {
      field: 'adminPhone',
      details: { setting: 'allowedCountries', country: country || '??', allowed: guards.allowedCountries.join(', ') },
    });
  }
  const sent = deps.confirmationLog.sendCount({ purpose: 'confirmation', from: now - DAY_MS });
  if (sent >= guards.confirmationDailyCap) {
    return err('confirmation_daily_cap_reached', `${sent} confirmation SMS were sent in the last 24 hours (cap ${guards.confirmationDailyCap})`, {
      details: { setting: 'confirmationDailyCap', cap: guards.confirmationDailyCap, count: sent },
    });
  }
  return null;
}

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
  // Before the balance call: a refused send asks MessageBird nothing and records no key check.
  const refused = sendRefusal(ctx, id, pending.adminPhone);
  if (refused) return refused;

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

  const issued = codes.issue(id, pending.adminPhone, gateway.mode === 'sandbox' ? 'sandbox' : 'messagebird');
  if (!issued.ok) {
    // Only when a second send for this setup raced past the check above while the balance was asked.
    return sendRefusal(ctx, id, pending.adminPhone) ?? err('resend_cooldown', 'Wait before sending another code', { details: { retryAt: issued.retryAt } });
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
