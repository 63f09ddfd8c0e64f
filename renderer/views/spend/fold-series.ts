/**
 * At most six named series plus "Other" (ux.md §2): ranked by their total over the range, the tail
 * folded into one series so that every day still adds up to the same amount.
 */
import type { Series } from '../../../shared/bridge';
import { MAX_NAMED_SERIES } from '../../charts/palette';
import type { DayWindow } from './spend-range';

export interface FoldedSeries {
  /** The series' name; null for "Other". */
  name: string | null;
  /** One value per day of the window. */
  values: number[];
  total: number;
}

/** The series of `window`, largest first, the tail beyond `max` summed into a last "Other". */
export function foldSeries(
  series: readonly Series[],
  window: DayWindow,
  max: number = MAX_NAMED_SERIES,
): FoldedSeries[] {
  const ranked = series
    .map((one) => {
      const values = one.values.slice(window.start, window.end);
      return { name: one.name, values, total: values.reduce((total, value) => total + value, 0) };
    })
    // A series with no spend in the range would only crowd the legend.
    .filter((one) => one.values.some((value) => value !== 0))
    .sort((a, b) => b.total - a.total);
  if (ranked.length <= max) return ranked;
  const tail = ranked.slice(max);
  const other: FoldedSeries = {
    name: null,
    values: tail[0]!.values.map((_, day) => tail.reduce((total, one) => total + (one.values[day] ?? 0), 0)),
    total: tail.reduce((total, one) => total + one.total, 0),
  };
  return [...ranked.slice(0, max), other];
}
