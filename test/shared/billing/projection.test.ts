/**
 * The projection's rules one at a time (spec §9.1), on starts written by hand. Expected instants are
 * worked out from the rule in each comment, not taken from the engine.
 */
import { describe, expect, it } from 'vitest';
import { evaluateCase } from '../../../shared/billing/evaluate';
import {
  project,
  PROJECTION_HORIZON_MS,
  type ProjectionGrant,
  type ProjectionStart,
} from '../../../shared/billing/projection';
import { projectionStartJsonSchema, toJsonSafe } from '../../../shared/billing/projection-json';
import type { AutoRecharge } from '../../../shared/billing/types';
import { ms, usd } from './billing-test-helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = ms('2026-03-10T00:00:00Z');

function active(remaining: bigint, expiresAt = NOW + 400 * DAY): ProjectionGrant {
  return { source: 'manual', remaining, effectiveAt: NOW - DAY, expiresAt, status: 'active' };
}

function pending(
  remaining: bigint,
  effectiveAt: number,
  source: ProjectionGrant['source'] = 'manual',
): ProjectionGrant {
  return { source, remaining, effectiveAt, expiresAt: NOW + 400 * DAY, status: 'pending' };
}

/** $`perDay` a day of usage (a one-day window), `grants` at `now`, the default purchase policy. */
function start(
  perDay: bigint,
  grants: ProjectionGrant[],
  more: Partial<ProjectionStart> = {},
): ProjectionStart {
  return {
    now: NOW,
    account: 'prepaid',
    policy: { minPurchase: usd(5), maxPurchase: usd(50), expiryMonths: 12, creditDelayMinutes: 0 },
    rate: { windowUsage: perDay, windowDays: 1 },
    debt: 0n,
    grants,
    autoPurchases: [],
    ...more,
  };
}

function add(threshold: number, amount: number, monthlyLimit: number | null = null): AutoRecharge {
  return {
    threshold: usd(threshold),
    mode: 'add',
    amount: usd(amount),
    target: 0n,
    monthlyLimit: monthlyLimit === null ? null : usd(monthlyLimit),
  };
}

function topUp(threshold: number, target: number): AutoRecharge {
  return { threshold: usd(threshold), mode: 'topUp', amount: 0n, target: usd(target), monthlyLimit: null };
}

describe('projection: when requests fail', () => {
  it('is when available reaches 0 at the exact rate', () => {
    // $10 at $1 a day: 10 days.
    const run = project(start(usd(1), [active(usd(10))]), null);
    expect(run.failsAt).toBe(NOW + 10 * DAY);
    expect(run.nextAutoRechargeAt).toBeNull();
  });

  it('is floor(t) when 0 comes between two milliseconds, even with credit usable at floor(t) + 1', () => {
    // 1 µ$ at 7 µ$ a day: 0 at 86,400,000 / 7 = 12,342,857.14… ms after now.
    const zero = NOW + 12_342_857;
    expect(project(start(7n, [active(1n)]), null).failsAt).toBe(zero);
    expect(project(start(7n, [active(1n), pending(usd(20), zero + 1)]), null).failsAt).toBe(zero);
    // Credit usable at floor(t) itself comes before 0 (and $20 lasts millennia at 7 µ$ a day).
    expect(project(start(7n, [active(1n), pending(usd(20), zero)]), null).failsAt).toBeNull();
  });

  it('is not when 0 comes at a whole millisecond at which credit becomes usable', () => {
    // 1 µ$ at 3 µ$ a day: 0 at exactly 28,800,000 ms; judged after that instant's changes.
    const zero = NOW + 28_800_000;
    expect(project(start(3n, [active(1n)]), null).failsAt).toBe(zero);
    expect(project(start(3n, [active(1n), pending(3n, zero)]), null).failsAt).toBe(zero + 86_400_000);
  });

  it('is now when nothing is available at now (debt included), though the check at now still buys', () => {
    const run = project(start(usd(1), [], { debt: usd(3) }), topUp(5, 20));
    expect(run.failsAt).toBe(NOW);
    // target − balance with the debt: 20 − (−3) = $23.
    expect(run.recharges).toEqual([{ at: NOW, amount: usd(23) }]);
    expect(run.nextAutoRechargeAt).toBe(NOW);
  });

  it('takes what a start made by hand has due at now first: it becomes usable or expires then', () => {
    const stale = start(0n, [active(usd(5), NOW - 1), pending(usd(7), NOW - HOUR)]);
    const run = project(stale, null);
    expect(run.points.slice(0, 2)).toEqual([
      { at: NOW, balance: usd(5) },
      { at: NOW, balance: usd(7) },
    ]);
    expect(run.failsAt).toBeNull();
    expect(project(start(0n, [active(usd(5), NOW)]), null).failsAt).toBe(NOW);
  });

  it('comes from expiries when the rate is 0', () => {
    const run = project(start(0n, [active(usd(4), NOW + 3 * DAY), active(usd(6), NOW + 9 * DAY)]), null);
    expect(run.failsAt).toBe(NOW + 9 * DAY);
  });

  it('is null for a monthly-invoiced account, which never fails, and its projection goes on', () => {
    const run = project(start(usd(1), [], { account: 'monthly_invoice' }), add(5, 20, 20), {});
    expect(run.failsAt).toBeNull();
    // Balance 0 < $5 at now: buys $20; it falls below $5 again after 15 days, but April's limit waits.
    expect(run.recharges.slice(0, 2)).toEqual([
      { at: NOW, amount: usd(20) },
      { at: ms('2026-04-01T00:00:00Z'), amount: usd(20) },
    ]);
  });

  it('is null when nothing runs out within the horizon', () => {
    const run = project(start(usd(1), [active(usd(400), NOW + 500 * DAY)]), null);
    expect(run.failsAt).toBeNull();
    expect(run.endsAt).toBe(NOW + PROJECTION_HORIZON_MS);
  });
});

describe('projection: auto-recharge', () => {
  it('buys at floor(t) + 1 when usage brings the balance down to the threshold at t', () => {
    // $10 at $1 a day reaches $5 at exactly 5 days: strictly below from the next millisecond.
    const run = project(start(usd(1), [active(usd(10))]), add(5, 20));
    expect(run.nextAutoRechargeAt).toBe(NOW + 5 * DAY + 1);
    expect(run.failsAt).toBeNull();
  });

  it('never buys for a prepaid account with a threshold of 0: available reaches 0 first', () => {
    const run = project(start(usd(1), [active(usd(10))]), add(0, 20));
    expect(run.recharges).toEqual([]);
    expect(run.failsAt).toBe(NOW + 10 * DAY);
  });

  it('buys at the instant an expiry takes the balance below the threshold, and that is no failure', () => {
    const expiry = NOW + 10 * DAY;
    const run = project(start(0n, [active(usd(10), expiry)]), add(5, 20));
    expect(run.nextAutoRechargeAt).toBe(expiry);
    expect(run.failsAt).toBeNull();
    // With a credit delay the recharge is still pending when the expiry empties the account.
    const delayed = start(0n, [active(usd(10), expiry)], {
      policy: { minPurchase: usd(5), maxPurchase: usd(50), expiryMonths: 12, creditDelayMinutes: 5 },
    });
    expect(project(delayed, add(5, 20)).failsAt).toBe(expiry);
  });

  it('makes at most one purchase per millisecond', () => {
    // $1 against a $100 threshold, $5 a purchase, no usage: 20 purchases, one each millisecond. A
    // year later, at the horizon (included), the first of them expires and one more is bought.
    const run = project(start(0n, [active(usd(1))]), add(100, 5));
    expect(run.recharges.map(({ at }) => at - NOW)).toEqual([...Array(20).keys(), PROJECTION_HORIZON_MS]);
  });

  it('makes no purchase while an auto purchase is pending, whoever made it', () => {
    const delay = { minPurchase: usd(5), maxPurchase: usd(50), expiryMonths: 12, creditDelayMinutes: 60 };
    // Its own: $1 stays below $100 after each $5, so the next waits for the last to become usable.
    const own = project(start(0n, [active(usd(1))], { policy: delay }), add(100, 5));
    expect(own.recharges.slice(0, 3).map(({ at }) => at - NOW)).toEqual([0, HOUR, 2 * HOUR]);
    // One the engine made before now, still pending: the first projected one waits for it.
    const before = project(
      start(0n, [active(usd(1)), pending(usd(5), NOW + 30 * MINUTE, 'auto')], { policy: delay }),
      add(100, 5),
    );
    expect(before.nextAutoRechargeAt).toBe(NOW + 30 * MINUTE);
  });

  it('stops at the monthly limit, counting the month’s earlier auto purchases, and records the first block', () => {
    const earlier = [{ at: NOW - 5 * DAY, amount: usd(40) }];
    // $4 left, below $5; March holds $40 of a $50 limit, so $20 does not fit until April.
    const run = project(start(0n, [active(usd(4))], { autoPurchases: earlier }), add(5, 20, 50));
    expect(run.blocked).toEqual([{ month: '2026-03', at: NOW, amount: usd(20) }]);
    expect(run.nextAutoRechargeAt).toBe(ms('2026-04-01T00:00:00Z'));
  });

  it('in topUp mode buys target − the exact balance, rounded to the micro-dollar (halves away from zero)', () => {
    // $10 at 0.6 µ$ per ms (51.84 $/day) hits the $10 threshold at now, so the first purchase is at
    // now + 1 ms with the balance 0.6 µ$ below $10: $20.0000006 rounds to $20.000001.
    expect(project(start(51_840_000n, [active(usd(10))]), topUp(10, 30)).recharges[0]).toEqual({
      at: NOW + 1,
      amount: usd(20) + 1n,
    });
    // 0.5 µ$ per ms: $20.0000005, a half, rounds up too.
    expect(project(start(43_200_000n, [active(usd(10))]), topUp(10, 30)).recharges[0]).toEqual({
      at: NOW + 1,
      amount: usd(20) + 1n,
    });
  });

  it('ends the horizon at the 1,000th purchase', () => {
    // $100 a day against $5 recharges: one every 72 minutes, the 1,000th after about 50 days.
    const run = project(start(usd(100), [active(usd(10))]), add(5, 5));
    expect(run.recharges).toHaveLength(1000);
    expect(run.endsAt).toBe(run.recharges[999]!.at);
    expect(run.endsAt).toBeLessThan(NOW + 60 * DAY);
    expect(run.failsAt).toBeNull();
  });

  it('is off with no settings: no purchase, and the credit runs out', () => {
    const run = project(start(usd(1), [active(usd(3))]), null);
    expect(run.recharges).toEqual([]);
    expect(run.blocked).toEqual([]);
    expect(run.failsAt).toBe(NOW + 3 * DAY);
  });
});

describe('projection: chart points', () => {
  const run = project(start(usd(1), [active(usd(10))]), add(5, 20), { until: NOW + 30 * DAY });

  it('start at now and come at least once a UTC day, up to `until`', () => {
    expect(run.points[0]).toEqual({ at: NOW, balance: usd(10) });
    const days = new Set(run.points.map(({ at }) => Math.floor(at / DAY)));
    for (let day = 0; day <= 30; day++) expect(days.has(Math.floor(NOW / DAY) + day)).toBe(true);
    expect(run.points.every(({ at }) => at <= NOW + 30 * DAY)).toBe(true);
  });

  it('show each purchase as a step: the balance before and after it at its instant', () => {
    const at = run.recharges[0]!.at;
    const step = run.points.filter((point) => point.at === at).map(({ balance }) => balance);
    // At 5 days + 1 ms the balance is $5 less 1 ms of usage, rounded to the micro-dollar.
    expect(step).toEqual([usd(5), usd(25)]);
  });

  it('leave the rest of the run alone: `until` only cuts the points', () => {
    const whole = project(start(usd(1), [active(usd(10))]), add(5, 20));
    expect(whole.recharges).toEqual(run.recharges);
    expect(whole.points.length).toBeGreaterThan(run.points.length);
  });
});

describe('projection: its start across the bridge and from the engine', () => {
  it('crosses as JSON and back unchanged, and projects the same', () => {
    const original = start(usd(3), [active(usd(10)), pending(usd(7), NOW + HOUR)], {
      autoPurchases: [{ at: NOW - DAY, amount: usd(20) }],
    });
    const wire: unknown = JSON.parse(JSON.stringify(toJsonSafe(original)));
    const back = projectionStartJsonSchema.parse(wire);
    expect(back).toEqual(original);
    expect(project(back, add(5, 20))).toEqual(project(original, add(5, 20)));
  });

  it('refuses an amount beyond a safe integer instead of rounding it', () => {
    expect(() => toJsonSafe({ debt: 2n ** 60n })).toThrow(/\$\.debt/);
  });

  it('names the field of a malformed start', () => {
    const wire = toJsonSafe(start(usd(1), [active(usd(1))])) as unknown as Record<string, unknown>;
    const result = projectionStartJsonSchema.safeParse({ ...wire, debt: 1.5 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['debt']);
  });

  it('is what evaluate projected, so a draft of settings is projected from the same state', () => {
    const evaluation = evaluateCase({
      now: '2026-03-10T00:00:00Z',
      autoRecharge: { enabled: true, threshold: 5, amount: 20 },
      events: [
        { type: 'purchase', id: 'p1', at: '2026-03-01T00:00:00Z', amount: 20 },
        ...[3, 4, 5, 6, 7, 8, 9].map((day) => ({
          type: 'usage',
          at: `2026-03-0${day}T12:00:00Z`,
          amount: 1,
        })),
      ],
    });
    if (!evaluation.ok) throw new Error(evaluation.error.message);
    const { result } = evaluation;
    expect(result.projection).toEqual(project(result.projectionStart, add(5, 20)));
    expect(result.nextAutoRechargeAt).toBe(ms('2026-03-18T00:00:00.001Z'));
    // The draft: a $10 threshold buys when $10 is left, 3 days after now (+1 ms).
    expect(project(result.projectionStart, add(10, 20)).nextAutoRechargeAt).toBe(
      ms('2026-03-13T00:00:00.001Z'),
    );
  });
});
