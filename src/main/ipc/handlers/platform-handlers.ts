import { ok } from '@shared/result';
import type { HandlerTable } from '@shared/contract';
import type { Services } from '../../services';
import type { platformContract } from '@shared/contract/platform';

export function platformHandlers(s: Services): Pick<HandlerTable, keyof typeof platformContract> {
  return {
    getAppInfo: async () => ok(await s.platform.appInfo()),
    getSettings: async () => ok(s.preferences.get()),
    updateSettings: async (patch) => ok(s.preferences.update(patch)),
    checkApiKey: async ({ apiKey }) => s.platform.checkApiKey(apiKey),
    openExternal: async ({ target }) => ok(await s.platform.openExternal(target)),
    openDiagnosticsLog: async () => ok(await s.platform.openDiagnosticsLog()),
  };
}
