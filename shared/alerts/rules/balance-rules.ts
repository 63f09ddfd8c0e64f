/**
 * Rules about the credit itself: used up, negative, low, and (opt-in) running out soon. "Used up"
 * and "negative" are told once per episode and their recovery once ("Credit available again"),
 * after CodexBar's depleted/restored pair (ux.md §4).
 */
import {
  creditRestoredCopy,
  creditUsedUpCopy,
  lowBalanceCopy,
  negativeBalanceCopy,
  shortRunwayCopy,
} from '../alert-copy';
import { FORECAST_MIN_HISTORY_DAYS } from '../alert-settings';
import { clearsDaysWithMargin, clearsWithMargin, latch, report } from '../latch';
import type { RuleContext, RuleOutput } from '../rule-context';

export function creditUsedUpRule(context: RuleContext, output: RuleOutput): void {
  const { current } = context;
  const step = latch(context, output, 'credit-used-up', {
    holds: current.quotaExhausted,
    // Available credit only rises through a purchase or grant: any is recovery, no margin needed.
    recovered: !current.quotaExhausted,
  });
  report(output, step, () => ({
    id: 'credit-used-up',
    kind: 'credit-used-up',
    severity: 'critical',
    ...creditUsedUpCopy(current.available),
    view: 'overview',
  }));
  if (step === 'rearmed') {
    report(output, 'fired', () => ({
      id: 'credit-restored',
      kind: 'credit-restored',
      severity: 'info',
      ...creditRestoredCopy(current.available),
      view: 'overview',
    }));
  }
}

export function negativeBalanceRule(context: RuleContext, output: RuleOutput): void {
  const { current } = context;
  const step = latch(context, output, 'negative-balance', {
    holds: current.debt > 0n,
    recovered: current.debt === 0n,
  });
  report(output, step, () => ({
    id: 'negative-balance',
    kind: 'negative-balance',
    severity: 'critical',
    ...negativeBalanceCopy(current.balance),
    view: 'overview',
  }));
}

/** With auto-recharge on and room under its limit, a low balance is expected (ux.md §4). */
function rechargeWillCover(context: RuleContext): boolean {
  const recharge = context.current.autoRecharge;
  return recharge !== null && recharge.hasRoom;
}

export function lowBalanceRule(context: RuleContext, output: RuleOutput): void {
  const { current, settings } = context;
  const threshold = settings.lowBalanceThreshold;
  const step = latch(context, output, 'low-balance', {
    holds: current.balance < threshold && !rechargeWillCover(context),
    recovered: clearsWithMargin(current.balance, threshold),
  });
  // Still latched while the credit is used up (so the return to a low balance is not told again),
  // but not shown then: "credit used up" says it better.
  report(
    output,
    step,
    () => ({
      id: 'low-balance',
      kind: 'low-balance',
      severity: 'warning',
      ...lowBalanceCopy(current.balance, current.failsInDays),
      view: 'overview',
    }),
    !current.quotaExhausted,
  );
}

export function shortRunwayRule(context: RuleContext, output: RuleOutput): void {
  const { current, settings } = context;
  if (!settings.forecastWarnings || current.historyDays < FORECAST_MIN_HISTORY_DAYS) return;
  const runway = current.failsInDays;
  const step = latch(context, output, 'short-runway', {
    // Used up (runway 0) is its own, critical alert.
    holds:
      runway !== null &&
      runway < settings.runwayDays &&
      !current.quotaExhausted &&
      !rechargeWillCover(context),
    recovered: runway === null || clearsDaysWithMargin(runway, settings.runwayDays),
  });
  report(output, step, () => ({
    id: 'short-runway',
    kind: 'short-runway',
    severity: 'warning',
    ...shortRunwayCopy(runway!, current.failsAt!),
    view: 'overview',
  }));
}
