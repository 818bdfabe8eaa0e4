import type { TFunction } from 'i18next';
import type { ReadinessItem } from '@shared/review-types';
import { daysBetween, formatDateTime, formatMoney, formatNumber } from './format';

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/**
 * The one-line reason of a checklist item in words: main sends a reason code and raw values (dates in
 * ms, amounts as numbers); they are formatted here in the language shown.
 */
export function reasonText(t: TFunction<'review'>, item: Pick<ReadinessItem, 'reason' | 'params'>, language: string, now: number): string {
  const tl = t as unknown as LooseT;
  const p = item.params;
  const values: Record<string, unknown> = { ...p };
  if (typeof p.at === 'number') {
    values.time = formatDateTime(p.at, language);
    const days = daysBetween(p.at, now);
    values.age = days === 0 ? tl('review:age.today') : tl('review:age.days', { count: days });
  }
  if (typeof p.amount === 'number') {
    values.balance = p.type === 'euros' ? formatMoney(p.amount, language) : `${formatNumber(p.amount, language, 2)} ${String(p.type ?? '')}`.trim();
  }
  for (const name of ['ready', 'total', 'dailyCap', 'days'] as const) {
    if (typeof p[name] === 'number') values[name] = formatNumber(p[name], language);
  }
  if (typeof p.count === 'number') values.count = p.count;
  if (typeof p.status === 'string') values.status = tl(`sendLog:status.${p.status}`, { defaultValue: p.status });
  const key = item.reason === 'portal_done' && typeof p.note === 'string' && p.note !== '' ? 'portal_done_note' : item.reason;
  return tl(`review:reasons.${key}`, values);
}
