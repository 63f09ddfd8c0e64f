/**
 * The projection the view shows (ux.md §1 Auto-recharge 2): the engine's own projection from the
 * account at now (the snapshot's start) with the settings the form holds right now, and the 30-day
 * preview read off it per day.
 */
import { projectionStartJsonSchema } from '../../../shared/billing/projection-json';
import type { DashboardState } from '../../../shared/bridge';
import {
  projectAutoRecharge,
  type Projection,
  type RechargeSettings,
} from '../../../shared/dashboard/recharge-projection';

export const PREVIEW_DAYS = 30;
const MS_PER_DAY = 86_400_000;

/**
 * The projection at today's pace; null without a balance or a week of spend history (the runway
 * needs as much, ux.md §1 Overview 3). With the settings in force it says what the Overview says.
 */
export function projectFromState(
  state: DashboardState,
  settings: RechargeSettings | null,
): Projection | null {
  const { account } = state;
  const start = state.autoRecharge.start;
  if (account === null || start === null || !account.paceKnown) return null;
  return projectAutoRecharge({
    start: projectionStartJsonSchema.parse(start),
    balance: account.balance,
    burnRatePerDay: account.burnRatePerDay,
    settings,
    limits: state.autoRecharge.limits,
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

/** OpenAI refuses requests once credit is used up: the balance shown stops there (or where it starts, when it is negative already). */
function floorOf(projection: Projection): number {
  return Math.min(0, projection.points[0]?.balance ?? 0);
}

const previewEnd = (now: number): number => now + PREVIEW_DAYS * MS_PER_DAY;

/** The lowest balance over the preview, between the daily rows too (just before a recharge). */
export function lowestBalance(projection: Projection, now: number): number {
  const shown = projection.points.filter((point) => point.at <= previewEnd(now));
  return Math.max(floorOf(projection), Math.min(...shown.map((point) => point.balance)));
}

/** The recharges within the preview (the projection looks a year ahead). */
export function previewRecharges(projection: Projection, now: number): Projection['recharges'] {
  return projection.recharges.filter((recharge) => recharge.at <= previewEnd(now));
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
