import type { ImportedReview, ReviewDifference, ReviewFile } from '../../../../shared/review-types';

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

/** Rows for the side-by-side view: every value of the file, with this computer's beside it; differences first-class. */
export function compareRows(imported: Pick<ImportedReview, 'review' | 'differences'>): CompareRow[] {
  const diffs = new Map<string, ReviewDifference>(imported.differences.map((d) => [d.path, d]));
  const rows: CompareRow[] = [];
  for (const [path, theirs] of theirValues(imported.review)) {
    const diff = diffs.get(path);
    rows.push({ path, theirs, ours: diff ? diff.ours : theirs, different: !!diff });
    diffs.delete(path);
  }
  // What the file does not have in the paths above (e.g. a profile only this computer has), or a value
  // compared elsewhere: still shown, so no difference is ever hidden.
  for (const diff of diffs.values()) rows.push({ path: diff.path, theirs: diff.theirs, ours: diff.ours, different: true });
  return rows;
}
