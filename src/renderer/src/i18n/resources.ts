/**
 * The texts, one namespace per feature, as a whole (both languages): for tests and type checks. The
 * running app never imports the values here; it loads one language at a time (see index.ts), so the
 * other language's texts stay out of the first screen. To add a namespace: add its JSON files to
 * catalogue-en.ts and catalogue-nl.ts and its name to `NAMESPACE_IDS` in index.ts.
 *
 * English is the reference shape: its keys type `t()` (see i18next.d.ts), and the Dutch tree must have
 * the same keys or `tsc` fails in catalogue-nl.ts.
 */
import { en } from './catalogue-en';
import type { Resources } from './resource-shape';

export { en } from './catalogue-en';
export { nl } from './catalogue-nl';

export type { Resources, SameKeys } from './resource-shape';
export type Namespace = keyof Resources;

export const SUPPORTED_LANGUAGES = ['nl', 'en'] as const;
export type AppLanguage = (typeof SUPPORTED_LANGUAGES)[number];

export const NAMESPACES = Object.keys(en) as Namespace[];
