import { describe, expect, it } from 'vitest';
import { costHistory } from '../../../../../src/main/services/review/cost-history';
import type { PendingSend } from '../../../../../src/main/services/send-log';
import { DAY, openLog, pending } from './helpers';

describe('live cost buckets', () => {
  it('counts live sends MessageBird accepted, per day and profile; not Sandbox, test keys, refusals or other currencies', () => {
    const { log, clock } = openLog();
    const send = (over: Partial<PendingSend>, outcome: 'delivered' | 'failed' | 'unknown', price = 0.056) => {
      const id = log.appendPending(pending(over));
      if (outcome === 'failed') log.markFailed(id, { reason: 'refused' });
      else if (outcome === 'unknown') log.markUnknown(id, 'timeout');
      else log.markSent(id, { messagebirdId: `m${id}`, status: 'delivered', price: { amount: price, currency: over.estimate?.currency ?? 'EUR' } });
    };
    send({}, 'delivered', 0.056);
    send({ parts: 2 }, 'delivered', 0.112);
    send({}, 'unknown'); // may have been sent: its estimate counts
    send({}, 'failed');
    send({ mode: 'sandbox' }, 'delivered');
    send({ mode: 'test' }, 'delivered');
    send({ estimate: { amount: 0.07, currency: 'USD' } }, 'delivered', 0.07);
    send({ profileId: 'profile-b', participantNumber: '23456' }, 'delivered', 0.06);
    clock.advance(40 * DAY);
    send({}, 'delivered', 0.056);

    const buckets = log.liveCostBuckets();
    expect(buckets.map((b) => [b.profileId, b.participantNumber, b.count, b.parts, b.costMicros])).toEqual([
      ['profile-a', '12345', 3, 4, 224_000],
      ['profile-b', '23456', 1, 1, 60_000],
      ['profile-a', '12345', 1, 1, 56_000],
    ]);

    const history = costHistory(buckets);
    expect(history.months.map((m) => [m.month, m.count, m.cost])).toEqual([
      ['2026-01', 4, 0.284],
      ['2026-02', 1, 0.056],
    ]);
    expect(history.total).toEqual({ count: 5, parts: 6, cost: 0.34, includesEstimates: true });
    expect(history.profiles.map((p) => [p.profileId, p.total.count])).toEqual([
      ['profile-a', 4],
      ['profile-b', 1],
    ]);
    log.close();
  });

  it('is empty for a log without live sends', () => {
    const { log } = openLog();
    log.appendPending(pending({ mode: 'sandbox' }));
    expect(log.liveCostBuckets()).toEqual([]);
    expect(costHistory([])).toEqual({ currency: 'EUR', months: [], profiles: [], total: { count: 0, parts: 0, cost: 0, includesEstimates: false } });
    log.close();
  });
});
