/**
 * Hand-computed cases beyond the spec's worked examples: calendar edges, offsets, ordering,
 * half micro-dollars, credit delay, calibration with debt, exhaustedSince. Every expectation is
 * derived from the spec (billing-rules.md) in the comments, not from the engine's output.
 */
import { parse } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { resultToJson, resultToSpecObject } from '../../../shared/billing/result-json';
import { counters, grant, month, ms, run, runJson, usd } from './billing-test-helpers';

describe('leap days and month ends', () => {
  it('Jan 31 + 1 month expires Feb 29 of a leap year; a usage at that instant cannot draw', () => {
    const result = run({
      now: '2024-03-01T00:00:00Z',
      policy: { expiryMonths: 1 },
      events: [
        { type: 'purchase', id: 'p1', at: '2024-01-31T10:00:00Z', amount: 10 },
        { type: 'usage', at: '2024-02-29T09:59:59.999Z', amount: 2 },
        { type: 'usage', at: '2024-02-29T10:00:00Z', amount: 1 },
      ],
    });
    const p1 = grant(result, 'p1');
    expect(p1.expiresAt).toBe(ms('2024-02-29T10:00:00Z'));
    // $2 drawn a millisecond before expiry; at expiry $8 is forfeited first, so the $1 is debt.
    expect(counters(p1)).toEqual({
      used: usd(2),
      debtSettled: 0n,
      forfeited: usd(8),
      remaining: 0n,
      status: 'expired',
    });
    expect(result.debt).toBe(usd(1));
    expect(result.balance).toBe(usd(-1));
    expect(month(result, '2024-02')).toEqual({ total: usd(3), covered: usd(2), uncovered: usd(1) });
    // The expiry brought available from $8 to 0.
    expect(result.exhaustedSince).toBe(ms('2024-02-29T10:00:00Z'));
    expect(result.totals).toEqual({ purchased: usd(10), granted: usd(10), used: usd(2), forfeited: usd(8) });
  });

  it('clamps to the last day of shorter months, same time of day', () => {
    const result = run({
      now: '2026-01-01T00:00:00Z',
      policy: { expiryMonths: 2 },
      events: [
        { type: 'purchase', id: 'dec31', at: '2025-12-31T23:00:00Z', amount: 10 },
        { type: 'purchase', id: 'dec30', at: '2025-12-30T01:02:03.004Z', amount: 10 },
        { type: 'purchase', id: 'oct31', at: '2025-10-31T12:00:00Z', amount: 10 },
      ],
    });
    expect(grant(result, 'dec31').expiresAt).toBe(ms('2026-02-28T23:00:00Z'));
    expect(grant(result, 'dec30').expiresAt).toBe(ms('2026-02-28T01:02:03.004Z'));
    // Oct 31 + 2 = Dec 31: no clamping needed, and it expired before now.
    expect(grant(result, 'oct31').expiresAt).toBe(ms('2025-12-31T12:00:00Z'));
    expect(grant(result, 'oct31').status).toBe('expired');
  });

  it('a month change counts usage by UTC month', () => {
    const result = run({
      now: '2026-03-15T00:00:00Z',
      account: 'monthly_invoice',
      events: [
        { type: 'usage', at: '2026-01-31T23:59:59.999Z', amount: 1 },
        { type: 'usage', at: '2026-02-01T00:00:00Z', amount: 2 },
        { type: 'usage', at: '2026-02-28T23:59:59Z', amount: 3 },
        { type: 'usage', at: '2026-03-01T00:00:00-00:30', amount: 4 },
      ],
    });
    expect([...result.usageByMonth.keys()]).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(month(result, '2026-01').total).toBe(usd(1));
    expect(month(result, '2026-02').total).toBe(usd(5));
    expect(month(result, '2026-03')).toEqual({ total: usd(4), covered: 0n, uncovered: usd(4) });
  });
});

describe('offsets: every rule in UTC', () => {
  it('orders by the UTC instant, whatever the offset', () => {
    const result = run({
      now: '2026-02-05T00:00:00Z',
      events: [
        // Jan 9 23:00 UTC: before p2 of Jan 9 23:30 UTC, though its local time reads later.
        { type: 'usage', at: '2026-01-10T01:00:00+02:00', amount: 3 },
        { type: 'purchase', id: 'p2', at: '2026-01-09T23:30:00Z', amount: 10 },
      ],
    });
    const p2 = grant(result, 'p2');
    // The usage came first: $3 of debt, settled by p2.
    expect(counters(p2)).toEqual({
      used: usd(3),
      debtSettled: usd(3),
      forfeited: 0n,
      remaining: usd(7),
      status: 'active',
    });
    expect(month(result, '2026-01')).toEqual({ total: usd(3), covered: 0n, uncovered: usd(3) });
  });

  it('writes the spec example expiry as 2026-03-28T23:30:00Z', () => {
    const result = run({
      now: '2026-03-01T00:30:00+01:00',
      policy: { expiryMonths: 1 },
      events: [{ type: 'purchase', id: 'p1', at: '2026-03-01T00:30:00+01:00', amount: 10 }],
    });
    const written = resultToSpecObject(result) as { grants: { at: string; expiresAt: string }[] };
    expect(written.grants[0]).toMatchObject({
      at: '2026-02-28T23:30:00Z',
      expiresAt: '2026-03-28T23:30:00Z',
    });
  });

  it('puts an offset usage into its UTC month', () => {
    const result = run({
      now: '2026-02-10T00:00:00Z',
      events: [{ type: 'usage', at: '2026-02-01T00:30:00+01:00', amount: 1 }],
    });
    expect([...result.usageByMonth.keys()]).toEqual(['2026-01']);
  });
});

describe('events at the same instant keep their input order', () => {
  const T = '2026-01-10T00:00:00Z';

  it('usage before purchase: the usage is uncovered and the purchase settles it', () => {
    const result = run({
      now: '2026-01-20T00:00:00Z',
      events: [
        { type: 'usage', at: T, amount: 5 },
        { type: 'purchase', id: 'p1', at: T, amount: 10 },
      ],
    });
    expect(counters(grant(result, 'p1'))).toEqual({
      used: usd(5),
      debtSettled: usd(5),
      forfeited: 0n,
      remaining: usd(5),
      status: 'active',
    });
    expect(month(result, '2026-01')).toEqual({ total: usd(5), covered: 0n, uncovered: usd(5) });
  });

  it('purchase before usage: the usage is covered', () => {
    const result = run({
      now: '2026-01-20T00:00:00Z',
      events: [
        { type: 'purchase', id: 'p1', at: T, amount: 10 },
        { type: 'usage', at: T, amount: 5 },
      ],
    });
    expect(grant(result, 'p1').debtSettled).toBe(0n);
    expect(month(result, '2026-01')).toEqual({ total: usd(5), covered: usd(5), uncovered: 0n });
  });

  it('same-instant purchases are created, drawn and listed in input order', () => {
    const events = (first: string, second: string) => [
      { type: 'purchase', id: first, at: T, amount: 10 },
      { type: 'purchase', id: second, at: T, amount: 10 },
      { type: 'usage', at: '2026-01-11T00:00:00Z', amount: 4 },
    ];
    const ab = run({ now: '2026-01-20T00:00:00Z', events: events('a', 'b') });
    expect(ab.grants.map((g) => [g.id, g.used])).toEqual([
      ['a', usd(4)],
      ['b', 0n],
    ]);
    const ba = run({ now: '2026-01-20T00:00:00Z', events: events('b', 'a') });
    expect(ba.grants.map((g) => [g.id, g.used])).toEqual([
      ['b', usd(4)],
      ['a', 0n],
    ]);
  });

  it('grants that become usable at one instant settle debt in creation order, not drawing order', () => {
    const result = run({
      now: '2026-01-02T00:00:00Z',
      policy: { creditDelayMinutes: 10 },
      events: [
        { type: 'usage', at: '2026-01-01T00:00:00Z', amount: 12 },
        { type: 'purchase', id: 'a', at: '2026-01-01T01:00:00Z', amount: 10 },
        { type: 'purchase', id: 'b', at: '2026-01-01T01:00:00Z', amount: 10 },
        // Made at the instant a and b become usable, after them: the debt is gone by then.
        { type: 'grant', id: 'g', at: '2026-01-01T01:10:00Z', amount: 5 },
      ],
    });
    expect(result.grants.map((g) => [g.id, g.debtSettled, g.remaining])).toEqual([
      ['a', usd(10), 0n],
      ['b', usd(2), usd(8)],
      ['g', 0n, usd(5)],
    ]);
    expect(grant(result, 'a').effectiveAt).toBe(ms('2026-01-01T01:10:00Z'));
  });
});

describe('drawing order tie-breaks', () => {
  it('equal expiresAt: earlier effectiveAt first, even if created later', () => {
    // P (Jan 30, delay 2 days) is usable Feb 1; cal-1 (Jan 31) at once. Both expire Feb 28 00:00:
    // Jan 30 + 1 month and Jan 31 + 1 month both clamp to Feb 28.
    const result = run({
      now: '2026-02-03T00:00:00Z',
      policy: { expiryMonths: 1, creditDelayMinutes: 2880 },
      events: [
        { type: 'purchase', id: 'P', at: '2026-01-30T00:00:00Z', amount: 10 },
        // P is pending, so the computed balance is 0 and the drift is +6.
        { type: 'balance', at: '2026-01-31T00:00:00Z', balance: 6 },
        { type: 'usage', at: '2026-02-02T00:00:00Z', amount: 8 },
      ],
    });
    const cal = grant(result, 'cal-1');
    const p = grant(result, 'P');
    expect(cal.expiresAt).toBe(ms('2026-02-28T00:00:00Z'));
    expect(p.expiresAt).toBe(ms('2026-02-28T00:00:00Z'));
    expect(p.effectiveAt).toBe(ms('2026-02-01T00:00:00Z'));
    expect(result.grants.map((g) => g.id)).toEqual(['P', 'cal-1']);
    expect(counters(cal)).toEqual({
      used: usd(6),
      debtSettled: 0n,
      forfeited: 0n,
      remaining: 0n,
      status: 'depleted',
    });
    expect(counters(p)).toEqual({
      used: usd(2),
      debtSettled: 0n,
      forfeited: 0n,
      remaining: usd(8),
      status: 'active',
    });
  });

  it('free credit before purchased, then earliest expiry', () => {
    const result = run({
      now: '2026-03-01T00:00:00Z',
      events: [
        { type: 'purchase', id: 'old', at: '2025-03-15T00:00:00Z', amount: 10 },
        { type: 'import', note: 'unknown type, rejected' },
        { type: 'purchase', id: 'new', at: '2026-02-01T00:00:00Z', amount: 10, source: 'import' },
        {
          type: 'grant',
          id: 'late',
          at: '2026-02-01T00:00:00Z',
          amount: 2,
          expiresAt: '2030-01-01T00:00:00Z',
        },
        {
          type: 'grant',
          id: 'soon',
          at: '2026-02-01T00:00:00Z',
          amount: 2,
          expiresAt: '2029-01-01T00:00:00Z',
        },
        { type: 'usage', at: '2026-02-10T00:00:00Z', amount: 9 },
      ],
    });
    // soon (free, 2029) 2, late (free, 2030) 2, old (2026-03-15) 5 of 10, new untouched.
    expect(result.grants.map((g) => [g.id, g.used])).toEqual([
      ['old', usd(5)],
      ['new', 0n],
      ['late', usd(2)],
      ['soon', usd(2)],
    ]);
    expect(grant(result, 'new').source).toBe('import');
    expect(result.totals.purchased).toBe(usd(20));
  });
});

describe('half micro-dollar amounts', () => {
  it('are rounded once when read; sums stay exact', () => {
    const result = runJson(`{
      "now": "2026-01-31T00:00:00Z",
      "events": [
        { "type": "purchase", "id": "p1", "at": "2026-01-01T00:00:00Z", "amount": 4.9999995 },
        { "type": "usage", "at": "2026-01-02T00:00:00Z", "amount": 0.0000005 },
        { "type": "usage", "at": "2026-01-03T00:00:00Z", "amount": "0.0000005" },
        { "type": "usage", "at": "2026-01-04T00:00:00Z", "amount": 5e-7 },
        { "type": "usage", "at": "2026-01-05T00:00:00Z", "amount": 0.0000004999 },
        { "type": "usage", "at": "2026-01-06T00:00:00Z", "amount": "-0.0000004" },
        { "type": "usage", "at": "2026-01-07T00:00:00Z", "amount": 0.1234565 }
      ]
    }`);
    expect(result.rejected).toEqual([]);
    // 4.9999995 → 5.000000, within the limits. Usages: 1 + 1 + 1 + 0 + 0 + 123457 µ$.
    expect(grant(result, 'p1').amount).toBe(usd(5));
    expect(month(result, '2026-01').total).toBe(123_460n);
    expect(result.available).toBe(usd(5) - 123_460n);
    const json = parse(resultToJson(result)) as { available: { value: string } };
    expect(json.available.value).toBe('4.87654');
  });

  it('a hundred thousand usages of $0.000001 sum to exactly $0.1', () => {
    const events: unknown[] = [{ type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 5 }];
    for (let i = 0; i < 100_000; i++)
      events.push({ type: 'usage', at: '2026-01-02T00:00:00Z', amount: '0.000001' });
    const result = run({ now: '2026-01-31T00:00:00Z', events });
    expect(month(result, '2026-01').total).toBe(usd(0.1));
    expect(result.available).toBe(usd(4.9));
  });
});

describe('credit delay longer than the expiry period', () => {
  const input = (now: string) => ({
    now,
    policy: { expiryMonths: 1, creditDelayMinutes: 40 * 24 * 60 },
    events: [
      // Usable Feb 10 (40 days), expires Feb 1 (1 month): a pending grant does not expire.
      { type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 10 },
      { type: 'usage', at: '2026-01-05T00:00:00Z', amount: 3 },
    ],
  });

  it('is still pending after its expiresAt', () => {
    const result = run(input('2026-02-05T00:00:00Z'));
    const p1 = grant(result, 'p1');
    expect(p1.effectiveAt).toBe(ms('2026-02-10T00:00:00Z'));
    expect(p1.expiresAt).toBe(ms('2026-02-01T00:00:00Z'));
    expect(counters(p1)).toEqual({
      used: 0n,
      debtSettled: 0n,
      forfeited: 0n,
      remaining: usd(10),
      status: 'pending',
    });
    expect([result.available, result.pending, result.debt, result.balance]).toEqual([
      0n,
      usd(10),
      usd(3),
      usd(-3),
    ]);
    // available was never above 0: the earliest accepted event.
    expect(result.quotaExhausted).toBe(true);
    expect(result.exhaustedSince).toBe(ms('2026-01-01T00:00:00Z'));
  });

  it('becomes usable at effectiveAt, settles the debt, and expires in the same instant', () => {
    const result = run(input('2026-02-20T00:00:00Z'));
    expect(counters(grant(result, 'p1'))).toEqual({
      used: usd(3),
      debtSettled: usd(3),
      forfeited: usd(7),
      remaining: 0n,
      status: 'expired',
    });
    expect([result.available, result.pending, result.debt]).toEqual([0n, 0n, 0n]);
    // available rose to $7 and fell to 0 within Feb 10.
    expect(result.exhaustedSince).toBe(ms('2026-02-10T00:00:00Z'));
    expect(result.totals).toEqual({ purchased: usd(10), granted: usd(10), used: usd(3), forfeited: usd(7) });
    expect(result.forfeitRisk).toEqual([]);
  });

  it('the expiry at effectiveAt runs the auto-recharge check', () => {
    const result = run({
      ...input('2026-02-20T00:00:00Z'),
      autoRecharge: { enabled: true, threshold: 1, amount: 5 },
      events: [{ type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 10 }],
    });
    // At Feb 10 p1 expires with $10: balance 0 < 1, nothing pending: auto-1 is bought (pending 40 days).
    expect(result.autoRecharges).toEqual([
      { id: 'auto-1', at: ms('2026-02-10T00:00:00Z'), amount: usd(5), balanceBefore: 0n },
    ]);
    expect(result.pending).toBe(usd(5));
  });
});

describe('calibration with debt', () => {
  it('a positive drift makes a calibration grant that settles debt first', () => {
    const result = run({
      now: '2026-01-05T00:00:00Z',
      events: [
        { type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 10 },
        { type: 'usage', at: '2026-01-02T00:00:00Z', amount: 13 },
        // computed −3, observed −1: drift +2, all of it settles debt.
        { type: 'balance', at: '2026-01-03T00:00:00Z', balance: -1 },
        // computed −1, observed −1: drift 0, no grant, no id used.
        { type: 'balance', at: '2026-01-03T12:00:00Z', balance: '-1.00' },
        // computed −1, observed 4: drift +5, $1 settles the rest of the debt.
        { type: 'balance', at: '2026-01-04T00:00:00Z', balance: 4 },
      ],
    });
    expect(result.calibrations).toEqual([
      { at: ms('2026-01-03T00:00:00Z'), observed: usd(-1), computed: usd(-3), drift: usd(2) },
      { at: ms('2026-01-03T12:00:00Z'), observed: usd(-1), computed: usd(-1), drift: 0n },
      { at: ms('2026-01-04T00:00:00Z'), observed: usd(4), computed: usd(-1), drift: usd(5) },
    ]);
    expect(
      result.grants.map((g) => [g.id, g.source, g.amount, g.used, g.debtSettled, g.remaining, g.status]),
    ).toEqual([
      ['p1', 'manual', usd(10), usd(10), 0n, 0n, 'depleted'],
      ['cal-1', 'calibration', usd(2), usd(2), usd(2), 0n, 'depleted'],
      ['cal-2', 'calibration', usd(5), usd(1), usd(1), usd(4), 'active'],
    ]);
    expect(grant(result, 'cal-2').expiresAt).toBe(ms('2027-01-04T00:00:00Z'));
    expect([result.available, result.debt, result.balance]).toEqual([usd(4), 0n, usd(4)]);
    expect(result.totals).toEqual({ purchased: usd(10), granted: usd(17), used: usd(13), forfeited: 0n });
    expect(month(result, '2026-01')).toEqual({ total: usd(13), covered: usd(10), uncovered: usd(3) });
  });

  it('a negative drift with debt adds debt, but is not usage', () => {
    const result = run({
      now: '2026-01-05T00:00:00Z',
      events: [
        { type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 10 },
        { type: 'usage', at: '2026-01-02T00:00:00Z', amount: 12 },
        // computed −2, observed −5: drift −3, drawn from no credit: debt 5.
        { type: 'balance', at: '2026-01-03T00:00:00Z', balance: -5 },
        { type: 'purchase', id: 'p2', at: '2026-01-04T00:00:00Z', amount: 20 },
      ],
    });
    expect(result.calibrations).toEqual([
      { at: ms('2026-01-03T00:00:00Z'), observed: usd(-5), computed: usd(-2), drift: usd(-3) },
    ]);
    expect(counters(grant(result, 'p2'))).toEqual({
      used: usd(5),
      debtSettled: usd(5),
      forfeited: 0n,
      remaining: usd(15),
      status: 'active',
    });
    expect(month(result, '2026-01')).toEqual({ total: usd(12), covered: usd(10), uncovered: usd(2) });
    // Burn rate: only the $12 usage of Jan 2 in [Dec 29, Jan 5), over 7 days = 1.714285… → 1.714286.
    expect(result.burnRatePerDay).toBe(1_714_286n);
    // runway = 15 / (12/7) = 8.75 days; depletion Jan 5 + 8.75 days = Jan 13 18:00.
    expect(result.runwayDays).toBeCloseTo(8.75, 9);
    expect(result.depletionAt).toBe(BigInt(ms('2026-01-13T18:00:00Z')));
    expect(result.totals.used).toBe(usd(15));
  });

  it('monthly_invoice treats a negative observed balance as 0, and credit covers the drift', () => {
    const result = run({
      now: '2026-01-05T00:00:00Z',
      account: 'monthly_invoice',
      events: [
        { type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 10 },
        { type: 'balance', at: '2026-01-02T00:00:00Z', balance: -5 },
      ],
    });
    expect(result.calibrations).toEqual([
      { at: ms('2026-01-02T00:00:00Z'), observed: 0n, computed: usd(10), drift: usd(-10) },
    ]);
    expect([result.available, result.debt, result.balance]).toEqual([0n, 0n, 0n]);
    expect(result.quotaExhausted).toBe(false);
    expect(result.exhaustedSince).toBeNull();
    expect(result.usageByMonth.size).toBe(0);
  });

  it('a negative drift that crosses credit draws in drawing order', () => {
    const result = run({
      now: '2026-01-05T00:00:00Z',
      events: [
        { type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 10 },
        { type: 'grant', id: 'g', at: '2026-01-01T00:00:00Z', amount: 3 },
        // computed 13, observed 2: drift −11 takes g's 3 first, then 8 of p1.
        { type: 'balance', at: '2026-01-02T00:00:00Z', balance: '2' },
      ],
    });
    expect(result.grants.map((g) => [g.id, g.used])).toEqual([
      ['p1', usd(8)],
      ['g', usd(3)],
    ]);
    expect(result.balance).toBe(usd(2));
    expect(result.burnRatePerDay).toBe(0n);
  });
});

describe('exhaustedSince (spec §8)', () => {
  it('never above 0: the earliest accepted event, by time not input order', () => {
    const result = run({
      now: '2026-01-10T00:00:00Z',
      events: [
        { type: 'usage', at: '2026-01-05T00:00:00Z', amount: 1 },
        { type: 'usage', at: '2026-01-03T00:00:00Z', amount: 2 },
        { type: 'purchase', id: 'x', at: '2026-01-01T00:00:00Z', amount: 1 },
      ],
    });
    expect(result.rejected).toEqual([{ index: 2, reason: 'out-of-limits' }]);
    expect(result.exhaustedSince).toBe(ms('2026-01-03T00:00:00Z'));
  });

  it('no accepted event: now', () => {
    expect(run({ now: '2026-01-10T00:00:00Z', events: [] }).exhaustedSince).toBe(ms('2026-01-10T00:00:00Z'));
    const onlyRejected = run({
      now: '2026-01-10T00:00:00Z',
      events: [{ type: 'usage', at: 'x', amount: 1 }],
    });
    expect(onlyRejected.quotaExhausted).toBe(true);
    expect(onlyRejected.exhaustedSince).toBe(ms('2026-01-10T00:00:00Z'));
  });

  it('credit that only settled debt never raised available', () => {
    const result = run({
      now: '2026-01-10T00:00:00Z',
      events: [
        { type: 'usage', at: '2026-01-01T00:00:00Z', amount: 10 },
        { type: 'purchase', id: 'p1', at: '2026-01-02T00:00:00Z', amount: 10 },
      ],
    });
    expect([result.available, result.debt, result.balance, result.quotaExhausted]).toEqual([
      0n,
      0n,
      0n,
      true,
    ]);
    expect(grant(result, 'p1').status).toBe('depleted');
    expect(result.exhaustedSince).toBe(ms('2026-01-01T00:00:00Z'));
  });

  it('rose and fell again within one instant: that instant', () => {
    const result = run({
      now: '2026-01-10T00:00:00Z',
      events: [
        { type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 10 },
        { type: 'usage', at: '2026-01-02T00:00:00Z', amount: 10 },
        { type: 'purchase', id: 'p2', at: '2026-01-03T00:00:00Z', amount: 5 },
        { type: 'usage', at: '2026-01-03T00:00:00Z', amount: 7 },
      ],
    });
    expect(result.exhaustedSince).toBe(ms('2026-01-03T00:00:00Z'));
    expect(result.debt).toBe(usd(2));
  });

  it('null when not exhausted, and always for monthly_invoice', () => {
    const prepaid = run({
      now: '2026-01-10T00:00:00Z',
      events: [{ type: 'grant', id: 'g', at: '2026-01-01T00:00:00Z', amount: '0.000001' }],
    });
    expect([prepaid.quotaExhausted, prepaid.exhaustedSince]).toEqual([false, null]);
    const invoiced = run({
      now: '2026-01-10T00:00:00Z',
      account: 'monthly_invoice',
      events: [{ type: 'usage', at: '2026-01-02T00:00:00Z', amount: 4 }],
    });
    expect([invoiced.available, invoiced.debt, invoiced.quotaExhausted, invoiced.exhaustedSince]).toEqual([
      0n,
      0n,
      false,
      null,
    ]);
    expect(month(invoiced, '2026-01')).toEqual({ total: usd(4), covered: 0n, uncovered: usd(4) });
  });
});

describe('extended years', () => {
  it('writes instants after 9999 extended: expiry and depletion', () => {
    const result = run({
      now: '9999-12-31T00:00:00Z',
      events: [
        { type: 'purchase', id: 'p1', at: '9999-06-01T00:00:00Z', amount: 50 },
        { type: 'usage', at: '9999-12-30T00:00:00Z', amount: 1 },
      ],
    });
    const written = resultToSpecObject(result) as {
      grants: { expiresAt: string }[];
      depletionAt: string;
      forfeitRisk: { expiresAt: string }[];
    };
    expect(written.grants[0]!.expiresAt).toBe('+010000-06-01T00:00:00Z');
    // Rate $1/7 a day, $49 left: 343 days after 9999-12-31 is 10000-12-08 (10000 is a leap year).
    expect(result.depletionAt).toBe(BigInt(ms('9999-12-31T00:00:00Z') + 343 * 86_400_000));
    expect(written.depletionAt).toBe('+010000-12-08T00:00:00Z');
    // p1 expires 153 days after now and burns 153/7 of its $49: 190/7 = 27.142857… is at risk.
    expect(written.forfeitRisk).toEqual([
      {
        id: 'p1',
        expiresAt: '+010000-06-01T00:00:00Z',
        amount: expect.objectContaining({ value: '27.142857' }),
      },
    ]);
  });
});
