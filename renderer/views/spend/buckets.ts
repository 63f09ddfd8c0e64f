/**
 * The bars of a chart: one per day, or one per 7 days for a year (ux.md §2: 52 bars stay
 * readable). Weeks are counted back from today, so the last bar always ends today and only the
 * oldest one can be shorter.
 */

/** Days `[from, to)`, as indices into the window's values (0 = the window's first day). */
export interface Bucket {
  from: number;
  to: number;
}

/** One bucket per day of a window of `length` days. */
export function dailyBuckets(length: number): Bucket[] {
  return Array.from({ length }, (_, day) => ({ from: day, to: day + 1 }));
}

/** Buckets of `size` days over a window of `length` days, the last ending on its last day. */
export function weeklyBuckets(length: number, size = 7): Bucket[] {
  const buckets: Bucket[] = [];
  for (let to = length; to > 0; to -= size) buckets.unshift({ from: Math.max(0, to - size), to });
  return buckets;
}

/** Each bucket's sum of `values`. */
export function bucketSums(values: readonly number[], buckets: readonly Bucket[]): number[] {
  return buckets.map((bucket) => {
    let total = 0;
    for (let day = bucket.from; day < bucket.to; day += 1) total += values[day] ?? 0;
    return total;
  });
}

/** Each bucket's last value: a balance at the end of the bucket's last day. */
export function bucketEnds<T>(values: readonly T[], buckets: readonly Bucket[]): (T | null)[] {
  return buckets.map((bucket) => values[bucket.to - 1] ?? null);
}
