/**
 * A spend history with round numbers, for view tests that assert sums: 60 UTC days ending on the
 * fixture's today, $1.00 a day and then $1.12 a day for the last 30 (12 % more).
 */
import type { DashboardState } from '../../../shared/bridge';
import { fixtureDays } from '../support/dashboard-fixture';

const USD = 1_000_000;

export function steadySpend(): DashboardState['spend'] {
  const days = fixtureDays(60);
  const totals = days.map((_, index) => (index < 30 ? USD : 1_120_000));
  return {
    days,
    totals,
    byModel: [{ name: 'gpt-4o', values: totals }],
    byProject: [{ name: 'Chatbot', values: totals }],
    byLineItem: [{ name: 'gpt-4o, input', values: totals }],
    balance: days.map((_, index) => 80 * USD - index * USD),
  };
}
