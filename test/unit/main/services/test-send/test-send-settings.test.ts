import { describe, expect, it } from 'vitest';
import { TEST_SEND_SETTINGS_KEY, TestSendSettingsStore } from '../../../../../src/main/services/test-send/test-send-settings';
import { MemoryStore } from './harness';

describe('TestSendSettingsStore', () => {
  it('gives the defaults on a fresh install', () => {
    expect(new TestSendSettingsStore(new MemoryStore()).get()).toEqual({
      template: 'Testcode: {code}',
      dailyCap: 10,
      confirmationDailyCap: 10,
      allowedCountries: ['NL', 'BE'],
      pricesPerPart: {},
    });
  });

  it('falls back field by field: a broken allow-list never becomes "everything"', () => {
    const store = new MemoryStore();
    store.set(TEST_SEND_SETTINGS_KEY, { template: 'Code {code}', dailyCap: 'lots', confirmationDailyCap: 0, allowedCountries: [], pricesPerPart: { NL: 0.05 } });
    expect(new TestSendSettingsStore(store).get()).toEqual({
      template: 'Code {code}',
      dailyCap: 10,
      confirmationDailyCap: 10,
      allowedCountries: ['NL', 'BE'],
      pricesPerPart: { NL: 0.05 },
    });
  });

  it('keeps a patch, normalising country codes and dropping duplicates', () => {
    const store = new MemoryStore();
    const settings = new TestSendSettingsStore(store);
    settings.update({ allowedCountries: ['nl', 'NL', 'de'], dailyCap: 3 });
    expect(new TestSendSettingsStore(store).get()).toMatchObject({ allowedCountries: ['NL', 'DE'], dailyCap: 3 });
  });
});
