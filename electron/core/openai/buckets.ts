/**
 * OpenAI's daily buckets → Saldo's daily rows. Pure. A bucket is filed under the UTC day of its
 * `start_time`: later buckets are whole UTC days, but the first one starts at whatever instant was
 * asked for (the cookbook saw `start_time` = request time, `end_time` = next midnight), and it
 * belongs to that same day. Days without results produce no rows.
 */
import { parseInstant } from '../../../shared/billing/instant';
import { microsToDecimalText, parseAmount } from '../../../shared/billing/money';
import { looksLikeSecret } from '../../../shared/storage/secret-shape';
import type { DailyCost, DailyUsage, DayRange } from '../billing-backend';
import type { SyncWarning } from '../../../shared/ledger/synced-data';
import { utcDayOf } from '../utc-day';
import type { CompletionsPage, CostsPage } from './wire';

type Bucket<R> = { start_time: number; results?: R[] | null | undefined };

/** Rows left out for one reason: how many, on which days, and their sum where they have one. */
interface Skipped {
  count: number;
  first: string;
  last: string;
  micros: bigint;
}

/** Rows left out, by reason: each reason becomes one warning of the sync. */
class SkipList {
  readonly reasons = new Map<string, Skipped>();

  add(reason: string, day: string, micros = 0n, count = 1): void {
    const seen = this.reasons.get(reason);
    if (seen === undefined) this.reasons.set(reason, { count, first: day, last: day, micros });
    else
      this.reasons.set(reason, {
        count: seen.count + count,
        first: day < seen.first ? day : seen.first,
        last: day > seen.last ? day : seen.last,
        micros: seen.micros + micros,
      });
  }
}

/**
 * Whether the engine can book a day's figures: it reads instants of years 1–9999 and refuses any
 * after its `now` (a bucket dated 9999-12-31 would be stored, then dropped by every evaluation).
 */
function bookableDay(day: string, today: string): boolean {
  return day <= today && parseInstant(`${day}T00:00:00Z`) !== undefined;
}

const AFTER_TODAY = 'after today';

/**
 * Each result with its bucket's day, keeping only days inside `[startDay, endDay)`; days the engine
 * cannot book (after `today`) are left out and counted in `skipped`.
 */
function resultsByDay<R>(
  buckets: readonly Bucket<R>[],
  range: DayRange,
  today: string,
  skipped: SkipList,
): { day: string; result: R }[] {
  const rows: { day: string; result: R }[] = [];
  for (const bucket of buckets) {
    const day = utcDayOf(bucket.start_time * 1000);
    // The caller replaces exactly the days it asked for; a stray bucket must not touch others.
    if (day < range.startDay || (range.endDay !== undefined && day >= range.endDay)) continue;
    const results = bucket.results ?? [];
    if (!bookableDay(day, today)) {
      if (results.length > 0) skipped.add(AFTER_TODAY, day, 0n, results.length);
      continue;
    }
    for (const result of results) rows.push({ day, result });
  }
  return rows;
}

/** Stands for a name the provider sent that is shaped like an API key (the store refuses those). */
export const WITHHELD_NAME = '(name withheld: shaped like an API key)';

/** A name as it may be stored: key-shaped text is withheld, and counted for the sync's warning. */
function storableName(name: string | null | undefined, withheld: { count: number }): string | null {
  if (name === null || name === undefined) return null;
  if (!looksLikeSecret(name)) return name;
  withheld.count++;
  return WITHHELD_NAME;
}

function withheldWarning(count: number): SyncWarning[] {
  if (count === 0) return [];
  const names = count === 1 ? '1 name' : `${count} names`;
  return [
    {
      kind: 'name-withheld',
      message: `${names} from the provider (line item, project or model) looked like an API key and ${count === 1 ? 'was' : 'were'} stored as "${WITHHELD_NAME}"; the figures were kept`,
    },
  ];
}

export interface CostsRead {
  rows: DailyCost[];
  /** The rows left out, one warning per reason (and per currency). */
  skipped: SyncWarning[];
}

/** Why a row was left out, besides its currency's code. */
const NO_AMOUNT = 'no amount';
const UNNAMED = 'unnamed';
/** A day whose total the engine cannot read: 10^9 USD or more, or less than nothing. */
const UNREADABLE_TOTAL = 'unreadable total';
/** An ISO 4217 code, as OpenAI writes them (`usd`); anything else is not repeated to the user. */
const CURRENCY_CODE = /^[a-z]{3}$/;
/** Currencies told apart; more share one warning, so a sync's warnings stay few (the ledger keeps 20). */
const MAX_NAMED_CURRENCIES = 5;

/**
 * Whether the engine can read a day's total as the usage it is booked as (build-case.ts): its own
 * amount reading (below 10^9 USD) and no negative usage (read-event.ts).
 */
function readableDayTotal(micros: bigint): boolean {
  return micros >= 0n && parseAmount(microsToDecimalText(micros)) !== undefined;
}

/**
 * The rows Saldo can count: an amount in US dollars (a missing currency is taken as the API's
 * `usd`), on a day up to `today` (the sync's UTC day) whose total the engine reads. Anything else
 * is left out — its cost is unknown in dollars, or would be dropped by every evaluation — and
 * reported, so the balance is never silently short.
 */
export function costsFromBuckets(
  buckets: NonNullable<CostsPage['data']>,
  range: DayRange,
  today: string,
): CostsRead {
  const counted: DailyCost[] = [];
  const skipped = new SkipList();
  const withheld = { count: 0 };
  let named = 0;
  const currencyReason = (currency: string) => {
    if (skipped.reasons.has(currency)) return currency;
    if (!CURRENCY_CODE.test(currency) || named === MAX_NAMED_CURRENCIES) return UNNAMED;
    named++;
    return currency;
  };
  for (const { day, result } of resultsByDay(buckets, range, today, skipped)) {
    const value = result.amount?.value ?? null;
    const currency = (result.amount?.currency ?? 'usd').toLowerCase();
    if (value === null) skipped.add(NO_AMOUNT, day);
    else if (currency !== 'usd') skipped.add(currencyReason(currency), day, value);
    else {
      counted.push({
        day,
        // parseAmount caps |amount| below 10^9 USD, so micro-dollars stay a safe integer.
        amountMicros: Number(value),
        lineItem: storableName(result.line_item, withheld),
        projectId: storableName(result.project_id, withheld),
      });
    }
  }
  const totals = new Map<string, bigint>();
  for (const row of counted) totals.set(row.day, (totals.get(row.day) ?? 0n) + BigInt(row.amountMicros));
  const rows = counted.filter((row) => {
    if (readableDayTotal(totals.get(row.day)!)) return true;
    skipped.add(UNREADABLE_TOTAL, row.day, BigInt(row.amountMicros));
    return false;
  });
  return {
    rows,
    skipped: [
      ...[...skipped.reasons].map(([reason, seen]) => warningOf(reason, seen)),
      ...withheldWarning(withheld.count),
    ],
  };
}

function rowsText(count: number, what: string, first: string, last: string): string {
  return `${count} ${what} ${count === 1 ? 'row' : 'rows'} ${first === last ? `on ${first}` : `from ${first} to ${last}`}`;
}

function afterTodayWarning(what: string, { count, first, last }: Skipped): SyncWarning {
  return {
    kind: 'dated-after-today',
    message: `${rowsText(count, what, first, last)} dated after today ${count === 1 ? 'was' : 'were'} left out: nothing can be booked in the future`,
  };
}

function warningOf(reason: string, seen: Skipped): SyncWarning {
  const { count, first, last, micros } = seen;
  const rows = rowsText(count, 'cost', first, last);
  const leftOut = `${count === 1 ? 'was' : 'were'} left out`;
  if (reason === AFTER_TODAY) return afterTodayWarning('cost', seen);
  if (reason === UNREADABLE_TOTAL) {
    return {
      kind: 'cost-unreadable-total',
      message: `${rows} adding up to ${microsToDecimalText(micros)} USD ${leftOut}: a day's cost must be at least 0 and below 1,000,000,000 USD for Saldo to count it`,
    };
  }
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

export interface UsageRead {
  rows: DailyUsage[];
  skipped: SyncWarning[];
}

export function usageFromBuckets(
  buckets: NonNullable<CompletionsPage['data']>,
  range: DayRange,
  today: string,
): UsageRead {
  const skipped = new SkipList();
  const withheld = { count: 0 };
  const rows = resultsByDay(buckets, range, today, skipped).map(({ day, result }) => ({
    day,
    model: storableName(result.model, withheld),
    projectId: storableName(result.project_id, withheld),
    // `input_tokens` already includes cached, cache-write, audio and image input (§1.3): no sums here.
    inputTokens: result.input_tokens ?? 0,
    cachedInputTokens: result.input_cached_tokens ?? 0,
    outputTokens: result.output_tokens ?? 0,
    requests: result.num_model_requests ?? 0,
  }));
  const late = skipped.reasons.get(AFTER_TODAY);
  return {
    rows,
    skipped: [
      ...(late === undefined ? [] : [afterTodayWarning('usage', late)]),
      ...withheldWarning(withheld.count),
    ],
  };
}
