import type { LogContext } from './log-context';

/** Count, parts and cost in euro-millionths of live sends of one profile on one UTC day. */
export interface LiveCostBucket {
  day: number;
  profileId: string;
  participantNumber: string;
  count: number;
  parts: number;
  costMicros: number;
  estimated: number;
}

/**
 * Statuses of sends that never left the machine or that MessageBird refused: they cost nothing.
 * Everything else in `live` mode was accepted (or may have been: `unknown`) and is counted.
 */
const FREE_STATUSES = `('pending', 'failed')`;

/**
 * What live sends cost per day and profile, from the maintained day buckets (a few thousand rows at a
 * million sends). Sandbox and test-key rows are another mode and never counted; a price in another
 * currency than euro is left out (MessageBird bills in the account's currency, which is euro here).
 */
export function liveCostBuckets(ctx: LogContext): LiveCostBucket[] {
  const buckets = ctx
    .statement(
      `SELECT day, profile_id AS profileId, sum(count) AS count, sum(parts) AS parts,
         sum(cost_micros) AS costMicros, sum(estimated) AS estimated
       FROM send_log_totals
       WHERE mode = 'live' AND status NOT IN ${FREE_STATUSES} AND currency IN ('EUR', '')
       GROUP BY day, profile_id ORDER BY day, profile_id`,
    )
    .all() as unknown as Array<Omit<LiveCostBucket, 'participantNumber'>>;
  if (buckets.length === 0) return [];
  // One indexed look-up per profile (send_log_by_profile), not a scan of the live rows.
  const numberOf = ctx.statement('SELECT participant_number AS n FROM send_log WHERE profile_id = ? LIMIT 1');
  const numbers = new Map<string, string>();
  for (const b of buckets) {
    if (!numbers.has(b.profileId)) numbers.set(b.profileId, (numberOf.get(b.profileId) as { n: string } | undefined)?.n ?? '');
  }
  return buckets.map((b) => ({ ...b, participantNumber: numbers.get(b.profileId) ?? '' }));
}
