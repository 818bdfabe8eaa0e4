import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { beforeEach, describe, expect, it } from 'vitest';
import { PreferencesService } from '../../../../../src/main/services/settings/preferences-service';
import { openSettingsStore } from '../../../../../src/main/services/settings/open-settings-store';

const openConf = (dir: string) =>
  openSettingsStore({ dir, create: (options) => new Conf<Record<string, unknown>>(options), now: () => 1700000000000 });

describe('openSettingsStore (conf, browser host)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'settings-'));
  });

  it('creates config.json with mode 0600 and round-trips preferences', () => {
    const { store, warning } = openConf(dir);
    expect(warning).toBeUndefined();
    new PreferencesService(store).update({ language: 'nl', introSeen: true });
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600);
    expect(new PreferencesService(openConf(dir).store).get()).toMatchObject({ language: 'nl', introSeen: true });
  });

  it('keeps a valid file as it is', () => {
    const content = JSON.stringify({ preferences: { language: 'en', gatewayMode: 'messagebird' }, profiles: [{ id: 'a' }] });
    writeFileSync(join(dir, 'config.json'), content);
    const { store, warning } = openConf(dir);
    expect(warning).toBeUndefined();
    expect(new PreferencesService(store).get()).toMatchObject({ language: 'en', gatewayMode: 'messagebird' });
    expect(store.get('profiles')).toEqual([{ id: 'a' }]);
    expect(readdirSync(dir).filter((name) => name.includes('corrupt'))).toEqual([]);
  });

  it('moves a file that is not JSON aside and reports it', () => {
    writeFileSync(join(dir, 'config.json'), '{"preferences": {"language": "nl"');
    const { store, warning } = openConf(dir);
    const movedTo = join(dir, 'config.corrupt-1700000000000.json');
    expect(warning).toEqual({ code: 'settings_corrupt', movedTo });
    expect(readFileSync(movedTo, 'utf8')).toBe('{"preferences": {"language": "nl"');
    expect(new PreferencesService(store).get().language).toBe('system');
  });

  it('moves a file the schema rejects aside and reports it', () => {
    const bad = JSON.stringify({ preferences: { gatewayMode: 'production', allowUnprotectedKeyStorage: 'yes' } });
    writeFileSync(join(dir, 'config.json'), bad);
    const { store, warning } = openConf(dir);
    expect(warning?.code).toBe('settings_corrupt');
    expect(readFileSync(warning!.movedTo, 'utf8')).toBe(bad);
    // The fresh store does not inherit the rejected values.
    expect(new PreferencesService(store).get()).toMatchObject({ gatewayMode: 'sandbox', allowUnprotectedKeyStorage: false });
  });

  it('does not hide errors that are not about the file content', () => {
    writeFileSync(join(dir, 'config.json'), '{}');
    expect(() => openSettingsStore({ dir, create: () => { throw new Error('EACCES: permission denied'); } })).toThrow('EACCES');
    expect(existsSync(join(dir, 'config.json'))).toBe(true);
  });
});
