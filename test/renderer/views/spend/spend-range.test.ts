import { describe, expect, it } from 'vitest';
import {
  daysEndingOn,
  longerRange,
  previousWindow,
  rangeWindow,
  requestedDays,
  utcDay,
} from '../../../../renderer/views/spend/spend-range';

describe('the days of a range', () => {
  it('asks for N days, or the UTC month so far', () => {
    expect(requestedDays('7', '2026-11-27')).toBe(7);
    expect(requestedDays('365', '2026-11-27')).toBe(365);
    expect(requestedDays('month', '2026-11-27')).toBe(27);
    expect(requestedDays('month', '2026-12-01')).toBe(1);
  });

  it('takes the last days of the history, clamped to what there is', () => {
    expect(rangeWindow(60, 30)).toEqual({ start: 30, end: 60 });
    expect(rangeWindow(60, 365)).toEqual({ start: 0, end: 60 });
    expect(rangeWindow(0, 30)).toEqual({ start: 0, end: 0 });
  });

  it('compares with the same number of days before, only when the history covers them', () => {
    expect(previousWindow({ start: 30, end: 60 }, 30)).toEqual({ start: 0, end: 30 });
    expect(previousWindow({ start: 29, end: 59 }, 30)).toBeNull();
    // A clamped range has no previous range of the same length.
    expect(previousWindow({ start: 0, end: 60 }, 365)).toBeNull();
  });

  it('builds the axis of a range before any day is synced', () => {
    expect(daysEndingOn('2026-03-02', 4)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(utcDay(Date.parse('2026-11-27T23:59:59Z'))).toBe('2026-11-27');
  });

  it('suggests a longer range, none after a year', () => {
    expect(longerRange('7')).toBe('30');
    expect(longerRange('month')).toBe('90');
    expect(longerRange('365')).toBeNull();
  });
});
