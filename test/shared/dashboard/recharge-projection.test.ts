/**
 * The Auto-recharge view's projection: the engine's own projection (spec §9.1) run on the form's
 * settings, so the preview of the settings in force is what every other surface says; and what the
 * view estimates beside it (recharges a month, the form's warnings).
 */
import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../../../shared/billing/instant';
import { project, type ProjectionStart } from '../../../shared/billing/projection';
import {
  projectAutoRecharge,
  rechargeSettingsOf,
  type ProjectionInput,
  type RechargeSettings,
} from '../../../shared/dashboard/recharge-projection';
import type { AutoRechargeSettings } from '../../../shared/ledger/ledger-schema';
import { ms } from '../billing/billing-test-helpers';

const LIMITS = { min: 5_000_000, max: 50_000_000 };
const NOW = ms('2026-03-10T00:00:00Z');

/** USD → micro-dollars. */
const usd = (amount: number): number => Math.round(amount * 1_000_000);

/** The account at now: `balance` USD of purchased credit in one grant, spent at `perDay` USD a day. */
function start(balance: number, perDay = 2): ProjectionStart {
  return {
    now: NOW,
    account: 'prepaid',
    policy: { minPurchase: 5_000_000n, maxPurchase: 50_000_000n, expiryMonths: 12, creditDelayMinutes: 0 },
    rate: { windowUsage: BigInt(usd(perDay * 7)), windowDays: 7 },
    debt: 0n,
    grants: [
      {
        source: 'manual',
        remaining: BigInt(usd(balance)),
        effectiveAt: NOW - 10 * MS_PER_DAY,
        expiresAt: NOW + 300 * MS_PER_DAY,
        status: 'active',
      },
    ],
    autoPurchases: [],
  };
}

/** The input fields that follow from `balance` USD at `perDay` USD a day. */
function credit(balance: number, perDay = 2): Pick<ProjectionInput, 'start' | 'balance' | 'burnRatePerDay'> {
  return { start: start(balance, perDay), balance: usd(balance), burnRatePerDay: usd(perDay) };
}

function input(fields: Partial<ProjectionInput>): ProjectionInput {
  return { ...credit(20), settings: null, limits: LIMITS, busiestDay: 0, ...fields };
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

describe('projectAutoRecharge is the engine projection of the form', () => {
  const engine = (settings: Parameters<typeof project>[1]) => project(start(20), settings);

  it("add: the engine's recharges, failure and limit, in micro-dollars", () => {
    const p = projectAutoRecharge(input({ settings: add(5, 10, 30) }));
    const run = engine({
      threshold: 5_000_000n,
      mode: 'add',
      amount: 10_000_000n,
      target: 0n,
      monthlyLimit: 30_000_000n,
    });
    expect(p.recharges).toEqual(run.recharges.map(({ at, amount }) => ({ at, amount: Number(amount) })));
    expect(p.nextRechargeAt).toBe(run.nextAutoRechargeAt);
    expect(p.runsOutAt).toBe(run.failsAt);
    expect(p.limitReachedAt).toBe(run.blocked[0]!.at);
    // $20 at $2 a day is down to $5 at noon on the 17th: the first millisecond below it buys.
    expect(p.recharges[0]).toEqual({ at: ms('2026-03-17T12:00:00.001Z'), amount: usd(10) });
    // $10 every 5 days, three a month under the $30 limit: three in March, three in April (a new
    // month), then the limit stops the next and the credit runs out.
    expect(p.recharges).toHaveLength(6);
    expect(p.runsOutAt).toBe(ms('2026-04-19T00:00:00Z'));
  });

  it('topUp: back up to the target from the balance at that millisecond, clamped to the purchase limits', () => {
    const p = projectAutoRecharge(input({ settings: topUp(5, 100) }));
    // $5 below at the first check: up to $100 would be $95, clamped to $50.
    expect(p.recharges[0]).toEqual({ at: ms('2026-03-17T12:00:00.001Z'), amount: usd(50) });
    expect(p.runsOutAt).toBeNull();
  });

  it('without settings, or disabled, or settings the engine refuses: no recharge, requests fail when the credit does', () => {
    // $20 at $2 a day lasts 10 days.
    for (const settings of [null, { ...add(5, 10), enabled: false }, add(5, 4), add(5, 51), topUp(10, 10)]) {
      const p = projectAutoRecharge(input({ settings }));
      expect(p.recharges).toEqual([]);
      expect(p.runsOutAt).toBe(ms('2026-03-20T00:00:00Z'));
    }
  });

  it('points: the balance at now and at each step, falling at the burn rate', () => {
    const p = projectAutoRecharge(input({ settings: add(5, 10) }));
    expect(p.points[0]).toEqual({ at: NOW, balance: usd(20) });
    const day = p.points.find((point) => point.at === NOW + MS_PER_DAY);
    expect(day?.balance).toBe(usd(18));
  });

  it('recharges a month in the long run: what 30 days of spend need, within the monthly limit', () => {
    expect(projectAutoRecharge(input({ settings: add(5, 10) })).perMonth).toEqual({
      count: 6,
      cost: usd(60),
    });
    expect(projectAutoRecharge(input({ settings: add(5, 10, 25) })).perMonth).toEqual({
      count: 2,
      cost: usd(20),
    });
    expect(projectAutoRecharge(input({ settings: null })).perMonth).toEqual({ count: 0, cost: 0 });
  });
});

describe('projectAutoRecharge warnings', () => {
  const warnings = (fields: Partial<ProjectionInput>) => projectAutoRecharge(input(fields)).warnings;

  it('a threshold below the busiest day of spend', () => {
    expect(warnings({ settings: add(5, 10), busiestDay: usd(6) })).toEqual(['threshold-below-busiest-day']);
    expect(warnings({ settings: add(5, 10), busiestDay: usd(5) })).toEqual([]);
  });

  it('a monthly limit smaller than one recharge, which then blocks every recharge', () => {
    const p = projectAutoRecharge(input({ settings: add(5, 10, 9) }));
    expect(p.warnings).toEqual(['limit-below-one-recharge']);
    expect(p.recharges).toEqual([]);
    // $20 at $2 a day is down to $5 at noon on the 17th; the first millisecond below it is blocked.
    expect(p.limitReachedAt).toBe(ms('2026-03-17T12:00:00.001Z'));
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
      warnings({ ...credit(0), busiestDay: usd(50), settings: { ...add(5, 100, 1), enabled: false } }),
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
