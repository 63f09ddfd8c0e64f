/** The Overview's 30-day spend summary, from the snapshot's daily spend. */
import type { Spend } from '../../../shared/bridge';

export const SPEND_WINDOW_DAYS = 30;

export interface RecentSpend {
  /** The last 30 UTC days (today included), for the sparkline. */
  points: { day: string; spend: number }[];
  total: number;
  /** The 30 days before, when the history reaches back that far. */
  previousTotal: number | null;
  /** This UTC month so far. */
  monthToDate: number;
}

/** Null when no day of spend has been synced yet. */
export function recentSpend(spend: Spend, now: number): RecentSpend | null {
  const count = spend.days.length;
  if (count === 0) return null;
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  const recent = spend.totals.slice(-SPEND_WINDOW_DAYS);
  const month = new Date(now).toISOString().slice(0, 7);
  return {
    points: spend.days.slice(-SPEND_WINDOW_DAYS).map((day, index) => ({ day, spend: recent[index] ?? 0 })),
    total: sum(recent),
    previousTotal:
      count >= 2 * SPEND_WINDOW_DAYS
        ? sum(spend.totals.slice(-2 * SPEND_WINDOW_DAYS, -SPEND_WINDOW_DAYS))
        : null,
    monthToDate: sum(spend.totals.filter((_, index) => spend.days[index]!.startsWith(month))),
  };
}
