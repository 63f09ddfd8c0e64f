/**
 * The alert rules as one pure function of (previous input, current input, settings, memory, now):
 * which alerts hold, which one to notify, and the memory to keep. The caller persists the memory
 * and hands `notify` to a `Notifier`; nothing here has effects.
 */
import type { Instant } from '../billing/instant';
import { compareAlerts, type Alert } from './alert';
import type { AlertInput } from './alert-input';
import type { AlertMemory, AlertMemoryEntry } from './alert-memory';
import type { AlertSettings } from './alert-settings';
import type { Rule, RuleContext, RuleOutput } from './rule-context';
import {
  creditUsedUpRule,
  lowBalanceRule,
  negativeBalanceRule,
  shortRunwayRule,
} from './rules/balance-rules';
import { budgetRule } from './rules/budget-rules';
import { expiryRule, forfeitRiskRule } from './rules/expiry-rules';
import { rechargeLimitRule, rechargeMissingRule, rechargeSeenRule } from './rules/recharge-rules';
import { spendLimitRule } from './rules/spend-limit-rules';
import { syncFailingRule } from './rules/sync-rules';

export interface AlertEvaluation {
  /** The previous sync's input; null at launch (then nothing is replayed: the memory says what was told). */
  previous: AlertInput | null;
  current: AlertInput;
  settings: AlertSettings;
  memory: AlertMemory;
  /** Wall-clock now, UTC ms: when an alert fired, how long syncing has failed. */
  now: Instant;
}

export interface AlertDecision {
  /** Every alert holding now, most severe first, for the Alerts view and the tray. */
  alerts: Alert[];
  /**
   * At most one notification per sync: the most severe of those newly fired (ux.md §4). A failed
   * or partial sync fires nothing but the sync-health alert, whose subject the failure is.
   */
  notify: Alert | null;
  /** Every alert newly fired by this evaluation, most severe first: what the history keeps. */
  fired: Alert[];
  /** The memory to persist, whether or not anything fired. */
  memory: AlertMemory;
}

const RULES: readonly Rule[] = [
  creditUsedUpRule,
  negativeBalanceRule,
  spendLimitRule,
  lowBalanceRule,
  shortRunwayRule,
  expiryRule,
  forfeitRiskRule,
  rechargeSeenRule,
  rechargeMissingRule,
  rechargeLimitRule,
  syncFailingRule,
  budgetRule,
];

export function evaluateAlerts(evaluation: AlertEvaluation): AlertDecision {
  const { previous, current, settings, memory, now } = evaluation;
  const context: RuleContext = { previous, current, settings, memory, now };
  const output: RuleOutput = {
    active: [],
    fired: [],
    memory: new Map(Object.entries(memory).map(([key, entry]) => [key, { ...entry }])),
  };
  for (const rule of RULES) rule(context, output);
  if (current.complete) forgetWhatCannotReturn(output.memory, current);
  const alerts = [...output.active].sort(compareAlerts);
  const fired = [...output.fired].sort(compareAlerts);
  return { alerts, notify: fired[0] ?? null, fired, memory: Object.fromEntries(output.memory) };
}

/**
 * Keeps the memory from growing without end: entries of grants no longer usable with credit left
 * (expired, used up) and of past months' budget steps can never fire again. Only after a complete
 * sync, whose grant list is whole.
 */
function forgetWhatCannotReturn(memory: Map<string, AlertMemoryEntry>, current: AlertInput): void {
  const grantIds = new Set(current.grants.map((grant) => grant.id));
  for (const key of [...memory.keys()]) {
    const separator = key.indexOf(':');
    if (separator < 0) continue;
    const prefix = key.slice(0, separator);
    const scope = key.slice(separator + 1);
    const perGrant = prefix === 'forfeit' || /^expiry-\d+$/.test(prefix);
    const perMonth = /^budget-\d+$/.test(prefix);
    if ((perGrant && !grantIds.has(scope)) || (perMonth && scope !== current.month)) memory.delete(key);
  }
}
