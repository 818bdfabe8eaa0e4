import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LanguagePreference } from '../../../shared/settings';
import { resolveLanguage } from './language';
import { en, NAMESPACES, nl, type AppLanguage } from './resources';

/** The app's one i18next instance; resources are bundled, so it is ready synchronously. */
export const i18n: I18n = i18next.createInstance();

/** Keeps `<html lang>` and the window title in step with the language, for screen readers and the OS. */
function reflectLanguage(lng: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lng;
  document.title = i18n.t('common:appName');
}

let initialised = false;

/** Initialises i18n once (safe to call again); the starting language comes from the system locale. */
export function initI18n(language: AppLanguage = resolveLanguage('system')): I18n {
  if (!initialised) {
    initialised = true;
    void i18n.use(initReactI18next).init({
      resources: { en, nl },
      lng: language,
      fallbackLng: 'en',
      supportedLngs: ['nl', 'en'],
      ns: NAMESPACES,
      defaultNS: 'common',
      initAsync: false,
      // React escapes text itself.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    i18n.on('languageChanged', reflectLanguage);
    reflectLanguage(i18n.language);
  } else if (i18n.language !== language) {
    void i18n.changeLanguage(language);
  }
  return i18n;
}

/** Switches the live language for a preference (`system` follows the system locale). */
export async function applyLanguagePreference(preference: LanguagePreference): Promise<void> {
  const target = resolveLanguage(preference);
  if (i18n.language !== target) await i18n.changeLanguage(target);
}

export { resolveLanguage, languageForLocale } from './language';
export type { AppLanguage, Namespace } from './resources';
