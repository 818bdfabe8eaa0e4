/** Time, number and money formatting for the send log, in the UI language (shared helpers in i18n/format.ts). */
import type { Tone } from '../../components';
import type { SendLogStatus } from '@shared/send-log-types';
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
