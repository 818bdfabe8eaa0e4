import { err } from '../../../shared/result';
import type { HandlerTable } from '../../../shared/contract';
import type { reviewContract } from '../../../shared/contract/review';
import type { Services } from '../../services';

/** Offline review: none of these calls MessageBird. */
export function reviewHandlers(s: Services): Pick<HandlerTable, keyof typeof reviewContract> {
  const notYet = async () => err('internal', 'Not available yet');
  void s;
  return {
    markPortalSaved: notYet,
    clearPortalSaved: notYet,
    getReadiness: notYet,
    importUserList: notYet,
    getUserList: notYet,
    classifyUserList: notYet,
    getEligibilityRows: notYet,
    exportEligibilityCsv: notYet,
    keepUserList: notYet,
    clearUserList: notYet,
    estimateCost: notYet,
    getCostHistory: notYet,
    exportReviewFile: notYet,
    importReviewFile: notYet,
    saveReportPdf: notYet,
  };
}
