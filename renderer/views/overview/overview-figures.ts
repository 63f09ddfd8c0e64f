/**
 * What the Overview alone derives from the snapshot beyond what it carries: the next expected
 * auto-recharge and the 30-day spend summary (what the tray shares is in shared/dashboard/credit-outlook.ts).
 */
import type { DashboardState, Spend } from '../../../shared/bridge';
import { endOfUtcMonth } from '../../../shared/dashboard/credit-outlook';
import { rechargeSettingsOf } from '../../../shared/dashboard/recharge-projection';
import { microsOfUsdText } from '../../i18n/usd-input';
import { PREVIEW_DAYS, projectFromState } from '../auto-recharge/recharge-preview';

export const SPEND_WINDOW_DAYS = 30;

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
