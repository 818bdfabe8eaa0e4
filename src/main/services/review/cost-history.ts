import type { CostHistory, CostHistoryMonth } from '@shared/review-types';
import type { LiveCostBucket } from '../send-log/cost-history';

const DAY_MS = 86_400_000;

function monthOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 7);
}

interface Sum {
  count: number;
  parts: number;
  micros: number;
  estimated: number;
}

const zero = (): Sum => ({ count: 0, parts: 0, micros: 0, estimated: 0 });

function add(sum: Sum, b: LiveCostBucket): void {
  sum.count += b.count;
  sum.parts += b.parts;
  sum.micros += b.costMicros;
  sum.estimated += b.estimated;
}

function toMonth(month: string, s: Sum): CostHistoryMonth {
  return { month, count: s.count, parts: s.parts, cost: s.micros / 1_000_000, includesEstimates: s.estimated > 0 };
}

function months(map: Map<string, Sum>): CostHistoryMonth[] {
  return [...map].sort(([a], [b]) => a.localeCompare(b)).map(([m, s]) => toMonth(m, s));
}

/** Live sends per UTC month, overall and per profile, from the send log's day buckets. */
export function costHistory(buckets: readonly LiveCostBucket[]): CostHistory {
  const overall = new Map<string, Sum>();
  const perProfile = new Map<string, { participantNumber: string; months: Map<string, Sum>; total: Sum }>();
  const total = zero();
  for (const b of buckets) {
    const month = monthOf(b.day);
    const o = overall.get(month) ?? zero();
    add(o, b);
    overall.set(month, o);
    let profile = perProfile.get(b.profileId);
    if (!profile) {
      profile = { participantNumber: b.participantNumber, months: new Map(), total: zero() };
      perProfile.set(b.profileId, profile);
    }
    const pm = profile.months.get(month) ?? zero();
    add(pm, b);
    profile.months.set(month, pm);
    add(profile.total, b);
    add(total, b);
  }
  const { month: _all, ...overallTotal } = toMonth('', total);
  return {
    currency: 'EUR',
    months: months(overall),
    profiles: [...perProfile].map(([profileId, p]) => ({
      profileId,
      participantNumber: p.participantNumber,
      months: months(p.months),
      total: toMonth('', p.total),
    })),
    total: overallTotal,
  };
}
