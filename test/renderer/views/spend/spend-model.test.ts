import { describe, expect, it } from 'vitest';
import { isWeekly, rangeDays, seriesOf, timeAxis } from '../../../../renderer/views/spend/spend-model';
import { daysEndingOn } from '../../../../renderer/views/spend/spend-range';
import { spendFixture } from './spend-fixture';

describe('the shape of the Spend view', () => {
  it('takes the range from the synced days and says when the history is shorter', () => {
    const days = daysEndingOn('2026-11-27', 60);
    expect(rangeDays(days, '30', '2026-11-27')).toMatchObject({
      window: { start: 30, end: 60 },
      previous: { start: 0, end: 30 },
      requested: 30,
      clamped: false,
    });
    const month = rangeDays(days, 'month', '2026-11-27');
    expect(month.days[0]).toBe('2026-11-01');
    expect(month.days).toHaveLength(27);
    expect(rangeDays(days, '90', '2026-11-27')).toMatchObject({ clamped: true, previous: null });
  });

  it('draws a year as weekly bars, but never the cumulative line', () => {
    expect(isWeekly('365', 'daily')).toBe(true);
    expect(isWeekly('365', 'cumulative')).toBe(false);
    expect(isWeekly('90', 'daily')).toBe(false);
    const axis = timeAxis(daysEndingOn('2026-11-27', 14), true);
    expect(axis.spans).toEqual([
      { from: '2026-11-14', to: '2026-11-20' },
      { from: '2026-11-21', to: '2026-11-27' },
    ]);
  });

  it('picks the series of the grouping', () => {
    const spend = spendFixture({ days: 3 });
    expect(seriesOf(spend, 'project').map((one) => one.name)).toEqual(spend.byProject.map((one) => one.name));
    expect(seriesOf(spend, 'lineItem')).toBe(spend.byLineItem);
  });
});
