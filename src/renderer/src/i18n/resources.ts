import enCommon from './locales/en/common.json';
import enErrors from './locales/en/errors.json';
import enReview from './locales/en/review.json';
import enSendLog from './locales/en/sendLog.json';
import enSettings from './locales/en/settings.json';
import enSetup from './locales/en/setup.json';
import enTestSend from './locales/en/testSend.json';
import nlCommon from './locales/nl/common.json';
import nlErrors from './locales/nl/errors.json';
import nlReview from './locales/nl/review.json';
import nlSendLog from './locales/nl/sendLog.json';
import nlSettings from './locales/nl/settings.json';
import nlSetup from './locales/nl/setup.json';
import nlTestSend from './locales/nl/testSend.json';

/**
 * One namespace per feature. English is the reference shape: its keys type `t()` (see i18next.d.ts),
 * and the Dutch tree must have the same keys or `tsc` fails here.
 */
export const en = {
  common: enCommon,
  errors: enErrors,
  settings: enSettings,
  setup: enSetup,
  testSend: enTestSend,
  sendLog: enSendLog,
  review: enReview,
};

export type Resources = typeof en;
export type Namespace = keyof Resources;

/** Same keys as `en`, any wording. */
type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

export const nl = {
  common: nlCommon,
  errors: nlErrors,
  settings: nlSettings,
  setup: nlSetup,
  testSend: nlTestSend,
  sendLog: nlSendLog,
  review: nlReview,
} satisfies SameKeys<Resources>;

export const SUPPORTED_LANGUAGES = ['nl', 'en'] as const;
export type AppLanguage = (typeof SUPPORTED_LANGUAGES)[number];

export const NAMESPACES = Object.keys(en) as Namespace[];
