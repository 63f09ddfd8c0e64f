/**
 * The dashboard's spend charts from the synced daily costs: one value per UTC day and per series,
 * plus the engine's balance at each day's end. Pure: the ledger, the case and `now` in, plain
 * numbers out.
 */
import { balanceAt } from '../../../shared/billing/timeline';
import { MS_PER_DAY, type Instant } from '../../../shared/billing/instant';
import type { BillingSettings } from '../../../shared/billing/types';
import type { Series, Spend } from '../../../shared/bridge/dashboard-state';
import type { DailyCost } from '../../../shared/ledger/ledger-schema';
import { addUtcDays, utcDayOf, utcDayStart } from '../utc-day';

/** The charts go back a year at most, as the first sync does. */
export const SPEND_MAX_DAYS = 365;
export const OTHER = 'Other';
export const NO_PROJECT = 'No project';

/**
 * The model a cost line item is for: OpenAI names them `<model>, <kind>` ("gpt-4o-2024-08-06,
 * input"), so it is the text before the last ", "; a line item without one is its own model.
 */
export function modelOf(lineItem: string | null): string {
  if (lineItem === null) return OTHER;
  const cut = lineItem.lastIndexOf(', ');
  return cut < 0 ? lineItem : lineItem.slice(0, cut);
}

/** Every UTC day from the first cost day (at most a year back) through today; none without costs. */
export function spendDays(costs: readonly DailyCost[], now: Instant): string[] {
  const today = utcDayOf(now);
  const earliest = addUtcDays(today, -SPEND_MAX_DAYS);
  const first = costs.reduce<string | null>(
    (min, row) => (min === null || row.day < min ? row.day : min),
    null,
  );
  if (first === null) return [];
  const days: string[] = [];
  for (let day = first < earliest ? earliest : first; day <= today; day = addUtcDays(day, 1)) days.push(day);
  return days;
}

/** One series per name, a value per day; sorted by the range's total, largest first (ties by name). */
function seriesBy(
  costs: readonly DailyCost[],
  index: ReadonlyMap<string, number>,
  nameOf: (row: DailyCost) => string,
): Series[] {
  const byName = new Map<string, number[]>();
  for (const row of costs) {
    const at = index.get(row.day);
    if (at === undefined) continue;
    const name = nameOf(row);
    let values = byName.get(name);
    if (values === undefined) {
      values = new Array<number>(index.size).fill(0);
      byName.set(name, values);
    }
    values[at]! += row.amountMicros;
  }
  const total = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0);
  return [...byName]
    .map(([name, values]) => ({ name, values, total: total(values) }))
    .sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, values }) => ({ name, values }));
}

/**
 * The balance at the end of each day: the last millisecond of a past day (a day's cost is placed at
 * its 00:00, build-case.ts, so the next day's is not in it), and `now` for today.
 */
export function dayEnds(days: readonly string[], now: Instant): Instant[] {
  return days.map((day) => Math.min(utcDayStart(day) + MS_PER_DAY - 1, now));
}

/**
 * The spend charts. `billing` and `events` are the monitor's case at `now` (buildCase, readSettings);
 * null when the case cannot be read, and then the balance line is empty.
 */
export function buildSpend(
  costs: readonly DailyCost[],
  now: Instant,
  engine: { billing: BillingSettings; events: readonly unknown[] } | null,
): Spend {
  const days = spendDays(costs, now);
  const index = new Map(days.map((day, at) => [day, at]));
  const totals = new Array<number>(days.length).fill(0);
  for (const row of costs) {
    const at = index.get(row.day);
    if (at !== undefined) totals[at]! += row.amountMicros;
  }
  const balance =
    engine === null || days.length === 0
      ? []
      : balanceAt(engine.billing, engine.events, dayEnds(days, engine.billing.now)).map(Number);
  return {
    days,
    totals,
    byModel: seriesBy(costs, index, (row) => modelOf(row.lineItem)),
    byProject: seriesBy(costs, index, (row) => row.projectId ?? NO_PROJECT),
    byLineItem: seriesBy(costs, index, (row) => row.lineItem ?? OTHER),
    balance,
  };
}
