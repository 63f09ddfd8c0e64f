import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateSettings, migrateSettingsV1toV2 } from '../../../shared/settings/settings-migrations';
import { defaultSettings, SETTINGS_VERSION } from '../../../shared/settings/settings-schema';

const FIXTURES = path.resolve(__dirname, '..', '..', 'support', 'store-fixtures');
const v1 = (): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES, 'settings-v1.json'), 'utf8'));

describe('migrateSettings', () => {
  it('reads the v1 fixture: seconds become minutes, amounts USD text, the rest defaults', () => {
    expect(migrateSettings(v1())).toEqual({
      ok: true,
      migratedFrom: 1,
      value: {
        ...defaultSettings(),
        backend: 'openai',
        baseUrl: 'https://relay.example.com/v1',
        pollIntervalMinutes: 10,
        lowBalanceThreshold: '7.5',
        monthlyBudget: '40',
        language: 'nl',
      },
    });
  });

  it('reads a v2 file: what it holds is kept, the settings v3 added take their defaults', () => {
    const v2 = { schemaVersion: 2, theme: 'dark', launchAtLogin: true, pollIntervalMinutes: 5 };
    expect(migrateSettings(v2)).toEqual({
      ok: true,
      migratedFrom: 2,
      value: { ...defaultSettings(), theme: 'dark', launchAtLogin: true, pollIntervalMinutes: 5 },
    });
    expect(defaultSettings()).toMatchObject({ notificationSound: true, trayTitle: true });
  });

  it.each([
    [30, 1],
    [61, 2],
    [900, 15],
  ])('rounds %i seconds up to %i minutes', (seconds, minutes) => {
    const migrated = migrateSettingsV1toV2({ schemaVersion: 1, pollIntervalSeconds: seconds });
    expect(migrated).toEqual({ ok: true, value: { schemaVersion: 1, pollIntervalMinutes: minutes } });
  });

  it('names a v1 field it cannot read', () => {
    expect(migrateSettings({ schemaVersion: 1, pollIntervalSeconds: -5 })).toMatchObject({
      ok: false,
      field: 'pollIntervalSeconds',
    });
    expect(migrateSettings({ schemaVersion: 1, monthlyBudget: 'lots' })).toMatchObject({
      ok: false,
      field: 'monthlyBudget',
    });
  });

  it('fills fields a current file lacks with defaults, keeping what it has', () => {
    expect(migrateSettings({ schemaVersion: SETTINGS_VERSION, theme: 'dark' })).toEqual({
      ok: true,
      migratedFrom: null,
      value: { ...defaultSettings(), theme: 'dark' },
    });
  });

  it('refuses a field that is not a setting, by name', () => {
    expect(migrateSettings({ schemaVersion: SETTINGS_VERSION, colour: 'red' })).toMatchObject({
      ok: false,
      field: 'colour',
      message: 'is not a known field',
    });
  });
});
