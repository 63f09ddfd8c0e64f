/**
 * Spend histories for the Spend view's tests: `days` UTC days ending on the fixture's today, every
 * grouping summing to the day totals exactly, a balance that falls by each day's spend and jumps at
 * a top-up ten days ago.
 */
import type { Series, Spend } from '../../../../shared/bridge';
import { fixtureDays } from '../../support/dashboard-fixture';

const USD = 1_000_000;

export const MODELS = ['gpt-4o', 'gpt-4o-mini', 'o3'];
export const PROJECTS = ['Chatbot', 'Search', 'Batch jobs', 'No project'];

/** Splits each day's total over `names` by falling shares; the last takes the remainder. */
function split(totals: readonly number[], names: readonly string[]): Series[] {
  const weights = names.map((_, k) => names.length - k);
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = totals.map((total) => {
    const shares = weights.map((weight) => Math.floor((total * weight) / sum));
    shares[shares.length - 1]! += total - shares.reduce((a, b) => a + b, 0);
    return shares;
  });
  return names.map((name, k) => ({ name, values: parts.map((shares) => shares[k]!) }));
}

export function spendFixture(
  options: { days?: number; projects?: readonly string[]; quietDays?: number } = {},
): Spend {
  const { days: count = 60, projects = PROJECTS, quietDays = 0 } = options;
  const days = fixtureDays(count);
  const quiet = (index: number) => index >= count - quietDays;
  const byModel = MODELS.map((name, k) => ({
    name,
    values: days.map((_, index) =>
      quiet(index) ? 0 : Math.round((USD / (k + 1)) * (1 + ((index * 7 + k) % 5) / 10 + index / 100)),
    ),
  }));
  const totals = days.map((_, index) => byModel.reduce((sum, series) => sum + series.values[index]!, 0));
  let balance = 150 * USD;
  return {
    days,
    totals,
    byModel,
    byProject: split(totals, projects),
    byLineItem: split(totals, ['gpt-4o, input', 'gpt-4o, output', 'gpt-4o-mini, input', 'o3, output']),
    balance: totals.map((total, index) => {
      balance += (index === count - 10 ? 20 * USD : 0) - total;
      return balance;
    }),
  };
}
