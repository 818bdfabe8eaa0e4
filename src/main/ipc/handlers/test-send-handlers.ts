import { ok } from '@shared/result';
import type { HandlerTable } from '@shared/contract';
import type { testSendContract } from '@shared/contract/test-send';
import type { Services } from '../../services';

/** Test-send methods: inputs arrive parsed by the contract's schemas; results, never throws. */
export function testSendHandlers(s: Services): Pick<HandlerTable, keyof typeof testSendContract> {
  return {
    getTestSendSetup: async () => ok(await s.testSend.setup()),
    previewTestSend: async (input) => s.testSend.preview(input),
    sendTestCode: async (input) => s.testSend.send(input),
    getTestSendStatus: async ({ logId }) => s.testSend.status(logId),
    updateTestSendSettings: async (patch) => ok(s.testSend.updateSettings(patch)),
  };
}
