/**
 * The user's alert settings as the rules read them. Money is micro-dollars (`bigint`), like the
 * engine's: the settings store keeps USD decimal text and converts with the engine's `parseAmount`.
 */
import type { Micros } from '../billing/money';

export interface AlertSettings {
  /** Low balance below this (default $5). */
  lowBalanceThreshold: Micros;
  /** Short runway below this many days (default 3). */
  runwayDays: number;
  /**
   * Forecast warnings — short runway and credit likely to go unused — are opt-in (ux.md §4,
   * after CodexBar made predictive warnings default-off to avoid fatigue). Default false.
   */
  forecastWarnings: boolean;
  /** Expiry reminders this many UTC days before (default 30, 7, 1). */
  expiryReminderDays: readonly number[];
  /** Saldo's warn-only monthly budget; null for none (the default). */
  monthlyBudget: Micros | null;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  lowBalanceThreshold: 5_000_000n,
  runwayDays: 3,
  forecastWarnings: false,
  expiryReminderDays: [30, 7, 1],
  monthlyBudget: null,
};

/** Budget steps in percent, each told once per UTC month (ux.md §1 Alerts, §4). */
export const BUDGET_STEPS: readonly number[] = [50, 75, 90, 100];

/** Forecasts rest on the burn rate; with less history than this they are not warned about (ux.md §4). */
export const FORECAST_MIN_HISTORY_DAYS = 7;

/** A grant's forfeit risk is warned about only this close to its expiry: further out the forecast is too soft. */
export const FORFEIT_HORIZON_DAYS = 90;

/** An auto-recharge that has not come this long after the balance fell below its threshold is missing. */
export const RECHARGE_GRACE_MS = 60 * 60_000;

/** Syncing that has failed for this long is worth an alert. */
export const SYNC_FAILING_AFTER_MS = 60 * 60_000;
