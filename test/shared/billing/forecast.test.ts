/** The forecast at `now` (spec §9), hand-computed. */
import { describe, expect, it } from 'vitest';
import { resultToSpecObject } from '../../../shared/billing/result-json';
import { ms, run, usd } from './billing-test-helpers';

const DAY = 86_400_000;

/** $1 a day on each of Mar 3..9 at noon: a rate of $1/day for now = Mar 10, windowDays 7. */
const oneADay = Array.from({ length: 7 }, (_, i) => ({
  type: 'usage',
  at: `2026-03-0${3 + i}T12:00:00Z`,
  amount: 1,
}));

describe('burn-rate window [D − windowDays, D)', () => {
  it('counts from 00:00 UTC windowDays before the day of now, up to (not including) that day', () => {
    const result = run({
      now: '2026-03-10T15:00:00Z',
      forecast: { windowDays: 2 },
      events: [
        { type: 'usage', at: '2026-03-07T23:59:59.999Z', amount: 100 }, // before the window
        { type: 'usage', at: '2026-03-08T00:30:00+01:00', amount: 1000 }, // Mar 7 23:30 UTC: before
        { type: 'usage', at: '2026-03-08T00:00:00Z', amount: 1 }, // first instant: in
        { type: 'usage', at: '2026-03-09T23:59:59.999Z', amount: 2 }, // last instant: in
        { type: 'usage', at: '2026-03-09T23:30:00-01:00', amount: 4 }, // Mar 10 00:30 UTC: the day of now
        { type: 'usage', at: '2026-03-10T00:00:00Z', amount: 50 }, // D itself: out
        { type: 'usage', at: '2026-03-10T15:00:00Z', amount: 8 }, // now: out
      ],
    });
    // ($1 + $2) / 2 days; the usage is all debt (uncovered still counts).
    expect(result.burnRatePerDay).toBe(usd(1.5));
    expect(result.debt).toBe(usd(1165));
    // Nothing available: the runway is 0 days, not null, and depletion is now.
    expect(result.runwayDays).toBe(0);
    expect(result.depletionAt).toBe(BigInt(ms('2026-03-10T15:00:00Z')));
  });

  it('writes the rate rounded, halves away from zero, but runs on the exact rate', () => {
    const half = run({
      now: '2026-03-10T00:00:00Z',
      forecast: { windowDays: 2 },
      events: [{ type: 'usage', at: '2026-03-09T00:00:00Z', amount: '0.000001' }],
    });
    // 0.5 µ$ a day is written 0.000001.
    expect(half.burnRatePerDay).toBe(1n);
    const third = run({
      now: '2026-03-10T00:00:00Z',
      forecast: { windowDays: 3 },
      events: [{ type: 'usage', at: '2026-03-09T00:00:00Z', amount: '0.000001' }],
    });
    // 1/3 µ$ a day is written 0, yet the rate is not 0: runway and depletion are not null.
    expect(third.burnRatePerDay).toBe(0n);
    expect(third.runwayDays).toBe(0);
    expect(third.depletionAt).toBe(BigInt(ms('2026-03-10T00:00:00Z')));
  });

  it('ignores negative calibration drift', () => {
    const result = run({
      now: '2026-03-10T00:00:00Z',
      events: [
        { type: 'purchase', id: 'p1', at: '2026-03-01T00:00:00Z', amount: 50 },
        { type: 'balance', at: '2026-03-05T00:00:00Z', balance: 40 },
      ],
    });
    expect(result.burnRatePerDay).toBe(0n);
    expect(result.runwayDays).toBeNull();
    expect(result.depletionAt).toBeNull();
  });
});

describe('runway and depletionAt', () => {
  it('keeps depletionAt exact to the millisecond far beyond a double (year 2,739,931)', () => {
    // $1,000 at $0.000001/day: exactly 10^9 days after now, which ends in .001.
    const result = run({
      now: '2024-01-01T00:00:00.001Z',
      forecast: { windowDays: 1 },
      events: [
        {
          type: 'grant',
          id: 'g',
          at: '2023-12-30T00:00:00Z',
          amount: '1000.000001',
          expiresAt: '9999-01-01T00:00:00Z',
        },
        { type: 'usage', at: '2023-12-31T00:00:00Z', amount: '0.000001' },
      ],
    });
    expect(result.runwayDays).toBe(1e9);
    expect(result.depletionAt).toBe(BigInt(ms('2024-01-01T00:00:00.001Z')) + 10n ** 9n * 86_400_000n);
    expect((resultToSpecObject(result) as { depletionAt: string }).depletionAt).toBe(
      '+2739931-01-04T00:00:00.001Z',
    );
  });

  it('rounds depletionAt down to the millisecond', () => {
    const result = run({
      now: '2026-03-10T00:00:00Z',
      events: [{ type: 'purchase', id: 'p1', at: '2026-03-01T00:00:00Z', amount: '7.000004' }, ...oneADay],
    });
    // $0.000004 left at $1/day: 4e-6 days = 345.6 ms → 345 ms (down, not to the nearest).
    expect(result.available).toBe(4n);
    expect(result.burnRatePerDay).toBe(usd(1));
    expect(result.runwayDays).toBeCloseTo(4e-6, 12);
    expect(result.depletionAt).toBe(BigInt(ms('2026-03-10T00:00:00.345Z')));
    expect((resultToSpecObject(result) as { depletionAt: string }).depletionAt).toBe(
      '2026-03-10T00:00:00.345Z',
    );
  });

  it('uses the exact rate, not the written one', () => {
    const result = run({
      now: '2026-03-10T00:00:00Z',
      forecast: { windowDays: 3 },
      events: [
        { type: 'purchase', id: 'p1', at: '2026-03-01T00:00:00Z', amount: 5 },
        { type: 'usage', at: '2026-03-02T00:00:00Z', amount: '2.999997' }, // outside [Mar 7, Mar 10)
        { type: 'usage', at: '2026-03-08T00:00:00Z', amount: 1 },
      ],
    });
    // Rate $1/3 a day (written 0.333333); $1.000003 lasts 3.000009 days = 259200777.6 ms → .777.
    // (With the written rate it would be 3.000012… days.)
    expect(result.burnRatePerDay).toBe(333_333n);
    expect(result.runwayDays).toBeCloseTo(3.000009, 9);
    expect(result.depletionAt).toBe(BigInt(ms('2026-03-13T00:00:00.777Z')));
  });

  it('ignores pending credit and expiry', () => {
    const result = run({
      now: '2026-03-10T00:00:00Z',
      policy: { creditDelayMinutes: 60 },
      events: [
        { type: 'grant', id: 'g', at: '2026-03-01T00:00:00Z', amount: 10, expiresAt: '2026-03-11T00:00:00Z' },
        ...oneADay,
        { type: 'purchase', id: 'p1', at: '2026-03-09T23:30:00Z', amount: 20 },
      ],
    });
    // $3 available (g expires tomorrow, still counted), $20 pending not counted: 3 days.
    expect([result.available, result.pending]).toEqual([usd(3), usd(20)]);
    expect(result.runwayDays).toBeCloseTo(3, 9);
    expect(result.depletionAt).toBe(BigInt(ms('2026-03-13T00:00:00Z')));
  });
});

describe('forfeitRisk', () => {
  it('drains grants in drawing order at the rate; a grant expiring while earlier ones drain forfeits all', () => {
    const at = '2026-03-09T18:00:00Z';
    const result = run({
      now: '2026-03-10T00:00:00Z',
      events: [
        // Expires 2026-03-15; the week's $7 of usage comes from it: $13 left.
        { type: 'purchase', id: 'p0', at: '2025-03-15T00:00:00Z', amount: 20 },
        ...oneADay,
        { type: 'grant', id: 'A', at, amount: 3, expiresAt: '2026-03-12T00:00:00Z' },
        { type: 'grant', id: 'B', at, amount: 5, expiresAt: '2026-03-20T00:00:00Z' },
        { type: 'grant', id: 'C', at, amount: 4, expiresAt: '2026-03-19T00:00:00Z' },
        { type: 'purchase', id: 'p1', at, amount: 10 },
      ],
    });
    // Drawing order A (Mar 12), C (Mar 19), B (Mar 20), p0 (Mar 15), p1 (2027), at $1/day from Mar 10:
    // A burns 2 of 3 by Mar 12 → 1 at risk; C burns 4 from Mar 12 to Mar 16 → 0;
    // B from Mar 16 burns 4 of 5 by Mar 20 → 1; p0 expires Mar 15 while C drains → all 13;
    // p1 from Mar 20 with 10 → 0.
    expect(result.forfeitRisk).toEqual([
      { id: 'A', expiresAt: ms('2026-03-12T00:00:00Z'), amount: usd(1) },
      { id: 'B', expiresAt: ms('2026-03-20T00:00:00Z'), amount: usd(1) },
      { id: 'p0', expiresAt: ms('2026-03-15T00:00:00Z'), amount: usd(13) },
    ]);
    expect(result.available).toBe(usd(35));
    expect(result.runwayDays).toBeCloseTo(35, 9);
    expect(result.depletionAt).toBe(BigInt(ms('2026-04-14T00:00:00Z')));
    // Within 30 days (by Apr 9), in drawing order.
    expect(result.expiringSoon).toEqual([
      { id: 'A', expiresAt: ms('2026-03-12T00:00:00Z'), remaining: usd(3) },
      { id: 'C', expiresAt: ms('2026-03-19T00:00:00Z'), remaining: usd(4) },
      { id: 'B', expiresAt: ms('2026-03-20T00:00:00Z'), remaining: usd(5) },
      { id: 'p0', expiresAt: ms('2026-03-15T00:00:00Z'), remaining: usd(13) },
    ]);
  });

  it('rounds what is left at expiry to the micro-dollar', () => {
    const result = run({
      now: '2026-03-10T00:00:00Z',
      forecast: { windowDays: 3 },
      events: [
        { type: 'purchase', id: 'p1', at: '2026-03-01T00:00:00Z', amount: 5 },
        { type: 'usage', at: '2026-03-08T00:00:00Z', amount: 1 },
        { type: 'grant', id: 'g', at: '2026-03-09T00:00:00Z', amount: 1, expiresAt: '2026-03-11T00:00:00Z' },
      ],
    });
    // $1/3 a day for one day from g: 2/3 = 0.666666… left → 0.666667.
    expect(result.forfeitRisk).toEqual([
      { id: 'g', expiresAt: ms('2026-03-11T00:00:00Z'), amount: 666_667n },
    ]);
    expect(result.runwayDays).toBeCloseTo(15, 9);
  });

  it('a grant drained exactly at its expiry forfeits nothing', () => {
    const result = run({
      now: '2026-03-10T00:00:00Z',
      events: [
        { type: 'purchase', id: 'p1', at: '2026-03-01T00:00:00Z', amount: 7 },
        ...oneADay,
        { type: 'grant', id: 'g', at: '2026-03-09T18:00:00Z', amount: 2, expiresAt: '2026-03-12T00:00:00Z' },
      ],
    });
    expect(result.forfeitRisk).toEqual([]);
  });

  it('with a rate of 0, every active grant forfeits all it has; depleted and expired ones are not listed', () => {
    const result = run({
      now: '2026-03-10T00:00:00Z',
      events: [
        { type: 'purchase', id: 'p1', at: '2026-01-01T00:00:00Z', amount: 10 },
        {
          type: 'grant',
          id: 'old',
          at: '2026-01-01T00:00:00Z',
          amount: 2,
          expiresAt: '2026-02-01T00:00:00Z',
        },
        { type: 'grant', id: 'used', at: '2026-01-01T00:00:00Z', amount: 1 },
        { type: 'usage', at: '2026-01-02T00:00:00Z', amount: 3 },
      ],
    });
    // Jan 2: free grants first, earliest expiry first: old's 2, then used's 1; old expires Feb 1 empty.
    expect(result.forfeitRisk).toEqual([
      { id: 'p1', expiresAt: ms('2027-01-01T00:00:00Z'), amount: usd(10) },
    ]);
  });
});

describe('expiringSoon', () => {
  it('lists active grants expiring at or before now + expiryWarningDays, in drawing order', () => {
    const now = '2026-03-10T00:00:00Z';
    const result = run({
      now,
      forecast: { expiryWarningDays: 5 },
      events: [
        {
          type: 'grant',
          id: 'edge',
          at: '2026-03-01T00:00:00Z',
          amount: 1,
          expiresAt: '2026-03-15T00:00:00Z',
        },
        {
          type: 'grant',
          id: 'after',
          at: '2026-03-01T00:00:00Z',
          amount: 1,
          expiresAt: '2026-03-15T00:00:00.001Z',
        },
        { type: 'grant', id: 'gone', at: '2026-03-01T00:00:00Z', amount: 1, expiresAt: now },
        { type: 'purchase', id: 'p', at: '2025-03-12T00:00:00Z', amount: 5 },
      ],
    });
    expect(ms(now) + 5 * DAY).toBe(ms('2026-03-15T00:00:00Z'));
    expect(result.expiringSoon.map((e) => e.id)).toEqual(['edge', 'p']);
  });

  it('expiryWarningDays 0 lists nothing active', () => {
    const result = run({
      now: '2026-03-10T00:00:00Z',
      forecast: { expiryWarningDays: 0 },
      events: [{ type: 'purchase', id: 'p', at: '2025-03-10T00:00:00.001Z', amount: 5 }],
    });
    expect(result.expiringSoon).toEqual([]);
  });
});
