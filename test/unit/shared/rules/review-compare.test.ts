import { describe, expect, it } from 'vitest';
import { compareRows, diffReviews } from '@shared/rules/review-compare';
import { reviewFile as review, reviewProfile as profile } from '../../../support/review-file';

describe('review comparison', () => {
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

  it('shows a row for every path the differences are computed over, in the same order', () => {
    const ours = review({ appVersion: '1.1.0' });
    const differences = diffReviews(review(), ours);
    const rows = compareRows({ review: review(), differences, ours });
    const paths = rows.map((r) => r.path);
    expect(paths).toContain('readiness/12345/key_check');
    expect(paths).toContain('readiness/general/afas_advice');
    expect(paths).toContain('cost/country');
    expect(paths.indexOf('appVersion')).toBe(0);
    expect(rows.filter((r) => r.different)).toEqual([{ path: 'appVersion', theirs: '1.0.0', ours: '1.1.0', different: true }]);
    expect(rows.find((r) => r.path === 'readiness/12345/key_check')).toEqual({ path: 'readiness/12345/key_check', theirs: 'pass:key_checked', ours: 'pass:key_checked', different: false });
  });

  it('without this computer\'s review, shows the file\'s value on both sides and the sent differences', () => {
    const differences = [{ path: 'profiles/12345/originator', theirs: 'Acme', ours: 'AcmeBV' }];
    const rows = compareRows({ review: review(), differences });
    expect(rows.find((r) => r.path === 'profiles/12345/originator')).toEqual({ path: 'profiles/12345/originator', theirs: 'Acme', ours: 'AcmeBV', different: true });
    expect(rows.find((r) => r.path === 'profiles/12345/description')).toEqual({ path: 'profiles/12345/description', theirs: 'Productie', ours: 'Productie', different: false });
  });

  it('never hides a difference on a path it does not list itself', () => {
    const differences = [{ path: 'future/field', theirs: 1, ours: 2 }];
    const rows = compareRows({ review: review(), differences });
    expect(rows.at(-1)).toEqual({ path: 'future/field', theirs: 1, ours: 2, different: true });
  });
});
