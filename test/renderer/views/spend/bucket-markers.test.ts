import { describe, expect, it } from 'vitest';
import type { Marker } from '../../../../shared/bridge';
import { markersByBucket } from '../../../../renderer/views/spend/bucket-markers';
import { dailyBuckets, weeklyBuckets } from '../../../../renderer/views/spend/buckets';

const marker = (kind: Marker['kind'], at: string, id: string): Marker => ({
  kind,
  at: Date.parse(at),
  amount: 20_000_000,
  id,
});

describe('markers on the time axis', () => {
  const markers = [
    marker('auto-recharge', '2026-11-26T23:59:00Z', 'late'),
    marker('purchase', '2026-11-20T08:00:00Z', 'in-range'),
    marker('expiry', '2026-11-01T00:00:00Z', 'before-range'),
  ];

  it('places each marker on the bar of its UTC day, leaving out those outside the range', () => {
    // Days 2026-11-01 … 2026-11-27; the range is the last 7 (11-21 … 11-27).
    const placed = markersByBucket(markers, '2026-11-01', { start: 20, end: 27 }, dailyBuckets(7));
    expect(placed.map((bar) => bar.map((one) => one.id))).toEqual([[], [], [], [], [], ['late'], []]);
  });

  it('places markers on weekly bars, oldest first', () => {
    // The last 14 days: 11-14 … 11-20 and 11-21 … 11-27.
    const placed = markersByBucket(markers, '2026-11-01', { start: 13, end: 27 }, weeklyBuckets(14));
    expect(placed.map((bar) => bar.map((one) => one.id))).toEqual([['in-range'], ['late']]);
    const oneWeek = markersByBucket(markers, '2026-11-01', { start: 13, end: 27 }, [{ from: 0, to: 14 }]);
    expect(oneWeek[0]!.map((one) => one.id)).toEqual(['in-range', 'late']);
  });
});
