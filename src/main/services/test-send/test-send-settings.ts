import {
  testSendSettingsSchema,
  type TestSendSettings,
  type TestSendSettingsPatch,
} from '@shared/contract/test-send';
import type { KeyValueStore } from '../ports';

/** Top-level key in the settings file; kept apart from `preferences` so the feature owns its schema. */
export const TEST_SEND_SETTINGS_KEY = 'testSend';

const DEFAULTS: TestSendSettings = testSendSettingsSchema.parse({});

/**
 * Template, daily cap, country allow-list and own prices of the test-send feature. A stored value the
 * schema rejects falls back to its default field by field, so one bad field never widens another
 * guard (a broken allow-list does not turn into "all countries").
 */
export class TestSendSettingsStore {
  constructor(private readonly store: KeyValueStore) {}

  get(): TestSendSettings {
    const raw = this.store.get(TEST_SEND_SETTINGS_KEY);
    const stored = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
    const fields = testSendSettingsSchema.shape;
    return {
      template: parseOr(fields.template, stored.template, DEFAULTS.template),
      dailyCap: parseOr(fields.dailyCap, stored.dailyCap, DEFAULTS.dailyCap),
      confirmationDailyCap: parseOr(fields.confirmationDailyCap, stored.confirmationDailyCap, DEFAULTS.confirmationDailyCap),
      allowedCountries: parseOr(fields.allowedCountries, stored.allowedCountries, DEFAULTS.allowedCountries),
      pricesPerPart: parseOr(fields.pricesPerPart, stored.pricesPerPart, DEFAULTS.pricesPerPart),
    };
  }

  update(patch: TestSendSettingsPatch): TestSendSettings {
    const next = testSendSettingsSchema.parse({ ...this.get(), ...patch });
    next.allowedCountries = [...new Set(next.allowedCountries)];
    this.store.set(TEST_SEND_SETTINGS_KEY, next);
    return next;
  }
}

function parseOr<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, value: unknown, fallback: T): T {
  if (value === undefined) return fallback;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}
