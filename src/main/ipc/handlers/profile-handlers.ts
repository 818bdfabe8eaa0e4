import { ok } from '@shared/result';
import type { HandlerTable } from '@shared/contract';
import type { profilesContract } from '@shared/contract/profiles';
import type { Services } from '../../services';

/** Profiles and the setup wizard; the key and the code never appear in a reply. */
export function profileHandlers(s: Services): Pick<HandlerTable, keyof typeof profilesContract> {
  return {
    listProfiles: async () => ok(s.profiles.list()),
    saveProfileDraft: async (input) => s.profiles.saveDraft(input),
    startProfileSetup: async ({ language, ...details }) => s.profiles.startSetup(details, language),
    resendProfileCode: async ({ id, language }) => s.profiles.resend(id, language),
    getConfirmationDelivery: async ({ id, logId }) => s.profiles.confirmationDelivery(id, Number(logId)),
    verifyProfileCode: async ({ id, code }) => s.profiles.verify(id, code),
    activateProfile: async ({ id }) => s.profiles.activate(id),
    discardProfileChange: async ({ id }) => s.profiles.discardChange(id),
    checkProfileKey: async ({ id }) => s.profiles.checkKey(id),
    removeProfileKey: async ({ id }) => s.profiles.removeKey(id),
    disableProfile: async ({ id }) => s.profiles.disable(id),
    deleteProfile: async ({ id }) => s.profiles.delete(id),
  };
}
