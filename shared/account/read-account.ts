/**
 * The engine's result, with the ledger it came from and the projection ahead, turned into the
 * account as people read it (account-reading.ts). The only place these figures are computed.
 */
import { FORECAST_MIN_HISTORY_DAYS } from '../alerts/alert-settings';
import { MS_PER_DAY, parseInstant, startOfUtcDay, utcMonthOf, type Instant } from '../billing/instant';
import type { Micros } from '../billing/money';
import type { BillingResult, GrantView } from '../billing/types';
import type { Ledger } from '../ledger/ledger-schema';
import { microsNumber as micros, PROJECTION_HORIZON_DAYS, type AccountReading } from './account-reading';

/** What the projection (spec §9.1) found ahead, as far as people read it. */
export interface ProjectionFacts {
  failsAt: Instant | null;
  /** Projected auto-recharges, in time order. */
  recharges: readonly { at: Instant; amount: Micros }[];
  /** Checks the monthly limit stopped, the first of each UTC month, in time order. */
  blocked: readonly { month: string; at: Instant; amount: Micros }[];
}

export interface ReadingSources {
  result: BillingResult;
  ledger: Ledger;
  /** The instant the result is for (the engine's `now`). */
  now: Instant;
  projection: ProjectionFacts;
  /** Whether the projection assumed auto-recharge on. */
  autoRecharge: boolean;
}

export function readAccount({
  result,
  ledger,
  now,
  projection,
  autoRecharge,
}: ReadingSources): AccountReading {
  const last = result.calibrations.at(-1) ?? null;
  const history = historyDays(ledger, now);
  const month = utcMonthOf(now).key;
  const monthSpent = micros(result.usageByMonth.get(month)?.total ?? 0n);
  return {
    now,
    available: micros(result.available),
    pending: micros(result.pending),
    debt: micros(result.debt),
    balance: micros(result.balance),
    quotaExhausted: result.quotaExhausted,
    exhaustedSince: result.exhaustedSince,
    lastCalibration:
      last === null
        ? null
        : {
            at: last.at,
            observed: micros(last.observed),
            drift: micros(last.drift),
            by: reportedAt(ledger) === last.at ? 'provider' : 'you',
          },
    spentSinceCalibration: spentAfter(ledger, last?.at ?? null),
    totals: {
      purchased: micros(result.totals.purchased),
      granted: micros(result.totals.granted),
      used: micros(result.totals.used),
      forfeited: micros(result.totals.forfeited),
    },
    burnRatePerDay: micros(result.burnRatePerDay),
    historyDays: history,
    paceKnown: history >= FORECAST_MIN_HISTORY_DAYS,
    ...projectionReading(projection, now),
    horizonDays: PROJECTION_HORIZON_DAYS,
    creditOnly:
      result.runwayDays === null
        ? null
        : {
            days: result.runwayDays,
            // At a tiny burn rate depletion lies beyond what an instant can hold.
            until:
              result.depletionAt === null || result.depletionAt > BigInt(Number.MAX_SAFE_INTEGER)
                ? null
                : Number(result.depletionAt),
          },
    autoRecharge,
    nextExpiry: nextExpiry(result, now),
    month: { key: month, spent: monthSpent },
    spendLimit: spendLimitReading(ledger, monthSpent),
  };
}

/** This month's spend against the enforced spend limit; null without one. */
function spendLimitReading(ledger: Ledger, spentThisMonth: number): AccountReading['spendLimit'] {
  const stored = ledger.spendLimit ?? null;
  if (stored === null || !stored.enforcing) return null;
  return { limit: stored.limitMicros, spentThisMonth, fraction: spentThisMonth / stored.limitMicros };
}

/**
 * What a projection says ahead, as people read it: the account's own projection, or one of a draft
 * of auto-recharge settings (the Auto-recharge view), so both are read alike.
 */
export function projectionReading(
  projection: ProjectionFacts,
  now: Instant,
): Pick<AccountReading, 'failsAt' | 'failsInDays' | 'nextRecharge' | 'rechargeBlocked'> {
  const { failsAt } = projection;
  const firstRecharge = projection.recharges[0];
  const firstBlocked = projection.blocked[0];
  return {
    failsAt,
    failsInDays: failsAt === null ? null : Math.max(0, failsAt - now) / MS_PER_DAY,
    nextRecharge:
      firstRecharge === undefined ? null : { at: firstRecharge.at, amount: micros(firstRecharge.amount) },
    rechargeBlocked:
      firstBlocked === undefined
        ? null
        : { at: firstBlocked.at, amount: micros(firstBlocked.amount), month: firstBlocked.month },
  };
}

/** The soonest expiry of credit still left (pending or active grants), summed over that UTC day. */
function nextExpiry(result: BillingResult, now: Instant): AccountReading['nextExpiry'] {
  const live = result.grants.filter(
    (grant) =>
      (grant.status === 'active' || grant.status === 'pending') &&
      grant.remaining > 0n &&
      grant.expiresAt > now,
  );
  if (live.length === 0) return null;
  const first = Math.min(...live.map((grant) => grant.expiresAt));
  const sameDay = live.filter((grant) => startOfUtcDay(grant.expiresAt) === startOfUtcDay(first));
  const risk = new Map(result.forfeitRisk.map((entry) => [entry.id, entry.amount]));
  const sum = (amountOf: (grant: GrantView) => bigint) =>
    micros(sameDay.reduce((total, grant) => total + amountOf(grant), 0n));
  return {
    at: first,
    amount: sum((grant) => grant.remaining),
    unused: sum((grant) => risk.get(grant.id) ?? 0n),
  };
}

/** When the provider last reported the balance (a calibration of its own); null if it never did. */
function reportedAt(ledger: Ledger): Instant | null {
  return ledger.observedBalance === null ? null : (parseInstant(ledger.observedBalance.at) ?? null);
}

/** Daily costs the engine counts after `at` (it places each at its day's 00:00 UTC); every cost without one. */
function spentAfter(ledger: Ledger, at: Instant | null): number {
  return ledger.costs.reduce(
    (sum, row) => (at === null || dayStart(row.day) > at ? sum + row.amountMicros : sum),
    0,
  );
}

const dayStart = (day: string): Instant => parseInstant(`${day}T00:00:00Z`)!;

/**
 * Whole UTC days of spend history before today: from the first synced cost day or recorded entry,
 * whichever is earlier. Forecasts wait for 7 (ux.md §4).
 */
export function historyDays(ledger: Ledger, now: Instant): number {
  const starts = [
    ...(ledger.costs.length > 0 ? [dayStart(ledger.costs[0]!.day)] : []),
    ...ledger.entries.map((entry) => parseInstant(entry.at)!),
  ];
  if (starts.length === 0) return 0;
  const first = startOfUtcDay(Math.min(...starts));
  return Math.max(0, Math.floor((startOfUtcDay(now) - first) / MS_PER_DAY));
}
