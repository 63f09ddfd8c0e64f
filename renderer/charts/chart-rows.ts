/**
 * Recharts' data for a chart of series over time keys. Plain string data keys (`s0`, `s1`, …)
 * rather than the series' names, which may hold dots that recharts would read as paths, and rather
 * than functions, which would make recharts recompute every selector on each render.
 */
export type ChartRow = Record<string, string | number | null>;

/** The data key of the series at `position`. */
export const seriesKey = (position: number) => `s${position}`;

/** One row per key: `key` and each series' value (null where unknown). */
export function chartRows(
  keys: readonly string[],
  series: readonly { values: readonly (number | null)[] }[],
): ChartRow[] {
  return keys.map((key, index) => {
    const row: ChartRow = { key };
    series.forEach((one, position) => {
      row[seriesKey(position)] = one.values[index] ?? null;
    });
    return row;
  });
}
