import { describe, expect, it } from 'vitest';
import * as edits from '../../../shared/ledger/ledger-edits';
import { emptyLedger, type Ledger } from '../../../shared/ledger/ledger-schema';
import { NO_SYNC_YET } from '../../../shared/ledger/synced-data';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const context = (id = 'e1') => ({ id, now: NOW });
const cost = (day: string, amountMicros: number) => ({ day, amountMicros, lineItem: null, projectId: null });

function must<T>(checked: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!checked.ok) throw new Error(JSON.stringify(checked.error));
  return checked.value;
}

describe('adding entries', () => {
  it('makes engine events with the id and createdAt given, canonical instants', () => {
    const { entry, ledger } = must(
      edits.addPurchase(emptyLedger(), { at: '2026-02-01T10:00+01:00', amount: '25' }, context()),
    );
    expect(entry).toEqual({
      type: 'purchase',
      id: 'e1',
      at: '2026-02-01T09:00:00Z',
      createdAt: '2026-03-01T12:00:00Z',
      amount: '25',
      source: 'manual',
    });
    expect(ledger.entries).toEqual([entry]);
  });

  it('takes the id the user chose (an invoice number) over the generated one', () => {
    const input = { at: '2026-02-01T00:00:00Z', amount: '25', id: 'INV-0042' };
    expect(must(edits.addPurchase(emptyLedger(), input, context())).entry.id).toBe('INV-0042');
  });

  it.each(['4.99', '50.000001'])(
    'refuses a purchase of %s outside the $5–$50 limits the engine applies',
    (amount) => {
      expect(edits.addPurchase(emptyLedger(), { at: '2026-02-01T00:00:00Z', amount }, context())).toEqual({
        ok: false,
        error: { field: 'amount', message: 'must be within the purchase limits ($5 to $50)' },
      });
    },
  );

  it.each([
    [{ at: 'yesterday', amount: '10' }, 'at'],
    [{ at: '2026-02-01T00:00:00Z', amount: '0' }, 'amount'],
    [{ at: '2026-02-01T00:00:00Z', amount: 10 }, 'amount'],
    [{ at: '2026-02-01T00:00:00Z', amount: '1e3' }, 'amount'],
    [{ at: '2026-03-02T00:00:00Z', amount: '10' }, 'at'],
    [{ at: '2026-02-01T00:00:00Z', amount: '10', source: 'gift' }, 'source'],
    [{ at: '2026-02-01T00:00:00Z', amount: '10', note: 'hi' }, 'note'],
  ])('refuses the purchase %j naming %s', (input, field) => {
    const result = edits.addPurchase(emptyLedger(), input as never, context());
    expect(result).toMatchObject({ ok: false, error: { field } });
  });

  it('refuses an id the engine reserves, or one already used', () => {
    expect(
      edits.addGrant(emptyLedger(), { at: '2026-02-01T00:00:00Z', amount: '5' }, context('auto-1')),
    ).toMatchObject({
      ok: false,
      error: { field: 'id' },
    });
    const once = must(
      edits.addBalance(emptyLedger(), { at: '2026-02-01T00:00:00Z', balance: '-1.5' }, context()),
    );
    expect(
      edits.addBalance(once.ledger, { at: '2026-02-02T00:00:00Z', balance: '3' }, context()),
    ).toMatchObject({
      ok: false,
      error: { field: 'id', message: 'is used twice' },
    });
  });

  it('refuses a key-shaped value before anything else', () => {
    const result = edits.addPurchase(
      emptyLedger(),
      { at: '2026-02-01T00:00:00Z', amount: 'sk-proj-abcdef123' },
      context(),
    );
    expect(result).toMatchObject({
      ok: false,
      error: { field: 'amount', message: expect.stringContaining('API key') },
    });
  });

  it('removes an entry by id, and says so when there is none', () => {
    const { ledger } = must(
      edits.addPurchase(emptyLedger(), { at: '2026-02-01T00:00:00Z', amount: '5' }, context()),
    );
    expect(must(edits.removeEntry(ledger, 'e1')).entries).toEqual([]);
    expect(edits.removeEntry(ledger, 'nope')).toMatchObject({ ok: false, error: { field: 'id' } });
  });
});

describe('replacing synced days', () => {
  const stored: Ledger = {
    ...emptyLedger(),
    costs: [cost('2026-02-27', 1), cost('2026-02-28', 2), cost('2026-03-01', 3)],
  };

  it('keeps days before fromDay and replaces the rest wholesale, in day order', () => {
    const next = must(
      edits.replaceCosts(stored, '2026-02-28', [cost('2026-03-01', 30), cost('2026-02-28', 20)]),
    );
    expect(next.costs).toEqual([cost('2026-02-27', 1), cost('2026-02-28', 20), cost('2026-03-01', 30)]);
  });

  it('drops stored days from fromDay on that the sync no longer reports', () => {
    expect(must(edits.replaceCosts(stored, '2026-02-28', [])).costs).toEqual([cost('2026-02-27', 1)]);
  });

  it('refuses a row before fromDay, and a malformed row, by field', () => {
    expect(edits.replaceCosts(stored, '2026-02-28', [cost('2026-02-27', 5)])).toMatchObject({
      ok: false,
      error: { field: 'costs.0.day' },
    });
    expect(
      edits.replaceCosts(stored, '2026-02-28', [{ ...cost('2026-02-28', 5), amountMicros: 1.5 }]),
    ).toMatchObject({
      ok: false,
      error: { field: 'costs.0.amountMicros' },
    });
    expect(edits.replaceCosts(stored, 'Feb 28', [])).toMatchObject({
      ok: false,
      error: { field: 'fromDay' },
    });
  });

  it('records a whole poll: usage and balance only when fetched', () => {
    const withBalance: Ledger = {
      ...stored,
      observedBalance: { at: '2026-02-28T00:00:00Z', balanceMicros: 5, grants: [] },
    };
    const next = must(
      edits.recordSync(
        withBalance,
        {
          costs: { fromDay: '2026-03-01', days: [cost('2026-03-01', 9)] },
          usage: null,
          balance: null,
          cursor: { costsAt: NOW, usageAt: null, balanceAt: null },
        },
        NO_SYNC_YET,
      ),
    );
    expect(next.costs.at(-1)).toEqual(cost('2026-03-01', 9));
    expect(next.observedBalance).toEqual(withBalance.observedBalance);
    expect(next.cursor.costsAt).toBe(NOW);
  });

  it('records the spend limit when read, keeps it when not, and clears it when none is set', () => {
    const limit = { at: '2026-03-01T12:00:00Z', limitMicros: 120_000_000, enforcing: true };
    const poll = (spendLimit?: { limit: typeof limit | null }) =>
      must(
        edits.recordSync(
          stored,
          {
            costs: { fromDay: '2026-03-01', days: [] },
            usage: null,
            balance: null,
            ...(spendLimit === undefined ? {} : { spendLimit }),
            cursor: { costsAt: NOW, usageAt: null, balanceAt: null, spendLimitAt: NOW },
          },
          NO_SYNC_YET,
        ),
      );
    const read = poll({ limit });
    expect(read.spendLimit).toEqual(limit);
    expect(read.cursor.spendLimitAt).toBe(NOW);
    expect(
      edits.recordSync(
        read,
        { costs: { fromDay: '2026-03-01', days: [] }, usage: null, balance: null, cursor: read.cursor },
        NO_SYNC_YET,
      ),
    ).toMatchObject({ ok: true, value: { spendLimit: limit } });
    expect(poll({ limit: null }).spendLimit).toBeNull();
  });

  it('refuses a spend limit that is no whole positive amount, naming the field', () => {
    expect(
      edits.setSpendLimit(stored, { at: '2026-03-01T12:00:00Z', limitMicros: 0.5, enforcing: true }),
    ).toMatchObject({ ok: false, error: { field: 'spendLimit.limitMicros' } });
  });
});

describe('auto-recharge settings', () => {
  const valid = {
    enabled: true,
    threshold: '5',
    mode: 'add',
    amount: '20',
    target: null,
    monthlyLimit: null,
  } as const;

  it('takes what the engine takes', () => {
    expect(must(edits.setAutoRecharge(emptyLedger(), valid)).autoRecharge).toEqual(valid);
    expect(must(edits.setAutoRecharge(emptyLedger(), null)).autoRecharge).toBeNull();
  });

  it('refuses what the engine would, with the engine’s words', () => {
    expect(edits.setAutoRecharge(emptyLedger(), { ...valid, mode: 'topUp', target: '4' })).toEqual({
      ok: false,
      error: { field: 'autoRecharge.target', message: 'must be greater than autoRecharge.threshold ($5)' },
    });
    expect(edits.setAutoRecharge(emptyLedger(), { ...valid, amount: '500' })).toMatchObject({
      ok: false,
      error: { field: 'autoRecharge.amount' },
    });
  });
});
