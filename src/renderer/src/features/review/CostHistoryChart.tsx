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

interface HistoryRow {
  key: string;
  label: string;
  count: number;
  parts: number;
  cost: number;
  /** Adds "(includes estimates)" to the cost. */
  estimated: boolean;
}

/** One table of counts, parts and cost; the first column names what each row is (month, participant). */
function HistoryTable({ caption, firstColumn, currency, rows, total }: { caption: string; firstColumn: string; currency: string; rows: HistoryRow[]; total?: HistoryRow }) {
  const { t, i18n } = useTranslation('review');
  const language = i18n.language;
  const cells = (r: HistoryRow) => (
    <>
      <th scope="row">{r.label}</th>
      <td>{formatNumber(r.count, language)}</td>
      <td>{formatNumber(r.parts, language)}</td>
      <td>
        {formatMoney(r.cost, language, currency)}
        {r.estimated ? ` (${t('cost.estimated')})` : ''}
      </td>
    </>
  );
  return (
    <table className="table review-history">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{firstColumn}</th>
          <th scope="col">{t('cost.count')}</th>
          <th scope="col">{t('cost.partsColumn')}</th>
          <th scope="col">{t('cost.costColumn')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>{cells(r)}</tr>
        ))}
      </tbody>
      {total ? (
        <tfoot>
          <tr>{cells(total)}</tr>
        </tfoot>
      ) : null}
    </table>
  );
}

/** The chart's numbers as a table: per month, and per participant number. */
export function CostHistoryTable({ history }: { history: CostHistory }) {
  const { t, i18n } = useTranslation('review');
  const language = i18n.language;
  const { currency, total } = history;
  const months = history.months.map((m) => ({ key: m.month, label: formatMonth(m.month, language), count: m.count, parts: m.parts, cost: m.cost, estimated: m.includesEstimates }));
  // Per participant only the sum is shown, without the estimate note the month rows carry.
  const profiles = history.profiles.map((p) => ({ key: p.profileId, label: p.participantNumber, count: p.total.count, parts: p.total.parts, cost: p.total.cost, estimated: false }));
  return (
    <div className="stack">
      <HistoryTable
        caption={t('cost.chartTitle')}
        firstColumn={t('cost.month')}
        currency={currency}
        rows={months}
        total={{ key: 'total', label: t('cost.total'), count: total.count, parts: total.parts, cost: total.cost, estimated: total.includesEstimates }}
      />
      {profiles.length > 0 ? <HistoryTable caption={t('cost.perProfile')} firstColumn={t('cost.participant')} currency={currency} rows={profiles} /> : null}
    </div>
  );
}
