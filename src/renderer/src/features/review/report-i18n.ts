import i18next, { type i18n as I18n } from 'i18next';
import { en, NAMESPACES, nl, type AppLanguage } from '../../i18n/resources';

/**
 * An i18n instance fixed to one language, for the printable report: the report can be in Dutch while
 * the app is in English (or the other way round) without switching the app's language.
 */
export function reportI18n(language: AppLanguage): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { en, nl },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['nl', 'en'],
    ns: NAMESPACES,
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
