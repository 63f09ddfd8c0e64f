/**
 * The synced days, one file per UTC day: a poll writes only the days that changed, a day that
 * vanished from the backend's answer is removed, and a damaged day file is moved aside and fetched
 * again (its cursor cleared) instead of breaking the ledger.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedgerStore } from '../../../../electron/core/stores/ledger-store';
import { NO_SYNC_YET, type DailyCost } from '../../../../shared/ledger/synced-data';
import { countingStoreClass, fileMode, mustOpenLedger, NOW, tempDir } from './store-harness';

const cost = (day: string, amountMicros: number, lineItem = 'gpt-4o, input'): DailyCost => ({
  day,
  amountMicros,
  lineItem,
  projectId: 'proj_1',
});

const CURSOR = { costsAt: NOW, usageAt: NOW, balanceAt: NOW };

function poll(fromDay: string, days: DailyCost[]) {
  return { costs: { fromDay, days }, usage: null, balance: null, cursor: CURSOR };
}

describe('synced days', () => {
  it('keeps one 0600 file per day and writes only the days that changed', () => {
    const dir = tempDir();
    const { storeClass, writes } = countingStoreClass();
    const store = mustOpenLedger(dir, storeClass);
    const first = [cost('2026-11-25', 1), cost('2026-11-26', 2), cost('2026-11-26', 3, 'gpt-4o, output')];
    expect(store.recordSync(poll('2026-11-25', first), NO_SYNC_YET).ok).toBe(true);
    const synced = path.join(dir, 'synced');
    expect(fs.readdirSync(synced).sort()).toEqual(['2026-11-25.json', '2026-11-26.json']);
    expect(fileMode(path.join(synced, '2026-11-26.json'))).toBe(0o600);
    const afterFirst = writes();

    // The next poll re-fetches yesterday (unchanged) and today (new): one day file and the ledger.
    const next = [cost('2026-11-26', 2), cost('2026-11-26', 3, 'gpt-4o, output'), cost('2026-11-27', 4)];
    expect(store.recordSync(poll('2026-11-26', next), NO_SYNC_YET).ok).toBe(true);
    expect(writes() - afterFirst).toBe(1);
    expect(store.read().costs.map((row) => row.amountMicros)).toEqual([1, 2, 3, 4]);

    // Reopened from disk: the same rows in day order.
    expect(mustOpenLedger(dir).read().costs).toEqual(store.read().costs);
  });

  it('removes a day the backend no longer reports', () => {
    const dir = tempDir();
    const store = mustOpenLedger(dir);
    store.recordSync(poll('2026-11-26', [cost('2026-11-26', 2), cost('2026-11-27', 4)]), NO_SYNC_YET);
    store.recordSync(poll('2026-11-27', []), NO_SYNC_YET);
    expect(fs.readdirSync(path.join(dir, 'synced'))).toEqual(['2026-11-26.json']);
    expect(mustOpenLedger(dir).read().costs).toEqual([cost('2026-11-26', 2)]);
  });

  it('moves a damaged day aside, says so, and clears the cursor so the next sync fetches it again', () => {
    const dir = tempDir();
    const store = mustOpenLedger(dir);
    store.recordSync(poll('2026-11-26', [cost('2026-11-26', 2), cost('2026-11-27', 4)]), NO_SYNC_YET);
    fs.writeFileSync(path.join(dir, 'synced', '2026-11-26.json'), '{"schemaVersion":1,"costs":[{"day":');
    // A day file holding another day's rows is as wrong as a broken one.
    fs.writeFileSync(
      path.join(dir, 'synced', '2026-11-27.json'),
      JSON.stringify({ schemaVersion: 1, costs: [cost('2026-11-01', 9)], usage: [] }),
    );

    const opened = openLedgerStore({ dir, storeClass: countingStoreClass().storeClass, now: () => NOW });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.notice).toMatch(
      /2026-11-26\.json was unreadable and was moved to .*corrupt.*fetches that day again/,
    );
    expect(opened.notice).toMatch(/2026-11-27\.json was unreadable/);
    expect(opened.store.read().costs).toEqual([]);
    expect(opened.store.read().cursor).toEqual({ costsAt: null, usageAt: null, balanceAt: NOW });
    expect(fs.readdirSync(path.join(dir, 'synced')).filter((name) => name.includes('corrupt'))).toHaveLength(
      2,
    );
  });
});
