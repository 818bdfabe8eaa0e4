import type { Balance } from '../../../../shared/gateway-types';

/** A MessageBird balance in the admin's language: euros as currency, credits as a number. */
export function formatBalance(balance: Balance, language: string): string {
  if (balance.type === 'euros') return new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR' }).format(balance.amount);
  return `${new Intl.NumberFormat(language).format(balance.amount)} ${balance.type}`;
}

export function formatDateTime(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}

export function formatTime(ms: number, language: string): string {
  return new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(new Date(ms));
}
