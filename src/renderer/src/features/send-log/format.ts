/** Time, number and money formatting for the send log, in the UI language (shared helpers in i18n/format.ts). */
import type { Tone } from '../../components';
import type { SendLogStatus } from '../../../../shared/send-log-types';
import { formatDateTime } from '../../i18n/format';

export { formatMoney, formatNumber, intlLocale } from '../../i18n/format';

/** `17-06-2025 14:03:12` / `17/06/2025 14:03:12`, local time, as on every screen (i18n/format.ts). */
export function formatTime(ms: number, language: string): string {
  return formatDateTime(ms, language, true);
}

/** The badge tone of a status; the words come from i18n (`status.<status>`), never the colour alone. */
export function statusTone(status: SendLogStatus): Tone {
  switch (status) {
    case 'delivered':
      return 'success';
    case 'pending':
    case 'sent':
    case 'buffered':
      return 'info';
    case 'unknown':
      return 'warning';
    case 'failed':
    case 'delivery_failed':
    case 'expired':
      return 'danger';
    case 'not_delivered_test_key':
      return 'neutral';
  }
}

/** Statuses that can still change while the page looks at them: worth refreshing. */
export const OPEN_STATUSES: readonly SendLogStatus[] = ['pending', 'sent', 'buffered'];

/** `2025-06-17` (local) for a date input, from ms. */
export function toDateInput(ms: number | undefined): string {
  if (ms === undefined) return '';
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight of a `YYYY-MM-DD` date input, or undefined when empty or invalid. */
export function fromDateInput(value: string, dayOffset = 0): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const ms = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + dayOffset).getTime();
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}
