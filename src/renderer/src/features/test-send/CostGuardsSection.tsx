import { forwardRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DAILY_CAP_MAX, type TestSendSettings, type TestSendSettingsPatch } from '@shared/contract/test-send';
import { MAX_PRICE_PER_PART, pricePerPart } from '@shared/rules/cost';
import type { AppError } from '@shared/result';
import { Button, Notice, Section, TextField } from '../../components';
import { useErrorText } from '../../i18n/error-text';
import { countryName, formatMoney, parseCountryList } from './format';

export interface CostGuardsSectionProps {
  settings: TestSendSettings;
  onSave: (patch: TestSendSettingsPatch) => Promise<unknown>;
  saving: boolean;
  saved: boolean;
  error?: AppError;
}

/**
 * The settings the refusals point to: daily cap, country allow-list and own prices per part
 * (docs/SECURITY.md "Cost abuse"). Premium-rate, shared-cost and toll-free numbers have no setting.
 */
export const CostGuardsSection = forwardRef<HTMLHeadingElement, CostGuardsSectionProps>(function CostGuardsSection(
  { settings, onSave, saving, saved, error },
  ref,
) {
  const { t, i18n } = useTranslation('testSend');
  const errorText = useErrorText({ ns: 'testSend' });
  const [cap, setCap] = useState(String(settings.dailyCap));
  const [confirmationCap, setConfirmationCap] = useState(String(settings.confirmationDailyCap));
  const [countries, setCountries] = useState(settings.allowedCountries.join(', '));
  const [prices, setPrices] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(settings.pricesPerPart).map(([country, price]) => [country, String(price)])),
  );
  const [touched, setTouched] = useState(false);

  const capValue = Number(cap);
  const capValid = Number.isInteger(capValue) && capValue >= 1 && capValue <= DAILY_CAP_MAX;
  const confirmationCapValue = Number(confirmationCap);
  const confirmationCapValid = Number.isInteger(confirmationCapValue) && confirmationCapValue >= 1 && confirmationCapValue <= DAILY_CAP_MAX;
  const countryList = parseCountryList(countries);
  const priceValues = Object.entries(prices)
    .filter(([country, text]) => text.trim() !== '' && countryList?.includes(country))
    .map(([country, text]) => [country, Number(text.replace(',', '.'))] as const);
  const pricesValid = priceValues.every(([, price]) => Number.isFinite(price) && price >= 0 && price <= MAX_PRICE_PER_PART);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!capValid || !confirmationCapValid || !countryList || !pricesValid) return;
    await onSave({ dailyCap: capValue, confirmationDailyCap: confirmationCapValue, allowedCountries: countryList, pricesPerPart: Object.fromEntries(priceValues) });
  }

  return (
    <Section title={<span ref={ref} tabIndex={-1}>{t('guards.heading')}</span>} className="test-send__guards">
      <p>{t('guards.intro')}</p>
      <form className="stack" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t('guards.dailyCap')}
          hint={t('guards.dailyCapHint', { max: DAILY_CAP_MAX })}
          type="number"
          inputMode="numeric"
          min={1}
          max={DAILY_CAP_MAX}
          value={cap}
          onChange={(event) => setCap(event.target.value)}
          error={touched && !capValid ? t('guards.dailyCapHint', { max: DAILY_CAP_MAX }) : undefined}
        />
        <TextField
          label={t('guards.confirmationDailyCap')}
          hint={t('guards.confirmationDailyCapHint', { max: DAILY_CAP_MAX })}
          type="number"
          inputMode="numeric"
          min={1}
          max={DAILY_CAP_MAX}
          value={confirmationCap}
          onChange={(event) => setConfirmationCap(event.target.value)}
          error={touched && !confirmationCapValid ? t('guards.dailyCapHint', { max: DAILY_CAP_MAX }) : undefined}
        />
        <TextField
          label={t('guards.countries')}
          hint={t('guards.countriesHint')}
          value={countries}
          maxLength={200}
          onChange={(event) => setCountries(event.target.value)}
          error={touched && !countryList ? t('guards.countriesInvalid') : undefined}
        />
        {(countryList ?? []).map((country) => {
          const fallback = pricePerPart(country).perPart;
          const text = prices[country] ?? '';
          const value = Number(text.replace(',', '.'));
          const invalid = touched && text.trim() !== '' && !(Number.isFinite(value) && value >= 0 && value <= MAX_PRICE_PER_PART);
          return (
            <TextField
              key={country}
              label={t('guards.priceFor', { country: countryName(country, i18n.language) })}
              hint={t('guards.priceHint', { price: formatMoney(fallback, 'EUR', i18n.language) })}
              inputMode="decimal"
              value={text}
              maxLength={10}
              onChange={(event) => setPrices((p) => ({ ...p, [country]: event.target.value }))}
              error={invalid ? t('guards.priceHint', { price: formatMoney(fallback, 'EUR', i18n.language) }) : undefined}
            />
          );
        })}
        <div className="actions">
          <Button type="submit" busy={saving}>
            {t('guards.save')}
          </Button>
          {saved ? <span role="status">{t('guards.saved')}</span> : null}
        </div>
        {error ? <Notice tone="error">{errorText(error)}</Notice> : null}
      </form>
    </Section>
  );
});
