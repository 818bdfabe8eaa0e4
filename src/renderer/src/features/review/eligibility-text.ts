import type { TFunction } from 'i18next';
import type { EligibilityRow } from '@shared/review-types';

type LooseT = (key: string, options?: Record<string, unknown>) => string;

const MOBILE_ISSUES = new Set(['invalid', 'not_mobile', 'premium_rate', 'shared_cost', 'toll_free']);

/** Why a user has their status, in words, with the details main gave (participant numbers, first line…). */
export function eligibilityReason(t: TFunction<'review'>, row: Pick<EligibilityRow, 'status' | 'details' | 'participantNumbers'>): string {
  const tl = t as unknown as LooseT;
  const d = row.details;
  switch (row.status) {
    case 'several_participants': {
      const numbers = typeof d.participantNumbers === 'string' ? d.participantNumbers.split('|') : row.participantNumbers;
      return tl('review:eligibility.reason.several_participants', { participantNumbers: numbers.join(', ') });
    }
    case 'no_active_provider':
      return tl('review:eligibility.reason.no_active_provider', { participantNumber: d.participantNumber ?? row.participantNumbers[0] ?? '' });
    case 'invalid_mobile': {
      const issue = typeof d.issue === 'string' && MOBILE_ISSUES.has(d.issue) ? d.issue : 'invalid';
      return tl(`review:eligibility.reason.invalid_mobile.${issue}`);
    }
    case 'duplicate':
      return tl('review:eligibility.reason.duplicate', { firstLine: d.firstLine ?? '' });
    default:
      return tl(`review:eligibility.reason.${row.status}`);
  }
}
