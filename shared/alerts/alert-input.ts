/**
 * The small plain summary the alert rules read: one sync's billing result plus the sync's health.
 * Derived once by `alertInputFrom`, so the rules never touch the engine's full result and tests
 * can state a situation in a few fields.
 */
import type { Instant } from '../billing/instant';
import { utcMonthOf } from '../billing/instant';
import type { Micros } from '../billing/money';
import type { AutoRecharge, BillingResult, Policy } from '../billing/types';
import type { AccountReading } from '../account/account-reading';

export interface GrantLeft {
  id: string;
  expiresAt: Instant;
  remaining: Micros;
}

export interface ForfeitAmount {
  id: string;
  expiresAt: Instant;
  amount: Micros;
}

export interface RechargeSeen {
  id: string;
  at: Instant;
  amount: Micros;
}

/** Auto-recharge as it stands this UTC month; absent when auto-recharge is off. */
export interface AutoRechargeState {
  threshold: Micros;
  monthlyLimit: Micros | null;
  /** What the next recharge would buy at the current balance. */
  nextAmount: Micros;
  /** Auto purchases this UTC month (by the month of their `at`, as the engine counts the limit). */
  usedThisMonth: Micros;
  rechargesThisMonth: number;
  /** The engine recorded a recharge that only the monthly limit stopped, this month. */
  blockedThisMonth: boolean;
  /** The next recharge fits under the monthly limit (always, without a limit). */
  hasRoom: boolean;
  /** The latest auto purchase, of any month; null when there has been none. */
  lastRecharge: RechargeSeen | null;
}

export interface AlertInput {
  /** The instant the billing figures are for (the engine's `now`). */
  at: Instant;
  /**
   * The sync that produced these figures succeeded in full. False after a failed or partial sync:
   * the figures are then the last known ones, and the data rules neither fire nor re-arm.
   */
  complete: boolean;
  balance: Micros;
  available: Micros;
  pending: Micros;
  debt: Micros;
  quotaExhausted: boolean;
  /** When API requests start to fail at this pace, auto-recharge included (the reading's); null: not within a year. */
  failsAt: Instant | null;
  /** Days from `at` to `failsAt`; null with it. */
  failsInDays: number | null;
  burnRatePerDay: Micros;
  /** Days of spend history behind the burn rate; forecasts need 7 (ux.md §4). */
  historyDays: number;
  /** Usable grants with credit left, in drawing order. */
  grants: GrantLeft[];
  forfeitRisk: ForfeitAmount[];
  autoRecharge: AutoRechargeState | null;
  /** `YYYY-MM` of `at`, and the usage in it. */
  month: string;
  monthSpend: Micros;
  /** The organisation's enforced monthly spend limit (the reading's); null: none is set. */
  spendLimit: Micros | null;
  lastSyncOkAt: Instant | null;
  /** The first failure of the current run of failed syncs; null after a success. */
  syncFailingSince: Instant | null;
  /** The provider's quota code when the last sync failed on one (`organization_spend_limit_exceeded`, …), else null. */
  syncQuotaCode: string | null;
}

/** What the billing result does not hold. */
export interface AlertInputExtras {
  /** The engine's `now` for this result. */
  now: Instant;
  /** The auto-recharge settings the result was computed with; null when off. */
  autoRecharge: AutoRecharge | null;
  policy: Pick<Policy, 'minPurchase' | 'maxPurchase'>;
  sync: {
    complete: boolean;
    lastOkAt: Instant | null;
    failingSince: Instant | null;
    /** Optional: null when absent. */
    quotaCode?: string | null;
  };
}

export function alertInputFrom(
  result: BillingResult,
  /** The figures people read, so an alert says what the screens say. */
  reading: Pick<AccountReading, 'failsAt' | 'failsInDays' | 'historyDays' | 'spendLimit'>,
  extras: AlertInputExtras,
): AlertInput {
  const month = utcMonthOf(extras.now).key;
  return {
    at: extras.now,
    complete: extras.sync.complete,
    balance: result.balance,
    available: result.available,
    pending: result.pending,
    debt: result.debt,
    quotaExhausted: result.quotaExhausted,
    failsAt: reading.failsAt,
    failsInDays: reading.failsInDays,
    burnRatePerDay: result.burnRatePerDay,
    historyDays: reading.historyDays,
    grants: result.grants
      .filter((grant) => grant.status === 'active')
      .map(({ id, expiresAt, remaining }) => ({ id, expiresAt, remaining })),
    forfeitRisk: result.forfeitRisk.map(({ id, expiresAt, amount }) => ({ id, expiresAt, amount })),
    autoRecharge: extras.autoRecharge === null ? null : autoRechargeState(result, extras, month),
    month,
    monthSpend: result.usageByMonth.get(month)?.total ?? 0n,
    spendLimit: reading.spendLimit === null ? null : BigInt(reading.spendLimit.limit),
    lastSyncOkAt: extras.sync.lastOkAt,
    syncFailingSince: extras.sync.failingSince,
    syncQuotaCode: extras.sync.quotaCode ?? null,
  };
}

function autoRechargeState(
  result: BillingResult,
  extras: AlertInputExtras,
  month: string,
): AutoRechargeState {
  const settings = extras.autoRecharge!;
  // Every auto purchase counts, the engine's and recorded ones alike: the grants hold both (spec §7).
  const autoGrants = result.grants.filter((grant) => grant.source === 'auto');
  const thisMonth = autoGrants.filter((grant) => utcMonthOf(grant.at).key === month);
  const usedThisMonth = thisMonth.reduce((sum, grant) => sum + grant.amount, 0n);
  const nextAmount = nextRechargeAmount(settings, result.balance, extras.policy);
  const blockedThisMonth = result.autoRechargeBlocked.some((blocked) => blocked.month === month);
  const fits = settings.monthlyLimit === null || usedThisMonth + nextAmount <= settings.monthlyLimit;
  const last = autoGrants.reduce<(typeof autoGrants)[number] | null>(
    (latest, grant) => (latest === null || grant.at >= latest.at ? grant : latest),
    null,
  );
  return {
    threshold: settings.threshold,
    monthlyLimit: settings.monthlyLimit,
    nextAmount,
    usedThisMonth,
    rechargesThisMonth: thisMonth.length,
    blockedThisMonth,
    hasRoom: fits && !blockedThisMonth,
    lastRecharge: last === null ? null : { id: last.id, at: last.at, amount: last.amount },
  };
}

/** What one recharge buys (spec §7): `add` a fixed amount; `topUp` the gap, within the purchase limits. */
function nextRechargeAmount(
  settings: AutoRecharge,
  balance: Micros,
  policy: Pick<Policy, 'minPurchase' | 'maxPurchase'>,
): Micros {
  if (settings.mode === 'add') return settings.amount;
  const gap = settings.target - balance;
  if (gap < policy.minPurchase) return policy.minPurchase;
  return gap > policy.maxPurchase ? policy.maxPurchase : gap;
}
