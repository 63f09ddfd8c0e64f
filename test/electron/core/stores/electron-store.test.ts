/**
 * The desktop app writes through electron-store, the CLI through conf: both must write the same
 * files. electron-store takes its file name as `name` and would otherwise put every store in one
 * `config.json`. Real electron-store, outside Electron: it needs an absolute `cwd` there, and
 * `ELECTRON_OVERRIDE_DIST_PATH` keeps its `import 'electron'` from trying to download the binary.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStores, type StoreClass } from '../../../../electron/core/stores';
import { NO_SYNC_YET } from '../../../../shared/ledger/synced-data';
import { NOW, tempDir } from './store-harness';

async function electronStoreClass(): Promise<StoreClass> {
  process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent';
  const loaded = (await import('electron-store')) as { default: StoreClass };
  return loaded.default;
}

describe('the stores through electron-store', () => {
  it('write settings.json, ledger.json and one file per synced day, as with conf', async () => {
    const dir = tempDir();
    const stores = openStores({ dir, storeClass: await electronStoreClass(), now: () => NOW });
    if (!stores.ok) throw new Error(stores.error.message);
    expect(stores.settings.update({ pollIntervalMinutes: 30 }).ok).toBe(true);
    const cursor = { costsAt: NOW, usageAt: NOW, balanceAt: NOW };
    const days = ['2026-11-25', '2026-11-26'].map((day) => ({
      day,
      amountMicros: 1_000_000,
      lineItem: 'gpt-4o, input',
      projectId: 'proj_1',
    }));
    const synced = stores.ledger.recordSync(
      { costs: { fromDay: '2026-11-25', days }, usage: null, balance: null, cursor },
      NO_SYNC_YET,
    );
    expect(synced.ok).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(['ledger.json', 'settings.json', 'synced']);
    expect(fs.readdirSync(path.join(dir, 'synced')).sort()).toEqual(['2026-11-25.json', '2026-11-26.json']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toMatchObject({
      pollIntervalMinutes: 30,
    });
    expect(fs.statSync(path.join(dir, 'ledger.json')).mode & 0o777).toBe(0o600);
  });
});
