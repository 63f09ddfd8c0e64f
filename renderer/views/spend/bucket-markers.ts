/** Balance events (purchases, auto-recharges, expiries…) placed on the bars of the time axis. */
import type { Marker } from '../../../shared/bridge';
import type { Bucket } from './buckets';
import type { DayWindow } from './spend-range';

const MS_PER_DAY = 86_400_000;

/**
 * The markers that fall in each bucket, by their UTC day, oldest first; `firstDay` is the day of
 * index 0 of the full day list, `window` the part the buckets cover.
 */
export function markersByBucket(
  markers: readonly Marker[],
  firstDay: string,
  window: DayWindow,
  buckets: readonly Bucket[],
): Marker[][] {
  const grouped: Marker[][] = buckets.map(() => []);
  const first = Date.parse(`${firstDay}T00:00:00Z`) / MS_PER_DAY;
  for (const marker of [...markers].sort((a, b) => a.at - b.at)) {
    const day = Math.floor(marker.at / MS_PER_DAY) - first - window.start;
    const bucket = buckets.findIndex((one) => day >= one.from && day < one.to);
    if (bucket >= 0) grouped[bucket]!.push(marker);
  }
  return grouped;
}
