import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openElectronSettingsStore } from '../../../src/main/platform/settings-store';
import { PreferencesService } from '../../../src/main/services/settings/preferences-service';
import { fake } from '../fake-electron';

describe('openElectronSettingsStore (electron-store)', () => {
  beforeEach(() => fake.reset());

  it('uses the same file, schema and corruption handling', () => {
    const dir = mkdtempSync(join(tmpdir(), 'electron-settings-'));
    fake.setUserData(dir);
    writeFileSync(join(dir, 'config.json'), 'garbage');
    const { store, warning } = openElectronSettingsStore(dir);
    expect(warning?.code).toBe('settings_corrupt');
    expect(readFileSync(warning!.movedTo, 'utf8')).toBe('garbage');
    new PreferencesService(store).update({ gatewayMode: 'messagebird' });
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')).preferences.gatewayMode).toBe('messagebird');
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600);
  });
});
