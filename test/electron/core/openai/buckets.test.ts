import { describe, expect, it } from 'vitest';
import { costsFromBuckets, usageFromBuckets, WITHHELD_NAME } from '../../../../electron/core/openai/buckets';

const DAY = 86_400;
const NOV_1 = 1730419200; // 2024-11-01T00:00:00Z
/** The sync's UTC day: buckets after it cannot be booked. */
const TODAY = '2026-01-01';

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
      TODAY,
    );
    expect(rows.rows.map((row) => [row.day, row.amountMicros])).toEqual([
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
      TODAY,
    ).rows;
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
});

describe('cost rows Saldo cannot count in dollars', () => {
  const row = (amount: unknown, line_item = 'input') =>
    ({ object: 'organization.costs.result', amount, line_item }) as const;
  const read = (results: ReturnType<typeof row>[][]) =>
    costsFromBuckets(
      results.map((dayResults, index) => ({ start_time: NOV_1 + index * DAY, results: dayResults })) as never,
      { startDay: '2024-11-01' },
      TODAY,
    );

  it('a row without an amount, or without its value, is left out and reported, not counted as zero', () => {
    const costs = read([
      [row(undefined), row({ value: 1_000_000n, currency: 'usd' })],
      [row({ currency: 'usd' })],
    ]);
    expect(costs.rows).toEqual([
      { day: '2024-11-01', amountMicros: 1_000_000, lineItem: 'input', projectId: null },
    ]);
    expect(costs.skipped).toEqual([
      {
        kind: 'cost-without-amount',
        message:
          '2 cost rows from 2024-11-01 to 2024-11-02 had no amount and were left out: the balance may be too high',
      },
    ]);
  });

  it('rows in other currencies are left out and reported per currency, with their sum', () => {
    const costs = read([
      [row({ value: 2_500_000n, currency: 'EUR' }), row({ value: 500_000n, currency: 'usd' })],
      [row({ value: 1_000_000n, currency: 'eur' }), row({ value: 7n, currency: 'gbp' })],
      [row({ value: 1n, currency: 'not a code, sk-admin-x' })],
    ]);
    expect(costs.rows.map((kept) => kept.amountMicros)).toEqual([500_000]);
    expect(costs.skipped).toEqual([
      {
        kind: 'cost-not-usd',
        message:
          '2 cost rows from 2024-11-01 to 2024-11-02 in EUR (3.5 EUR) were left out: Saldo counts US dollars only, so the balance may be too high',
      },
      {
        kind: 'cost-not-usd',
        message:
          '1 cost row on 2024-11-02 in GBP (0.000007 GBP) was left out: Saldo counts US dollars only, so the balance may be too high',
      },
      {
        kind: 'cost-not-usd',
        message:
          '1 cost row on 2024-11-03 in other currencies was left out: Saldo counts US dollars only, so the balance may be too high',
      },
    ]);
  });

  it('tells five currencies apart, and puts the rest in one warning', () => {
    const currencies = ['eur', 'gbp', 'jpy', 'chf', 'cad', 'aud', 'nzd'];
    const costs = read([currencies.map((currency) => row({ value: 1n, currency }))]);
    expect(costs.skipped.slice(0, 5).map((warning) => warning.message.split(' was')[0])).toEqual([
      ...['EUR', 'GBP', 'JPY', 'CHF', 'CAD'].map(
        (code) => `1 cost row on 2024-11-01 in ${code} (0.000001 ${code})`,
      ),
    ]);
    expect(costs.skipped).toHaveLength(6);
    expect(costs.skipped[5]!.message).toMatch(/^2 cost rows on 2024-11-01 in other currencies were left out/);
  });

  it('a row without a currency is in the API’s dollars', () => {
    expect(read([[row({ value: 60_000n })]])).toEqual({
      rows: [{ day: '2024-11-01', amountMicros: 60_000, lineItem: 'input', projectId: null }],
      skipped: [],
    });
  });
});

describe('what the engine could not book is left out at the edge and named', () => {
  const cost = (value: bigint, extra: Record<string, unknown> = {}) =>
    ({ object: 'organization.costs.result', amount: { value, currency: 'usd' }, ...extra }) as const;

  it('a day whose costs add up to 10^9 USD or more, or below zero, is left out with its sum', () => {
    const costs = costsFromBuckets(
      [
        { start_time: NOV_1, results: [cost(999_999_999_999_999n), cost(1n)] },
        { start_time: NOV_1 + DAY, results: [cost(-5_000_000n), cost(1_000_000n)] },
        { start_time: NOV_1 + 2 * DAY, results: [cost(999_999_999_999_999n)] },
      ],
      { startDay: '2024-11-01' },
      TODAY,
    );
    expect(costs.rows.map((row) => [row.day, row.amountMicros])).toEqual([
      ['2024-11-03', 999_999_999_999_999],
    ]);
    expect(costs.skipped).toEqual([
      {
        kind: 'cost-unreadable-total',
        message:
          "4 cost rows from 2024-11-01 to 2024-11-02 adding up to 999999996 USD were left out: a day's cost must be at least 0 and below 1,000,000,000 USD for Saldo to count it",
      },
    ]);
  });

  it('buckets dated after the sync’s day (9999-12-31) are left out and named, costs and usage', () => {
    const LAST_DAY = 253_402_214_400; // 9999-12-31T00:00:00Z
    const costs = costsFromBuckets(
      [
        { start_time: NOV_1, results: [cost(1_000_000n)] },
        { start_time: LAST_DAY, results: [cost(2_000_000n), cost(3n)] },
      ],
      { startDay: '2024-11-01' },
      TODAY,
    );
    expect(costs.rows).toHaveLength(1);
    expect(costs.skipped).toEqual([
      {
        kind: 'dated-after-today',
        message:
          '2 cost rows on 9999-12-31 dated after today were left out: nothing can be booked in the future',
      },
    ]);
    const usage = usageFromBuckets(
      [
        {
          start_time: LAST_DAY,
          results: [{ object: 'organization.usage.completions.result', input_tokens: 1 }],
        },
      ],
      { startDay: '2024-11-01' },
      TODAY,
    );
    expect(usage.rows).toEqual([]);
    expect(usage.skipped[0]!.message).toMatch(/^1 usage row on 9999-12-31 dated after today was left out/);
  });

  it('names shaped like an API key are withheld (the store refuses them), the figures kept', () => {
    const secretish = 'sk-proj-abcdefghijklmnop1234';
    const costs = costsFromBuckets(
      [{ start_time: NOV_1, results: [cost(1_000_000n, { line_item: secretish, project_id: 'proj_1' })] }],
      { startDay: '2024-11-01' },
      TODAY,
    );
    expect(costs.rows).toEqual([
      { day: '2024-11-01', amountMicros: 1_000_000, lineItem: WITHHELD_NAME, projectId: 'proj_1' },
    ]);
    expect(costs.skipped).toEqual([
      { kind: 'name-withheld', message: expect.stringContaining('1 name from') },
    ]);
    const usage = usageFromBuckets(
      [
        {
          start_time: NOV_1,
          results: [
            { object: 'organization.usage.completions.result', model: secretish, project_id: secretish },
          ],
        },
      ],
      { startDay: '2024-11-01' },
      TODAY,
    );
    expect(usage.rows[0]).toMatchObject({ model: WITHHELD_NAME, projectId: WITHHELD_NAME });
    expect(usage.skipped[0]!.message).toMatch(/^2 names from the provider/);
  });
});
