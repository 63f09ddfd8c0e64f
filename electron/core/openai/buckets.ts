/**
 * OpenAI's daily buckets → Saldo's daily rows. Pure. A bucket is filed under the UTC day of its
 * `start_time`: later buckets are whole UTC days, but the first one starts at whatever instant was
 * asked for (the cookbook saw `start_time` = request time, `end_time` = next midnight), and it
 * belongs to that same day. Days without results produce no rows.
 */
import { microsToDecimalText } from '../../../shared/billing/money';
import type { DailyCost, DailyUsage, DayRange } from '../billing-backend';
import type { SyncWarning } from '../../../shared/ledger/synced-data';
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

export interface CostsRead {
  rows: DailyCost[];
  /** The rows left out, one warning per reason (and per currency). */
  skipped: SyncWarning[];
}

/** Why a row was left out, besides its currency's code. */
const NO_AMOUNT = 'no amount';
const UNNAMED = 'unnamed';
/** An ISO 4217 code, as OpenAI writes them (`usd`); anything else is not repeated to the user. */
const CURRENCY_CODE = /^[a-z]{3}$/;
/** Currencies told apart; more share one warning, so a sync's warnings stay few (the ledger keeps 20). */
const MAX_NAMED_CURRENCIES = 5;

/** Rows left out for one reason: how many, on which days, and their sum where they have one. */
interface Skipped {
  count: number;
  first: string;
  last: string;
  micros: bigint;
}

/**
 * The rows Saldo can count: an amount in US dollars (a missing currency is taken as the API's
 * `usd`). A row without an amount, or in another currency, is left out — its cost is unknown in
 * dollars, and a guess would move the balance — and reported, so the balance is never silently short.
 */
export function costsFromBuckets(buckets: NonNullable<CostsPage['data']>, range: DayRange): CostsRead {
  const rows: DailyCost[] = [];
  const skipped = new Map<string, Skipped>();
  let named = 0;
  const currencyReason = (currency: string) => {
    if (skipped.has(currency)) return currency;
    if (!CURRENCY_CODE.test(currency) || named === MAX_NAMED_CURRENCIES) return UNNAMED;
    named++;
    return currency;
  };
  const skip = (reason: string, day: string, micros: bigint) => {
    const seen = skipped.get(reason);
    if (seen === undefined) skipped.set(reason, { count: 1, first: day, last: day, micros });
    else skipped.set(reason, { ...seen, count: seen.count + 1, last: day, micros: seen.micros + micros });
  };
  for (const { day, result } of resultsByDay(buckets, range)) {
    const value = result.amount?.value ?? null;
    const currency = (result.amount?.currency ?? 'usd').toLowerCase();
    if (value === null) skip(NO_AMOUNT, day, 0n);
    else if (currency !== 'usd') skip(currencyReason(currency), day, value);
    else {
      rows.push({
        day,
        // parseAmount caps |amount| below 10^9 USD, so micro-dollars stay a safe integer.
        amountMicros: Number(value),
        lineItem: result.line_item ?? null,
        projectId: result.project_id ?? null,
      });
    }
  }
  return { rows, skipped: [...skipped].map(([currency, seen]) => warningOf(currency, seen)) };
}

function warningOf(reason: string, { count, first, last, micros }: Skipped): SyncWarning {
  const rows = `${count} cost ${count === 1 ? 'row' : 'rows'} ${first === last ? `on ${first}` : `from ${first} to ${last}`}`;
  const leftOut = `${count === 1 ? 'was' : 'were'} left out`;
  if (reason === NO_AMOUNT) {
    return {
      kind: 'cost-without-amount',
      message: `${rows} had no amount and ${leftOut}: the balance may be too high`,
    };
  }
  const currency =
    reason === UNNAMED
      ? 'other currencies'
      : `${reason.toUpperCase()} (${microsToDecimalText(micros)} ${reason.toUpperCase()})`;
  return {
    kind: 'cost-not-usd',
    message: `${rows} in ${currency} ${leftOut}: Saldo counts US dollars only, so the balance may be too high`,
  };
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
