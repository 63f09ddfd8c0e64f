import { describe, expect, it } from 'vitest';
import {
  lastMonthToDate,
  monthToDate,
  partialMonthStart,
  sameDayLastMonth,
  splitByMonth,
} from '../../../../renderer/views/spend/month-to-date';
import { daysEndingOn } from '../../../../renderer/views/spend/spend-range';

describe('month to date', () => {
  it('adds up from the 1st and starts again on the next 1st; the first month from the first day', () => {
    const days = ['2026-09-29', '2026-09-30', '2026-10-01', '2026-10-02', '2026-10-31', '2026-11-01'];
    expect(monthToDate(days, [5, 5, 1, 2, 3, 4])).toEqual([5, 10, 1, 3, 6, 4]);
    expect(partialMonthStart(days)).toBe('2026-09-29');
    expect(partialMonthStart(days.slice(2))).toBeNull();
    expect(partialMonthStart([])).toBeNull();
  });

  it('covers every day of a history that starts mid-month, and compares nothing with that part', () => {
    const days = daysEndingOn('2026-11-27', 81);
    expect(days[0]).toBe('2026-09-08');
    const thisMonth = monthToDate(
      days,
      days.map(() => 1),
    );
    expect(thisMonth.every((value) => value !== null)).toBe(true);
    expect(thisMonth[days.indexOf('2026-09-30')]).toBe(23);
    const lastMonth = lastMonthToDate(days, thisMonth);
    // October's same days fall in September, known only from the 8th: no comparison.
    expect(lastMonth[days.indexOf('2026-10-20')]).toBeNull();
    expect(lastMonth[days.indexOf('2026-11-20')]).toBe(20);
  });

  it('finds the same day last month, clamped to its length', () => {
    expect(sameDayLastMonth('2026-11-27')).toBe('2026-10-27');
    expect(sameDayLastMonth('2026-03-31')).toBe('2026-02-28');
    expect(sameDayLastMonth('2028-03-30')).toBe('2028-02-29');
    expect(sameDayLastMonth('2027-01-15')).toBe('2026-12-15');
  });

  it("gives last month's curve at the same day, unknown before the history", () => {
    const days = daysEndingOn('2026-03-31', 60);
    const totals = days.map(() => 1);
    const thisMonth = monthToDate(days, totals);
    const lastMonth = lastMonthToDate(days, thisMonth);
    expect(days[0]).toBe('2026-01-31');
    expect(lastMonth[days.indexOf('2026-03-15')]).toBe(15);
    expect(lastMonth[days.indexOf('2026-03-31')]).toBe(28);
    // February's same days are January's, whose month began before the history.
    expect(lastMonth[days.indexOf('2026-02-10')]).toBeNull();
  });

  it('splits a line at each month so the drop on the 1st is not drawn as a slope', () => {
    expect(splitByMonth(['2026-10-30', '2026-10-31', '2026-11-01'], [5, 6, 1])).toEqual([
      [5, 6, null],
      [null, null, 1],
    ]);
  });
});
