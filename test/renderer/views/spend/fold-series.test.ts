import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldSeries } from '../../../../renderer/views/spend/fold-series';

const series = (name: string, values: number[]) => ({ name, values });

describe('folding series into six and "Other"', () => {
  it('keeps up to six series, ranked by their total over the range', () => {
    const folded = foldSeries([series('a', [9, 0, 0]), series('b', [0, 2, 2]), series('c', [0, 1, 0])], {
      start: 1,
      end: 3,
    });
    // "a" is the largest overall but spent nothing in the range.
    expect(folded).toEqual([
      { name: 'b', values: [2, 2], total: 4 },
      { name: 'c', values: [1, 0], total: 1 },
    ]);
  });

  it('folds the tail into one last series without a name', () => {
    const many = Array.from({ length: 9 }, (_, k) => series(`s${k}`, [k + 1, 2 * (k + 1)]));
    const folded = foldSeries(many, { start: 0, end: 2 });
    expect(folded.map((one) => one.name)).toEqual(['s8', 's7', 's6', 's5', 's4', 's3', null]);
    expect(folded.at(-1)).toEqual({ name: null, values: [1 + 2 + 3, 2 + 4 + 6], total: 18 });
  });

  it('keeps every day and the range total exact', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((days) =>
          fc.tuple(
            fc.array(fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: days, maxLength: days }), {
              maxLength: 20,
            }),
            fc.integer({ min: 0, max: days - 1 }),
          ),
        ),
        ([values, start]) => {
          const input = values.map((one, k) => series(`p${k}`, one));
          const end = input[0]?.values.length ?? start + 1;
          const folded = foldSeries(input, { start, end });
          expect(folded.length).toBeLessThanOrEqual(7);
          for (let day = 0; day < end - start; day += 1) {
            const before = input.reduce((sum, one) => sum + one.values[start + day]!, 0);
            expect(folded.reduce((sum, one) => sum + one.values[day]!, 0)).toBe(before);
          }
          const totals = folded.map((one) => one.total);
          expect(totals.slice(0, 6)).toEqual([...totals.slice(0, 6)].sort((a, b) => b - a));
        },
      ),
    );
  });
});
