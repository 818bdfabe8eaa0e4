import type { ImportedReview, ReviewDifference, ReviewFile } from '@shared/review-types';

export type Leaf = string | number | boolean | null;

export interface CompareRow {
  path: string;
  theirs: Leaf;
  ours: Leaf;
  different: boolean;
}

/**
 * The file's setup as path → value, in the same paths main compares (profiles, checks, user-list counts,
 * cost inputs), so each row can show the file's value beside this computer's.
 */
function theirValues(review: ReviewFile): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  const put = (path: string, value: Leaf | undefined) => out.set(path, value ?? null);
  put('gatewayMode', review.gatewayMode);
  for (const p of review.profiles) {
    const base = `profiles/${p.participantNumber}`;
    put(`${base}/description`, p.description);
    put(`${base}/status`, p.status);
    put(`${base}/confirmedMode`, p.confirmedMode);
    put(`${base}/originator`, p.originator);
    put(`${base}/adminPhone`, p.adminPhoneMasked);
    put(`${base}/keyFingerprint`, p.keyFingerprint);
    put(`${base}/keyKind`, p.keyKind);
    put(`${base}/keyProtection`, p.keyProtection);
    put(`${base}/portal`, p.portal.state);
  }
  put('readiness/verdict', review.readiness.verdict);
  for (const p of review.readiness.profiles) put(`readiness/${p.participantNumber}/verdict`, p.verdict);
  if (review.eligibility) {
    put('eligibility/users', review.eligibility.users);
    for (const [status, n] of Object.entries(review.eligibility.counts)) put(`eligibility/${status}`, n);
  }
  const c = review.cost.input;
  put('cost/eligibleUsers', c.eligibleUsers);
  put('cost/loginsPerUserPerMonth', c.loginsPerUserPerMonth);
  put('cost/partsPerMessage', c.partsPerMessage);
  put('cost/pricePerPart', c.pricePerPart);
  put('cost/monthly', review.cost.monthly);
  put('log/retentionDays', review.log.retentionDays);
  return out;
}

/**
 * Rows for the side-by-side view: every value of the file beside this computer's (from `ours`, the review
 * main made now, when it sent one); the rows main found different are marked.
 */
export function compareRows(imported: Pick<ImportedReview, 'review' | 'differences'> & { ours?: ReviewFile }): CompareRow[] {
  const diffs = new Map<string, ReviewDifference>(imported.differences.map((d) => [d.path, d]));
  const theirs = theirValues(imported.review);
  const ours = imported.ours ? theirValues(imported.ours) : undefined;
  const rows: CompareRow[] = [];
  const paths = [...new Set([...theirs.keys(), ...(ours?.keys() ?? [])])];
  for (const path of paths) {
    const diff = diffs.get(path);
    const left = theirs.has(path) ? (theirs.get(path) ?? null) : null;
    const right = diff ? diff.ours : ours ? (ours.has(path) ? (ours.get(path) ?? null) : null) : left;
    rows.push({ path, theirs: diff ? diff.theirs : left, ours: right, different: !!diff });
    diffs.delete(path);
  }
  // A value main compares that is not in the paths above: still shown, so no difference is ever hidden.
  for (const diff of diffs.values()) rows.push({ path: diff.path, theirs: diff.theirs, ours: diff.ours, different: true });
  return rows;
}
