import { useTranslation } from 'react-i18next';
import { SEARCH_TOTALS_CAP } from '@shared/send-log-types';
import { formatMoney, formatNumber } from './format';
import { useSendLogStore } from './send-log-store';

/**
 * Count, parts and cost of everything the filter matches (not just what is on screen). Sandbox rows are
 * counted apart and, like test-key sends and sends that never left, cost nothing (main leaves them out
 * of the cost). A search's
 * totals stop at 5,000 matches: then the count reads "5,000+" and a note says why.
 */
export function SendLogTotals() {
  const { t, i18n } = useTranslation('sendLog');
  const language = i18n.language;
  const totals = useSendLogStore((s) => s.totals);
  const status = useSendLogStore((s) => s.status);

  if (!totals) {
    return (
      <p className="send-log__totals" role="status">
        {status === 'loading' ? t('totals.counting') : null}
      </p>
    );
  }
  const messages = totals.capped
    ? t('totals.messagesCapped', { formatted: formatNumber(SEARCH_TOTALS_CAP, language) })
    : t('totals.messages', { count: totals.count, formatted: formatNumber(totals.count, language) });
  const parts = t('totals.parts', { count: totals.parts, formatted: formatNumber(totals.parts, language) });
  const costs = totals.cost.filter((c) => c.amount > 0 || c.includesEstimates);
  return (
    <div className="send-log__totals-wrap">
      <p className="send-log__totals" role="status" aria-label={t('totals.label')} data-testid="send-log-totals">
        <span className="send-log__total">{messages}</span>
        {totals.sandboxCount > 0 ? (
          <span className="send-log__total send-log__total--sandbox">
            {t('totals.sandbox', { count: totals.sandboxCount, formatted: formatNumber(totals.sandboxCount, language) })}
          </span>
        ) : null}
        <span className="send-log__total">{parts}</span>
        {costs.length === 0 ? (
          <span className="send-log__total">{t('totals.noCost')}</span>
        ) : (
          costs.map((c) => (
            <span className="send-log__total" key={c.currency}>
              {t('totals.cost', { amount: formatMoney(c.amount, c.currency, language) })}
              {c.includesEstimates ? <span className="send-log__estimate-marker"> ({t('totals.includesEstimates')})</span> : null}
            </span>
          ))
        )}
      </p>
      {totals.capped ? <p className="field__hint">{t('totals.cappedNote', { formatted: formatNumber(SEARCH_TOTALS_CAP, language) })}</p> : null}
    </div>
  );
}
