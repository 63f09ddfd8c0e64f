import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsSchema } from '../../../shared/settings/settings-schema';
import { checkWith } from '../../../shared/storage/field-error';

describe('settingsSchema', () => {
  it('has the documented defaults', () => {
    expect(defaultSettings()).toEqual({
      schemaVersion: 3,
      backend: 'demo',
      baseUrl: 'https://api.openai.com/v1',
      pollIntervalMinutes: 15,
      lowBalanceThreshold: '5',
      runwayDays: 3,
      expiryReminderDays: [30, 7, 1],
      forecastWarnings: false,
      monthlyBudget: null,
      language: 'en',
      theme: 'system',
      launchAtLogin: false,
      notificationSound: true,
      trayTitle: true,
      backfillDays: 365,
    });
  });

  it.each([
    [{ pollIntervalMinutes: 0 }, 'pollIntervalMinutes', 'must be at least 1'],
    [{ pollIntervalMinutes: 2.5 }, 'pollIntervalMinutes', 'must be a whole number'],
    [{ lowBalanceThreshold: 5 }, 'lowBalanceThreshold', 'must be a decimal string of USD'],
    [{ lowBalanceThreshold: '5.1234567' }, 'lowBalanceThreshold', 'must be a decimal string of USD'],
    [{ monthlyBudget: '0' }, 'monthlyBudget', 'must be greater than 0'],
    [{ baseUrl: 'ftp://example.com' }, 'baseUrl', 'must be an http(s) URL'],
    [{ baseUrl: 'https://user:pw@example.com/v1' }, 'baseUrl', 'must be an http(s) URL'],
    [{ expiryReminderDays: [7, 7] }, 'expiryReminderDays', 'must not repeat a day'],
    [{ expiryReminderDays: [7, -1] }, 'expiryReminderDays.1', 'must be at least 0'],
    [{ language: 'de' }, 'language', 'must be "en" or "nl"'],
  ])('refuses %j naming %s', (change, field, message) => {
    const checked = checkWith(settingsSchema, { ...defaultSettings(), ...change });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.error.field).toBe(field);
    expect(checked.error.message).toContain(message);
  });

  it.each([
    'http://127.0.0.1:8787/v1',
    'https://api.openai.com/v1',
    'http://[::1]:9000',
    'https://relay.example',
  ])('takes %s as a base URL', (baseUrl) => {
    expect(checkWith(settingsSchema, { ...defaultSettings(), baseUrl }).ok).toBe(true);
  });
});
