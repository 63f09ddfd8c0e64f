import { describe, expect, it } from 'vitest';
import { rangeFigures } from '../../../../renderer/views/spend/range-figures';

const days = ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'];

describe('range figures', () => {
  it('gives the total, the average per day and the first highest day', () => {
    const figures = rangeFigures(days, [1, 2, 3, 10, 30, 30], { start: 3, end: 6 }, null);
    expect(figures.total).toBe(70);
    expect(figures.averagePerDay).toBe(23);
    expect(figures.highest).toEqual({ day: '2026-11-05', amount: 30 });
    expect(figures.change).toBeNull();
  });

  it('compares with the previous range', () => {
    const figures = rangeFigures(
      days,
      [1_000_000, 1_000_000, 2_000_000, 1_500_000, 1_500_000, 1_000_000],
      {
        start: 3,
        end: 6,
      },
      { start: 0, end: 3 },
    );
    expect(figures.change).toEqual({ previousTotal: 4_000_000, difference: 0, percent: 0 });
    const up = rangeFigures(days, [1, 1, 2, 2, 2, 1], { start: 3, end: 6 }, { start: 0, end: 3 });
    expect(up.change).toEqual({ previousTotal: 4, difference: 1, percent: 25 });
    const down = rangeFigures(days, [2, 2, 4, 1, 1, 1], { start: 3, end: 6 }, { start: 0, end: 3 });
    expect(down.change?.percent).toBe(-62.5);
  });

  it('gives no percentage of a previous range without spend', () => {
    const figures = rangeFigures(days, [0, 0, 0, 5, 0, 0], { start: 3, end: 6 }, { start: 0, end: 3 });
    expect(figures.change).toEqual({ previousTotal: 0, difference: 5, percent: null });
  });

  it('has no highest day when nothing was spent', () => {
    const figures = rangeFigures(days, [0, 0, 0, 0, 0, 0], { start: 0, end: 6 }, null);
    expect(figures).toEqual({ total: 0, averagePerDay: 0, highest: null, change: null });
  });
});
