import type { HandlerTable } from '../../shared/contract';
import type { Services } from '../services';
import { platformHandlers } from './handlers/platform-handlers';

/**
 * The handler table: plain data, method → function, with no Electron import, so the Electron IPC
 * registration, the browser host and the tests all call exactly the same code.
 */
export function createHandlerTable(services: Services): HandlerTable {
  return {
    ...platformHandlers(services),
  };
}
