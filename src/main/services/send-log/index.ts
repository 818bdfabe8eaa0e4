import { join } from 'node:path';
import type { StartupWarning } from '@shared/contract/platform';
import type { Clock } from '../ports';
import { moveAsideIfDamaged, type LogHealthOptions } from './damaged-log-file';
import { loadOrCreateHashKey } from './recipient';
import { SendLog, type SendLogDeps } from './send-log';

export { SendLog } from './send-log';
export type {
  AcceptedStatus,
  FailedUpdate,
  PageRequest,
  PendingSend,
  Price,
  SendLogDeps,
  SendLogStats,
  SentUpdate,
  StatusUpdate,
} from './send-log';
export { SendLogTooNewError } from './schema';
export type { LogHealthOptions } from './damaged-log-file';
export { SqliteUnavailableError } from './sqlite-driver';
export { loadOrCreateHashKey, maskRecipient, hashRecipient } from './recipient';
export { HASH_KEY_VAULT_ID, loadSendLogHashKey } from './hash-key';

export const SEND_LOG_FILE = 'send-log.sqlite';

/** Opens `<dataDir>/send-log.sqlite` with the install's hash key (created on first use). */
export function openSendLog(dataDir: string, clock: Clock, onDamaged?: SendLogDeps['onDamaged'], hashKey?: Uint8Array): SendLog {
  return new SendLog({
    path: join(dataDir, SEND_LOG_FILE),
    clock,
    // The app passes the key from the vault (`loadSendLogHashKey`); the plain key file is for tools and tests.
    hashKey: hashKey ?? loadOrCreateHashKey(dataDir, () => clock.now()),
    ...(onDamaged ? { onDamaged } : {}),
  });
}

export interface SendLogStartOptions extends LogHealthOptions {
  /** Told when the file turns out damaged while in use (moved aside, a fresh log continues). */
  onDamaged?: SendLogDeps['onDamaged'];
  /** The recipient-hash key from the vault (`loadSendLogHashKey`). */
  hashKey?: Uint8Array;
}

/**
 * The app's start-up sequence for the log: move a damaged file aside (reported as a `send_log_corrupt`
 * warning; a file from a newer app version is refused instead, see `SendLogTooNewError`), open it,
 * turn rows a previous run left `pending` into `unknown` (they may have been sent; never retried), and
 * purge rows past the retention period.
 */
export function openSendLogOnStart(
  dataDir: string,
  clock: Clock,
  retentionDays: number,
  options: SendLogStartOptions = {},
): { log: SendLog; warning?: StartupWarning } {
  const warning = moveAsideIfDamaged(join(dataDir, SEND_LOG_FILE), () => clock.now(), options);
  const log = openSendLog(dataDir, clock, options.onDamaged, options.hashKey);
  log.interruptPending();
  log.purgeOlderThan(retentionDays);
  return warning ? { log, warning } : { log };
}
