/**
 * Crash-test child (run by test/unit/main/services/send-log/crash.test.ts with plain Node):
 * opens the send log with the real service and appends rows as fast as it can, marking some as sent,
 * printing each id only after `appendPending` has returned, i.e. after its commit. The parent kills
 * this process with SIGKILL at an arbitrary moment.
 */
import { writeSync } from 'node:fs';
import { SendLog } from '../../src/main/services/send-log/send-log';

const [path, keyHex] = process.argv.slice(2);
if (!path || !keyHex) throw new Error('usage: append-child.ts <db path> <hash key hex>');
const log = new SendLog({ path, clock: { now: () => Date.now() }, hashKey: Buffer.from(keyHex, 'hex') });

for (let i = 0; ; i++) {
  const id = log.appendPending({
    profileId: 'crash',
    participantNumber: '1',
    purpose: 'test',
    recipient: `+316${String(10_000_000 + (i % 89_999_999)).slice(-8)}`,
    originator: 'AFAS',
    mode: 'sandbox',
    parts: 1,
    estimate: { amount: 0.056, currency: 'EUR' },
  });
  if (i % 3 === 0) log.markSent(id, { messagebirdId: `crash${id}`, status: 'sent' });
  // Synchronous write: the line leaves this process before the next row starts.
  writeSync(1, `${id}\n`);
}
