/**
 * The billing engine's entry point: a case (settings and events, as JSON-shaped data) in, the
 * account state and forecast at `now` out. Pure: no I/O, no clock, no exceptions for bad events.
 */
import { toGrantView } from './credit-grant';
import { forecast, type Projected } from './forecast';
import type { Ledger } from './ledger';
import { project, projectionStartOf } from './projection';
import { readSettings, type CaseError } from './read-settings';
import { replay } from './replay';
import type { BillingResult, BillingSettings, Totals } from './types';

export type Evaluation = { ok: true; result: BillingResult } | { ok: false; error: CaseError };

/** Evaluates a case file's content (spec §10). A malformed case is an error naming its field. */
export function evaluateCase(raw: unknown): Evaluation {
  const settings = readSettings(raw);
  if ('field' in settings) return { ok: false, error: settings };
  const events = (raw as { events: unknown[] }).events;
  return { ok: true, result: evaluate(settings, events) };
}

/** Applies `events` (JSON-shaped, each checked and possibly rejected) under `settings`. */
export function evaluate(settings: BillingSettings, events: readonly unknown[]): BillingResult {
  const { ledger, rejected, firstAcceptedAt, windowUsage } = replay(settings, events);
  const { available, debt } = ledger;
  const prepaid = settings.account === 'prepaid';
  const quotaExhausted = prepaid && available === 0n;
  const state: Omit<BillingResult, Projected> = {
    available,
    pending: ledger.pendingTotal(),
    debt,
    balance: available - debt,
    quotaExhausted,
    exhaustedSince: quotaExhausted
      ? ledger.everAvailable
        ? ledger.exhaustedAt
        : (firstAcceptedAt ?? settings.now)
      : null,
    grants: ledger.grants.map(toGrantView),
    autoRecharges: ledger.autoRecharges,
    autoRechargeBlocked: [...ledger.blocked.values()],
    calibrations: ledger.calibrations,
    usageByMonth: new Map([...ledger.usageByMonth].sort(([a], [b]) => (a < b ? -1 : 1))),
    totals: totalsOf(ledger),
    rejected,
    ...forecast(settings.now, settings.forecast, windowUsage, available, ledger.activeGrants()),
  };
  const projectionStart = projectionStartOf(settings, state, windowUsage);
  const projection = project(projectionStart, settings.autoRecharge);
  const { nextAutoRechargeAt, failsAt } = projection;
  return { ...state, nextAutoRechargeAt, failsAt, projectionStart, projection };
}

function totalsOf(ledger: Ledger): Totals {
  const totals: Totals = { purchased: 0n, granted: 0n, used: 0n, forfeited: 0n };
  for (const grant of ledger.grants) {
    if (grant.source !== 'grant' && grant.source !== 'calibration') totals.purchased += grant.amount;
    totals.granted += grant.amount;
    totals.used += grant.used;
    totals.forfeited += grant.forfeited;
  }
  return totals;
}
