/** The figures above the charts (ux.md §1 Spend 1): total, average per day, highest day, change. */
import type { DayWindow } from './spend-range';

export interface RangeChange {
  previousTotal: number;
  /** This range's total minus the previous one's. */
  difference: number;
  /** Null when the previous range had no spend: no percentage of nothing. */
  percent: number | null;
}

export interface RangeFigures {
  total: number;
  /** Rounded to the micro-dollar. */
  averagePerDay: number;
  /** The first day with the most spend; null when no day had any. */
  highest: { day: string; amount: number } | null;
  /** Null when there is no previous range to compare with. */
  change: RangeChange | null;
}

function sum(values: readonly number[], window: DayWindow): number {
  let total = 0;
  for (let index = window.start; index < window.end; index += 1) total += values[index] ?? 0;
  return total;
}

/** The figures of `window` over the day totals, compared with `previous` when there is one. */
export function rangeFigures(
  days: readonly string[],
  totals: readonly number[],
  window: DayWindow,
  previous: DayWindow | null,
): RangeFigures {
  const total = sum(totals, window);
  const length = window.end - window.start;
  let highest: RangeFigures['highest'] = null;
  for (let index = window.start; index < window.end; index += 1) {
    const amount = totals[index] ?? 0;
    if (amount > 0 && (highest === null || amount > highest.amount)) highest = { day: days[index]!, amount };
  }
  let change: RangeChange | null = null;
  if (previous !== null) {
    const previousTotal = sum(totals, previous);
    change = {
      previousTotal,
      difference: total - previousTotal,
      percent: previousTotal > 0 ? ((total - previousTotal) / previousTotal) * 100 : null,
    };
  }
  return { total, averagePerDay: length === 0 ? 0 : Math.round(total / length), highest, change };
}
