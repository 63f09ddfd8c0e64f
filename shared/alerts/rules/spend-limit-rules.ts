/**
 * OpenAI's hard monthly spend limit (billing-apis.md §1.7): once this month's spend reaches it,
 * every request fails with `organization_spend_limit_exceeded`. Told before that, at 90 % of the
 * limit (a warning), and when it is reached (critical), each once per UTC month (the month is in
 * the memory key, so a new month re-arms). Within the month a step re-arms once a raised limit
 * leaves the spend 10 % below the step, so it does not flap at the line. When OpenAI itself refused
 * a sync with that code, the limit is reached whatever the (lagging) costs say: told at once, failed
 * sync or not, and re-armed by the next sync that succeeds.
 */
import { spendLimitCopy, spendLimitExceededCopy } from '../alert-copy';
import { latch, REARM_MARGIN_PERCENT, report, type LatchStep } from '../latch';
import type { RuleContext, RuleOutput } from '../rule-context';

/** "Nearly reached" from this share of the limit on. */
export const SPEND_LIMIT_NEAR_PERCENT = 90;
const STEPS = [SPEND_LIMIT_NEAR_PERCENT, 100] as const;
const EXCEEDED_KEY = 'spend-limit-exceeded';

export function spendLimitRule(context: RuleContext, output: RuleOutput): void {
  const { current } = context;
  const refused = latch(
    context,
    output,
    EXCEEDED_KEY,
    { holds: current.syncQuotaCode === 'organization_spend_limit_exceeded', recovered: current.complete },
    { evenWhenStale: true },
  );
  report(output, refused, () => ({
    id: EXCEEDED_KEY,
    kind: 'spend-limit',
    severity: 'critical',
    ...spendLimitExceededCopy(),
    view: 'overview',
  }));
  const limit = current.spendLimit;
  let highest: { percent: number; step: LatchStep } | null = null;
  for (const percent of STEPS) {
    const crossed = limit !== null && current.monthSpend * 100n >= limit * BigInt(percent);
    const step = latch(context, output, spendLimitKey(percent, current.month), {
      holds: crossed,
      recovered:
        limit === null || current.monthSpend * BigInt(100 + REARM_MARGIN_PERCENT) <= limit * BigInt(percent),
    });
    if (crossed) highest = { percent, step };
  }
  // Only the highest step is listed and told: "reached" says all that "nearly reached" did, and
  // OpenAI's own refusal says it best.
  if (highest === null || limit === null || refused === 'fired' || refused === 'holding') return;
  const reached = highest.percent >= 100;
  report(output, highest.step, () => ({
    id: spendLimitKey(highest.percent, current.month),
    kind: 'spend-limit',
    severity: reached ? 'critical' : 'warning',
    ...spendLimitCopy(reached, current.monthSpend, limit),
    view: 'overview',
  }));
}

export function spendLimitKey(percent: number, month: string): string {
  return `spend-limit-${percent}:${month}`;
}
