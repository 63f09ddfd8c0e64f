import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Marker } from '../../../../shared/bridge';
import type { Grouping, SpendMode } from '../../../../renderer/views/spend/spend-model';
import type { SpendRange } from '../../../../renderer/views/spend/spend-range';
import { useSpendModel } from '../../../../renderer/views/spend/useSpendModel';
import { spendFixture } from './spend-fixture';

const TODAY = '2026-11-27';
const year = spendFixture({ days: 366, projects: Array.from({ length: 20 }, (_, k) => `Project ${k + 1}`) });
const markers: Marker[] = [
  { kind: 'purchase', at: Date.parse('2026-11-20T09:00:00Z'), amount: 20_000_000, id: 'p' },
];

function renderModel(range: SpendRange, grouping: Grouping, mode: SpendMode) {
  return renderHook((choice) => useSpendModel(year, markers, choice), {
    initialProps: { range, grouping, mode, today: TODAY },
  });
}

describe('the Spend view model', () => {
  it('folds twenty projects into six and "Other" with the day totals intact', () => {
    const { result } = renderModel('30', 'project', 'daily');
    const { series, totals, bars } = result.current;
    expect(series).toHaveLength(7);
    expect(series.at(-1)!.name).toBeNull();
    totals.forEach((total, day) => {
      expect(series.reduce((sum, one) => sum + one.values[day]!, 0)).toBe(total);
    });
    expect(bars.totals).toEqual(totals);
    // 29 Oct … 27 Nov: 20 Nov is day 22.
    expect(result.current.balance.markers[22]!.map((one) => one.id)).toEqual(['p']);
  });

  it('shows a year as weekly bars with a daily table underneath', () => {
    const { result } = renderModel('365', 'model', 'daily');
    expect(result.current.axis.weekly).toBe(true);
    expect(result.current.bars.totals).toHaveLength(53);
    expect(result.current.totals).toHaveLength(365);
    expect(result.current.balance.values).toHaveLength(53);
  });

  it('re-shapes a year of 20 projects well within 100 ms per switch', () => {
    const { rerender } = renderModel('30', 'model', 'daily');
    const switches: [SpendRange, Grouping, SpendMode][] = [
      ['30', 'project', 'daily'],
      ['365', 'project', 'daily'],
      ['365', 'lineItem', 'daily'],
      ['90', 'project', 'cumulative'],
      ['month', 'model', 'daily'],
    ];
    for (const [range, grouping, mode] of switches) {
      const started = performance.now();
      rerender({ range, grouping, mode, today: TODAY });
      expect(performance.now() - started).toBeLessThan(100);
    }
  });
});
