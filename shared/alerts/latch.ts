/**
 * The hysteresis every threshold alert shares (ux.md §4): fire once when the condition starts to
 * hold, stay quiet while it holds, re-arm only when a complete sync shows it recovered with its
 * margin. Between "holds" and "recovered" (say the balance back above the threshold but not yet
 * 10 % above it) nothing changes, which is what stops an alert flapping at the threshold.
 */
import { formatInstant } from '../billing/instant';
import type { Alert } from './alert';
import type { RuleContext, RuleOutput } from './rule-context';

/** `fired`: newly; `holding`: fired before and still holds; `rearmed`: just recovered; `quiet`: none of these. */
export type LatchStep = 'fired' | 'holding' | 'rearmed' | 'quiet';

export interface Crossing {
  holds: boolean;
  /** Back on the safe side with the margin; must not be true while `holds` is. */
  recovered: boolean;
}

export interface LatchOptions {
  /**
   * Run on a failed or partial sync too. Only the sync-health rule does: its condition is the
   * failure itself. Every other rule freezes on stale figures (ux.md §4).
   */
  evenWhenStale?: boolean;
}

/** Advances one memory entry; the caller turns the step into alerts. */
export function latch(
  context: RuleContext,
  output: RuleOutput,
  key: string,
  crossing: Crossing,
  options: LatchOptions = {},
): LatchStep {
  const entry = output.memory.get(key);
  const wasActive = entry?.active === true;
  if (!context.current.complete && options.evenWhenStale !== true) {
    return wasActive && crossing.holds ? 'holding' : 'quiet';
  }
  if (crossing.holds) {
    if (wasActive) return 'holding';
    output.memory.set(key, { ...entry, active: true, firedAt: formatInstant(context.now) });
    return 'fired';
  }
  if (crossing.recovered && wasActive) {
    output.memory.set(key, { ...entry!, active: false });
    return 'rearmed';
  }
  return 'quiet';
}

/** A threshold alert re-arms only at the threshold plus this many percent (ux.md §4). */
export const REARM_MARGIN_PERCENT = 10;

/** `value` at least `threshold` plus the margin, exactly (micro-dollars). */
export function clearsWithMargin(value: bigint, threshold: bigint): boolean {
  return value * 100n >= threshold * BigInt(100 + REARM_MARGIN_PERCENT);
}

/** The same for a count of days. */
export function clearsDaysWithMargin(days: number, threshold: number): boolean {
  return days * 100 >= threshold * (100 + REARM_MARGIN_PERCENT);
}

/**
 * Adds the alert for a step: listed while it holds, a notification candidate when it just fired.
 * `shown` false keeps a latched alert out of the lists (another alert says it better).
 */
export function report(output: RuleOutput, step: LatchStep, alert: () => Alert, shown = true): void {
  if (step === 'quiet' || step === 'rearmed' || !shown) return;
  const built = alert();
  output.active.push(built);
  if (step === 'fired') output.fired.push(built);
}
