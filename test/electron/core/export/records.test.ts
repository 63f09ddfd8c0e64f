/** exportRecords: the ledger and the engine's result as bookkeeping records, exact to the micro-dollar. */
import { describe, expect, it } from 'vitest';
import { exportCsv, exportRecords } from '../../../../electron/core/export';
import { emptyLedger, type Ledger } from '../../../../shared/ledger/ledger-schema';
import { FULL_EXPORT } from './expected';
import { evaluateLedger, fullLedger, NOW } from './fixture';
import { assess } from '../../../../electron/core/monitor/assess';
import { formatInstant } from '../../../../shared/billing/instant';
import { microsToDecimalText } from '../../../../shared/billing/money';

const CREATED = '2026-11-27T09:00:00Z';

describe('exportRecords', () => {
  it('exports every credit, purchase, calibration and day of a real evaluation, exactly', () => {
    const ledger = fullLedger();
    const result = evaluateLedger(ledger);
    expect(result.rejected).toEqual([]);
    expect(exportRecords(ledger, result, null)).toEqual(FULL_EXPORT);
  });

  it('leads with the account as every surface reads it: balance, failure, next expiry and recharge', () => {
    const ledger = fullLedger();
    const assessed = assess(ledger, NOW);
    if (!assessed.ok || assessed.value === null) throw new Error('the full ledger assesses');
    const { result, reading } = assessed.value;
    expect(exportRecords(ledger, result, reading).account).toEqual({
      at: formatInstant(NOW),
      balance: microsToDecimalText(result.balance),
      failsAt: result.failsAt === null ? null : formatInstant(result.failsAt),
      nextExpiry:
        reading.nextExpiry === null
          ? null
          : {
              at: formatInstant(reading.nextExpiry.at),
              amount: microsToDecimalText(BigInt(reading.nextExpiry.amount)),
            },
      nextRecharge:
        result.nextAutoRechargeAt === null
          ? null
          : {
              at: formatInstant(result.nextAutoRechargeAt),
              amount: microsToDecimalText(result.projection.recharges[0]!.amount),
            },
      spendLimit: null,
    });
  });

  it('puts this month’s spend against the spend limit, as exact dollar text', () => {
    const limit = { at: formatInstant(NOW), limitMicros: 120_000_000, enforcing: true };
    const ledger = { ...fullLedger(), spendLimit: limit };
    const assessed = assess(ledger, NOW);
    if (!assessed.ok || assessed.value === null) throw new Error('the full ledger assesses');
    const { result, reading } = assessed.value;
    expect(exportRecords(ledger, result, reading).account?.spendLimit).toEqual({
      limit: '120',
      spentThisMonth: microsToDecimalText(BigInt(reading.month.spent)),
      fraction: reading.month.spent / 120_000_000,
    });
  });

  it('an empty ledger exports empty lists', () => {
    const ledger = emptyLedger();
    expect(exportRecords(ledger, evaluateLedger(ledger), null)).toEqual({
      currency: 'USD',
      account: null,
      grants: [],
      purchases: [],
      calibrations: [],
      dailySpend: [],
    });
  });

  it('keeps a recorded purchase the engine rejected: it was paid for, though it is no credit', () => {
    const ledger: Ledger = {
      ...emptyLedger(),
      entries: [
        {
          type: 'purchase',
          id: 'big',
          at: '2026-11-02T00:00:00Z',
          createdAt: CREATED,
          amount: '60.000001',
          source: 'manual',
        },
      ],
    };
    const result = evaluateLedger(ledger);
    expect(result.rejected).toEqual([{ index: 0, reason: 'out-of-limits' }]);
    const data = exportRecords(ledger, result, null);
    expect(data.grants).toEqual([]);
    expect(data.purchases).toEqual([
      { id: 'big', at: '2026-11-02T00:00:00Z', amount: '60.000001', source: 'manual', kind: 'purchase' },
    ]);
  });

  it('lists purchases in time order, whatever order they were recorded in, amounts in one form', () => {
    const purchase = (id: string, at: string, amount: string) =>
      ({ type: 'purchase', id, at, createdAt: CREATED, amount, source: 'manual' }) as const;
    const ledger: Ledger = {
      ...emptyLedger(),
      entries: [
        purchase('late', '2026-11-03T00:00:00Z', '5.000000'),
        purchase('early', '2026-11-01T00:00:00Z', '10.50'),
        purchase('same-instant', '2026-11-03T00:00:00Z', '7'),
      ],
    };
    expect(exportRecords(ledger, evaluateLedger(ledger), null).purchases).toEqual([
      { id: 'early', at: '2026-11-01T00:00:00Z', amount: '10.5', source: 'manual', kind: 'purchase' },
      { id: 'late', at: '2026-11-03T00:00:00Z', amount: '5', source: 'manual', kind: 'purchase' },
      { id: 'same-instant', at: '2026-11-03T00:00:00Z', amount: '7', source: 'manual', kind: 'purchase' },
    ]);
  });

  it("sums each day's cost rows, exactly, in day order, with no float rounding", () => {
    const row = (day: string, amountMicros: number) => ({
      day,
      amountMicros,
      lineItem: null,
      projectId: null,
    });
    // 0.1 + 0.2 is not 0.3 in doubles; in micro-dollars it is. Out-of-order rows are still summed per day.
    const ledger: Ledger = {
      ...emptyLedger(),
      costs: [row('2026-11-02', 100_000), row('2026-11-01', 1), row('2026-11-02', 200_000)],
    };
    expect(exportRecords(ledger, evaluateLedger(ledger), null).dailySpend).toEqual([
      { day: '2026-11-01', amount: '0.000001' },
      { day: '2026-11-02', amount: '0.3' },
    ]);
  });
});

describe('what each credit is', () => {
  it('a credit the provider listed is "listed", never free credit, in the JSON and the CSV alike', () => {
    const ledger: Ledger = {
      ...fullLedger(),
      observedBalance: {
        at: '2026-11-26T12:00:00Z',
        balanceMicros: 30_000_000,
        grants: [
          {
            id: 'credit-7',
            amountMicros: 20_000_000,
            usedMicros: 0,
            effectiveAt: '2026-11-02T00:00:00Z',
            expiresAt: '2027-11-02T00:00:00Z',
          },
        ],
      },
    };
    const data = exportRecords(ledger, evaluateLedger(ledger), null);
    expect(data.grants.find((grant) => grant.id === 'credit-7')).toMatchObject({
      source: 'provider',
      kind: 'listed',
    });
    // What the user recorded as free credit stays free credit.
    expect(data.grants.find((grant) => grant.id === 'g1')).toMatchObject({
      source: 'grant',
      kind: 'free-credit',
    });
    const row = exportCsv(data)
      .split('\r\n')
      .find((line) => line.startsWith('grant,credit-7,'));
    expect(row?.split(',').slice(4, 6)).toEqual(['provider', 'listed']);
  });

  it('an auto-recharge the user recorded is one, like the engine’s', () => {
    const ledger: Ledger = {
      ...fullLedger(),
      entries: [
        ...fullLedger().entries,
        {
          type: 'purchase',
          id: 'rec-1',
          at: '2026-11-05T08:00:00Z',
          createdAt: CREATED,
          amount: '10',
          source: 'auto',
        },
      ],
    };
    const data = exportRecords(ledger, evaluateLedger(ledger), null);
    expect(data.purchases.find((purchase) => purchase.id === 'rec-1')?.kind).toBe('auto-recharge');
    expect(data.grants.find((grant) => grant.id === 'rec-1')?.kind).toBe('auto-recharge');
    expect(data.calibrations.every((calibration) => calibration.kind === 'correction')).toBe(true);
  });
});
