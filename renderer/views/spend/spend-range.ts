/**
 * Which days a range covers. Indices point into `spend.days`, whose last day is today (UTC);
 * windows are half-open, `[start, end)`.
 */
export const SPEND_RANGES = ['7', '30', '90', '365', 'month'] as const;
export type SpendRange = (typeof SPEND_RANGES)[number];
/** ux.md §1 Spend 2: 30 days unless the user picks another range. */
export const DEFAULT_RANGE: SpendRange = '30';

export interface DayWindow {
  start: number;
  end: number;
}

const MS_PER_DAY = 86_400_000;

/** The UTC day of an instant, as `YYYY-MM-DD`. */
export function utcDay(instant: number): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** `n` UTC days ending with `today`, oldest first: the time axis before any day is synced. */
export function daysEndingOn(today: string, n: number): string[] {
  const last = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: n }, (_, index) => utcDay(last - (n - 1 - index) * MS_PER_DAY));
}

/** How many days a range asks for, ending with `today`: N, or the UTC calendar month so far. */
export function requestedDays(range: SpendRange, today: string): number {
  return range === 'month' ? Number(today.slice(8, 10)) : Number(range);
}

/** The last `requested` of `dayCount` days, clamped to the history there is. */
export function rangeWindow(dayCount: number, requested: number): DayWindow {
  return { start: Math.max(0, dayCount - requested), end: dayCount };
}

/**
 * The `requested` days just before `window`, to compare against; null when the history does not
 * reach back that far (a partial previous range would make any change look like growth).
 */
export function previousWindow(window: DayWindow, requested: number): DayWindow | null {
  if (window.end - window.start < requested || window.start < requested) return null;
  return { start: window.start - requested, end: window.start };
}

const LONGER: Record<SpendRange, SpendRange | null> = {
  '7': '30',
  '30': '90',
  month: '90',
  '90': '365',
  '365': null,
};

/** The range to suggest when this one holds no spend; null for the longest. */
export function longerRange(range: SpendRange): SpendRange | null {
  return LONGER[range];
}
