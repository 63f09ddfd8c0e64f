/**
 * What the Overview derives from the snapshot beyond what it carries: the next expiry, the next
 * expected auto-recharge, when auto-recharge meets its monthly limit, and the 30-day spend summary.
 * Estimates at today's average spend per day; null where there is too little to say.
 */
import type { DashboardState, GrantRow, Spend } from '../../../shared/bridge';
import { FORECAST_MIN_HISTORY_DAYS } from '../../../shared/alerts/alert-settings';
import { rechargeSettingsOf } from '../../../shared/dashboard/recharge-projection';
import { microsOfUsdText } from '../../i18n/usd-input';
import { PREVIEW_DAYS, projectFromState } from '../auto-recharge/recharge-preview';

const DAY_MS = 86_400_000;
export const SPEND_WINDOW_DAYS = 30;

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
  const sameDay = live.filter((grant) => Math.floor(grant.expiresAt / DAY_MS) === Math.floor(first / DAY_MS));
  return {
    amount: sameDay.reduce((sum, grant) => sum + grant.remaining, 0),
    expiresAt: first,
    unused: sameDay.reduce((sum, grant) => sum + grant.forfeitRisk, 0),
  };
}

/** The daily average when the forecast has enough history to be trusted (ux.md §1 Overview 3), else null. */
export function trustedBurnRate(state: DashboardState): number | null {
  const forecast = state.forecast;
  if (forecast === null || forecast.historyDays < FORECAST_MIN_HISTORY_DAYS || forecast.burnRatePerDay <= 0) {
    return null;
  }
  return forecast.burnRatePerDay;
}

export type NextRecharge =
  | { kind: 'off' }
  | { kind: 'unknown' }
  | { kind: 'blocked'; limit: number; until: number }
  | { kind: 'none-soon'; days: number }
  | { kind: 'expected'; at: number; threshold: number };

/**
 * The next recharge of the Auto-recharge view's projection (the same one, so the two views agree);
 * none this month once the monthly limit is used up.
 */
export function nextRecharge(state: DashboardState): NextRecharge {
  const { settings, usedThisMonth } = state.autoRecharge;
  if (settings === null || !settings.enabled) return { kind: 'off' };
  const limit = settings.monthlyLimit === null ? null : microsOfUsdText(settings.monthlyLimit);
  if (limit !== null && usedThisMonth >= limit)
    return { kind: 'blocked', limit, until: endOfUtcMonth(state.now) };
  const projected = rechargeSettingsOf(settings);
  const projection = projected === null ? null : projectFromState(state, projected);
  if (projected === null || projection === null) return { kind: 'unknown' };
  if (projection.nextRechargeAt === null) return { kind: 'none-soon', days: PREVIEW_DAYS };
  return { kind: 'expected', at: projection.nextRechargeAt, threshold: projected.threshold };
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
  const limit = microsOfUsdText(settings.monthlyLimit);
  const room = limit - usedThisMonth;
  if (room <= 0) return null;
  const burn = trustedBurnRate(state);
  const at = burn === null ? null : state.now + Math.round((room / burn) * DAY_MS);
  return { kind: 'until-limit', limit, at: at !== null && at < endOfUtcMonth(state.now) ? at : null };
}

function endOfUtcMonth(instant: number): number {
  const day = new Date(instant);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 1);
}

export interface RecentSpend {
  /** The last 30 UTC days (today included), for the sparkline. */
  points: { day: string; spend: number }[];
  total: number;
  /** The 30 days before, when the history reaches back that far. */
  previousTotal: number | null;
  /** This UTC month so far. */
  monthToDate: number;
}

/** Null when no day of spend has been synced yet. */
export function recentSpend(spend: Spend, now: number): RecentSpend | null {
  const count = spend.days.length;
  if (count === 0) return null;
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  const recent = spend.totals.slice(-SPEND_WINDOW_DAYS);
  const month = new Date(now).toISOString().slice(0, 7);
  return {
    points: spend.days.slice(-SPEND_WINDOW_DAYS).map((day, index) => ({ day, spend: recent[index] ?? 0 })),
    total: sum(recent),
    previousTotal:
      count >= 2 * SPEND_WINDOW_DAYS
        ? sum(spend.totals.slice(-2 * SPEND_WINDOW_DAYS, -SPEND_WINDOW_DAYS))
        : null,
    monthToDate: sum(spend.totals.filter((_, index) => spend.days[index]!.startsWith(month))),
  };
}
