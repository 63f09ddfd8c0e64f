/**
 * The cumulative view (ux.md §2): spend since the 1st of each UTC month, and last month's curve
 * at the same day of the month. The month the history starts in counts from the history's first
 * day, so the line covers every day of the range; comparing against that partial month would
 * flatter this one, so last month's curve is unknown (null) there.
 */
const MS_PER_DAY = 86_400_000;

/** Month-to-date spend at the end of each day; the first month counts from `days[0]`. */
export function monthToDate(days: readonly string[], totals: readonly number[]): number[] {
  let running = 0;
  return days.map((day, index) => {
    if (day.endsWith('-01')) running = 0;
    running += totals[index] ?? 0;
    return running;
  });
}

/** The history's first day when it falls after the 1st: its month is known only from that day. */
export function partialMonthStart(days: readonly string[]): string | null {
  const first = days[0];
  return first === undefined || first.endsWith('-01') ? null : first;
}

/** The same day of the previous month, clamped to its last day: 31 Mar → 28 Feb. */
export function sameDayLastMonth(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1;
  const lastOfPrevious = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const target = Math.min(Number(day.slice(8, 10)), lastOfPrevious);
  return new Date(Date.UTC(year, month - 1, target)).toISOString().slice(0, 10);
}

/**
 * For each day, last month's month-to-date at the same day of the month; null where that day is
 * before the history or in its partial first month. `days` are consecutive.
 */
export function lastMonthToDate(
  days: readonly string[],
  monthToDateValues: readonly (number | null)[],
): (number | null)[] {
  if (days.length === 0) return [];
  const first = Date.parse(`${days[0]}T00:00:00Z`);
  const partialMonth = partialMonthStart(days)?.slice(0, 7);
  return days.map((day) => {
    const sameDay = sameDayLastMonth(day);
    const index = (Date.parse(`${sameDay}T00:00:00Z`) - first) / MS_PER_DAY;
    return index >= 0 && sameDay.slice(0, 7) !== partialMonth ? (monthToDateValues[index] ?? null) : null;
  });
}

/**
 * One copy of `values` per calendar month of `days`, null outside that month: drawn as separate
 * lines, month-to-date drops back to zero on the 1st instead of sliding down across a day.
 */
export function splitByMonth<T>(days: readonly string[], values: readonly (T | null)[]): (T | null)[][] {
  const months = [...new Set(days.map((day) => day.slice(0, 7)))];
  return months.map((month) =>
    days.map((day, index) => (day.startsWith(month) ? (values[index] ?? null) : null)),
  );
}
