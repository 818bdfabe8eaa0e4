import { useTranslation } from 'react-i18next';
import { LANGUAGES, type LanguagePreference } from '@shared/settings';
import { Section, SelectField } from '../../components';
import { resolveLanguage } from '../../i18n';

export interface LanguageSectionProps {
  value: LanguagePreference;
  onChange: (language: LanguagePreference) => void;
  disabled?: boolean;
}

/** System / Nederlands / English; the change applies live (the app store switches i18n). */
export function LanguageSection({ value, onChange, disabled }: LanguageSectionProps) {
  const { t } = useTranslation('settings');
  const systemLanguage = resolveLanguage('system');
  // A language is offered under its own name ("English" on a Dutch screen too), but the system
  // option says in the screen's language what it currently resolves to ("Systeemtaal volgen (Engels)").
  const names = { nl: t('language.nl'), en: t('language.en') };
  const namesInScreenLanguage = { nl: t('language.nameNl'), en: t('language.nameEn') };
  const options = LANGUAGES.map((lng) => ({
    value: lng,
    label: lng === 'system' ? t('language.system', { language: namesInScreenLanguage[systemLanguage] }) : names[lng],
  }));
  return (
    <Section title={t('language.heading')}>
      <SelectField
        label={t('language.label')}
        hint={t('language.hint')}
        options={options}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value as LanguagePreference)}
      />
    </Section>
  );
}
