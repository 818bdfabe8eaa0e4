import { describe, expect, it } from 'vitest';
import { parseReviewFile, serialiseReview } from '../../../../../src/main/services/review/review-file';
import { reviewFile as review, reviewProfile as profile } from '../../../../support/review-file';

describe('review file', () => {
  it('reads back what it writes', () => {
    const parsed = parseReviewFile(serialiseReview(review()));
    expect(parsed).toEqual({ ok: true, review: review() });
  });

  it('refuses what it cannot trust, saying why', () => {
    expect(parseReviewFile('{')).toEqual({ ok: false, problem: { code: 'review_file_damaged' } });
    expect(parseReviewFile('"text"')).toEqual({ ok: false, problem: { code: 'not_a_review_file' } });
    expect(parseReviewFile(JSON.stringify({ ...review(), schemaVersion: 2 }))).toEqual({ ok: false, problem: { code: 'review_file_too_new', schemaVersion: 2 } });
    expect(parseReviewFile(JSON.stringify({ ...review(), profiles: [{ ...profile(), keyFingerprint: 'not-hex!' }] }))).toEqual({
      ok: false,
      problem: { code: 'review_file_damaged', path: 'profiles/0/keyFingerprint' },
    });
  });
});
