import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CostHistory, CostHistoryMonth } from '@shared/review-types';
import { formatMoney, formatMonth, formatNumber } from './format';

const WIDTH = 640;
const BAND = 90;
const GAP = 28;
const LEFT = 8;
const TOP = 8;
const LABEL = 22;

/** Bars for one series (count or cost) per month, scaled to its own maximum, with the value above each bar. */
function Bars({ months, value, label, y, className }: { months: CostHistoryMonth[]; value: (m: CostHistoryMonth) => number; label: (m: CostHistoryMonth) => string; y: number; className: string }) {
  const max = Math.max(...months.map(value), 0);
  const step = (WIDTH - LEFT * 2) / Math.max(1, months.length);
  const barWidth = Math.max(4, Math.min(48, step * 0.6));
  return (
    <g className={className}>
      {months.map((m, i) => {
        const h = max > 0 ? (value(m) / max) * (BAND - 14) : 0;
        const x = LEFT + i * step + (step - barWidth) / 2;
        return (
          <g key={m.month}>
            <rect className="review-chart__bar" x={x} y={y + BAND - h} width={barWidth} height={h} />
            <text className="review-chart__value" x={x + barWidth / 2} y={y + BAND - h - 3} textAnchor="middle">
              {label(m)}
            </text>
          </g>
        );
      })}
      <line className="review-chart__axis" x1={LEFT} x2={WIDTH - LEFT} y1={y + BAND} y2={y + BAND} />
    </g>
  );
}

/**
 * Live SMS and their cost per month as plain SVG: no chart library. The picture has a title and a
 * description for screen readers; the same numbers follow as a table.
 */
export function CostHistoryChart({ history }: { history: CostHistory }) {
  const { t, i18n } = useTranslation('review');
  const language = i18n.language;
  const id = useId();
  const { months } = history;
  const height = TOP + LABEL + BAND + GAP + LABEL + BAND + 24;
  const step = (WIDTH - LEFT * 2) / Math.max(1, months.length);
  const countTop = TOP + LABEL;
  const costTop = countTop + BAND + GAP + LABEL;
  return (
    <figure className="review-chart">
      <svg className="review-chart__svg" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{t('cost.chartTitle')}</title>
        <desc id={`${id}-desc`}>
          {t('cost.chartDesc', { months: months.length, sms: formatNumber(history.total.count, language), cost: formatMoney(history.total.cost, language, history.currency) })}
        </desc>
        <text className="review-chart__legend" x={LEFT} y={TOP + 12}>
          {t('cost.chartCount')}
        </text>
        <Bars months={months} value={(m) => m.count} label={(m) => formatNumber(m.count, language)} y={countTop} className="review-chart__series review-chart__series--count" />
        <text className="review-chart__legend" x={LEFT} y={countTop + BAND + GAP + 12}>
          {t('cost.chartCost')}
        </text>
        <Bars months={months} value={(m) => m.cost} label={(m) => formatMoney(m.cost, language, history.currency)} y={costTop} className="review-chart__series review-chart__series--cost" />
        {months.map((m, i) => (
          <text key={m.month} className="review-chart__month" x={LEFT + i * step + step / 2} y={height - 6} textAnchor="middle">
            {formatMonth(m.month, language, true)}
          </text>
        ))}
      </svg>
      <figcaption className="visually-hidden">{t('cost.chartTitle')}</figcaption>
    </figure>
  );
}

/** The chart's numbers as a table: per month, and per participant number. */
export function CostHistoryTable({ history }: { history: CostHistory }) {
  const { t, i18n } = useTranslation('review');
  const language = i18n.language;
  const money = (amount: number) => formatMoney(amount, language, history.currency);
  return (
    <div className="stack">
      <table className="table review-history">
        <caption>{t('cost.chartTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cost.month')}</th>
            <th scope="col">{t('cost.count')}</th>
            <th scope="col">{t('cost.partsColumn')}</th>
            <th scope="col">{t('cost.costColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {history.months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{formatMonth(m.month, language)}</th>
              <td>{formatNumber(m.count, language)}</td>
              <td>{formatNumber(m.parts, language)}</td>
              <td>
                {money(m.cost)}
                {m.includesEstimates ? ` (${t('cost.estimated')})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('cost.total')}</th>
            <td>{formatNumber(history.total.count, language)}</td>
            <td>{formatNumber(history.total.parts, language)}</td>
            <td>
              {money(history.total.cost)}
              {history.total.includesEstimates ? ` (${t('cost.estimated')})` : ''}
            </td>
          </tr>
        </tfoot>
      </table>
      {history.profiles.length > 0 ? (
        <table className="table review-history">
          <caption>{t('cost.perProfile')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cost.participant')}</th>
              <th scope="col">{t('cost.count')}</th>
              <th scope="col">{t('cost.partsColumn')}</th>
              <th scope="col">{t('cost.costColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {history.profiles.map((p) => (
              <tr key={p.profileId}>
                <th scope="row">{p.participantNumber}</th>
                <td>{formatNumber(p.total.count, language)}</td>
                <td>{formatNumber(p.total.parts, language)}</td>
                <td>{money(p.total.cost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
