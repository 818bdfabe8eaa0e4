import { describe, expect, it } from 'vitest';
import { diffReviews, parseReviewFile, serialiseReview } from '../../../../../src/main/services/review/review-file';
import { REVIEW_FILE_KIND, type ReviewFile, type ReviewProfile } from '@shared/review-types';

function profile(over: Partial<ReviewProfile> = {}): ReviewProfile {
  return {
    id: 'p-1',
    participantNumber: '12345',
    description: 'Productie',
    status: 'active',
    confirmedMode: 'messagebird',
    originator: 'Acme',
    adminPhoneMasked: '+31 •••••••78',
    keyFingerprint: 'a1b2c3d4',
    keyKind: 'live',
    keyProtection: 'os',
    activatedAt: 1,
    lastKeyCheckAt: 2,
    portal: { state: 'done', savedAt: 3, note: null },
    ...over,
  };
}

function review(over: Partial<ReviewFile> = {}): ReviewFile {
  return {
    kind: REVIEW_FILE_KIND,
    schemaVersion: 1,
    appVersion: '1.0.0',
    createdAt: 10,
    gatewayMode: 'messagebird',
    profiles: [profile()],
    readiness: {
      verdict: 'pass',
      checkedAt: 10,
      gatewayMode: 'messagebird',
      profiles: [
        {
          profileId: 'p-1',
          participantNumber: '12345',
          description: 'Productie',
          sandbox: false,
          ready: true,
          verdict: 'pass',
          items: [{ id: 'key_check', verdict: 'pass', reason: 'key_checked', params: { at: 2, amount: 5, type: 'euros' }, fix: null }],
        },
      ],
      general: [{ id: 'afas_advice', verdict: 'warn', reason: 'afas_advice_restricted_authenticator', params: {}, fix: null }],
    },
    eligibility: null,
    cost: {
      input: { eligibleUsers: 0, loginsPerUserPerMonth: 20, partsPerMessage: 1, pricePerPart: 0.056, country: 'NL', priceDate: '2021-09' },
      messagesPerMonth: 0,
      partsPerMonth: 0,
      monthly: 0,
      yearly: 0,
      currency: 'EUR',
      balance: null,
      smsCoveredByBalance: null,
      monthsCoveredByBalance: null,
    },
    log: { rows: 0, oldestCreatedAt: null, retentionDays: 180, byMode: {}, failuresLast30Days: 0, liveCost: 0 },
    ...over,
  };
}

describe('review file', () => {
  it('reads back what it writes', () => {
    const parsed = parseReviewFile(serialiseReview(review()));
    expect(parsed).toEqual({ ok: true, review: review() });
  });

  it('compares the setup, not the moment: times and ages inside reasons are no difference', () => {
    const later = review({ createdAt: 99, readiness: { ...review().readiness, checkedAt: 99 } });
    later.readiness.profiles[0]!.items[0]!.params = { at: 50, amount: 4, type: 'euros' };
    expect(diffReviews(review(), later)).toEqual([]);
  });

  it('lists a profile that only one side has, field by field', () => {
    const ours = review({ profiles: [profile(), profile({ id: 'p-2', participantNumber: '23456', portal: { state: 'not_yet', savedAt: null, note: null } })] });
    const differences = diffReviews(review(), ours);
    expect(differences).toContainEqual({ path: 'profiles/23456/originator', theirs: null, ours: 'Acme' });
    expect(differences).toContainEqual({ path: 'profiles/23456/portal', theirs: null, ours: 'not_yet' });
    expect(differences.every((d) => d.path.startsWith('profiles/23456/'))).toBe(true);
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
