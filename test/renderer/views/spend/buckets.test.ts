import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bucketEnds,
  bucketSums,
  dailyBuckets,
  weeklyBuckets,
} from '../../../../renderer/views/spend/buckets';

describe('bars over time', () => {
  it('gives a year 53 weekly bars, the last ending today and only the oldest shorter', () => {
    const weeks = weeklyBuckets(365);
    expect(weeks).toHaveLength(53);
    expect(weeks.at(-1)).toEqual({ from: 358, to: 365 });
    expect(weeks[0]).toEqual({ from: 0, to: 1 });
    expect(weeks.slice(1).every((week) => week.to - week.from === 7)).toBe(true);
    expect(weeklyBuckets(364)).toHaveLength(52);
  });

  it('sums weeks to exactly the days', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9_000_000 }), { maxLength: 400 }), (values) => {
        const weekly = bucketSums(values, weeklyBuckets(values.length));
        const sum = (list: number[]) => list.reduce((a, b) => a + b, 0);
        expect(sum(weekly)).toBe(sum(values));
      }),
    );
  });

  it('keeps days as they are', () => {
    expect(bucketSums([3, 4, 5], dailyBuckets(3))).toEqual([3, 4, 5]);
  });

  it("takes each bar's last value for a balance", () => {
    expect(bucketEnds([10, 9, 8, 7, 6, 5, 4, 3, 2], weeklyBuckets(9))).toEqual([9, 2]);
  });
});
