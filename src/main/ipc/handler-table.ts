import type { HandlerTable } from '@shared/contract';
import type { Services } from '../services';
import { platformHandlers } from './handlers/platform-handlers';
import { profileHandlers } from './handlers/profile-handlers';
import { testSendHandlers } from './handlers/test-send-handlers';
import { sendLogHandlers } from './handlers/send-log-handlers';
import { reviewHandlers } from './handlers/review-handlers';

/**
 * The handler table: plain data, method → function, with no Electron import, so the Electron IPC
 * registration, the browser host and the tests all call exactly the same code.
 */
export function createHandlerTable(services: Services): HandlerTable {
  return {
    ...platformHandlers(services),
    ...profileHandlers(services),
    ...testSendHandlers(services),
    ...sendLogHandlers(services),
    ...reviewHandlers(services),
  };
}
