/**
 * The billing engine's entry point: a case (settings and events, as JSON-shaped data) in, the
 * account state and forecast at `now` out. Pure: no I/O, no clock, no exceptions for bad events.
 */
import { toGrantView } from './credit-grant';
import { burnWindow, forecast } from './forecast';
import { Ledger } from './ledger';
import { EventKind, readEvents } from './event-table';
import { readSettings, type CaseError } from './read-settings';
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
  const { order, kinds, at, amounts, credits, rejected } = readEvents(events, settings);
  const ledger = new Ledger(settings);
  const window = burnWindow(settings.now, settings.forecast);
  const ids = new Set<string>();
  let windowUsage = 0n;
  let firstAcceptedAt: number | null = null;
  for (const index of order) {
    const t = at[index]!;
    const credit = credits.get(index);
    if (credit !== undefined) {
      if (ids.has(credit.id)) {
        rejected.push({ index, reason: 'duplicate-id' });
        continue;
      }
      ids.add(credit.id);
    }
    firstAcceptedAt ??= t;
    ledger.advanceTo(t);
    if (credit?.kind === 'purchase') {
      ledger.purchase(credit.id, t, credit.amount, credit.source);
    } else if (credit?.kind === 'grant') {
      ledger.grant(credit.id, t, credit.amount, credit.expiresAt);
    } else if (kinds[index] === EventKind.Usage) {
      const amount = amounts[index]!;
      ledger.usage(t, amount);
      if (t >= window.start && t < window.end) windowUsage += amount;
    } else {
      ledger.calibrate(t, amounts[index]!);
    }
  }
  ledger.advanceTo(settings.now);
  rejected.sort((a, b) => a.index - b.index);

  const { available, debt } = ledger;
  const prepaid = settings.account === 'prepaid';
  const quotaExhausted = prepaid && available === 0n;
  return {
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
