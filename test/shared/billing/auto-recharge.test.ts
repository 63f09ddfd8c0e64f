/** Auto-recharge (spec §7), hand-computed: triggers, pending, monthly limit, topUp with debt. */
import { describe, expect, it } from 'vitest';
import { counters, grant, month, ms, run, usd } from './billing-test-helpers';

const auto = (fields: Record<string, unknown>) => ({ enabled: true, ...fields });

describe('what triggers the check', () => {
  it('a positive calibration does not; a $0 usage and a negative calibration do', () => {
    const result = run({
      now: '2026-01-03T00:00:00Z',
      autoRecharge: auto({ threshold: 5, amount: 10 }),
      events: [
        // drift +3: cal-1, balance 3 < 5, but no check follows a positive calibration.
        { type: 'balance', at: '2026-01-01T00:00:00Z', balance: 3 },
        // A $0 usage is still a usage: the check buys auto-1, balance 13.
        { type: 'usage', at: '2026-01-02T00:00:00Z', amount: 0 },
        // drift −9: cal-1's 3 (expires Jan 1 2027) then 6 of auto-1 (Jan 2 2027): balance 4 → auto-2.
        { type: 'balance', at: '2026-01-02T12:00:00Z', balance: 4 },
      ],
    });
    expect(result.autoRecharges).toEqual([
      { id: 'auto-1', at: ms('2026-01-02T00:00:00Z'), amount: usd(10), balanceBefore: usd(3) },
      { id: 'auto-2', at: ms('2026-01-02T12:00:00Z'), amount: usd(10), balanceBefore: usd(4) },
    ]);
    expect(result.grants.map((g) => [g.id, g.source, g.used])).toEqual([
      ['cal-1', 'calibration', usd(3)],
      ['auto-1', 'auto', usd(6)],
      ['auto-2', 'auto', 0n],
    ]);
    expect(result.balance).toBe(usd(14));
    expect(month(result, '2026-01')).toEqual({ total: 0n, covered: 0n, uncovered: 0n });
    // Auto purchases count as purchases.
    expect(result.totals.purchased).toBe(usd(20));
  });

  it('a purchase is followed by no check', () => {
    const result = run({
      now: '2026-01-03T00:00:00Z',
      autoRecharge: auto({ threshold: 20, amount: 10 }),
      events: [{ type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 10 }],
    });
    expect(result.autoRecharges).toEqual([]);
  });

  it('only strictly below the threshold, balance = available − debt', () => {
    const at = (threshold: string) =>
      run({
        now: '2026-01-20T00:00:00Z',
        autoRecharge: auto({ threshold, amount: 10 }),
        events: [
          { type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 5 },
          {
            type: 'grant',
            id: 'g',
            at: '2026-01-01T00:00:00Z',
            amount: 8,
            expiresAt: '2026-01-15T00:00:00Z',
          },
          // Drawn from g (free): g 6 left, balance 11.
          { type: 'usage', at: '2026-01-05T00:00:00Z', amount: 2 },
        ],
      });
    // Jan 15: g forfeits 6 and the balance is exactly 5.
    const equal = at('5');
    expect(counters(grant(equal, 'g'))).toEqual({
      used: usd(2),
      debtSettled: 0n,
      forfeited: usd(6),
      remaining: 0n,
      status: 'expired',
    });
    expect(equal.autoRecharges).toEqual([]);
    // A threshold one micro-dollar higher: the expiry's check buys auto-1 at the expiry instant.
    const above = at('5.000001');
    expect(above.autoRecharges).toEqual([
      { id: 'auto-1', at: ms('2026-01-15T00:00:00Z'), amount: usd(10), balanceBefore: usd(5) },
    ]);
    expect(above.available).toBe(usd(15));
  });

  it('threshold 0: only debt makes the balance below it', () => {
    const result = run({
      now: '2026-01-10T00:00:00Z',
      autoRecharge: auto({ threshold: 0, amount: 5 }),
      events: [
        { type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 5 },
        { type: 'usage', at: '2026-01-02T00:00:00Z', amount: 5 },
        { type: 'usage', at: '2026-01-03T00:00:00Z', amount: '0.000001' },
      ],
    });
    // The balance that triggered it: one micro-dollar of debt.
    expect(result.autoRecharges).toEqual([
      { id: 'auto-1', at: ms('2026-01-03T00:00:00Z'), amount: usd(5), balanceBefore: -1n },
    ]);
    expect(counters(grant(result, 'auto-1'))).toEqual({
      used: 1n,
      debtSettled: 1n,
      forfeited: 0n,
      remaining: 4_999_999n,
      status: 'active',
    });
  });
});

describe('the expiry check', () => {
  it('runs when a grant with nothing left expires, in a new month after a blocked one', () => {
    const result = run({
      now: '2026-02-02T00:00:00Z',
      autoRecharge: auto({ threshold: 6, amount: 10, monthlyLimit: 10 }),
      events: [
        { type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 10 },
        { type: 'grant', id: 'g', at: '2026-01-01T00:00:00Z', amount: 2, expiresAt: '2026-02-01T00:00:00Z' },
        // g (free) is used up; balance 10.
        { type: 'usage', at: '2026-01-02T00:00:00Z', amount: 2 },
        // balance 5 < 6: auto-1 ($10; January total 10 = the limit).
        { type: 'usage', at: '2026-01-03T00:00:00Z', amount: 5 },
        // p1's last 5, then 5 of auto-1: balance 5 < 6, January would reach 20: blocked.
        { type: 'usage', at: '2026-01-04T00:00:00Z', amount: 10 },
      ],
    });
    // Feb 1: g expires forfeiting 0; the check buys auto-2 within February's limit.
    expect(result.autoRecharges).toEqual([
      { id: 'auto-1', at: ms('2026-01-03T00:00:00Z'), amount: usd(10), balanceBefore: usd(5) },
      { id: 'auto-2', at: ms('2026-02-01T00:00:00Z'), amount: usd(10), balanceBefore: usd(5) },
    ]);
    expect(result.autoRechargeBlocked).toEqual([
      { month: '2026-01', at: ms('2026-01-04T00:00:00Z'), amount: usd(10) },
    ]);
    expect(counters(grant(result, 'g'))).toEqual({
      used: usd(2),
      debtSettled: 0n,
      forfeited: 0n,
      remaining: 0n,
      status: 'expired',
    });
    expect(result.available).toBe(usd(15));
    expect(result.totals.forfeited).toBe(0n);
  });

  it('runs once per instant, however many grants expire then', () => {
    const result = run({
      now: '2026-01-20T00:00:00Z',
      autoRecharge: auto({ threshold: 30, amount: 10 }),
      events: [
        { type: 'grant', id: 'a', at: '2026-01-01T00:00:00Z', amount: 5, expiresAt: '2026-01-10T00:00:00Z' },
        { type: 'grant', id: 'b', at: '2026-01-01T00:00:00Z', amount: 5, expiresAt: '2026-01-10T00:00:00Z' },
      ],
    });
    // One check at Jan 10 (balance 0 < 30): one purchase, although 10 stays below 30.
    expect(result.autoRecharges).toEqual([
      { id: 'auto-1', at: ms('2026-01-10T00:00:00Z'), amount: usd(10), balanceBefore: 0n },
    ]);
  });
});

describe('pending auto purchases', () => {
  it('topUp with debt buys more, one purchase per check, settling debt', () => {
    const result = run({
      now: '2026-01-03T00:00:00Z',
      autoRecharge: auto({ threshold: 5, mode: 'topUp', target: 20 }),
      events: [
        { type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 10 },
        // $4 of debt: balance −4; target − balance = 24, within 5..50.
        { type: 'usage', at: '2026-01-02T00:00:00Z', amount: 14 },
      ],
    });
    expect(result.autoRecharges).toEqual([
      { id: 'auto-1', at: ms('2026-01-02T00:00:00Z'), amount: usd(24), balanceBefore: usd(-4) },
    ]);
    expect(counters(grant(result, 'auto-1'))).toEqual({
      used: usd(4),
      debtSettled: usd(4),
      forfeited: 0n,
      remaining: usd(20),
      status: 'active',
    });
    expect([result.debt, result.balance]).toEqual([0n, usd(20)]);
  });

  it('topUp is clamped to maxPurchase, so large debt can remain', () => {
    const result = run({
      now: '2026-01-03T00:00:00Z',
      autoRecharge: auto({ threshold: 5, mode: 'topUp', target: 20 }),
      events: [
        { type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 10 },
        // debt 90: 20 − (−90) = 110, clamped to 50; it settles 50 of the debt.
        { type: 'usage', at: '2026-01-02T00:00:00Z', amount: 100 },
      ],
    });
    expect(result.autoRecharges.map((a) => a.amount)).toEqual([usd(50)]);
    expect([result.available, result.debt, result.balance]).toEqual([0n, usd(40), usd(-40)]);
  });

  it('topUp is clamped up to minPurchase', () => {
    const result = run({
      now: '2026-01-03T00:00:00Z',
      autoRecharge: auto({ threshold: 10, mode: 'topUp', target: 11 }),
      events: [
        { type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 10 },
        // balance 9.5: target − balance = 1.5, clamped up to 5.
        { type: 'usage', at: '2026-01-02T00:00:00Z', amount: '0.5' },
      ],
    });
    expect(result.autoRecharges.map((a) => a.amount)).toEqual([usd(5)]);
  });

  it('a pending engine purchase stops further checks until it is usable, then settles the debt', () => {
    const result = run({
      now: '2026-01-03T00:00:00Z',
      policy: { creditDelayMinutes: 10 },
      autoRecharge: auto({ threshold: 5, mode: 'topUp', target: 20 }),
      events: [
        { type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 10 },
        // p1 usable at 00:10 Jan 1. Debt 4: auto-1 of 24, pending until Jan 2 00:10.
        { type: 'usage', at: '2026-01-02T00:00:00Z', amount: 14 },
        // Debt 5, balance −5, but auto-1 is pending: no purchase, nothing blocked.
        { type: 'usage', at: '2026-01-02T00:05:00Z', amount: 1 },
      ],
    });
    expect(result.autoRecharges).toEqual([
      { id: 'auto-1', at: ms('2026-01-02T00:00:00Z'), amount: usd(24), balanceBefore: usd(-4) },
    ]);
    expect(result.autoRechargeBlocked).toEqual([]);
    const auto1 = grant(result, 'auto-1');
    expect([auto1.effectiveAt, auto1.expiresAt]).toEqual([
      ms('2026-01-02T00:10:00Z'),
      ms('2027-01-02T00:00:00Z'),
    ]);
    expect(counters(auto1)).toEqual({
      used: usd(5),
      debtSettled: usd(5),
      forfeited: 0n,
      remaining: usd(19),
      status: 'active',
    });
    expect(month(result, '2026-01')).toEqual({ total: usd(15), covered: usd(10), uncovered: usd(5) });
  });

  it('a pending input purchase with source auto also stops the check; import does not', () => {
    const input = (source: string) => ({
      now: '2026-01-03T00:00:00Z',
      policy: { creditDelayMinutes: 10 },
      autoRecharge: auto({ threshold: 5, amount: 10 }),
      events: [
        { type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 10 },
        { type: 'purchase', id: 'mine', at: '2026-01-02T00:00:00Z', amount: 20, source },
        // balance 2 (the $20 is pending and does not count).
        { type: 'usage', at: '2026-01-02T00:05:00Z', amount: 8 },
      ],
    });
    expect(run(input('auto')).autoRecharges).toEqual([]);
    expect(run(input('import')).autoRecharges).toEqual([
      { id: 'auto-1', at: ms('2026-01-02T00:05:00Z'), amount: usd(10), balanceBefore: usd(2) },
    ]);
  });
});

describe('monthlyLimit', () => {
  it('blocks a purchase that does not fit in full, recorded once per month, input auto purchases counted', () => {
    const result = run({
      now: '2026-03-02T00:00:00Z',
      autoRecharge: auto({ threshold: 5, amount: 10, monthlyLimit: 15 }),
      events: [
        { type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 10 },
        { type: 'usage', at: '2026-01-10T00:00:00Z', amount: 6 }, // balance 4: auto-1 (January 10)
        { type: 'usage', at: '2026-01-15T00:00:00Z', amount: 10 }, // balance 4: 20 > 15, blocked
        { type: 'usage', at: '2026-01-20T00:00:00Z', amount: 1 }, // blocked again, not listed
        { type: 'purchase', id: 'imp', at: '2026-02-01T00:00:00Z', amount: 12, source: 'auto' }, // February 12
        { type: 'usage', at: '2026-02-02T00:00:00Z', amount: 11 }, // balance 4: 22 > 15, blocked
        { type: 'usage', at: '2026-03-01T00:00:00Z', amount: 0 }, // March 0 + 10: auto-2
      ],
    });
    expect(result.autoRecharges).toEqual([
      { id: 'auto-1', at: ms('2026-01-10T00:00:00Z'), amount: usd(10), balanceBefore: usd(4) },
      // Jan 20 left 3; imp brought 15, Feb 2 took 11: 4 again when March's check may buy.
      { id: 'auto-2', at: ms('2026-03-01T00:00:00Z'), amount: usd(10), balanceBefore: usd(4) },
    ]);
    expect(result.autoRechargeBlocked).toEqual([
      { month: '2026-01', at: ms('2026-01-15T00:00:00Z'), amount: usd(10) },
      { month: '2026-02', at: ms('2026-02-02T00:00:00Z'), amount: usd(10) },
    ]);
    expect(result.grants.map((g) => [g.id, g.source, g.used, g.remaining])).toEqual([
      ['p1', 'manual', usd(10), 0n],
      ['auto-1', 'auto', usd(10), 0n],
      ['imp', 'auto', usd(8), usd(4)],
      ['auto-2', 'auto', 0n, usd(10)],
    ]);
    expect(result.totals).toEqual({ purchased: usd(42), granted: usd(42), used: usd(28), forfeited: 0n });
    expect(month(result, '2026-03')).toEqual({ total: 0n, covered: 0n, uncovered: 0n });
  });

  it('records what topUp would have bought, and a limit below one purchase blocks all', () => {
    const result = run({
      now: '2026-01-10T00:00:00Z',
      autoRecharge: auto({ threshold: 5, mode: 'topUp', target: 30, monthlyLimit: '4.999999' }),
      events: [
        { type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 10 },
        // balance −2: 30 − (−2) = 32.
        { type: 'usage', at: '2026-01-02T00:00:00Z', amount: 12 },
        { type: 'usage', at: '2026-01-03T00:00:00Z', amount: 1 },
      ],
    });
    expect(result.autoRecharges).toEqual([]);
    expect(result.autoRechargeBlocked).toEqual([
      { month: '2026-01', at: ms('2026-01-02T00:00:00Z'), amount: usd(32) },
    ]);
  });

  it('is counted by the UTC month of the purchase', () => {
    const result = run({
      now: '2026-02-10T00:00:00Z',
      autoRecharge: auto({ threshold: 5, amount: 10, monthlyLimit: 10 }),
      events: [
        { type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 5 },
        // Jan 31 23:30 UTC: January's purchase.
        { type: 'usage', at: '2026-02-01T00:30:00+01:00', amount: 1 },
        // Feb 1 00:30 UTC: a new month, so it fits.
        { type: 'usage', at: '2026-02-01T00:30:00Z', amount: 10 },
      ],
    });
    expect(result.autoRecharges.map((a) => [a.id, a.at])).toEqual([
      ['auto-1', ms('2026-01-31T23:30:00Z')],
      ['auto-2', ms('2026-02-01T00:30:00Z')],
    ]);
    expect(result.autoRechargeBlocked).toEqual([]);
  });
});

describe('monthly_invoice', () => {
  it('auto-recharge works the same: overage makes no debt, balance is available', () => {
    const result = run({
      now: '2026-01-10T00:00:00Z',
      account: 'monthly_invoice',
      autoRecharge: auto({ threshold: 5, mode: 'topUp', target: 20 }),
      events: [
        { type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 10 },
        // $4 overage, no debt: balance 0, target − 0 = 20.
        { type: 'usage', at: '2026-01-02T00:00:00Z', amount: 14 },
      ],
    });
    expect(result.autoRecharges.map((a) => a.amount)).toEqual([usd(20)]);
    expect(grant(result, 'auto-1').debtSettled).toBe(0n);
    expect([result.available, result.debt]).toEqual([usd(20), 0n]);
    expect(month(result, '2026-01')).toEqual({ total: usd(14), covered: usd(10), uncovered: usd(4) });
  });
});
