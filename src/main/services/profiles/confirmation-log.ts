/**
 * What the profiles service needs from the send log: one row per confirmation SMS, written `pending`
 * before the API call and updated after it (docs/SECURITY.md, Reliability). The send log masks and hashes the
 * recipient; the code is never passed to it. The wizard reads a row's delivery status back (`get`).
 */
import type { SendLog } from '../send-log';

export type ConfirmationLog = Pick<SendLog, 'appendPending' | 'markSent' | 'markFailed' | 'markUnknown' | 'get' | 'sendCount'>;
