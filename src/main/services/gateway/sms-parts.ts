/**
 * How many SMS parts MessageBird bills for a body, per `datacoding` (docs/MESSAGEBIRD.md "Length and cost"):
 * `plain` is GSM-7 with characters outside it replaced, `unicode` is UCS-2, `auto` picks UCS-2 only
 * when needed. Used by the sandbox to report a realistic `messagePartCount`.
 */
import { SegmentedMessage } from 'sms-segments-calculator';

export type Datacoding = 'plain' | 'unicode' | 'auto';

function fitsGsm(text: string): boolean {
  try {
    new SegmentedMessage(text, 'GSM-7');
    return true;
  } catch {
    return false;
  }
}

/** Number of parts (at least 1) the body takes with the given datacoding. */
export function smsPartCount(body: string, datacoding: Datacoding = 'plain'): number {
  if (datacoding === 'unicode') return Math.max(1, new SegmentedMessage(body, 'UCS-2').segmentsCount);
  if (datacoding === 'auto') return Math.max(1, new SegmentedMessage(body, 'auto').segmentsCount);
  const gsm = fitsGsm(body) ? body : Array.from(body, (ch) => (fitsGsm(ch) ? ch : '?')).join('');
  return Math.max(1, new SegmentedMessage(gsm, 'GSM-7').segmentsCount);
}
