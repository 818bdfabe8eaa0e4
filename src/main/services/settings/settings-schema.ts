import { z } from 'zod';
import { preferencesSchema } from '@shared/settings';

/**
 * The settings file's JSON schema (conf / electron-store `schema` option: one entry per top-level key),
 * derived from the zod schema so the two never drift. Input mode: fields may be missing (defaults fill
 * them) and unknown fields from a newer version are tolerated; a wrong type or value is rejected.
 */
export function settingsJsonSchema(): Record<string, Record<string, unknown>> {
  const { $schema: _ignored, ...preferences } = z.toJSONSchema(preferencesSchema, { io: 'input' });
  return { preferences };
}
