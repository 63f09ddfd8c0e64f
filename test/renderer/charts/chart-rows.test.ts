import { describe, expect, it } from 'vitest';
import { chartRows, seriesKey } from '../../../renderer/charts/chart-rows';

describe('chart rows', () => {
  it('put each series under a plain key, null where unknown', () => {
    expect(chartRows(['2026-11-26', '2026-11-27'], [{ values: [1, 2] }, { values: [3] }])).toEqual([
      { key: '2026-11-26', s0: 1, s1: 3 },
      { key: '2026-11-27', s0: 2, s1: null },
    ]);
    expect(seriesKey(4)).toBe('s4');
  });
});
