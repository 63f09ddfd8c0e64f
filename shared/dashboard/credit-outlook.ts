/**
 * What lies ahead for the credit, derived from the snapshot for the Overview and the tray alike (so
 * the two never disagree): the next expiry, and how long auto-recharge keeps the credit topped up.
 * Estimates at today's average spend per day; null where there is too little to say.
 */
import { FORECAST_MIN_HISTORY_DAYS } from '../alerts/alert-settings';
import { MS_PER_DAY } from '../billing/instant';
import { parseAmount } from '../billing/money';
import type { DashboardState, GrantRow } from '../bridge';

export interface NextExpiry {
  /** Credit left on every grant that expires that UTC day. */
  amount: number;
  expiresAt: number;
  /** What the forecast expects to go unused then. */
  unused: number;
}

/** The soonest expiry of credit still left (pending or active grants), summed over that day. */
export function nextExpiry(grants: readonly GrantRow[], now: number): NextExpiry | null {
  const live = grants.filter(
    (grant) =>
      (grant.status === 'active' || grant.status === 'pending') &&
      grant.remaining > 0 &&
      grant.expiresAt > now,
  );
  if (live.length === 0) return null;
  const first = Math.min(...live.map((grant) => grant.expiresAt));
  const sameDay = live.filter(
    (grant) => Math.floor(grant.expiresAt / MS_PER_DAY) === Math.floor(first / MS_PER_DAY),
  );
  return {
    amount: sameDay.reduce((sum, grant) => sum + grant.remaining, 0),
    expiresAt: first,
    unused: sameDay.reduce((sum, grant) => sum + grant.forfeitRisk, 0),
  };
}

/** The daily average when the forecast has enough history to be trusted (ux.md §1 Overview 3), else null. */
function trustedBurnRate(state: DashboardState): number | null {
  const forecast = state.forecast;
  if (forecast === null || forecast.historyDays < FORECAST_MIN_HISTORY_DAYS || forecast.burnRatePerDay <= 0) {
    return null;
  }
  return forecast.burnRatePerDay;
}

export type RechargeRunway = { kind: 'no-limit' } | { kind: 'until-limit'; limit: number; at: number | null };

/**
 * With auto-recharge on, what the runway line says instead (ux.md §1 Overview 3): it keeps the credit
 * topped up until the monthly limit. `at` is when this month's spend uses the room left under the
 * limit; null when that is not this month or cannot be told. Null overall when auto-recharge is off
 * or its limit is already used up (then the plain runway applies).
 */
export function rechargeRunway(state: DashboardState): RechargeRunway | null {
  const { settings, usedThisMonth } = state.autoRecharge;
  if (settings === null || !settings.enabled) return null;
  if (settings.monthlyLimit === null) return { kind: 'no-limit' };
  const limit = Number(parseAmount(settings.monthlyLimit) ?? 0n);
  const room = limit - usedThisMonth;
  if (room <= 0) return null;
  const burn = trustedBurnRate(state);
  const at = burn === null ? null : state.now + Math.round((room / burn) * MS_PER_DAY);
  return { kind: 'until-limit', limit, at: at !== null && at < endOfUtcMonth(state.now) ? at : null };
}

/** 00:00 UTC of the month after the instant's. */
export function endOfUtcMonth(instant: number): number {
  const day = new Date(instant);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 1);
}
