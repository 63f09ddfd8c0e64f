import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStores } from '../../../../electron/core/stores';
import { defaultSettings } from '../../../../shared/settings/settings-schema';
import { countingStoreClass, FIXTURES, fileMode, mustOpenSettings, NOW, tempDir } from './store-harness';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('SettingsStore', () => {
  it('reads defaults without writing, and keeps an update across a reopen', () => {
    const dir = tempDir();
    const store = mustOpenSettings(dir);
    expect(store.read()).toEqual(defaultSettings());
    expect(fs.existsSync(store.path)).toBe(false);

    const updated = store.update({ pollIntervalMinutes: 5, language: 'nl', monthlyBudget: '40' });
    expect(updated).toMatchObject({ ok: true, value: { pollIntervalMinutes: 5, language: 'nl' } });
    expect(fileMode(store.path)).toBe(0o600);
    expect(mustOpenSettings(dir).read()).toEqual(store.read());
  });

  it('applies all of an update or none: a bad field is named, nothing written', () => {
    const dir = tempDir();
    const store = mustOpenSettings(dir);
    store.update({ theme: 'dark' });
    const onDisk = fs.readFileSync(store.path, 'utf8');

    expect(store.update({ language: 'nl', pollIntervalMinutes: 0 })).toEqual({
      ok: false,
      error: { kind: 'invalid', field: 'pollIntervalMinutes', message: 'must be at least 1' },
    });
    expect(store.update({ colour: 'red' } as never)).toMatchObject({ ok: false, error: { field: 'colour' } });
    expect(store.update({ schemaVersion: 1 } as never)).toMatchObject({
      ok: false,
      error: { field: 'schemaVersion' },
    });
    expect(store.read().language).toBe('en');
    expect(fs.readFileSync(store.path, 'utf8')).toBe(onDisk);
  });

  it('never stores a key: no field for one, and no value shaped like one', () => {
    const store = mustOpenSettings(tempDir());
    expect(store.update({ apiKey: 'sk-admin-0123456789' } as never)).toMatchObject({
      ok: false,
      error: { field: 'apiKey' },
    });
    expect(store.update({ baseUrl: 'https://relay.example/sk-proj-0123456789' })).toMatchObject({
      ok: false,
      error: { field: 'baseUrl', message: expect.stringContaining('API key') },
    });
    expect(fs.existsSync(store.path)).toBe(false);
  });

  it('does not write an update that changes nothing', () => {
    const { storeClass, writes } = countingStoreClass();
    const store = mustOpenSettings(tempDir(), storeClass);
    store.update({ theme: 'dark' });
    store.update({ theme: 'dark' });
    store.update({});
    expect(writes()).toBe(1);
  });

  it('opens a v1 file from the fixture, migrated', () => {
    const dir = tempDir();
    fs.copyFileSync(path.join(FIXTURES, 'settings-v1.json'), path.join(dir, 'settings.json'));
    expect(mustOpenSettings(dir).read()).toMatchObject({
      schemaVersion: 3,
      pollIntervalMinutes: 10,
      backend: 'openai',
    });
  });
});

describe('openStores', () => {
  it('honours SALDO_HOME, making the directory owner-only', () => {
    const home = path.join(tempDir(), 'nested', 'saldo-home');
    vi.stubEnv('SALDO_HOME', home);
    const opened = openStores({ now: () => NOW });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.dir).toBe(home);
    expect(opened.notices).toEqual([]);
    expect(fileMode(home)).toBe(0o700);
    opened.settings.update({ theme: 'light' });
    opened.ledger.addPurchase({ at: '2026-11-01T00:00:00Z', amount: '5' });
    expect(fs.readdirSync(home).sort()).toEqual(['ledger.json', 'settings.json']);
  });

  it('collects the notices of both stores', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'settings.json'), '{"schemaVersion": 3, "theme": "neon"}');
    const opened = openStores({ dir, now: () => NOW });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.notices).toEqual([
      `settings.json had parts Saldo cannot read: theme: must be "system", "light" or "dark" (reset to ` +
        `the default). They were set aside and everything else kept; the original file is kept as ` +
        `${path.join(dir, 'settings.corrupt-2026-11-27T10-41-00Z.json')}.`,
    ]);
    expect(opened.settings.read()).toEqual(defaultSettings());
  });
});
