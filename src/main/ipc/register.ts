import { channelFor, methodNames, type HandlerTable } from '@shared/contract';
import { err } from '@shared/result';
import { dispatch, type Logger } from './dispatch';

/** The slice of Electron's `ipcMain` this module needs; kept structural so it needs no Electron import. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: unknown }, input: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/**
 * Registers every contract method on its own channel. Each call first passes the sender check
 * (docs/SECURITY.md: reject a null, sub-frame or foreign frame), then `dispatch`.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  table: HandlerTable,
  isTrustedSender: (senderFrame: unknown) => boolean,
  log?: Logger,
): () => void {
  for (const method of methodNames) {
    ipcMain.handle(channelFor(method), async (event, input) => {
      if (!isTrustedSender(event.senderFrame)) {
        return err('forbidden_sender', 'Call refused: it does not come from the application window');
      }
      return dispatch(table, method, input, log);
    });
  }
  return () => methodNames.forEach((method) => ipcMain.removeHandler(channelFor(method)));
}
