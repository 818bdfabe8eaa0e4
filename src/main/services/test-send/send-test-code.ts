/**
 * The send itself, once every guard passed and the cost was confirmed: a fresh code, a `pending` log row,
 * one API call (never retried; docs/SECURITY.md "Reliability"), then the row updated and, for a message
 * that is not final yet, handed to the delivery poller.
 */
import { randomInt } from 'node:crypto';
import { fillTemplate, type TestSendStatus } from '@shared/contract/test-send';
import { isFinalDeliveryStatus, sendOutcome } from '@shared/gateway-types';
import { err, ok, type Result } from '@shared/result';
import { COST_CURRENCY, estimate } from '@shared/rules/cost';
import { countSegments } from '@shared/rules/sms-segments';
import type { SmsGateway } from '../ports';
import type { PreparedSend } from './send-preparation';
import type { TestSendContext, TestSendErrorCode } from './test-send-context';
import { plausiblePrice, toTestSendStatus } from './test-send-status';

/** Seconds a test code may wait for delivery: a late test SMS is noise (docs/MESSAGEBIRD.md: set `validity`). */
export const TEST_CODE_VALIDITY_SECONDS = 600;

/** Six digits, zero-padded, from a CSPRNG (docs/SECURITY.md "Confirmation codes"). */
export function generateTestCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Sends a prepared test message once and reports its log row. */
export async function sendTestCode(ctx: TestSendContext, prepared: PreparedSend): Promise<Result<TestSendStatus, TestSendErrorCode>> {
  const { deps, poller } = ctx;
  const { resolved, recipient, template, settings } = prepared;
  const { gateway, profile } = resolved;

  // The code exists only in this body and the request; it is never logged or returned.
  const body = fillTemplate(template.template, ctx.generateCode());
  const segments = countSegments(body);
  const cost = estimate(segments.parts, recipient.country, settings.pricesPerPart);
  const logId = deps.sendLog.appendPending({
    profileId: profile.id,
    participantNumber: profile.participantNumber,
    purpose: 'test',
    recipient: recipient.e164,
    country: recipient.country,
    originator: profile.originator,
    mode: gateway.mode,
    parts: segments.parts,
    estimate: { amount: cost.amount, currency: COST_CURRENCY },
  });

  let result: Awaited<ReturnType<SmsGateway['sendSms']>>;
  try {
    result = await gateway.sendSms({
      originator: profile.originator,
      recipient: recipient.e164,
      body,
      reference: `test-${logId}`,
      validitySeconds: TEST_CODE_VALIDITY_SECONDS,
      datacoding: segments.encoding === 'UCS-2' ? 'unicode' : 'plain',
    });
  } catch (error) {
    // The gateway never throws by design; if it does, the request may have left: say so, never retry.
    deps.sendLog.markUnknown(logId, 'The send failed unexpectedly; it may have been sent. It is not retried automatically.');
    throw error;
  }

  if (!result.ok) {
    const { code, description, providerCode, httpStatus, maybeSent } = result.error;
    if (maybeSent) {
      deps.sendLog.markUnknown(logId, `${description}. It may have been sent; it is not retried automatically.`);
    } else {
      deps.sendLog.markFailed(logId, {
        reason: httpStatus ? `${description} (HTTP ${httpStatus})` : description,
        errorCode: providerCode ?? code,
      });
    }
    const row = deps.sendLog.get(logId);
    return err(code, description, {
      details: {
        logId,
        status: row?.status ?? (maybeSent ? 'unknown' : 'failed'),
        sendOutcome: sendOutcome(maybeSent === true),
        ...(providerCode !== undefined ? { providerCode } : {}),
        ...(httpStatus !== undefined ? { httpStatus } : {}),
      },
    });
  }

  const message = result.value;
  const item = message.recipients[0];
  const price = plausiblePrice(item?.price);
  if (resolved.testKey) {
    // MessageBird validates test-key sends but delivers nothing and cannot read them back.
    deps.sendLog.markSent(logId, { messagebirdId: message.id, status: 'not_delivered_test_key', parts: item?.messagePartCount ?? null, price });
  } else {
    const status = item?.status ?? 'sent';
    deps.sendLog.markSent(logId, {
      messagebirdId: message.id,
      status,
      statusReason: item?.statusReason ?? null,
      parts: item?.messagePartCount ?? null,
      price,
    });
    if (!isFinalDeliveryStatus(status)) {
      poller.track({ logId, messageId: message.id, profileId: profile.id, purpose: 'test', mode: gateway.mode, sentAt: deps.clock.now() });
    }
  }
  const row = deps.sendLog.get(logId);
  // The row was committed above; losing it now is a broken database, which `dispatch` reports.
  if (!row) throw new Error(`send log row ${logId} disappeared`);
  return ok(toTestSendStatus(row, poller.isFollowing(row.id)));
}
