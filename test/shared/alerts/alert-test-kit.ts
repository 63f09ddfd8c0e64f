/**
 * Situations for the alert rules, written in a few fields: an AlertInput with sane defaults (a
 * healthy $40 account, a month of history) and a runner that feeds syncs in order, carrying the
 * memory and the previous input as the app does.
 */
import type { Alert } from '../../../shared/alerts/alert';
import type { AlertInput, AutoRechargeState } from '../../../shared/alerts/alert-input';
import type { AlertMemory } from '../../../shared/alerts/alert-memory';
import { type AlertSettings, DEFAULT_ALERT_SETTINGS } from '../../../shared/alerts/alert-settings';
import { evaluateAlerts } from '../../../shared/alerts/evaluate-alerts';

export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const T0 = Date.parse('2026-11-27T12:00:00Z');

/** USD → micro-dollars (test amounts have at most 6 decimals). */
export function usd(amount: number): bigint {
  return BigInt(Math.round(amount * 1_000_000));
}

/** When requests fail, `days` after `at`: the reading's `failsInDays` and `failsAt`. */
export function failsIn(days: number, at = T0): Pick<AlertInput, 'failsAt' | 'failsInDays'> {
  return { failsInDays: days, failsAt: at + Math.round(days * DAY) };
}

export function input(overrides: Partial<AlertInput> = {}): AlertInput {
  const balance = overrides.balance ?? usd(40);
  return {
    at: T0,
    complete: true,
    balance,
    available: balance > 0n ? balance : 0n,
    pending: 0n,
    debt: balance < 0n ? -balance : 0n,
    quotaExhausted: balance <= 0n,
    // A dollar a day, the burn rate below.
    ...failsIn(balance > 0n ? Number(balance) / 1_000_000 : 0, overrides.at ?? T0),
    burnRatePerDay: usd(1),
    historyDays: 30,
    grants: [],
    forfeitRisk: [],
    autoRecharge: null,
    month: '2026-11',
    monthSpend: 0n,
    spendLimit: null,
    lastSyncOkAt: overrides.at ?? T0,
    syncFailingSince: null,
    syncQuotaCode: null,
    ...overrides,
  };
}

export function autoRecharge(overrides: Partial<AutoRechargeState> = {}): AutoRechargeState {
  return {
    threshold: usd(10),
    monthlyLimit: usd(100),
    nextAmount: usd(20),
    usedThisMonth: 0n,
    rechargesThisMonth: 0,
    blockedThisMonth: false,
    hasRoom: true,
    lastRecharge: null,
    ...overrides,
  };
}

export interface Step {
  notify: Alert | null;
  alerts: Alert[];
  memory: AlertMemory;
}

/**
 * Runs syncs in order from `memory`; the first has no previous input (a launch). `now` is each
 * input's `at` unless the input is stale, when wall time has moved on past its last success.
 */
export function runSyncs(
  inputs: AlertInput[],
  settings: AlertSettings = DEFAULT_ALERT_SETTINGS,
  memory: AlertMemory = {},
  nows: (number | undefined)[] = [],
): Step[] {
  const steps: Step[] = [];
  let previous: AlertInput | null = null;
  let current = memory;
  inputs.forEach((value, index) => {
    const decision = evaluateAlerts({
      previous,
      current: value,
      settings,
      memory: current,
      now: nows[index] ?? value.at,
    });
    steps.push(decision);
    current = decision.memory;
    previous = value;
  });
  return steps;
}

/** The id notified at each step, null where none. */
export function notified(steps: Step[]): (string | null)[] {
  return steps.map((step) => step.notify?.id ?? null);
}
