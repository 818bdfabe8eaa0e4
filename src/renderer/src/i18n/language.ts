import type { LanguagePreference } from '@shared/settings';
import type { AppLanguage } from './resources';

/** Dutch for any `nl*` locale (nl, nl-NL, nl-BE), English for everything else. */
export function languageForLocale(locale: string | undefined): AppLanguage {
  return locale?.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** The system locale as the renderer sees it. */
export function systemLocale(): string {
  return typeof navigator === 'undefined' ? 'en' : navigator.language;
}

/** The language to show for a preference: the explicit choice, or the system's. */
export function resolveLanguage(preference: LanguagePreference | undefined, locale = systemLocale()): AppLanguage {
  if (preference === 'nl' || preference === 'en') return preference;
  return languageForLocale(locale);
}
