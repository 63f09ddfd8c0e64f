import { describe, expect, it } from 'vitest';
import { costsFromBuckets, usageFromBuckets } from '../../../../electron/core/openai/buckets';

const DAY = 86_400;
const NOV_1 = 1730419200; // 2024-11-01T00:00:00Z

describe('bucket → day', () => {
  it('files the unaligned first bucket under the UTC day it starts in', () => {
    // The cookbook's capture: start_time = request time (2025-01-11T17:31Z), end_time = next midnight.
    const rows = costsFromBuckets(
      [
        {
          start_time: 1736616660,
          end_time: 1736640000,
          results: [{ object: 'organization.costs.result', amount: { value: 1_500_000n } }],
        },
        {
          start_time: 1736640000,
          end_time: 1736640000 + DAY,
          results: [{ object: 'organization.costs.result', amount: { value: 250_000n } }],
        },
      ],
      { startDay: '2025-01-11' },
    );
    expect(rows.map((row) => [row.day, row.amountMicros])).toEqual([
      ['2025-01-11', 1_500_000],
      ['2025-01-12', 250_000],
    ]);
  });

  it('skips days without results and keeps only days inside the range', () => {
    const result = { object: 'organization.usage.completions.result' as const, input_tokens: 3 };
    const rows = usageFromBuckets(
      [
        { start_time: NOV_1 - DAY, results: [result] },
        { start_time: NOV_1, results: [] },
        { start_time: NOV_1 + DAY, results: null },
        { start_time: NOV_1 + 2 * DAY, results: [result, result] },
        { start_time: NOV_1 + 3 * DAY, results: [result] },
      ],
      { startDay: '2024-11-01', endDay: '2024-11-04' },
    );
    expect(rows.map((row) => row.day)).toEqual(['2024-11-03', '2024-11-03']);
    expect(rows[0]).toEqual({
      day: '2024-11-03',
      model: null,
      projectId: null,
      inputTokens: 3,
      cachedInputTokens: 0,
      outputTokens: 0,
      requests: 0,
    });
  });

  it('a result without an amount costs nothing rather than failing', () => {
    expect(
      costsFromBuckets([{ start_time: NOV_1, results: [{ object: 'organization.costs.result' }] }], {
        startDay: '2024-11-01',
      }),
    ).toEqual([{ day: '2024-11-01', amountMicros: 0, lineItem: null, projectId: null }]);
  });
});
