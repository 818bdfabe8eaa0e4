/** The wizard formats like every other screen: see i18n/format.ts. */
export { formatBalance, formatDate, formatDateTime, formatTime } from '../../i18n/format';
