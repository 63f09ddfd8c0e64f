import { describe, expect, it } from 'vitest';
import { valueTicks } from '../../../renderer/charts/value-ticks';

describe('y-axis ticks', () => {
  it('start at zero and step by 1, 2 or 5 times a power of ten', () => {
    expect(valueTicks(0, 8_400_000)).toEqual([0, 2_000_000, 4_000_000, 6_000_000, 8_000_000, 10_000_000]);
    expect(valueTicks(0, 1_300_000)).toEqual([0, 500_000, 1_000_000, 1_500_000]);
  });

  it('never step below ten cents, so a one-decimal compact label names each tick exactly', () => {
    expect(valueTicks(0, 30_000)).toEqual([0, 100_000]);
    expect(valueTicks(0, 0)).toEqual([0, 100_000]);
  });

  it('reach below zero for a negative balance', () => {
    expect(valueTicks(-3_000_000, 9_000_000)).toEqual([-5_000_000, 0, 5_000_000, 10_000_000]);
  });
});
