/**
 * The projection the view shows (ux.md §1 Auto-recharge 2), from the snapshot and the settings the
 * form holds right now, and the 30-day preview read off it per day.
 */
import { FORECAST_MIN_HISTORY_DAYS } from '../../../shared/alerts/alert-settings';
import type { DashboardState } from '../../../shared/bridge';
import {
  projectAutoRecharge,
  type Projection,
  type RechargeSettings,
} from '../../../shared/dashboard/recharge-projection';
import { isCurrent } from '../credits/grant-order';

export const PREVIEW_DAYS = 30;
const MS_PER_DAY = 86_400_000;

/**
 * The projection at today's pace; null without a balance or a week of spend history (the runway
 * needs as much, ux.md §1 Overview 3). The Overview's next recharge reads the same projection.
 */
export function projectFromState(
  state: DashboardState,
  settings: RechargeSettings | null,
): Projection | null {
  const { account, forecast } = state;
  if (account === null || forecast === null || forecast.historyDays < FORECAST_MIN_HISTORY_DAYS) {
    return null;
  }
  return projectAutoRecharge({
    now: state.now,
    balance: account.balance,
    burnRatePerDay: forecast.burnRatePerDay,
    settings,
    usedThisMonth: state.autoRecharge.usedThisMonth,
    limits: state.autoRecharge.limits,
    expiries: state.grants
      .filter((grant) => isCurrent(grant) && grant.forfeitRisk > 0)
      .map((grant) => ({ at: grant.expiresAt, amount: grant.forfeitRisk })),
    days: PREVIEW_DAYS,
    busiestDay: busiestDay(state),
  });
}

/** The most spent on one day of the last 30 (today included). */
export function busiestDay(state: DashboardState): number {
  return Math.max(0, ...state.spend.totals.slice(-PREVIEW_DAYS));
}

export interface PreviewDay {
  /** The UTC day, `YYYY-MM-DD`. */
  day: string;
  /** The balance at this day's point (now, then every 24 hours), after its recharges. */
  balance: number;
  /** What auto-recharge adds in the 24 hours up to this point. */
  recharged: number;
}

/**
 * The projection draws usage on past zero, but OpenAI refuses requests once credit is used up, so
 * the balance shown stops there (or where it starts, when it is negative already).
 */
function floorOf(projection: Projection): number {
  return Math.min(0, projection.points[0]?.balance ?? 0);
}

/** The lowest balance over the preview, between the daily rows too (just before a recharge). */
export function lowestBalance(projection: Projection): number {
  return Math.max(floorOf(projection), Math.min(...projection.points.map((point) => point.balance)));
}

/** One row per day from now: the chart's steps and the table's rows. */
export function previewDays(projection: Projection, now: number): PreviewDay[] {
  const floor = floorOf(projection);
  return Array.from({ length: PREVIEW_DAYS + 1 }, (_, index) => {
    const at = now + index * MS_PER_DAY;
    const balance = Math.max(floor, projection.points.findLast((point) => point.at <= at)?.balance ?? 0);
    const recharged = projection.recharges
      .filter(
        (recharge) => recharge.at <= at && (index === 0 ? recharge.at >= at : recharge.at > at - MS_PER_DAY),
      )
      .reduce((sum, recharge) => sum + recharge.amount, 0);
    return { day: new Date(at).toISOString().slice(0, 10), balance, recharged };
  });
}
