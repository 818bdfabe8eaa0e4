import { preferencesSchema, type Preferences, type PreferencesPatch } from '@shared/settings';
import type { KeyValueStore } from '../ports';

const KEY = 'preferences';

/** Reads and writes the admin's preferences; values the schema rejects fall back to defaults field by field. */
export class PreferencesService {
  constructor(private readonly store: KeyValueStore) {}

  get(): Preferences {
    const parsed = preferencesSchema.safeParse(this.store.get(KEY) ?? {});
    return parsed.success ? parsed.data : preferencesSchema.parse({});
  }

  update(patch: PreferencesPatch): Preferences {
    const next = preferencesSchema.parse({ ...this.get(), ...patch });
    this.store.set(KEY, next);
    return next;
  }
}
