/** How a test send's log row and MessageBird's prices are reported. */
import type { TestSendStatus } from '@shared/contract/test-send';
import type { SendLogRow } from '@shared/send-log-types';

/** MessageBird's price when it looks like one (ISO currency, not negative), else null: the estimate stays. */
export function plausiblePrice(price: { amount: number; currency: string } | undefined): { amount: number; currency: string } | null {
  return price && /^[A-Z]{3}$/.test(price.currency) && price.amount >= 0 ? price : null;
}

/** A log row as the renderer sees it; `following` says whether the poller still follows it. */
export function toTestSendStatus(row: SendLogRow, following: boolean): TestSendStatus {
  return {
    logId: row.id,
    status: row.status,
    mode: row.mode,
    parts: row.parts,
    following,
    ...(row.messagebirdId ? { messageId: row.messagebirdId } : {}),
    ...(row.statusReason ? { statusReason: row.statusReason } : {}),
    ...(row.errorCode ? { errorCode: row.errorCode } : {}),
    ...(row.priceAmount !== null && row.priceCurrency
      ? { price: { amount: row.priceAmount, currency: row.priceCurrency, estimate: row.priceIsEstimate } }
      : {}),
  };
}
