import { err, ok } from '@shared/result';
import type { HandlerTable } from '@shared/contract';
import type { reviewContract } from '@shared/contract/review';
import type { Services } from '../../services';

/** Offline review: inputs arrive parsed by the contract's schemas; none of these calls MessageBird. */
export function reviewHandlers(s: Services): Pick<HandlerTable, keyof typeof reviewContract> {
  const r = s.review;
  return {
    markPortalSaved: async ({ profileId, note }) => r.markPortalSaved(profileId, note),
    clearPortalSaved: async ({ profileId }) => r.clearPortalSaved(profileId),
    getReadiness: async () => ok(r.readiness()),
    importUserList: async (source) => r.importUserList(source),
    getUserList: async () => ok(r.userLists.current()),
    classifyUserList: async ({ importId, mapping }) => r.classifyUserList(importId, mapping),
    getEligibilityRows: async ({ importId, offset, limit, status, search }) =>
      r.eligibilityRows(importId, {
        offset,
        limit,
        ...(status !== undefined ? { status } : {}),
        ...(search !== undefined ? { search } : {}),
      }),
    exportEligibilityCsv: async ({ importId, language }) => r.exportEligibilityCsv(importId, language ?? 'nl'),
    keepUserList: async ({ importId }) => {
      const list = r.userLists.keep(importId);
      return list ? ok(list) : err('import_not_found', 'No such user list');
    },
    clearUserList: async () => ok({ cleared: r.userLists.clear() }),
    estimateCost: async (input) =>
      ok(r.estimateCost(input ? (Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as typeof input) : {})),
    getCostHistory: async () => ok(r.costHistory()),
    exportReviewFile: async ({ includeEmails }) => r.exportReviewFile(includeEmails),
    importReviewFile: async (source) => r.importReviewFile(source),
    saveReportPdf: async () => r.saveReportPdf(),
  };
}
