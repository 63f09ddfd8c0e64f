import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedgerStore } from '../../../../electron/core/stores/ledger-store';
import { confStoreClass } from '../../../../electron/core/stores';
import { NO_SYNC_YET } from '../../../../shared/ledger/synced-data';
import { LEDGER_VERSION } from '../../../../shared/ledger/ledger-schema';
import { countingStoreClass, FIXTURES, fileMode, mustOpenLedger, NOW, tempDir } from './store-harness';

const cost = (day: string, amountMicros: number) => ({ day, amountMicros, lineItem: null, projectId: null });

describe('LedgerStore', () => {
  it('starts empty without writing, then keeps what is recorded across a reopen', () => {
    const dir = tempDir();
    const store = mustOpenLedger(dir);
    expect(store.read().entries).toEqual([]);
    expect(fs.existsSync(store.path)).toBe(false);

    const purchase = store.addPurchase({ at: '2026-11-20T09:00:00Z', amount: '20' });
    expect(purchase).toMatchObject({ ok: true, value: { type: 'purchase', id: 'entry-1', amount: '20' } });
    store.addGrant({ at: '2026-11-01T00:00:00Z', amount: '5', expiresAt: '2027-02-01T00:00:00Z' });
    store.replaceCosts('2026-11-25', [cost('2026-11-25', 1_500_000), cost('2026-11-26', 250_000)]);
    store.setCursor({ costsAt: NOW, usageAt: null, balanceAt: null });
    store.setAlertMemory({ 'low-balance': { active: true, firedAt: '2026-11-27T10:00:00Z' } });

    const reopened = mustOpenLedger(dir);
    expect(reopened.read()).toEqual(store.read());
    expect(reopened.read().entries.map((entry) => entry.type)).toEqual(['purchase', 'grant']);
  });

  it('writes the file with mode 0600, through conf (an atomic rename: a new inode each write)', () => {
    const dir = tempDir();
    const store = mustOpenLedger(dir);
    store.addPurchase({ at: '2026-11-20T09:00:00Z', amount: '20' });
    expect(fileMode(store.path)).toBe(0o600);
    const inode = fs.statSync(store.path).ino;
    store.addPurchase({ at: '2026-11-21T09:00:00Z', amount: '10' });
    expect(fileMode(store.path)).toBe(0o600);
    expect(fs.statSync(store.path).ino).not.toBe(inode);
    // No temp file is left behind by a completed write.
    expect(fs.readdirSync(dir)).toEqual(['ledger.json']);
  });

  it('tightens a file that was readable by others to 0600 on the next write', () => {
    const dir = tempDir();
    mustOpenLedger(dir).addPurchase({ at: '2026-11-20T09:00:00Z', amount: '20' });
    const file = path.join(dir, 'ledger.json');
    fs.chmodSync(file, 0o644);
    mustOpenLedger(dir).setCursor({ costsAt: NOW, usageAt: null, balanceAt: null });
    expect(fileMode(file)).toBe(0o600);
  });

  it('does not write when a change leaves the ledger as it was', () => {
    const dir = tempDir();
    const { storeClass, writes } = countingStoreClass();
    const store = mustOpenLedger(dir, storeClass);
    store.replaceCosts('2026-11-25', [cost('2026-11-25', 7)]);
    store.setCursor({ costsAt: NOW, usageAt: null, balanceAt: null });
    expect(writes()).toBe(2);
    const before = fs.statSync(store.path);

    expect(store.replaceCosts('2026-11-25', [cost('2026-11-25', 7)]).ok).toBe(true);
    expect(store.setCursor({ costsAt: NOW, usageAt: null, balanceAt: null }).ok).toBe(true);
    expect(store.setAlertMemory({}).ok).toBe(true);
    expect(store.setAutoRecharge(null).ok).toBe(true);
    expect(writes()).toBe(2);
    const after = fs.statSync(store.path);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  it('refuses bad input by field name and leaves memory and disk untouched', () => {
    const dir = tempDir();
    const store = mustOpenLedger(dir);
    store.addPurchase({ at: '2026-11-20T09:00:00Z', amount: '20' });
    const onDisk = fs.readFileSync(store.path, 'utf8');
    const inMemory = store.read();

    expect(store.addPurchase({ at: '2026-11-20T09:00:00Z', amount: '-3' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid', field: 'amount' },
    });
    expect(store.addBalance({ at: '2026-13-01T00:00:00Z', balance: '3' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid', field: 'at' },
    });
    expect(store.replaceUsage('2026-11-25', [{ day: '2026-11-25' } as never])).toMatchObject({
      ok: false,
      error: { kind: 'invalid', field: 'usage.0.model' },
    });
    expect(store.setCursor({ costsAt: 'now' } as never)).toMatchObject({
      ok: false,
      error: { kind: 'invalid', field: 'cursor.costsAt' },
    });
    expect(store.removeEntry('missing')).toMatchObject({
      ok: false,
      error: { kind: 'invalid', field: 'id' },
    });

    expect(store.read()).toBe(inMemory);
    expect(fs.readFileSync(store.path, 'utf8')).toBe(onDisk);
  });

  it('hands out a frozen ledger: editing it in place cannot change the store behind its back', () => {
    const store = mustOpenLedger(tempDir());
    expect(() => (store.read().entries as unknown[]).push({})).toThrow(TypeError);
  });

  it('never stores anything shaped like an API key, wherever it is put', () => {
    const dir = tempDir();
    const store = mustOpenLedger(dir);
    store.addPurchase({ at: '2026-11-20T09:00:00Z', amount: '20' });
    const attempts = [
      store.addPurchase({ at: '2026-11-20T09:00:00Z', amount: 'sk-admin-0123456789abcdef' }),
      store.replaceCosts('2026-11-25', [{ ...cost('2026-11-25', 1), lineItem: 'sk-proj-0123456789' }]),
      store.setAlertMemory({ 'sk-proj-0123456789': { active: true, firedAt: null } }),
      store.addGrant({ at: '2026-11-20T09:00:00Z', amount: '5', apiKey: 'sk-abcdef0123456' } as never),
    ];
    for (const attempt of attempts) {
      expect(attempt).toMatchObject({
        ok: false,
        error: { kind: 'invalid', message: expect.stringContaining('API key') },
      });
    }
    expect(fs.readFileSync(store.path, 'utf8')).not.toMatch(/sk-/);
  });

  it('records a whole poll in one write', () => {
    const { storeClass, writes } = countingStoreClass();
    const store = mustOpenLedger(tempDir(), storeClass);
    const result = store.recordSync(
      {
        costs: { fromDay: '2026-11-26', days: [cost('2026-11-26', 3), cost('2026-11-27', 4)] },
        usage: { fromDay: '2026-11-26', days: [] },
        balance: { at: '2026-11-27T10:41:00Z', balanceMicros: 12_000_000, grants: [] },
        cursor: { costsAt: NOW, usageAt: NOW, balanceAt: NOW },
      },
      NO_SYNC_YET,
    );
    expect(result.ok).toBe(true);
    // One write of ledger.json; the two days are a file each.
    expect(writes()).toBe(3);
    expect(store.read().observedBalance?.balanceMicros).toBe(12_000_000);
  });

  it('opens a v1 file from the fixture, migrated, and writes the current version only with the next change', () => {
    const dir = tempDir();
    const file = path.join(dir, 'ledger.json');
    fs.copyFileSync(path.join(FIXTURES, 'ledger-v1.json'), file);
    const store = mustOpenLedger(dir);
    expect(store.read().schemaVersion).toBe(LEDGER_VERSION);
    expect(store.read().entries).toHaveLength(4);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).schemaVersion).toBe(1);

    store.addBalance({ at: '2026-11-27T08:00:00Z', balance: '3.5' });
    const written = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(written.schemaVersion).toBe(LEDGER_VERSION);
    expect(written.entries).toHaveLength(5);
    expect(written.purchases).toBeUndefined();
  });

  it('opens with conf as the default class, as the CLI will', () => {
    const opened = openLedgerStore({ dir: tempDir(), storeClass: confStoreClass });
    expect(opened.ok).toBe(true);
  });
});
