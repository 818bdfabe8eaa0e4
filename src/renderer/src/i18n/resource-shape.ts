// The shape of the texts, as types only: English is the reference, Dutch must have the same keys.
// Its own module so the catalogues and resources.ts can all use it without importing each other.
import type { en } from './catalogue-en';

export type Resources = typeof en;

/** Same keys as `en`, any wording. */
export type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };
