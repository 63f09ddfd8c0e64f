/**
 * OpenAI's daily buckets → Saldo's daily rows. Pure. A bucket is filed under the UTC day of its
 * `start_time`: later buckets are whole UTC days, but the first one starts at whatever instant was
 * asked for (the cookbook saw `start_time` = request time, `end_time` = next midnight), and it
 * belongs to that same day. Days without results produce no rows.
 */
import type { DailyCost, DailyUsage, DayRange } from '../billing-backend';
import { utcDayOf } from '../utc-day';
import type { CompletionsPage, CostsPage } from './wire';

type Bucket<R> = { start_time: number; results?: R[] | null | undefined };

/** Each result with its bucket's day, keeping only days inside `[startDay, endDay)`. */
function resultsByDay<R>(buckets: readonly Bucket<R>[], range: DayRange): { day: string; result: R }[] {
  const rows: { day: string; result: R }[] = [];
  for (const bucket of buckets) {
    const day = utcDayOf(bucket.start_time * 1000);
    // The caller replaces exactly the days it asked for; a stray bucket must not touch others.
    if (day < range.startDay || (range.endDay !== undefined && day >= range.endDay)) continue;
    for (const result of bucket.results ?? []) rows.push({ day, result });
  }
  return rows;
}

export function costsFromBuckets(buckets: NonNullable<CostsPage['data']>, range: DayRange): DailyCost[] {
  return resultsByDay(buckets, range).map(({ day, result }) => ({
    day,
    // parseAmount caps |amount| below 10^9 USD, so micro-dollars stay a safe integer.
    amountMicros: Number(result.amount?.value ?? 0n),
    lineItem: result.line_item ?? null,
    projectId: result.project_id ?? null,
  }));
}

export function usageFromBuckets(
  buckets: NonNullable<CompletionsPage['data']>,
  range: DayRange,
): DailyUsage[] {
  return resultsByDay(buckets, range).map(({ day, result }) => ({
    day,
    model: result.model ?? null,
    projectId: result.project_id ?? null,
    // `input_tokens` already includes cached, cache-write, audio and image input (§1.3): no sums here.
    inputTokens: result.input_tokens ?? 0,
    cachedInputTokens: result.input_cached_tokens ?? 0,
    outputTokens: result.output_tokens ?? 0,
    requests: result.num_model_requests ?? 0,
  }));
}
