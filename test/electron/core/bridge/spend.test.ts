/** The spend charts: days, series and their order, and the balance line from the engine. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../../shared/billing/evaluate';
import { readSettings } from '../../../../shared/billing/read-settings';
import type { BillingSettings } from '../../../../shared/billing/types';
import { emptyLedger, type DailyCost } from '../../../../shared/ledger/ledger-schema';
import { buildSpend, dayEnds, modelOf, spendDays } from '../../../../electron/core/bridge';
import { buildCase } from '../../../../electron/core/monitor/build-case';

const NOW = Date.UTC(2026, 10, 27, 9, 30);

const cost = (
  day: string,
  amountMicros: number,
  lineItem: string | null,
  projectId: string | null,
): DailyCost => ({
  day,
  amountMicros,
  lineItem,
  projectId,
});

function engineFor(costs: DailyCost[], entries = emptyLedger().entries) {
  const billingCase = buildCase({ ...emptyLedger(), entries, costs }, NOW);
  const billing = readSettings(billingCase) as BillingSettings;
  return { billing, events: billingCase.events };
}

describe('modelOf', () => {
  it.each([
    ['gpt-4o-2024-08-06, input', 'gpt-4o-2024-08-06'],
    ['gpt-4o, cached input, batch', 'gpt-4o, cached input'],
    ['web search', 'web search'],
    [null, 'Other'],
  ])('%j → %j', (lineItem, model) => {
    expect(modelOf(lineItem)).toBe(model);
  });
});

describe('spendDays', () => {
  it('runs from the first cost day through today, every day', () => {
    expect(spendDays([cost('2026-11-25', 1, null, null)], NOW)).toEqual([
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
    ]);
  });

  it('goes back a year at most, and is empty without costs', () => {
    const days = spendDays([cost('2024-01-01', 1, null, null)], NOW);
    expect(days).toHaveLength(366);
    expect(days[0]).toBe('2025-11-27');
    expect(spendDays([], NOW)).toEqual([]);
  });
});

describe('buildSpend', () => {
  const costs = [
    cost('2026-11-25', 1_000_000, 'gpt-4o, input', 'proj_a'),
    cost('2026-11-25', 3_000_000, 'gpt-4o, output', 'proj_b'),
    cost('2026-11-26', 5_000_000, 'o4-mini, input', null),
    cost('2026-11-27', 500_000, null, 'proj_a'),
  ];

  it('sums each day and each series; every grouping adds up to the day totals', () => {
    const spend = buildSpend(costs, NOW, engineFor(costs));
    expect(spend.days).toEqual(['2026-11-25', '2026-11-26', '2026-11-27']);
    expect(spend.totals).toEqual([4_000_000, 5_000_000, 500_000]);
    for (const series of [spend.byModel, spend.byProject, spend.byLineItem]) {
      const sums = spend.days.map((_, day) => series.reduce((sum, one) => sum + one.values[day]!, 0));
      expect(sums).toEqual(spend.totals);
    }
  });

  it('orders each grouping by its total over the range, largest first', () => {
    const spend = buildSpend(costs, NOW, engineFor(costs));
    expect(spend.byModel).toEqual([
      { name: 'o4-mini', values: [0, 5_000_000, 0] },
      { name: 'gpt-4o', values: [4_000_000, 0, 0] },
      { name: 'Other', values: [0, 0, 500_000] },
    ]);
    expect(spend.byProject.map((series) => series.name)).toEqual(['No project', 'proj_b', 'proj_a']);
    expect(spend.byLineItem.map((series) => series.name)).toEqual([
      'o4-mini, input',
      'gpt-4o, output',
      'gpt-4o, input',
      'Other',
    ]);
  });

  it("gives the engine's balance at each day's end, and now for today", () => {
    const entries = [
      {
        type: 'purchase' as const,
        id: 'p1',
        at: '2026-11-25T12:00:00Z',
        createdAt: '2026-11-25T12:00:00Z',
        amount: '20',
        source: 'manual' as const,
      },
    ];
    const engine = engineFor(costs, entries);
    const spend = buildSpend(costs, NOW, engine);
    // The 25th's cost came before the purchase (a day's cost sits at its 00:00): $4 of debt, settled by it.
    expect(spend.balance).toEqual([16_000_000, 11_000_000, 10_500_000]);
    expect(BigInt(spend.balance.at(-1)!)).toBe(evaluate(engine.billing, engine.events).balance);
  });

  it('has no balance line when the case cannot be read', () => {
    expect(buildSpend(costs, NOW, null).balance).toEqual([]);
  });

  it('samples a past day at its last millisecond, today at now', () => {
    expect(dayEnds(['2026-11-26', '2026-11-27'], NOW)).toEqual([Date.UTC(2026, 10, 27) - 1, NOW]);
  });
});
