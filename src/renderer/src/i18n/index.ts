import i18next, { type BackendModule, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { LanguagePreference } from '@shared/settings';
import { resolveLanguage } from './language';
import type { AppLanguage, Namespace } from './resources';

/** The app's one i18next instance. */
export const i18n: I18n = i18next.createInstance();

/** Every namespace; all are loaded with their language. */
const NAMESPACE_IDS = ['common', 'errors', 'settings', 'setup', 'testSend', 'sendLog', 'review'] as const satisfies readonly Namespace[];
/** `tsc` fails here when a namespace of resources.ts is missing from the list above. */
export const EVERY_NAMESPACE_LISTED: [Exclude<Namespace, (typeof NAMESPACE_IDS)[number]>] extends [never] ? true : never = true;

/**
 * Each language is its own chunk, loaded when it is first shown: a Dutch admin never downloads the
 * English texts and the other way round. Both have every key (tsc checks catalogue-nl.ts), so there
 * is no fallback language to load as well.
 */
const CATALOGUES: Record<AppLanguage, () => Promise<Record<Namespace, object>>> = {
  en: () => import('./catalogue-en').then((m) => m.en),
  nl: () => import('./catalogue-nl').then((m) => m.nl),
};

const lazyCatalogues: BackendModule = {
  type: 'backend',
  init: () => {},
  read(language, namespace, callback) {
    const load = CATALOGUES[language as AppLanguage];
    if (!load) return callback(null, {});
    load().then(
      (texts) => callback(null, texts[namespace as Namespace] as never),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

/** Keeps `<html lang>` and the window title in step with the language, for screen readers and the OS. */
function reflectLanguage(lng: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = lng;
  document.title = i18n.t('common:appName');
}

let ready: Promise<I18n> | undefined;

/**
 * Initialises i18n once and resolves when the language's texts are loaded (render after that);
 * called again, it switches to `language`. The starting language comes from the system locale.
 */
export function initI18n(language: AppLanguage = resolveLanguage('system')): Promise<I18n> {
  if (!ready) {
    // Fetch the texts now, alongside the first page's code; i18next asks for them a little later.
    void CATALOGUES[language]().catch(() => undefined);
    ready = i18n
      .use(lazyCatalogues)
      .use(initReactI18next)
      .init({
        lng: language,
        fallbackLng: false,
        supportedLngs: ['nl', 'en'],
        ns: NAMESPACE_IDS,
        defaultNS: 'common',
        // React escapes text itself.
        interpolation: { escapeValue: false },
        returnNull: false,
        // Texts are loaded before the first render and before a language switch completes.
        react: { useSuspense: false },
      })
      .then(() => {
        reflectLanguage(i18n.language);
        return i18n;
      });
    i18n.on('languageChanged', reflectLanguage);
    return ready;
  }
  return ready.then(async () => {
    if (i18n.language !== language) await i18n.changeLanguage(language);
    return i18n;
  });
}

/** Switches the live language for a preference (`system` follows the system locale); loads its texts first. */
export async function applyLanguagePreference(preference: LanguagePreference): Promise<void> {
  // The preference may arrive while the starting language still loads: switch after that, not during.
  if (ready) await ready;
  const target = resolveLanguage(preference);
  if (i18n.language !== target) await i18n.changeLanguage(target);
}

export { resolveLanguage, languageForLocale } from './language';
export type { AppLanguage, Namespace } from './resources';
