/**
 * What the delivery poller needs around it: which rows to follow again after a restart, the gateway to
 * read a message with, and how each answer lands in the log row. Used for test sends and for the wizard's
 * confirmation SMS (followed from the send on, and resumed alike): the profiles feature says which key
 * reads a row back (`keyForSend`), so a confirmation is read with the key it went out with.
 */
import type { SendLogRow } from '@shared/send-log-types';
import type { StatusUpdate } from '../send-log';
import type { GatewayFactory, SmsGateway } from '../ports';
import type { PollOutcome, PollTarget } from './delivery-poller';
import { SANDBOX_PROFILE } from '../test-send/sandbox-profile';
import { plausiblePrice } from '../test-send/test-send-status';

/** The part of the send log that delivery following writes to. */
export interface DeliveryLog {
  updateStatus(id: number, update: StatusUpdate): boolean;
  get(id: number): SendLogRow | null;
}

/** Where the key that reads a sent message back comes from. */
export interface DeliveryKeySource {
  keyForSend(profileId: string, purpose: PollTarget['purpose']): Promise<{ apiKey: string } | { gone: string }>;
}

/** Unfinished rows older than this are not resumed after a restart: their status will not change. */
const RESUME_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** Why a row is no longer followed, written as its status reason; a reason not listed writes nothing. */
const STOP_REASONS: Partial<Record<string, string>> = {
  gave_up: 'No final delivery status within the follow-up time; no longer followed.',
  sandbox_forgotten: 'The sandbox forgets its messages when the app restarts; the final status is not known.',
  key_rejected: 'MessageBird no longer accepts the key; the delivery status can no longer be read.',
  invalid_request: 'MessageBird refused the status request; the delivery status can no longer be read.',
  profile_deleted: 'The profile or draft was deleted, and its key with it; the delivery status can no longer be read.',
  key_unavailable: 'The key this message was sent with is no longer available; the delivery status can no longer be read.',
  mode_switched: 'The gateway mode was switched since this message was sent; its delivery status can no longer be read.',
};

/** The unfinished rows worth following again: accepted by MessageBird, not a test key, not too old. */
export function resumableTargets(rows: SendLogRow[], now: number): PollTarget[] {
  return rows
    .filter((row) => row.messagebirdId && row.mode !== 'test' && now - row.createdAt <= RESUME_MAX_AGE_MS)
    .map((row) => ({
      logId: row.id,
      messageId: row.messagebirdId!,
      profileId: row.profileId,
      purpose: row.purpose,
      mode: row.mode,
      sentAt: row.createdAt,
    }));
}

/** The gateway that can read the message now (the key its send used, same mode), or why none can. */
export async function gatewayForPoll(deps: { gatewayFor: GatewayFactory; profiles: DeliveryKeySource }, target: PollTarget): Promise<SmsGateway | { gone: string }> {
  if (target.profileId === SANDBOX_PROFILE.id) {
    return target.mode === 'sandbox' ? deps.gatewayFor(SANDBOX_PROFILE.apiKey) : { gone: 'mode_switched' };
  }
  const key = await deps.profiles.keyForSend(target.profileId, target.purpose);
  if ('gone' in key) return key;
  const gateway = deps.gatewayFor(key.apiKey);
  // After a switch between Sandbox and MessageBird, the other side cannot know this message.
  return gateway.mode === target.mode ? gateway : { gone: 'mode_switched' };
}

/** Writes a poll's outcome to the log row. */
export async function recordPoll(log: DeliveryLog, target: PollTarget, outcome: PollOutcome): Promise<void> {
  if (outcome.kind === 'status') {
    const { status } = outcome;
    log.updateStatus(target.logId, {
      status: status.status,
      ...(status.statusReason !== undefined ? { statusReason: status.statusReason } : {}),
      ...(status.statusErrorCode !== undefined ? { errorCode: status.statusErrorCode } : {}),
      parts: status.messagePartCount ?? null,
      price: plausiblePrice(status.price),
    });
    return;
  }
  // Nothing final to write: the row keeps its last status, with a note why it is no longer followed.
  const note = STOP_REASONS[outcome.kind === 'gone' ? outcome.reason : 'gave_up'];
  const row = log.get(target.logId);
  if (!note || !row || (row.status !== 'sent' && row.status !== 'buffered')) return;
  log.updateStatus(target.logId, { status: row.status, statusReason: note });
}
