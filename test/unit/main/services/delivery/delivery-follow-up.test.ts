import { describe, expect, it, vi } from 'vitest';
import { gatewayForPoll, recordPoll, resumableTargets, type DeliveryLog } from '../../../../../src/main/services/delivery/delivery-follow-up';
import type { PollTarget } from '../../../../../src/main/services/delivery/delivery-poller';
import type { StatusUpdate } from '../../../../../src/main/services/send-log';
import type { SmsGateway } from '../../../../../src/main/services/ports';
import { SANDBOX_PROFILE_ID } from '@shared/contract/test-send';
import type { SendLogRow } from '@shared/send-log-types';

const DAY = 24 * 60 * 60 * 1000;
const NOW = 1_800_000_000_000;

function row(overrides: Partial<SendLogRow> = {}): SendLogRow {
  return {
    id: 1,
    createdAt: NOW - 60_000,
    updatedAt: NOW - 60_000,
    profileId: 'p1',
    participantNumber: '12345',
    purpose: 'test',
    recipientMasked: '+31 •••••••78',
    recipientHash: 'h',
    country: 'NL',
    originator: 'Acme',
    messagebirdId: 'mb-1',
    status: 'sent',
    statusReason: null,
    errorCode: null,
    parts: 1,
    priceAmount: null,
    priceCurrency: null,
    priceIsEstimate: true,
    mode: 'live',
    ...overrides,
  };
}

const target = (overrides: Partial<PollTarget> = {}): PollTarget => ({
  logId: 1, messageId: 'mb-1', profileId: 'p1', purpose: 'test', mode: 'live', sentAt: NOW - 60_000, ...overrides,
});

function memoryLog(rows: SendLogRow[]): DeliveryLog & { updates: Array<[number, StatusUpdate]> } {
  const updates: Array<[number, StatusUpdate]> = [];
  return {
    updates,
    get: (id) => rows.find((r) => r.id === id) ?? null,
    updateStatus: (id, update) => {
      updates.push([id, update]);
      return true;
    },
  };
}

describe('resumableTargets', () => {
  it('follows again what MessageBird accepted, within a week, except test-key sends', () => {
    const rows = [
      row({ id: 1 }),
      row({ id: 2, messagebirdId: null }),
      row({ id: 3, mode: 'test' }),
      row({ id: 4, createdAt: NOW - 8 * DAY }),
      row({ id: 5, purpose: 'confirmation', mode: 'sandbox', profileId: 'draft-1', createdAt: NOW - 6 * DAY }),
    ];
    expect(resumableTargets(rows, NOW)).toEqual([
      target(),
      { logId: 5, messageId: 'mb-1', profileId: 'draft-1', purpose: 'confirmation', mode: 'sandbox', sentAt: NOW - 6 * DAY },
    ]);
  });
});

describe('gatewayForPoll', () => {
  const gatewayWithMode = (mode: SmsGateway['mode']) => ({ mode }) as SmsGateway;

  it('reads a message with the key its send used, in the same mode', async () => {
    const keyForSend = vi.fn(async () => ({ apiKey: 'key-of-the-send' }));
    const gatewayFor = vi.fn(() => gatewayWithMode('live'));
    const gateway = await gatewayForPoll({ gatewayFor, profiles: { keyForSend } }, target({ purpose: 'confirmation' }));
    expect(gateway).toEqual({ mode: 'live' });
    expect(keyForSend).toHaveBeenCalledWith('p1', 'confirmation');
    expect(gatewayFor).toHaveBeenCalledWith('key-of-the-send');
  });

  it('says why when the key is gone or the mode was switched since the send', async () => {
    const gone = await gatewayForPoll({ gatewayFor: () => gatewayWithMode('live'), profiles: { keyForSend: async () => ({ gone: 'profile_deleted' }) } }, target());
    expect(gone).toEqual({ gone: 'profile_deleted' });
    const switched = await gatewayForPoll({ gatewayFor: () => gatewayWithMode('sandbox'), profiles: { keyForSend: async () => ({ apiKey: 'k' }) } }, target());
    expect(switched).toEqual({ gone: 'mode_switched' });
  });

  it('reads Sandbox test sends with the sandbox, only while in Sandbox mode', async () => {
    const keyForSend = vi.fn();
    const gatewayFor = vi.fn(() => gatewayWithMode('sandbox'));
    expect(await gatewayForPoll({ gatewayFor, profiles: { keyForSend } }, target({ profileId: SANDBOX_PROFILE_ID, mode: 'sandbox' }))).toEqual({ mode: 'sandbox' });
    expect(await gatewayForPoll({ gatewayFor, profiles: { keyForSend } }, target({ profileId: SANDBOX_PROFILE_ID, mode: 'live' }))).toEqual({ gone: 'mode_switched' });
    expect(keyForSend).not.toHaveBeenCalled();
  });
});

describe('recordPoll', () => {
  it('writes a status answer with reason, error code, parts and a plausible price', async () => {
    const log = memoryLog([row()]);
    const status = { recipient: '31612345678', status: 'delivery_failed' as const, statusReason: 'unknown subscriber', statusErrorCode: 1, messagePartCount: 2, price: { amount: 0.07, currency: 'EUR' } };
    await recordPoll(log, target(), { kind: 'status', status, final: true });
    expect(log.updates).toEqual([[1, { status: 'delivery_failed', statusReason: 'unknown subscriber', errorCode: 1, parts: 2, price: { amount: 0.07, currency: 'EUR' } }]]);
  });

  it('drops a price that is not plausible instead of writing it', async () => {
    const log = memoryLog([row()]);
    await recordPoll(log, target(), { kind: 'status', status: { recipient: 'r', status: 'delivered', price: { amount: -1, currency: 'eur' } }, final: true });
    expect(log.updates[0]![1]).toMatchObject({ status: 'delivered', parts: null, price: null });
  });

  it('notes why an unfinished row is no longer followed, keeping its status', async () => {
    const log = memoryLog([row({ id: 1, status: 'buffered' })]);
    await recordPoll(log, target(), { kind: 'gave_up' });
    await recordPoll(log, target(), { kind: 'gone', reason: 'key_rejected' });
    expect(log.updates).toEqual([
      [1, { status: 'buffered', statusReason: 'No final delivery status within the follow-up time; no longer followed.' }],
      [1, { status: 'buffered', statusReason: 'MessageBird no longer accepts the key; the delivery status can no longer be read.' }],
    ]);
  });

  it('writes nothing for a final row, a missing row or a reason without a note', async () => {
    const log = memoryLog([row({ id: 1, status: 'delivered' })]);
    await recordPoll(log, target(), { kind: 'gave_up' });
    await recordPoll(log, target({ logId: 99 }), { kind: 'gave_up' });
    expect(log.updates).toEqual([]);
    const unlisted = memoryLog([row()]);
    await recordPoll(unlisted, target(), { kind: 'gone', reason: 'something_else' });
    expect(unlisted.updates).toEqual([]);
  });
});
