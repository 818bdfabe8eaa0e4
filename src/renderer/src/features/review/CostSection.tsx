import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CostEstimateRequest } from '@shared/contract/review';
import type { CostEstimateInput, CostEstimateResult } from '@shared/review-types';
import { AFAS_COST_SPLIT, MAX_PRICE_PER_PART } from '@shared/rules/cost';
import { Button, Notice, Section, Spinner, TextField } from '../../components';
import { useErrorText } from '../../i18n/error-text';
import { CostHistoryChart, CostHistoryTable } from './CostHistoryChart';
import { formatDateTime, formatMoney, formatMonth, formatNumber } from './format';
import { useReviewStore } from './review-store';

type Form = Record<'eligibleUsers' | 'logins' | 'parts' | 'country' | 'price' | 'priceDate', string>;

/** Numbers typed the Dutch or the English way: `0,056` and `0.056` are the same price. */
function parseDecimal(text: string): number {
  const t = text.trim().replace(/\s/g, '');
  if (!/^\d+([.,]\d+)?$/.test(t)) return NaN;
  return Number(t.replace(',', '.'));
}

function parseForm(form: Form): CostEstimateRequest | undefined {
  const eligibleUsers = /^\d{1,8}$/.test(form.eligibleUsers.trim()) ? Number(form.eligibleUsers.trim()) : NaN;
  const logins = parseDecimal(form.logins);
  const parts = /^\d{1,2}$/.test(form.parts.trim()) ? Number(form.parts.trim()) : NaN;
  const price = parseDecimal(form.price);
  const country = form.country.trim().toUpperCase();
  const priceDate = form.priceDate.trim();
  const valid =
    Number.isInteger(eligibleUsers) &&
    Number.isFinite(logins) &&
    logins <= 1000 &&
    Number.isInteger(parts) &&
    parts >= 1 &&
    parts <= 10 &&
    Number.isFinite(price) &&
    price <= MAX_PRICE_PER_PART &&
    /^[A-Z]{2}$/.test(country) &&
    /^\d{4}-(0[1-9]|1[0-2])$/.test(priceDate);
  return valid ? { eligibleUsers, loginsPerUserPerMonth: logins, partsPerMessage: parts, pricePerPart: price, country, priceDate } : undefined;
}

function formFrom(input: CostEstimateInput, language: string): Form {
  const decimal = (n: number) => new Intl.NumberFormat(language.startsWith('nl') ? 'nl-NL' : 'en-GB', { useGrouping: false, maximumFractionDigits: 4 }).format(n);
  return {
    eligibleUsers: String(input.eligibleUsers),
    logins: decimal(input.loginsPerUserPerMonth),
    parts: String(input.partsPerMessage),
    country: input.country,
    price: decimal(input.pricePerPart),
    priceDate: input.priceDate,
  };
}

function EstimateForm({ input }: { input: CostEstimateInput }) {
  const { t, i18n } = useTranslation('review');
  const estimateCost = useReviewStore((s) => s.estimateCost);
  const busy = useReviewStore((s) => s.estimate.status === 'loading');
  const [form, setForm] = useState<Form>(() => formFrom(input, i18n.language));
  const [invalid, setInvalid] = useState(false);
  const field = (name: keyof Form) => ({ value: form[name], onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }) });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const request = parseForm(form);
    setInvalid(!request);
    if (request) void estimateCost(request);
  }

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      <div className="review-cost__fields">
        <TextField label={t('cost.eligibleUsers')} hint={t('cost.eligibleUsersHint')} inputMode="numeric" {...field('eligibleUsers')} />
        <TextField label={t('cost.logins')} inputMode="decimal" {...field('logins')} />
        <TextField label={t('cost.parts')} hint={t('cost.partsHint')} inputMode="numeric" {...field('parts')} />
        <TextField label={t('cost.country')} hint={t('cost.countryHint')} maxLength={2} {...field('country')} />
        <TextField label={t('cost.price')} hint={t('cost.priceHint')} inputMode="decimal" {...field('price')} />
        <TextField label={t('cost.priceDate')} hint={t('cost.priceDateHint')} maxLength={7} {...field('priceDate')} />
      </div>
      {invalid ? <Notice tone="error">{t('cost.invalid')}</Notice> : null}
      <div className="actions">
        <Button type="submit" busy={busy}>
          {t('cost.update')}
        </Button>
      </div>
    </form>
  );
}

/** The estimate's outcome: per month and year, and what the balance covers. */
export function EstimateFacts({ estimate }: { estimate: CostEstimateResult }) {
  const { t, i18n } = useTranslation('review');
  const language = i18n.language;
  const { input } = estimate;
  return (
    <dl className="facts review-estimate" data-testid="cost-estimate">
      <dt>{t('cost.price')}</dt>
      <dd>
        {formatMoney(input.pricePerPart, language)} ({input.country}, {t('cost.priceLevel', { date: formatMonth(input.priceDate, language) })})
      </dd>
      <dt>{t('cost.messagesPerMonth')}</dt>
      <dd>{formatNumber(estimate.messagesPerMonth, language, 1)}</dd>
      <dt>{t('cost.partsPerMonth')}</dt>
      <dd>{formatNumber(estimate.partsPerMonth, language, 1)}</dd>
      <dt>{t('cost.monthly')}</dt>
      <dd className="review-estimate__money">{formatMoney(estimate.monthly, language, estimate.currency)}</dd>
      <dt>{t('cost.yearly')}</dt>
      <dd className="review-estimate__money">{formatMoney(estimate.yearly, language, estimate.currency)}</dd>
      {estimate.balance && estimate.smsCoveredByBalance !== null ? (
        <>
          <dt>{t('cost.balance', { balance: formatMoney(estimate.balance.amount, language), time: formatDateTime(estimate.balance.at, language) })}</dt>
          <dd>
            {t('cost.covers', { count: estimate.smsCoveredByBalance, formatted: formatNumber(estimate.smsCoveredByBalance, language) })}
            {estimate.monthsCoveredByBalance !== null ? `, ${t('cost.coversMonths', { months: formatNumber(estimate.monthsCoveredByBalance, language, 1) })}` : ''}
          </dd>
        </>
      ) : null}
      {estimate.smsCoveredByBalance === null ? (
        <>
          <dt>{t('cost.balanceLabel')}</dt>
          <dd>{t('cost.noBalance')}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** Who pays which SMS, as AFAS describes it. */
export function CostSplitTable() {
  const { t } = useTranslation('review');
  return (
    <table className="table review-split">
      <caption>{t('cost.splitCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('cost.splitSms')}</th>
          <th scope="col">{t('cost.splitPayer')}</th>
        </tr>
      </thead>
      <tbody>
        {AFAS_COST_SPLIT.map((item) => (
          <tr key={item.id} data-payer={item.payer}>
            <th scope="row">{t(`cost.split.${item.id}`)}</th>
            <td>{t(`cost.payer.${item.payer}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Cost: the estimate with its inputs, the AFAS cost split, and what the log shows was spent. */
export function CostSection() {
  const { t } = useTranslation('review');
  const errorText = useErrorText({ ns: 'review' });
  const estimate = useReviewStore((s) => s.estimate);
  const history = useReviewStore((s) => s.history);
  return (
    <Section title={t('cost.title')} className="review-cost">
      <p>{t('cost.intro')}</p>
      <h3>{t('cost.estimateTitle')}</h3>
      {estimate.value ? <EstimateForm key={JSON.stringify(estimate.value.input)} input={estimate.value.input} /> : null}
      {estimate.status === 'loading' && !estimate.value ? <Spinner label={t('loading')} /> : null}
      {estimate.error ? <Notice tone="error">{errorText(estimate.error)}</Notice> : null}
      {estimate.value ? <EstimateFacts estimate={estimate.value} /> : null}
      <h3>{t('cost.splitTitle')}</h3>
      <CostSplitTable />
      <h3>{t('cost.historyTitle')}</h3>
      <p>{t('cost.historyIntro')}</p>
      {history.error ? <Notice tone="error">{errorText(history.error)}</Notice> : null}
      {history.value && history.value.months.length === 0 ? <p>{t('cost.historyEmpty')}</p> : null}
      {history.value && history.value.months.length > 0 ? (
        <>
          <CostHistoryChart history={history.value} />
          <CostHistoryTable history={history.value} />
        </>
      ) : null}
    </Section>
  );
}
