/**
 * Saldo's warn-only monthly budget: steps 50, 75, 90 and 100 %, each told once per UTC month
 * (GitHub budgets, Sevalla — ux.md §4). The month is in the memory key, so a new month re-arms.
 */
import { budgetCopy } from '../alert-copy';
import { BUDGET_STEPS } from '../alert-settings';
import { latch, report, type LatchStep } from '../latch';
import type { RuleContext, RuleOutput } from '../rule-context';

export function budgetRule(context: RuleContext, output: RuleOutput): void {
  const { current, settings } = context;
  const budget = settings.monthlyBudget;
  if (budget === null || budget <= 0n) return;
  let highest: { percent: number; step: LatchStep } | null = null;
  for (const percent of [...BUDGET_STEPS].sort((a, b) => a - b)) {
    const crossed = current.monthSpend * 100n >= budget * BigInt(percent);
    const step = latch(context, output, budgetKey(percent, current.month), {
      holds: crossed,
      recovered: false,
    });
    if (crossed) highest = { percent, step };
  }
  // Only the highest step crossed is listed and told: 50 % and 75 % crossed in one sync say less
  // than 75 % alone (CodexBar likewise fires only the most severe newly crossed threshold).
  if (highest === null) return;
  const { percent, step } = highest;
  report(output, step, () => ({
    id: budgetKey(percent, current.month),
    kind: 'budget',
    severity: percent >= 100 ? 'warning' : 'info',
    ...budgetCopy(percent, current.monthSpend, budget),
    view: 'alerts',
  }));
}

export function budgetKey(percent: number, month: string): string {
  return `budget-${percent}:${month}`;
}
