import { describe, expect, it } from 'vitest';
import { madeRows } from '../../../../renderer/views/auto-recharge/recharges-made';

describe('madeRows', () => {
  it('lists newest first with the running total of each UTC month', () => {
    const at = (text: string) => Date.parse(text);
    const rows = madeRows([
      { id: 'b', at: at('2026-11-30T23:59:00Z'), amount: 10, balanceBefore: 2 },
      { id: 'a', at: at('2026-11-02T00:00:00Z'), amount: 20, balanceBefore: -1 },
      { id: 'c', at: at('2026-12-01T00:00:00Z'), amount: 5, balanceBefore: 3 },
    ]);
    expect(rows.map((row) => [row.id, row.balanceBefore, row.monthTotal])).toEqual([
      ['c', 3, 5],
      ['b', 2, 30],
      ['a', -1, 20],
    ]);
  });
});
