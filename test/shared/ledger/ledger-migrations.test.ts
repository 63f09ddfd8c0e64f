import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/billing/evaluate';
import { readSettings } from '../../../shared/billing/read-settings';
import {
  migrateLedger,
  migrateLedgerV1toV2,
  migrateLedgerV2toV3,
  migrateLedgerV3toV4,
} from '../../../shared/ledger/ledger-migrations';
import { emptyLedgerFile, LEDGER_VERSION } from '../../../shared/ledger/ledger-schema';

const FIXTURES = path.resolve(__dirname, '..', '..', 'support', 'store-fixtures');
const v1 = (): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES, 'ledger-v1.json'), 'utf8'));

describe('migrateLedger', () => {
  it('reads the v1 fixture into the current shape, amounts exact and instants canonical', () => {
    const migrated = migrateLedger(v1());
    expect(migrated).toMatchObject({ ok: true, migratedFrom: 1 });
    if (!migrated.ok) return;
    const ledger = migrated.value;
    expect(ledger.schemaVersion).toBe(LEDGER_VERSION);
    expect(ledger.entries).toEqual([
      {
        type: 'purchase',
        id: 'inv-0001',
        at: '2026-01-05T09:30:00Z',
        createdAt: '2026-01-05T09:30:00Z',
        amount: '20',
        source: 'manual',
      },
      {
        type: 'purchase',
        id: 'inv-0002',
        at: '2026-02-11T13:00:00Z',
        createdAt: '2026-02-11T13:00:00Z',
        amount: '10.5',
        source: 'manual',
      },
      {
        type: 'grant',
        id: 'promo-2026',
        at: '2026-01-01T00:00:00Z',
        createdAt: '2026-01-01T00:00:00Z',
        amount: '5',
        expiresAt: '2026-04-01T00:00:00Z',
      },
      {
        type: 'balance',
        id: 'v1-balance-1',
        at: '2026-02-20T08:00:00Z',
        createdAt: '2026-02-20T08:00:00Z',
        balance: '17.25',
      },
    ]);
    expect(ledger.autoRecharge).toEqual({
      enabled: true,
      threshold: '5',
      mode: 'add',
      amount: '10',
      target: null,
      monthlyLimit: '50',
    });
    // v3 keeps synced days out of the file: the fixture's two cost days are fetched again.
    expect(ledger).not.toHaveProperty('costs');
    expect(ledger).not.toHaveProperty('usage');
    expect(ledger.cursor).toEqual(emptyLedgerFile().cursor);
    expect(ledger.alertMemory).toEqual({ 'low-balance': { active: false, firedAt: '2026-02-18T07:00:00Z' } });
    expect(ledger.observedBalance).toBeNull();
  });

  it('gives entries the engine reads as they are: none rejected', () => {
    const migrated = migrateLedger(v1());
    if (!migrated.ok) throw new Error('fixture did not migrate');
    const settings = readSettings({ now: '2026-03-01T00:00:00Z', events: [] });
    if ('field' in settings) throw new Error(settings.message);
    const result = evaluate(settings, migrated.value.entries);
    expect(result.rejected).toEqual([]);
  });

  it('is pure: the input document is not changed', () => {
    const document = v1();
    const before = structuredClone(document);
    migrateLedgerV1toV2(document);
    expect(document).toEqual(before);
  });

  it('v2 → v3: synced days leave the file and their cursors are cleared; entries and the balance cursor stay', () => {
    const v2 = {
      schemaVersion: 2,
      entries: [],
      costs: [{ day: '2026-11-26', amountMicros: 5, lineItem: null, projectId: null }],
      usage: [],
      cursor: { costsAt: 1, usageAt: 2, balanceAt: 3 },
    };
    expect(migrateLedgerV2toV3(v2)).toEqual({
      ok: true,
      value: {
        schemaVersion: 2,
        entries: [],
        cursor: { costsAt: null, usageAt: null, balanceAt: 3 },
        syncHealth: emptyLedgerFile().syncHealth,
      },
    });
  });

  it('v3 → v4: an empty alert history is added; everything else stays as it was', () => {
    const { alertHistory, ...v3 } = { ...emptyLedgerFile(), schemaVersion: 3 };
    expect(alertHistory).toEqual([]);
    const document = {
      ...v3,
      alertMemory: { 'low-balance': { active: true, firedAt: '2026-11-20T08:00:00Z' } },
    };
    const before = structuredClone(document);
    expect(migrateLedgerV3toV4(document)).toEqual({ ok: true, value: { ...document, alertHistory: [] } });
    expect(document).toEqual(before);
    expect(migrateLedger(document)).toEqual({
      ok: true,
      value: { ...document, schemaVersion: LEDGER_VERSION, alertHistory: [] },
      migratedFrom: 3,
    });
  });

  it('v1 arrives at v4 with an empty alert history', () => {
    const migrated = migrateLedger(v1());
    expect(migrated.ok && migrated.value.alertHistory).toEqual([]);
  });

  it('reads a v4 document written before the spend limit was kept, and one that keeps it', () => {
    const older = { ...emptyLedgerFile(), cursor: { costsAt: 1, usageAt: 2, balanceAt: 3 } };
    expect(migrateLedger(older)).toEqual({ ok: true, value: older, migratedFrom: null });
    const limit = { at: '2026-11-27T09:30:00Z', limitMicros: 120_000_000, enforcing: true };
    const newer = { ...older, spendLimit: limit, cursor: { ...older.cursor, spendLimitAt: 4 } };
    expect(migrateLedger(newer)).toEqual({ ok: true, value: newer, migratedFrom: null });
    expect(migrateLedger({ ...older, spendLimit: null })).toMatchObject({
      ok: true,
      value: { spendLimit: null },
    });
  });

  it('reads a current document as it is', () => {
    expect(migrateLedger(emptyLedgerFile())).toEqual({
      ok: true,
      value: emptyLedgerFile(),
      migratedFrom: null,
    });
  });

  it("reads a sync error stored before codes and reasons were kept, and keeps an auth error's reason", () => {
    const withError = (lastError: Record<string, unknown>) => ({
      ...emptyLedgerFile(),
      syncHealth: { ...emptyLedgerFile().syncHealth, lastError },
    });
    const old = { source: 'backend', kind: 'auth', message: 'OpenAI refused the key' };
    expect(migrateLedger(withError(old))).toMatchObject({
      ok: true,
      value: { syncHealth: { lastError: old } },
    });
    const current = { ...old, reason: 'not-admin-key' };
    expect(migrateLedger(withError(current))).toMatchObject({
      ok: true,
      value: { syncHealth: { lastError: current } },
    });
    expect(migrateLedger(withError({ ...old, reason: 'unlucky' }))).toMatchObject({
      ok: false,
      reason: 'invalid',
      field: 'syncHealth.lastError.reason',
    });
  });

  it('names the field of a v1 document it cannot migrate', () => {
    const document = v1();
    (document.purchases as Record<string, unknown>[])[1]!.amount = 'ten';
    expect(migrateLedger(document)).toEqual({
      ok: false,
      reason: 'invalid',
      field: 'purchases.1.amount',
      message: 'must be an amount in USD',
    });
  });

  it('refuses a document from a newer Saldo without calling it invalid', () => {
    expect(migrateLedger({ ...emptyLedgerFile(), schemaVersion: LEDGER_VERSION + 1 })).toEqual({
      ok: false,
      reason: 'newer',
      version: LEDGER_VERSION + 1,
    });
  });

  it.each([
    [null, 'file'],
    [[1, 2], 'file'],
    [{}, 'schemaVersion'],
    [{ schemaVersion: '2' }, 'schemaVersion'],
    [{ ...emptyLedgerFile(), entries: 'none' }, 'entries'],
  ])('names what is wrong with %j', (raw, field) => {
    expect(migrateLedger(raw)).toMatchObject({ ok: false, reason: 'invalid', field });
  });
});

describe('a file marked version 1 that holds entries in the later layout', () => {
  const current = {
    type: 'purchase',
    id: 'now-1',
    at: '2026-03-01T00:00:00Z',
    createdAt: '2026-03-01T00:00:00Z',
    amount: '25',
    source: 'manual',
  };

  it('keeps them, beside the ones it converts', () => {
    const migrated = migrateLedger({ ...v1(), entries: [current] });
    expect(migrated.ok && migrated.value.entries.map((entry) => entry.id)).toEqual([
      'now-1',
      'inv-0001',
      'inv-0002',
      'promo-2026',
      'v1-balance-1',
    ]);
    expect(migrateLedger({ schemaVersion: 1, entries: [current] })).toMatchObject({
      ok: true,
      value: { entries: [current] },
    });
  });

  it('refuses entries that are not a list, by name, rather than dropping them', () => {
    expect(migrateLedgerV1toV2({ schemaVersion: 1, entries: { a: 1 } })).toEqual({
      ok: false,
      error: { field: 'entries', message: 'must be a list' },
    });
  });
});
