/**
 * The ledger as the billing engine's case: pure, no I/O, no clock of its own.
 */
import { microsToDecimalText } from '../../../shared/billing/money';
import type { Ledger } from '../../../shared/ledger/ledger-schema';
import type { ObservedGrant } from '../../../shared/ledger/synced-data';
import { formatInstant } from '../../../shared/billing/instant';

/** Ids the engine keeps for the credits it makes itself (spec §4). */
const RESERVED_ID = /^(auto-|cal-)/;

/** One engine event, JSON-shaped as `evaluateCase` reads it. */
export type CaseEvent =
  | { type: 'purchase'; id: string; at: string; amount: string; source: string }
  | { type: 'grant'; id: string; at: string; amount: string; expiresAt?: string }
  | { type: 'usage'; at: string; amount: string }
  | { type: 'balance'; at: string; balance: string };

export interface MonitorCase {
  now: string;
  autoRecharge?: NonNullable<Ledger['autoRecharge']>;
  events: CaseEvent[];
}

/**
 * The case at `now`: the user's entries (purchases, grants, balances read off the billing page), one
 * `usage` event per synced day holding that day's total cost, the credit grants and the balance the
 * backend last reported (a calibration), and the mirrored auto-recharge settings.
 *
 * A day's cost is placed at 00:00 UTC of that day: the engine's burn rate counts usage in the
 * `windowDays` whole UTC days before today's (forecast.ts `burnWindow`), so a day's cost must fall
 * inside its own day, and 00:00 is the only instant of a day that has already passed for every day
 * up to today — today's partial cost is included, and it can never lie after `now` (which the engine
 * would reject). The cost lands at the start of the day, so it is drawn from the credit available
 * then; the exact hour is not known from daily buckets anyway.
 */
export function buildCase(ledger: Ledger, now: number): MonitorCase {
  const events: CaseEvent[] = ledger.entries.map((entry): CaseEvent => {
    switch (entry.type) {
      case 'purchase':
        return { type: 'purchase', id: entry.id, at: entry.at, amount: entry.amount, source: entry.source };
      case 'grant':
        return {
          type: 'grant',
          id: entry.id,
          at: entry.at,
          amount: entry.amount,
          ...(entry.expiresAt === undefined ? {} : { expiresAt: entry.expiresAt }),
        };
      case 'balance':
        return { type: 'balance', at: entry.at, balance: entry.balance };
    }
  });
  for (const [day, micros] of dailyTotals(ledger.costs)) {
    events.push({ type: 'usage', at: `${day}T00:00:00Z`, amount: microsToDecimalText(micros) });
  }
  const observed = ledger.observedBalance;
  if (observed !== null) {
    // The grants the provider listed are the credits themselves (with their real expiries), so the
    // calibration only has to absorb what the daily costs miss — not every purchase the user did
    // not type in.
    for (const { id, grant } of providerGrants(ledger)) {
      events.push({
        type: 'grant',
        id,
        at: grant.effectiveAt,
        amount: microsToDecimalText(BigInt(grant.amountMicros)),
        expiresAt: grant.expiresAt,
      });
    }
    events.push({
      type: 'balance',
      at: observed.at,
      balance: microsToDecimalText(BigInt(observed.balanceMicros)),
    });
  }
  return {
    now: formatInstant(now),
    ...(ledger.autoRecharge === null || providerListsGrants(ledger)
      ? {}
      : { autoRecharge: ledger.autoRecharge }),
    events,
  };
}

/**
 * The credits the case takes from the provider's list, under the ids the engine gives them (it
 * reserves `auto-` and `cal-`). A grant the user recorded under the same id counts once: as theirs.
 */
export function providerGrants(ledger: Ledger): { id: string; grant: ObservedGrant }[] {
  const recorded = new Set(ledger.entries.map((entry) => entry.id));
  return (ledger.observedBalance?.grants ?? []).flatMap((grant) => {
    const id = RESERVED_ID.test(grant.id) ? `obs-${grant.id}` : grant.id;
    return recorded.has(grant.id) || recorded.has(id) || grant.amountMicros <= 0 ? [] : [{ id, grant }];
  });
}

/** The ids of the credits the case takes from the provider's list (credit-kind.ts: "listed by OpenAI"). */
export function listedCreditIds(ledger: Ledger): Set<string> {
  return new Set(providerGrants(ledger).map(({ id }) => id));
}

/**
 * Whether the provider listed its credit grants: then its real auto-recharges are among them, and
 * the engine must not infer recharges of its own. It would: a day's cost is booked at 00:00, before
 * that day's real recharge landed, so the balance dips under the threshold and the engine buys again.
 */
export function providerListsGrants(ledger: Ledger): boolean {
  return (ledger.observedBalance?.grants.length ?? 0) > 0;
}

/** Each day's cost summed over line items and projects, in day order; days that cost nothing left out. */
function dailyTotals(costs: Ledger['costs']): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  for (const row of costs) totals.set(row.day, (totals.get(row.day) ?? 0n) + BigInt(row.amountMicros));
  for (const [day, total] of totals) if (total === 0n) totals.delete(day);
  return totals;
}
