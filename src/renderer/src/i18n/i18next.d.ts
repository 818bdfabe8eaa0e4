import 'i18next';
import type { Resources } from './resources';

/** Typed keys: a `t('…')` call with a key missing from the English files fails `tsc`. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: Resources;
  }
}
