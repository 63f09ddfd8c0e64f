/**
 * The billing engine's entry point: a case (settings and events, as JSON-shaped data) in, the
 * account state and forecast at `now` out. Pure: no I/O, no clock, no exceptions for bad events.
 */
import { toGrantView } from './credit-grant';
import { burnWindow, forecast } from './forecast';
import { Ledger } from './ledger';
import { readEvent } from './read-event';
import { readSettings, type CaseError } from './read-settings';
import type { BillingResult, BillingSettings, Rejection, Totals, ValidEvent } from './types';

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
  const rejected: Rejection[] = [];
  const valid: ValidEvent[] = [];
  for (let index = 0; index < events.length; index++) {
    const event = readEvent(events[index], index, settings);
    if (typeof event === 'string') rejected.push({ index, reason: event });
    else valid.push(event);
  }
  // Stable: events at the same instant keep their input order.
  valid.sort((a, b) => a.at - b.at);

  const ledger = new Ledger(settings);
  const window = burnWindow(settings.now, settings.forecast);
  const ids = new Set<string>();
  let windowUsage = 0n;
  let firstAcceptedAt: number | null = null;
  for (const event of valid) {
    if (event.kind === 'purchase' || event.kind === 'grant') {
      if (ids.has(event.id)) {
        rejected.push({ index: event.index, reason: 'duplicate-id' });
        continue;
      }
      ids.add(event.id);
    }
    firstAcceptedAt ??= event.at;
    ledger.advanceTo(event.at);
    switch (event.kind) {
      case 'purchase':
        ledger.purchase(event.id, event.at, event.amount, event.source);
        break;
      case 'grant':
        ledger.grant(event.id, event.at, event.amount, event.expiresAt);
        break;
      case 'usage':
        ledger.usage(event.at, event.amount);
        if (event.at >= window.start && event.at < window.end) windowUsage += event.amount;
        break;
      case 'balance':
        ledger.calibrate(event.at, event.amount);
        break;
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
    if (grant.source === 'manual' || grant.source === 'auto' || grant.source === 'import') {
      totals.purchased += grant.amount;
    }
    totals.granted += grant.amount;
    totals.used += grant.used;
    totals.forfeited += grant.forfeited;
  }
  return totals;
}

export type { BillingSettings };
