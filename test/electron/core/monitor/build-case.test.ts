/** buildCase: the ledger as the engine's case, pure. */
import { describe, expect, it } from 'vitest';
import { assess, buildCase } from '../../../../electron/core/monitor';
import { evaluateCase } from '../../../../shared/billing/evaluate';
import { emptyLedger, type Ledger } from '../../../../shared/ledger/ledger-schema';

const NOW = Date.UTC(2026, 10, 27, 9, 30);
const CREATED = '2026-11-01T00:00:00Z';

const cost = (day: string, amountMicros: number, lineItem: string | null = null) => ({
  day,
  amountMicros,
  lineItem,
  projectId: null,
});

function ledgerWith(changes: Partial<Ledger>): Ledger {
  return { ...emptyLedger(), ...changes };
}

function grant(id: string, amountMicros: number, effectiveAt: string, expiresAt: string) {
  return { id, amountMicros, usedMicros: 0, effectiveAt, expiresAt };
}

describe('buildCase', () => {
  it.each<[string, Partial<Ledger>, unknown[]]>([
    ['an empty ledger', {}, []],
    [
      'user entries, as engine events',
      {
        entries: [
          {
            type: 'purchase',
            id: 'p1',
            at: '2026-11-02T10:00:00Z',
            createdAt: CREATED,
            amount: '20',
            source: 'manual',
          },
          {
            type: 'grant',
            id: 'g1',
            at: '2026-11-03T00:00:00Z',
            createdAt: CREATED,
            amount: '5',
            expiresAt: '2027-02-01T00:00:00Z',
          },
          { type: 'grant', id: 'g2', at: '2026-11-04T00:00:00Z', createdAt: CREATED, amount: '1.5' },
          { type: 'balance', id: 'b1', at: '2026-11-05T12:00:00Z', createdAt: CREATED, balance: '-0.25' },
        ],
      },
      [
        { type: 'purchase', id: 'p1', at: '2026-11-02T10:00:00Z', amount: '20', source: 'manual' },
        {
          type: 'grant',
          id: 'g1',
          at: '2026-11-03T00:00:00Z',
          amount: '5',
          expiresAt: '2027-02-01T00:00:00Z',
        },
        { type: 'grant', id: 'g2', at: '2026-11-04T00:00:00Z', amount: '1.5' },
        { type: 'balance', at: '2026-11-05T12:00:00Z', balance: '-0.25' },
      ],
    ],
    [
      "daily costs summed per day at 00:00 UTC, today's partial day included, zero days left out",
      {
        costs: [
          cost('2026-11-25', 1_250_000, 'gpt-4o, input'),
          cost('2026-11-25', 10, 'gpt-4o, output'),
          cost('2026-11-26', 0),
          cost('2026-11-27', 333),
        ],
      },
      [
        { type: 'usage', at: '2026-11-25T00:00:00Z', amount: '1.25001' },
        { type: 'usage', at: '2026-11-27T00:00:00Z', amount: '0.000333' },
      ],
    ],
    [
      'the observed balance, at its instant',
      { observedBalance: { at: '2026-11-27T09:00:00.000Z', balanceMicros: 12_345_678, grants: [] } },
      [{ type: 'balance', at: '2026-11-27T09:00:00.000Z', balance: '12.345678' }],
    ],
    [
      "the provider's grants as credits with their own expiries; reserved ids renamed, recorded ones once",
      {
        entries: [
          {
            type: 'purchase' as const,
            id: 'purchase-1',
            at: '2026-10-01T00:00:00Z',
            createdAt: '2026-10-01T00:00:00Z',
            amount: '50',
            source: 'manual' as const,
          },
        ],
        observedBalance: {
          at: '2026-11-27T09:00:00Z',
          balanceMicros: 40_000_000,
          grants: [
            grant('purchase-1', 50_000_000, '2026-10-01T00:00:00Z', '2027-10-01T00:00:00Z'),
            grant('auto-1', 20_000_000, '2026-11-01T00:00:00Z', '2027-11-01T00:00:00Z'),
            grant('welcome', 25_000_000, '2026-11-10T00:00:00Z', '2026-12-10T00:00:00Z'),
          ],
        },
      },
      [
        { type: 'purchase', id: 'purchase-1', at: '2026-10-01T00:00:00Z', amount: '50', source: 'manual' },
        {
          type: 'grant',
          id: 'obs-auto-1',
          at: '2026-11-01T00:00:00Z',
          amount: '20',
          expiresAt: '2027-11-01T00:00:00Z',
        },
        {
          type: 'grant',
          id: 'welcome',
          at: '2026-11-10T00:00:00Z',
          amount: '25',
          expiresAt: '2026-12-10T00:00:00Z',
        },
        { type: 'balance', at: '2026-11-27T09:00:00Z', balance: '40' },
      ],
    ],
  ])('%s', (_name, changes, events) => {
    const built = buildCase(ledgerWith(changes), NOW);
    expect(built).toEqual({ now: '2026-11-27T09:30:00Z', events });
    // Whatever it builds, the engine accepts without rejecting an event.
    const evaluation = evaluateCase(built);
    expect(evaluation.ok && evaluation.result.rejected).toEqual([]);
  });

  it('mirrors the auto-recharge settings', () => {
    const autoRecharge = {
      enabled: true,
      threshold: '5',
      mode: 'add' as const,
      amount: '20',
      target: null,
      monthlyLimit: null,
    };
    const built = buildCase(ledgerWith({ autoRecharge }), NOW);
    expect(built.autoRecharge).toEqual(autoRecharge);
    expect(evaluateCase(built).ok).toBe(true);
  });

  it('leaves auto-recharge to the provider when it lists its grants (its real recharges are among them)', () => {
    const autoRecharge = {
      enabled: true,
      threshold: '10',
      mode: 'add' as const,
      amount: '20',
      target: null,
      monthlyLimit: null,
    };
    // The real recharge of the 3rd landed at noon; the day's cost, booked at 00:00, came first.
    const ledger = ledgerWith({
      autoRecharge,
      costs: [cost('2026-11-03', 8_000_000)],
      observedBalance: {
        at: '2026-11-03T18:00:00Z',
        balanceMicros: 27_000_000,
        grants: [
          grant('purchase-1', 15_000_000, '2026-11-01T00:00:00Z', '2027-11-01T00:00:00Z'),
          grant('recharge-1', 20_000_000, '2026-11-03T12:00:00Z', '2027-11-03T12:00:00Z'),
        ],
      },
    });
    const built = buildCase(ledger, NOW);
    expect(built.autoRecharge).toBeUndefined();
    const evaluation = evaluateCase(built);
    expect(evaluation.ok && evaluation.result.autoRecharges).toEqual([]);
    // With the settings in the case, the engine would have bought a recharge that never happened.
    const inferred = evaluateCase({ ...built, autoRecharge });
    expect(inferred.ok && inferred.result.autoRecharges.length).toBe(1);
    // The alert rules still know auto-recharge is on (a low balance is then expected, not alarming).
    const assessed = assess(ledger, NOW);
    expect(assessed.ok && assessed.value?.alertInput.autoRecharge).toMatchObject({
      threshold: 10_000_000n,
      hasRoom: true,
      nextAmount: 20_000_000n,
    });
  });

  it("puts a day's cost inside the engine's burn window (whole UTC days before today)", () => {
    // Seven days before today at 1 $ each, and today's 100 $ kept out of the rate.
    const days = ['20', '21', '22', '23', '24', '25', '26'].map((d) => cost(`2026-11-${d}`, 1_000_000));
    const ledger = ledgerWith({
      entries: [
        {
          type: 'purchase',
          id: 'p',
          at: '2026-11-01T00:00:00Z',
          createdAt: CREATED,
          amount: '50',
          source: 'manual',
        },
        {
          type: 'purchase',
          id: 'q',
          at: '2026-11-01T00:00:00Z',
          createdAt: CREATED,
          amount: '50',
          source: 'manual',
        },
        {
          type: 'purchase',
          id: 'r',
          at: '2026-11-01T00:00:00Z',
          createdAt: CREATED,
          amount: '50',
          source: 'manual',
        },
      ],
      costs: [...days, cost('2026-11-27', 100_000_000)],
    });
    const evaluation = evaluateCase(buildCase(ledger, NOW));
    if (!evaluation.ok) throw new Error(evaluation.error.message);
    expect(evaluation.result.burnRatePerDay).toBe(1_000_000n);
    expect(evaluation.result.balance).toBe(43_000_000n);
  });
});
