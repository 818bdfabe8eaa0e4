import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { parseMobile, PHONE_INPUT_MAX } from '@shared/rules/phone';
import { TextField } from '../../components';
import { countryName } from './format';

export interface RecipientFieldProps {
  value: string;
  onChange: (value: string) => void;
  allowedCountries: readonly string[];
  /** A refusal from main about this field, already in words. */
  error?: string;
}

/** What the number is, as typed: E.164, country and type, or why it will be refused. */
function useRecipientHint(value: string, allowedCountries: readonly string[]): { hint: string; problem: boolean } {
  const { t, i18n } = useTranslation('testSend');
  if (value.trim() === '') return { hint: t('form.recipientHint'), problem: false };
  const mobile = parseMobile(value);
  if (!mobile.ok) {
    return { hint: t(`phoneIssue.${mobile.issue}`), problem: true };
  }
  const { country = '', type } = mobile.value;
  const typeKey = type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE' ? type : 'other';
  const parsed = t('form.recipientParsed', {
    international: mobile.value.e164,
    country: country ? countryName(country, i18n.language) : '?',
    type: t(`numberType.${typeKey}`),
  });
  if (!country || !allowedCountries.includes(country)) {
    return { hint: `${parsed} — ${t('phoneIssue.country', { country: countryName(country || '??', i18n.language) })}`, problem: true };
  }
  return { hint: parsed, problem: false };
}

/** The phone number, parsed live as the admin types (the same rules main applies before sending). */
export const RecipientField = forwardRef<HTMLInputElement, RecipientFieldProps>(function RecipientField(
  { value, onChange, allowedCountries, error },
  ref,
) {
  const { t } = useTranslation('testSend');
  const { hint, problem } = useRecipientHint(value, allowedCountries);
  return (
    <TextField
      ref={ref}
      label={t('form.recipient')}
      type="tel"
      inputMode="tel"
      autoComplete="off"
      spellCheck={false}
      maxLength={PHONE_INPUT_MAX}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      hint={<span className={problem ? 'test-send__hint--problem' : undefined}>{hint}</span>}
      error={error}
      required
    />
  );
});
