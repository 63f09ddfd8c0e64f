/**
 * The scenarios' promises, checked with the billing engine: the demo's 90 days, projects, models,
 * purchases, welcome grant, auto-recharge and its one negative-balance episode — for several
 * start instants, as the monthly auto-recharge limit makes the history depend on the calendar —
 * and the empty and exhausted accounts.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { MS_PER_DAY, startOfUtcDay } from '../../../../shared/billing/instant';
import type { BillingResult } from '../../../../shared/billing/types';
import { MODELS, PROJECTS } from '../../../../electron/core/simulator/catalog';
import { DEMO_HISTORY_DAYS, planDemo } from '../../../../electron/core/simulator/demo-scenario';
import { buildScenario } from '../../../../electron/core/simulator/scenarios';
import { evaluateAt, prepare } from './scenario-case';
import { START_AT } from './sim-harness';

const USD = 1_000_000n;

describe('demo scenario at daily steps (engine)', () => {
  const plan = planDemo(START_AT);
  const steps = Array.from(
    { length: DEMO_HISTORY_DAYS + 1 },
    (_, i) => START_AT - (DEMO_HISTORY_DAYS - i) * MS_PER_DAY,
  );
  let results: BillingResult[] = [];
  beforeAll(() => {
    const prepared = prepare(plan.scenario);
    results = steps.map((now) => evaluateAt(prepared, now));
  });

  it('has exactly one episode of negative balance', () => {
    const negative = results.map((result) => result.balance < 0n);
    const runs = negative.filter((isNegative, i) => isNegative && !negative[i - 1]).length;
    expect(runs).toBe(1);
    expect(results.every((result) => result.rejected.length === 0)).toBe(true);
  });

  it('pays the debt off with the next purchase, a manual one', () => {
    const first = results.findIndex((result) => result.balance < 0n);
    const after = results.findIndex((result, i) => i > first && result.balance >= 0n);
    const debt = results[after - 1]!.debt;
    const payoff = results[after]!.grants.find(
      (grant) => grant.at > steps[first]! && grant.source !== 'grant',
    );
    expect(payoff).toMatchObject({ id: plan.episode.payoffId, source: 'manual' });
    expect(payoff!.at).toBeLessThanOrEqual(steps[after]!);
    // Everything owed when it came, and nothing else bought while in debt.
    expect(payoff!.debtSettled).toBeGreaterThanOrEqual(debt);
    expect(results[after]!.debt).toBe(0n);
    expect(
      results[after]!.autoRecharges.filter((made) => made.at > steps[first]! && made.at < payoff!.at),
    ).toEqual([]);
  });

  it('is never exhausted except in the episode, and not at startAt', () => {
    expect(results.at(-1)!.quotaExhausted).toBe(false);
    expect(results.at(-1)!.balance).toBeGreaterThan(5n * USD);
  });
});

describe('demo scenario for any start (engine)', () => {
  it('keeps its promises', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2027-12-31T00:00:00Z') }),
        (startAt) => {
          const { scenario, episode } = planDemo(startAt);
          const result = evaluateAt(prepare(scenario), startAt);
          const history = scenario.history.filter((record) => record.at <= startAt);

          // About 90 days of history: the first purchase, then usage from the next UTC day on (a
          // ledger books a day's cost at its 00:00, which must not come before the purchase).
          const historyStart = startAt - DEMO_HISTORY_DAYS * MS_PER_DAY;
          expect(Date.parse(scenario.credits[0]!.at)).toBe(historyStart);
          const nextDay = Math.floor(historyStart / MS_PER_DAY) * MS_PER_DAY + MS_PER_DAY;
          expect(history[0]!.at).toBeGreaterThanOrEqual(nextDay);
          expect(history[0]!.at - nextDay).toBeLessThan(2 * 3_600_000);
          // Three projects, four models.
          expect(new Set(history.map((record) => PROJECTS[record.project]!.id))).toEqual(
            new Set(['proj_web', 'proj_batch', 'proj_research']),
          );
          expect(new Set(history.map((record) => MODELS[record.model]!.id)).size).toBe(4);
          // Every purchase accepted, within the $5–$50 limits.
          expect(result.rejected).toEqual([]);
          for (const grant of result.grants.filter((g) => g.source === 'manual' || g.source === 'auto')) {
            expect(grant.amount).toBeGreaterThanOrEqual(5n * USD);
            expect(grant.amount).toBeLessThanOrEqual(50n * USD);
          }
          // A free grant that expires within 30 days of the start.
          const free = result.grants.filter((grant) => grant.source === 'grant');
          expect(free).toHaveLength(1);
          expect(free[0]!.expiresAt).toBeGreaterThan(startAt);
          expect(free[0]!.expiresAt - startAt).toBeLessThanOrEqual(30 * MS_PER_DAY);
          // Auto-recharge on, and at work.
          expect(scenario.autoRecharge.enabled).toBe(true);
          expect(result.autoRecharges.length).toBeGreaterThan(3);
          // One episode: one purchase settled debt, one month had usage no credit covered.
          expect(result.grants.filter((grant) => grant.debtSettled > 0n).map((grant) => grant.id)).toEqual([
            episode.payoffId,
          ]);
          expect([...result.usageByMonth.values()].filter((month) => month.uncovered > 0n)).toHaveLength(1);
          // Not exhausted at the start.
          expect(result.quotaExhausted).toBe(false);
          expect(result.debt).toBe(0n);
          expect(result.available).toBeGreaterThan(0n);
        },
      ),
      { numRuns: 6, seed: 20260301 },
    );
  });

  it('spends a few dollars a day, less at weekends, growing gently', () => {
    const { scenario, episode } = planDemo(START_AT);
    const byDay = new Map<number, number>();
    for (const record of scenario.history) {
      const day = startOfUtcDay(record.at);
      // Whole days only, and not the runaway job's.
      if (day <= START_AT - DEMO_HISTORY_DAYS * MS_PER_DAY || day + MS_PER_DAY > START_AT) continue;
      if (day === startOfUtcDay(episode.spikeStart)) continue;
      byDay.set(day, (byDay.get(day) ?? 0) + record.micros / 1e6);
    }
    const days = [...byDay].sort(([a], [b]) => a - b);
    const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;
    const isWeekend = (day: number): boolean => [0, 6].includes(new Date(day).getUTCDay());
    const weekdays = days.filter(([day]) => !isWeekend(day)).map(([, cost]) => cost);
    const weekends = days.filter(([day]) => isWeekend(day)).map(([, cost]) => cost);
    expect(mean(weekdays)).toBeGreaterThan(1.5);
    expect(mean(weekdays)).toBeLessThan(6);
    expect(mean(weekends)).toBeLessThan(mean(weekdays) * 0.8);
    expect(mean(days.slice(-28).map(([, c]) => c))).toBeGreaterThan(
      mean(days.slice(0, 28).map(([, c]) => c)),
    );
    expect(Math.max(...days.map(([, c]) => c))).toBeLessThan(10);
  });

  it('is the same account for the same start', () => {
    const a = planDemo(START_AT).scenario;
    const b = planDemo(START_AT).scenario;
    expect(b.credits).toEqual(a.credits);
    expect(b.history).toEqual(a.history);
    expect(b.traffic.hour(START_AT + 5 * 3_600_000)).toEqual(a.traffic.hour(START_AT + 5 * 3_600_000));
  });
});

describe('other scenarios (engine)', () => {
  it('exhausted: a small purchase used up, a little debt, no auto-recharge', () => {
    const scenario = buildScenario('exhausted', START_AT);
    const result = evaluateAt(prepare(scenario), START_AT);
    expect(scenario.autoRecharge.enabled).toBe(false);
    expect(result.rejected).toEqual([]);
    expect(result.grants.map((grant) => [grant.source, grant.amount])).toEqual([['manual', 5n * USD]]);
    expect(result.available).toBe(0n);
    expect(result.debt).toBeGreaterThan(0n);
    expect(result.debt).toBeLessThan(USD);
    expect(result.quotaExhausted).toBe(true);
    // Nothing more happens by itself: the API refuses calls once the credit is gone.
    expect(evaluateAt(prepare(scenario, START_AT + 5 * MS_PER_DAY), START_AT + 5 * MS_PER_DAY).debt).toBe(
      result.debt,
    );
  });

  it('empty: a new account, nothing at all', () => {
    const scenario = buildScenario('empty', START_AT);
    const result = evaluateAt(prepare(scenario, START_AT + 3 * MS_PER_DAY), START_AT + 3 * MS_PER_DAY);
    expect(scenario.credits).toEqual([]);
    expect(scenario.history).toEqual([]);
    expect(result.grants).toEqual([]);
    expect(result.available).toBe(0n);
  });
});
