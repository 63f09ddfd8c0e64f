import { describe, expect, it } from 'vitest';
import type { Projection } from '../../../../shared/dashboard/recharge-projection';
import {
  lowestBalance,
  previewDays,
  previewRecharges,
} from '../../../../renderer/views/auto-recharge/recharge-preview';

const NOW = Date.parse('2026-11-27T10:42:00Z');
const DAY = 86_400_000;

function projection(overrides: Partial<Projection>): Projection {
  return {
    points: [],
    recharges: [],
    nextRechargeAt: null,
    perMonth: { count: 0, cost: 0 },
    limitReachedAt: null,
    runsOutAt: null,
    warnings: [],
    ...overrides,
  };
}

describe('previewDays', () => {
  it('reads the balance at each day and puts each recharge on the day it falls in', () => {
    const rechargeAt = NOW + 1.5 * DAY;
    const days = previewDays(
      projection({
        points: [
          { at: NOW, balance: 12_000_000 },
          { at: NOW + DAY, balance: 11_000_000 },
          { at: rechargeAt, balance: 10_000_000 },
          { at: rechargeAt, balance: 30_000_000 },
          { at: NOW + 2 * DAY, balance: 29_500_000 },
        ],
        recharges: [{ at: rechargeAt, amount: 20_000_000 }],
      }),
      NOW,
    );
    expect(days).toHaveLength(31);
    expect(days.slice(0, 3)).toEqual([
      { day: '2026-11-27', balance: 12_000_000, recharged: 0 },
      { day: '2026-11-28', balance: 11_000_000, recharged: 0 },
      { day: '2026-11-29', balance: 29_500_000, recharged: 20_000_000 },
    ]);
    expect(days[30]!.balance).toBe(29_500_000);
  });

  it('stops the balance at zero, where OpenAI refuses requests, unless it starts below', () => {
    const falling = projection({
      points: [
        { at: NOW, balance: 1_000_000 },
        { at: NOW + DAY, balance: -1_000_000 },
      ],
    });
    expect(previewDays(falling, NOW)[1]!.balance).toBe(0);
    expect(lowestBalance(falling, NOW)).toBe(0);
    const inDebt = projection({
      points: [
        { at: NOW, balance: -2_000_000 },
        { at: NOW + DAY, balance: -5_000_000 },
      ],
    });
    expect(previewDays(inDebt, NOW)[1]!.balance).toBe(-2_000_000);
  });

  it('finds the lowest balance between the days, just before a recharge', () => {
    expect(
      lowestBalance(
        projection({
          points: [
            { at: NOW, balance: 12_000_000 },
            { at: NOW + 0.5 * DAY, balance: 10_000_000 },
            { at: NOW + 0.5 * DAY, balance: 30_000_000 },
          ],
        }),
        NOW,
      ),
    ).toBe(10_000_000);
  });

  it("shows only the preview: the projection's year beyond it counts in neither the lowest nor the recharges", () => {
    const year = projection({
      points: [
        { at: NOW, balance: 12_000_000 },
        { at: NOW + 40 * DAY, balance: 1_000_000 },
        { at: NOW + 40 * DAY, balance: 21_000_000 },
      ],
      recharges: [{ at: NOW + 40 * DAY, amount: 20_000_000 }],
    });
    expect(lowestBalance(year, NOW)).toBe(12_000_000);
    expect(previewRecharges(year, NOW)).toEqual([]);
  });
});
