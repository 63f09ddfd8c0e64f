/**
 * The auto-recharge projection: hand-computed examples, its invariants over generated forms, and
 * agreement with the billing engine on usage spread over the horizon.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/billing/evaluate';
import { readSettings } from '../../../shared/billing/read-settings';
import { balanceAt } from '../../../shared/billing/timeline';
import type { BillingSettings } from '../../../shared/billing/types';
import {
  projectAutoRecharge,
  rechargeSettingsOf,
  type Projection,
  type ProjectionInput,
  type RechargeSettings,
} from '../../../shared/dashboard/recharge-projection';
import type { AutoRechargeSettings } from '../../../shared/ledger/ledger-schema';
import { ms } from '../billing/billing-test-helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LIMITS = { min: 5_000_000, max: 50_000_000 };

type Input = ProjectionInput & { busiestDay: number };

/** USD → micro-dollars. */
const usd = (amount: number): number => Math.round(amount * 1_000_000);

function input(fields: Partial<Input>): Input {
  return {
    now: ms('2026-03-10T00:00:00Z'),
    balance: usd(20),
    burnRatePerDay: usd(2),
    settings: null,
    usedThisMonth: 0,
    limits: LIMITS,
    expiries: [],
    days: 30,
    busiestDay: 0,
    ...fields,
  };
}

function add(threshold: number, amount: number, monthlyLimit: number | null = null): RechargeSettings {
  return {
    enabled: true,
    threshold: usd(threshold),
    mode: 'add',
    amount: usd(amount),
    target: null,
    monthlyLimit: monthlyLimit === null ? null : usd(monthlyLimit),
  };
}

function topUp(threshold: number, target: number, monthlyLimit: number | null = null): RechargeSettings {
  return {
    enabled: true,
    threshold: usd(threshold),
    mode: 'topUp',
    amount: null,
    target: usd(target),
    monthlyLimit: monthlyLimit === null ? null : usd(monthlyLimit),
  };
}

const recharge = (at: string, amount: number) => ({ at: ms(at), amount: usd(amount) });

/** The balances shown at one instant: before and after what happened there. */
function balancesAt(projection: Projection, at: string): number[] {
  return projection.points.filter((point) => point.at === ms(at)).map((point) => point.balance);
}

describe('projectAutoRecharge examples', () => {
  it('add: a fixed amount each time the balance reaches the threshold', () => {
    // $20 at $2 a day reaches $5 in 7.5 days; each $10 then lasts 5 days.
    const p = projectAutoRecharge(input({ settings: add(5, 10) }));
    expect(p.recharges).toEqual([
      recharge('2026-03-17T12:00:00Z', 10),
      recharge('2026-03-22T12:00:00Z', 10),
      recharge('2026-03-27T12:00:00Z', 10),
      recharge('2026-04-01T12:00:00Z', 10),
      recharge('2026-04-06T12:00:00Z', 10),
    ]);
    expect(p.nextRechargeAt).toBe(ms('2026-03-17T12:00:00Z'));
    expect(balancesAt(p, '2026-03-17T12:00:00Z')).toEqual([usd(5), usd(15)]);
    expect(p.perMonth).toEqual({ count: 6, cost: usd(60) });
    expect([p.limitReachedAt, p.runsOutAt, p.warnings]).toEqual([null, null, []]);
  });

  it('topUp: back up to the target, clamped to the purchase limits', () => {
    // $30 at $4 a day reaches $10 in 5 days; each top-up to $40 buys $30, which lasts 7.5 days.
    const p = projectAutoRecharge(
      input({ balance: usd(30), burnRatePerDay: usd(4), settings: topUp(10, 40) }),
    );
    expect(p.recharges).toEqual([
      recharge('2026-03-15T00:00:00Z', 30),
      recharge('2026-03-22T12:00:00Z', 30),
      recharge('2026-03-30T00:00:00Z', 30),
      recharge('2026-04-06T12:00:00Z', 30),
    ]);
    expect(balancesAt(p, '2026-03-22T12:00:00Z')).toEqual([usd(10), usd(40)]);
    expect(p.perMonth).toEqual({ count: 4, cost: usd(120) });

    // Up to $100 would be $90: the most one purchase buys is $50, which lasts 12.5 days.
    const clamped = projectAutoRecharge(
      input({ balance: usd(30), burnRatePerDay: usd(4), settings: topUp(10, 100) }),
    );
    expect(clamped.recharges).toEqual([
      recharge('2026-03-15T00:00:00Z', 50),
      recharge('2026-03-27T12:00:00Z', 50),
      recharge('2026-04-09T00:00:00Z', 50),
    ]);
    expect(clamped.perMonth).toEqual({ count: 2.4, cost: usd(120) });
  });

  it('the monthly limit blocks a recharge mid-horizon; the credit then runs out', () => {
    // March already has $10 of $30; $3 a day. Mar 10 and Mar 13 08:00 buy $10 each, filling March's
    // limit; the Mar 16 16:00 check is blocked and $5 lasts until Mar 18 08:00. April 1 starts a new
    // limit with the balance at −$41: three checks buy $10 each, the fourth is blocked again.
    const p = projectAutoRecharge(
      input({
        now: ms('2026-03-05T00:00:00Z'),
        burnRatePerDay: usd(3),
        settings: add(5, 10, 30),
        usedThisMonth: usd(10),
      }),
    );
    expect(p.recharges).toEqual([
      recharge('2026-03-10T00:00:00Z', 10),
      recharge('2026-03-13T08:00:00Z', 10),
      recharge('2026-04-01T00:00:00Z', 10),
      recharge('2026-04-01T00:00:00Z', 10),
      recharge('2026-04-01T00:00:00Z', 10),
    ]);
    expect(p.limitReachedAt).toBe(ms('2026-03-16T16:00:00Z'));
    expect(p.runsOutAt).toBe(ms('2026-03-18T08:00:00Z'));
    expect(balancesAt(p, '2026-04-01T00:00:00Z')).toEqual([usd(-41), usd(-31), usd(-21), usd(-11)]);
    expect(p.perMonth).toEqual({ count: 3, cost: usd(30) });
  });

  it('the start of a UTC month frees the limit: a blocked recharge comes at 00:00 UTC', () => {
    const p = projectAutoRecharge(
      input({
        now: ms('2026-03-20T06:00:00Z'),
        balance: usd(8),
        burnRatePerDay: usd(1),
        settings: add(5, 10, 10),
        usedThisMonth: usd(10),
      }),
    );
    expect(p.recharges).toEqual([recharge('2026-04-01T00:00:00Z', 10)]);
    expect(p.nextRechargeAt).toBe(ms('2026-04-01T00:00:00Z'));
    expect(p.limitReachedAt).toBe(ms('2026-03-23T06:00:00Z'));
    expect(p.runsOutAt).toBe(ms('2026-03-28T06:00:00Z'));
    expect(balancesAt(p, '2026-04-01T00:00:00Z')).toEqual([usd(-3.75), usd(6.25)]);
  });

  it('what was bought this month counts only until the month ends', () => {
    const march = projectAutoRecharge(
      input({ balance: usd(6), settings: add(5, 10, 20), usedThisMonth: usd(15) }),
    );
    expect(march.limitReachedAt).toBe(ms('2026-03-10T12:00:00Z'));
    expect(march.recharges[0]).toEqual(recharge('2026-04-01T00:00:00Z', 10));
  });

  it('without settings, or disabled, the balance just falls', () => {
    for (const settings of [null, { ...add(5, 10), enabled: false }]) {
      const p = projectAutoRecharge(input({ settings }));
      expect(p.recharges).toEqual([]);
      expect(p.nextRechargeAt).toBeNull();
      expect(p.runsOutAt).toBe(ms('2026-03-20T00:00:00Z'));
      expect(p.points.at(-1)).toEqual({ at: ms('2026-04-09T00:00:00Z'), balance: usd(-40) });
      expect(p.perMonth).toEqual({ count: 0, cost: 0 });
      expect(p.warnings).toEqual([]);
    }
  });

  it('with no usage, no recharge ever: nothing is drawn, so no check comes', () => {
    const p = projectAutoRecharge(input({ balance: usd(3), burnRatePerDay: 0, settings: add(5, 10) }));
    expect(p.recharges).toEqual([]);
    expect(p.points.every((point) => point.balance === usd(3))).toBe(true);
    expect([p.runsOutAt, p.perMonth, p.warnings]).toEqual([
      null,
      { count: 0, cost: 0 },
      ['already-below-threshold'],
    ]);
    expect(projectAutoRecharge(input({ balance: 0, burnRatePerDay: 0 })).runsOutAt).toBe(ms('2026-03-10'));
  });

  it('a balance already below the threshold recharges at now', () => {
    const p = projectAutoRecharge(input({ balance: usd(3), settings: add(5, 10) }));
    expect(p.recharges[0]).toEqual(recharge('2026-03-10T00:00:00Z', 10));
    expect(p.points.slice(0, 2)).toEqual([
      { at: ms('2026-03-10T00:00:00Z'), balance: usd(3) },
      { at: ms('2026-03-10T00:00:00Z'), balance: usd(13) },
    ]);
    expect(p.warnings).toEqual(['already-below-threshold']);

    // A negative balance makes a top-up larger (spec §7); an add may take several checks.
    const inDebt = projectAutoRecharge(input({ balance: usd(-5), settings: topUp(10, 40) }));
    expect(inDebt.recharges[0]).toEqual(recharge('2026-03-10T00:00:00Z', 45));
    const deep = projectAutoRecharge(input({ balance: usd(-12), settings: add(5, 10) }));
    expect(balancesAt(deep, '2026-03-10T00:00:00Z')).toEqual([usd(-12), usd(-2), usd(8)]);
    expect(deep.runsOutAt).toBeNull();
  });

  it('an expiry drops the balance and is followed by a check, also without usage', () => {
    const expiries = [{ at: ms('2026-03-15T00:00:00Z'), amount: usd(10) }];
    const p = projectAutoRecharge(
      input({ balance: usd(12), burnRatePerDay: 0, settings: add(10, 5), expiries }),
    );
    // One check: $2 → $7, still below $10, and with no usage no second check comes.
    expect(p.recharges).toEqual([recharge('2026-03-15T00:00:00Z', 5)]);
    expect(balancesAt(p, '2026-03-15T00:00:00Z')).toEqual([usd(12), usd(2), usd(7)]);

    const lost = projectAutoRecharge(input({ balance: usd(10), burnRatePerDay: 0, expiries }));
    expect(lost.runsOutAt).toBe(ms('2026-03-15T00:00:00Z'));
    // Expiries outside the horizon change nothing.
    const outside = [
      { at: ms('2026-03-01T00:00:00Z'), amount: usd(5) },
      { at: ms('2026-05-01T00:00:00Z'), amount: usd(5) },
    ];
    expect(projectAutoRecharge(input({ expiries: outside })).points).toEqual(
      projectAutoRecharge(input({})).points,
    );
  });

  it('points: now, every day to the end of the horizon, and both sides of each step', () => {
    const p = projectAutoRecharge(input({ days: 90, settings: add(5, 10, 40) }));
    expect(p.points[0]).toEqual({ at: ms('2026-03-10T00:00:00Z'), balance: usd(20) });
    expect(p.points.at(-1)!.at).toBe(ms('2026-06-08T00:00:00Z'));
    for (let day = 0; day <= 90; day++) {
      expect(p.points.some((point) => point.at === ms('2026-03-10T00:00:00Z') + day * DAY)).toBe(true);
    }
    for (const r of p.recharges) {
      expect(new Set(balancesAt(p, new Date(r.at).toISOString())).size).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('projectAutoRecharge warnings', () => {
  const warnings = (fields: Partial<Input>) => projectAutoRecharge(input(fields)).warnings;

  it('a threshold below the busiest day of spend', () => {
    expect(warnings({ settings: add(5, 10), busiestDay: usd(6) })).toEqual(['threshold-below-busiest-day']);
    expect(warnings({ settings: add(5, 10), busiestDay: usd(5) })).toEqual([]);
  });

  it('a monthly limit smaller than one recharge, which then blocks every recharge', () => {
    const p = projectAutoRecharge(input({ settings: add(5, 10, 9) }));
    expect(p.warnings).toEqual(['limit-below-one-recharge']);
    expect(p.recharges).toEqual([]);
    expect(p.limitReachedAt).toBe(ms('2026-03-17T12:00:00Z'));
    expect(p.perMonth).toEqual({ count: 0, cost: 0 });
    // Up to $40 from the $10 threshold is at least $30.
    expect(warnings({ settings: topUp(10, 40, 29) })).toEqual(['limit-below-one-recharge']);
    expect(warnings({ settings: topUp(10, 40, 30) })).toEqual([]);
  });

  it('an add amount outside the purchase limits, which the engine would refuse: no recharge', () => {
    for (const amount of [4, 51]) {
      const p = projectAutoRecharge(input({ settings: add(5, amount) }));
      expect(p.warnings).toEqual(['recharge-out-of-limits']);
      expect(p.recharges).toEqual([]);
    }
  });

  it('none while auto-recharge is off', () => {
    expect(
      warnings({ balance: 0, busiestDay: usd(50), settings: { ...add(5, 100, 1), enabled: false } }),
    ).toEqual([]);
  });
});

describe('rechargeSettingsOf', () => {
  const form = (fields: Partial<AutoRechargeSettings>): AutoRechargeSettings => ({
    enabled: true,
    threshold: '10',
    mode: 'add',
    amount: '20',
    target: null,
    monthlyLimit: null,
    ...fields,
  });

  it('reads the stored text to micro-dollars', () => {
    expect(rechargeSettingsOf(form({ monthlyLimit: '100.5' }))).toEqual({
      enabled: true,
      threshold: 10_000_000,
      mode: 'add',
      amount: 20_000_000,
      target: null,
      monthlyLimit: 100_500_000,
    });
    expect(
      rechargeSettingsOf(form({ mode: 'topUp', amount: 'x', target: '40.000001', enabled: false })),
    ).toEqual({
      enabled: false,
      threshold: 10_000_000,
      mode: 'topUp',
      amount: null,
      target: 40_000_001,
      monthlyLimit: null,
    });
  });

  it('a blank optional field is absent', () => {
    expect(rechargeSettingsOf(form({ monthlyLimit: ' ' }))?.monthlyLimit).toBeNull();
  });

  it('null for no form, or one missing or garbling what its mode needs', () => {
    expect(rechargeSettingsOf(null)).toBeNull();
    for (const fields of [
      { threshold: null },
      { threshold: '' },
      { threshold: '1,5' },
      { amount: null },
      { amount: '-5' },
      { mode: 'topUp' as const },
      { monthlyLimit: 'ten' },
    ]) {
      expect(rechargeSettingsOf(form(fields))).toBeNull();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Invariants over generated forms.

const micros = (min: number, max: number) => fc.integer({ min: usd(min), max: usd(max) });

const settingsArb: fc.Arbitrary<RechargeSettings> = fc.oneof(
  fc.record({
    enabled: fc.constant(true),
    threshold: micros(0, 30),
    mode: fc.constant('add' as const),
    amount: micros(5, 50),
    target: fc.constant(null),
    monthlyLimit: fc.option(micros(1, 200)),
  }),
  fc
    .tuple(micros(0, 30), micros(0.000001, 60), fc.option(micros(1, 200)))
    .map(([threshold, above, monthlyLimit]) => ({
      enabled: true,
      threshold,
      mode: 'topUp' as const,
      amount: null,
      target: threshold + above,
      monthlyLimit,
    })),
);

const inputArb: fc.Arbitrary<Input> = fc
  .record({
    now: fc.integer({ min: ms('2026-01-01T00:00:00Z'), max: ms('2027-01-01T00:00:00Z') }),
    balance: micros(-20, 150),
    burnRatePerDay: fc.oneof(fc.constant(0), micros(0.000001, 40)),
    settings: settingsArb,
    usedThisMonth: micros(0, 100),
    expiries: fc.array(
      fc.record({ inDays: fc.double({ min: 0, max: 90, noNaN: true }), amount: micros(0.01, 20) }),
      {
        maxLength: 3,
      },
    ),
    days: fc.integer({ min: 30, max: 90 }),
    busiestDay: micros(0, 40),
  })
  .map(({ expiries, ...fields }) => ({
    ...fields,
    limits: LIMITS,
    expiries: expiries.map(({ inDays, amount }) => ({ at: fields.now + Math.round(inDays * DAY), amount })),
  }));

const monthOf = (at: number): string => new Date(at).toISOString().slice(0, 7);

/** The last point of each instant: the balance once everything there has happened. */
function settledPoints(projection: Projection): { at: number; balance: number }[] {
  return projection.points.filter((point, i, all) => all[i + 1]?.at !== point.at);
}

/** What this month's auto-recharge has bought up to and including `at`. */
function boughtInMonth(input: Input, projection: Projection, at: number): number {
  const before = projection.recharges.filter((r) => r.at <= at && monthOf(r.at) === monthOf(at));
  const carried = monthOf(at) === monthOf(input.now) ? input.usedThisMonth : 0;
  return before.reduce((sum, r) => sum + r.amount, carried);
}

describe('projectAutoRecharge invariants', () => {
  it('the balance stays below the threshold only while the monthly limit has no room', () => {
    fc.assert(
      fc.property(inputArb, (generated) => {
        const p = projectAutoRecharge(generated);
        const settings = generated.settings!;
        // Without usage no check comes, except after an expiry.
        if (generated.burnRatePerDay === 0) return;
        const stuck = settledPoints(p).filter((point) => {
          if (point.balance >= settings.threshold) return false;
          const next =
            settings.mode === 'add'
              ? settings.amount!
              : Math.min(Math.max(settings.target! - point.balance, LIMITS.min), LIMITS.max);
          // Room for it, with 1 µ$ to spare for the point's rounding.
          return (
            settings.monthlyLimit === null ||
            boughtInMonth(generated, p, point.at) + next < settings.monthlyLimit
          );
        });
        expect(stuck).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('no UTC month buys more than the monthly limit, this month counting what it already bought', () => {
    fc.assert(
      fc.property(inputArb, (generated) => {
        const p = projectAutoRecharge(generated);
        const limit = generated.settings!.monthlyLimit;
        if (limit === null) return;
        const bought = new Map([[monthOf(generated.now), generated.usedThisMonth]]);
        for (const r of p.recharges) bought.set(monthOf(r.at), (bought.get(monthOf(r.at)) ?? 0) + r.amount);
        const over = p.recharges.filter((r) => bought.get(monthOf(r.at))! > limit);
        expect(over).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('points span the horizon a day apart at most, and account for every micro-dollar', () => {
    fc.assert(
      fc.property(inputArb, (generated) => {
        const p = projectAutoRecharge(generated);
        const { now, days, burnRatePerDay } = generated;
        const end = now + days * DAY;
        expect([p.points[0]!.at, p.points.at(-1)!.at]).toEqual([now, end]);
        const wrongSegments = p.points.slice(1).filter((point, i) => {
          const previous = p.points[i]!;
          const elapsed = point.at - previous.at;
          // Between instants only usage moves the balance (±½ µ$ for each point's rounding).
          const drawn = (burnRatePerDay * elapsed) / DAY;
          return (
            elapsed < 0 ||
            elapsed > DAY ||
            (elapsed > 0 && Math.abs(previous.balance - point.balance - drawn) > 1.01)
          );
        });
        expect(wrongSegments).toEqual([]);
        const bought = p.recharges.reduce((sum, r) => sum + r.amount, 0);
        const forfeited = generated.expiries.filter((e) => e.at <= end).reduce((sum, e) => sum + e.amount, 0);
        const expected = generated.balance - burnRatePerDay * days - forfeited + bought;
        expect(Math.abs(p.points.at(-1)!.balance - expected)).toBeLessThanOrEqual(1);
        expect(p.nextRechargeAt).toBe(p.recharges[0]?.at ?? null);
        if (p.runsOutAt !== null) {
          const settled = settledPoints(p);
          expect(settled.find((point) => point.at === p.runsOutAt)!.balance).toBeLessThanOrEqual(0);
          expect(settled.filter((point) => point.at < p.runsOutAt! && point.balance < 0)).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The projection against the engine: the same start, usage spread evenly over the horizon.

interface EngineRun {
  settings: BillingSettings;
  events: Record<string, unknown>[];
}

/** A case starting at `start` with `balance` of free credit and `usage` every `stepMs` until `end`. */
function engineCase(
  start: number,
  end: number,
  balance: string,
  usage: string,
  stepMs: number,
  autoRecharge: Record<string, unknown>,
): EngineRun {
  const iso = (at: number) => new Date(at).toISOString();
  const events: Record<string, unknown>[] = [{ type: 'grant', id: 'start', at: iso(start), amount: balance }];
  for (let at = start + stepMs; at <= end; at += stepMs)
    events.push({ type: 'usage', at: iso(at), amount: usage });
  const settings = readSettings({ now: iso(end), events, autoRecharge: { enabled: true, ...autoRecharge } });
  if ('field' in settings) throw new Error(settings.message);
  return { settings, events };
}

describe('projectAutoRecharge agrees with the engine', () => {
  it('add with a monthly limit across month boundaries: the same recharges, each within the usage steps', () => {
    const start = ms('2026-01-20T00:00:00Z');
    const days = 45;
    // $3 a day as $0.125 every hour.
    const engine = engineCase(start, start + days * DAY, '20', '0.125', HOUR, {
      threshold: 5,
      amount: 10,
      monthlyLimit: 30,
    });
    const result = evaluate(engine.settings, engine.events);
    const p = projectAutoRecharge(
      input({ now: start, balance: usd(20), burnRatePerDay: usd(3), settings: add(5, 10, 30), days }),
    );
    expect(result.autoRecharges.length).toBe(9);
    expect(result.autoRecharges.map((r) => Number(r.amount))).toEqual(p.recharges.map((r) => r.amount));
    result.autoRecharges.forEach((made, i) => {
      // The engine buys at the first usage that takes the balance strictly below the threshold. On
      // Mar 1 the balance is far below it: the projection's checks an instant apart, shown at one
      // instant, are the engine's checks an hour apart.
      const burst = p.recharges.slice(0, i).filter((r) => r.at === p.recharges[i]!.at).length;
      const lag = made.at - p.recharges[i]!.at;
      expect(lag >= 0 && lag <= (burst + 1) * HOUR).toBe(true);
    });
    const blocked = result.autoRechargeBlocked[0]!.at - p.limitReachedAt!;
    expect(blocked >= 0 && blocked <= HOUR).toBe(true);

    // Day by day until the burst, the engine's balance is one the projection shows at that instant.
    const dayStarts = Array.from({ length: 41 }, (_, d) => start + d * DAY);
    balanceAt(engine.settings, engine.events, dayStarts).forEach((balance, d) => {
      const shown = p.points.filter((point) => point.at === dayStarts[d]).map((point) => point.balance);
      expect(shown).toContain(Number(balance));
    });
  });

  it('add where the limit lets the credit run out: the same hour', () => {
    const start = ms('2026-01-20T00:00:00Z');
    const engine = engineCase(start, start + 30 * DAY, '20', '0.125', HOUR, {
      threshold: 5,
      amount: 10,
      monthlyLimit: 10,
    });
    const p = projectAutoRecharge(
      input({ now: start, balance: usd(20), burnRatePerDay: usd(3), settings: add(5, 10, 10) }),
    );
    const runsOutAt = p.runsOutAt!;
    expect(runsOutAt).toBe(ms('2026-01-30T00:00:00Z'));
    expect(balanceAt(engine.settings, engine.events, [runsOutAt - HOUR, runsOutAt])).toEqual([125_000n, 0n]);
  });

  it('topUp: the same count; each cycle the engine lags by at most one more usage step', () => {
    const start = ms('2026-03-03T00:00:00Z');
    const days = 30;
    // $4.32 a day as $0.003 every minute; top up from below $2 to $10.
    const engine = engineCase(start, start + days * DAY, '9', '0.003', 60_000, {
      threshold: 2,
      mode: 'topUp',
      target: 10,
    });
    const result = evaluate(engine.settings, engine.events);
    const p = projectAutoRecharge(
      input({ now: start, balance: usd(9), burnRatePerDay: usd(4.32), settings: topUp(2, 10), days }),
    );
    expect(p.recharges.length).toBe(16);
    expect(result.autoRecharges.length).toBe(p.recharges.length);
    result.autoRecharges.forEach((made, i) => {
      const lag = made.at - p.recharges[i]!.at;
      expect(lag >= 0 && lag <= (i + 1) * 60_000).toBe(true);
      // The engine buys when a usage has taken the balance below the threshold: at most one usage more.
      expect(Number(made.amount) - p.recharges[i]!.amount).toBeGreaterThanOrEqual(0);
      expect(Number(made.amount) - p.recharges[i]!.amount).toBeLessThanOrEqual(3_000);
    });
  });
});
