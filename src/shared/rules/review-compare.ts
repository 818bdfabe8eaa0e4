/**
 * Comparing a review file with this computer's review: main lists the differences, the renderer shows
 * every compared value side by side. Both use the one list of paths below, so a value main compares is
 * always a row of its own on screen.
 */
import type { ImportedReview, ReviewDifference, ReviewFile } from '../review-types';

export type CompareLeaf = string | number | boolean | null;

export interface CompareRow {
  path: string;
  theirs: CompareLeaf;
  ours: CompareLeaf;
  different: boolean;
}

/**
 * What a reader compares, as path → value: the setup, not the moment. Times of the review itself and
 * the ages inside reasons are left out, so a file compared with the machine it came from shows no
 * differences.
 */
export function comparableValues(review: ReviewFile): Map<string, CompareLeaf> {
  const out = new Map<string, CompareLeaf>();
  const put = (path: string, value: CompareLeaf | undefined) => out.set(path, value ?? null);
  put('appVersion', review.appVersion);
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
    put(`${base}/portalSavedAt`, p.portal.savedAt);
  }
  put('readiness/verdict', review.readiness.verdict);
  const numberOf = new Map(review.profiles.map((p) => [p.id, p.participantNumber]));
  for (const p of review.readiness.profiles) {
    const base = `readiness/${numberOf.get(p.profileId) ?? p.participantNumber}`;
    put(`${base}/verdict`, p.verdict);
    for (const i of p.items) put(`${base}/${i.id}`, `${i.verdict}:${i.reason}`);
  }
  for (const i of review.readiness.general) put(`readiness/general/${i.id}`, `${i.verdict}:${i.reason}`);
  if (review.eligibility) {
    put('eligibility/users', review.eligibility.users);
    for (const [status, n] of Object.entries(review.eligibility.counts)) put(`eligibility/${status}`, n);
  } else put('eligibility', null);
  const c = review.cost.input;
  put('cost/eligibleUsers', c.eligibleUsers);
  put('cost/loginsPerUserPerMonth', c.loginsPerUserPerMonth);
  put('cost/partsPerMessage', c.partsPerMessage);
  put('cost/pricePerPart', c.pricePerPart);
  put('cost/country', c.country);
  put('cost/priceDate', c.priceDate);
  put('cost/monthly', review.cost.monthly);
  put('log/retentionDays', review.log.retentionDays);
  return out;
}

/** Every path whose value differs, in a stable order; a profile only one side has shows its values vs null. */
export function diffReviews(theirs: ReviewFile, ours: ReviewFile): ReviewDifference[] {
  const a = comparableValues(theirs);
  const b = comparableValues(ours);
  const differences: ReviewDifference[] = [];
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  for (const path of paths) {
    const left = a.has(path) ? (a.get(path) ?? null) : undefined;
    const right = b.has(path) ? (b.get(path) ?? null) : undefined;
    if (left === right) continue;
    differences.push({ path, theirs: left === undefined ? null : left, ours: right === undefined ? null : right });
  }
  return differences;
}

/**
 * Rows for the side-by-side view: every value of the file beside this computer's (from `ours`, the review
 * main made now, when it sent one); the rows main found different are marked.
 */
export function compareRows(imported: Pick<ImportedReview, 'review' | 'differences'> & { ours?: ReviewFile }): CompareRow[] {
  const diffs = new Map<string, ReviewDifference>(imported.differences.map((d) => [d.path, d]));
  const theirs = comparableValues(imported.review);
  const ours = imported.ours ? comparableValues(imported.ours) : undefined;
  const rows: CompareRow[] = [];
  const paths = [...new Set([...theirs.keys(), ...(ours?.keys() ?? [])])];
  for (const path of paths) {
    const diff = diffs.get(path);
    const left = theirs.has(path) ? (theirs.get(path) ?? null) : null;
    const right = diff ? diff.ours : ours ? (ours.has(path) ? (ours.get(path) ?? null) : null) : left;
    rows.push({ path, theirs: diff ? diff.theirs : left, ours: right, different: !!diff });
    diffs.delete(path);
  }
  // A difference main sent for a path not listed above: still shown, so no difference is ever hidden.
  for (const diff of diffs.values()) rows.push({ path: diff.path, theirs: diff.theirs, ours: diff.ours, different: true });
  return rows;
}
