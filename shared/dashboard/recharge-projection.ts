/**
 * Auto-recharge at today's pace, for the Auto-recharge view (ux guide §1 "Auto-recharge" 2 and 4):
 * the next recharges, when the monthly limit stops them and when requests then fail come from the
 * engine's own projection (spec §9.1), run on the settings the form holds — so the preview of the
 * settings in force says exactly what the Overview, the tray and the CLI say. What the engine does not
 * project (the cost a month in the long run, the form's warnings) is estimated here.
 */
import { parseAmount } from '../billing/money';
import { project, type ProjectionStart } from '../billing/projection';
import { toJsonSafe } from '../billing/projection-json';
import type { AutoRecharge } from '../billing/types';
import type { AutoRechargeSettings } from '../ledger/ledger-schema';

/** Auto-recharge as the form holds it, amounts in micro-dollars. */
export interface RechargeSettings {
  enabled: boolean;
  threshold: number;
  mode: 'add' | 'topUp';
  amount: number | null;
  target: number | null;
  monthlyLimit: number | null;
}

/** What the projection starts from: the engine's account at now and the form's values. */
export interface ProjectionInput {
  /** The engine's start (the snapshot's, read back into micro-dollars). */
  start: ProjectionStart;
  /** Micro-dollars (available − debt), may be negative. */
  balance: number;
  /** Micro-dollars per day, ≥ 0. */
  burnRatePerDay: number;
  settings: RechargeSettings | null;
  /** The purchase limits, micro-dollars (0 < min ≤ max). */
  limits: { min: number; max: number };
  /** The most spent on one day lately. */
  busiestDay: number;
}

/** The form's inline warnings (ux guide §1 "Auto-recharge" 4). */
export type ProjectionWarning =
  | 'threshold-below-busiest-day'
  | 'already-below-threshold'
  | 'limit-below-one-recharge'
  | 'recharge-out-of-limits';

/** Auto-recharge over the projection's horizon, for the view's sentences, chart and warnings. */
export interface Projection {
  /** The balance at now, before and after each change, and once a UTC day (spec §9.1's points). */
  points: { at: number; balance: number }[];
  recharges: { at: number; amount: number }[];
  nextRechargeAt: number | null;
  /** Per 30 days at this pace, in the long run; `count` may be fractional (1.5: three in two months). */
  perMonth: { count: number; cost: number };
  /** The first check the monthly limit blocks. */
  limitReachedAt: number | null;
  /** When API requests start to fail (the engine's `failsAt`); null: not within the horizon. */
  runsOutAt: number | null;
  warnings: ProjectionWarning[];
}

/** What one recharge buys at a balance below the threshold. */
type Purchase = (balance: number) => number;

/** Projects the form's settings with the engine's projection from the account at now. */
export function projectAutoRecharge(input: ProjectionInput): Projection {
  const purchase = purchaseRule(input.settings, input.limits);
  const run = project(input.start, purchase === null ? null : engineSettings(input.settings!));
  return {
    points: toJsonSafe(run.points),
    recharges: toJsonSafe(run.recharges),
    nextRechargeAt: run.nextAutoRechargeAt,
    limitReachedAt: run.blocked[0]?.at ?? null,
    runsOutAt: run.failsAt,
    perMonth: perMonth(input, purchase),
    warnings: warningsOf(input, purchase),
  };
}

/** The form's settings as the engine applies them (only called for settings it would accept). */
function engineSettings(settings: RechargeSettings): AutoRecharge {
  return {
    threshold: BigInt(settings.threshold),
    mode: settings.mode,
    amount: BigInt(settings.amount ?? 0),
    target: BigInt(settings.target ?? 0),
    monthlyLimit: settings.monthlyLimit === null ? null : BigInt(settings.monthlyLimit),
  };
}

/**
 * The purchase the engine would make, or null when it would make none: disabled, or settings it
 * refuses (spec §7: an `add` amount outside the purchase limits, a `topUp` target not above the
 * threshold) — the form shows those as errors, and the projection must not invent recharges for them.
 */
function purchaseRule(settings: RechargeSettings | null, limits: ProjectionInput['limits']): Purchase | null {
  if (settings === null || !settings.enabled) return null;
  const { amount, target } = settings;
  if (settings.mode === 'add') return amount === null || !withinLimits(amount, limits) ? null : () => amount;
  if (target === null || target <= settings.threshold) return null;
  return (balance) => Math.min(Math.max(Math.round(target - balance), limits.min), limits.max);
}

function withinLimits(amount: number, limits: ProjectionInput['limits']): boolean {
  return amount >= limits.min && amount <= limits.max;
}

/**
 * The long run: usage refilled one recharge at a time, each bought as the balance crosses the
 * threshold; with a monthly limit, no more recharges than fit in it.
 */
function perMonth(input: ProjectionInput, purchase: Purchase | null): Projection['perMonth'] {
  if (purchase === null || input.burnRatePerDay === 0) return { count: 0, cost: 0 };
  const each = purchase(input.settings!.threshold);
  const monthlyLimit = input.settings!.monthlyLimit;
  const needed = (30 * input.burnRatePerDay) / each;
  const count = monthlyLimit === null ? needed : Math.min(needed, Math.floor(monthlyLimit / each));
  return { count, cost: Math.round(count * each) };
}

function warningsOf(input: ProjectionInput, purchase: Purchase | null): ProjectionWarning[] {
  const settings = input.settings;
  if (settings === null || !settings.enabled) return [];
  const warnings: ProjectionWarning[] = [];
  if (settings.threshold < input.busiestDay) warnings.push('threshold-below-busiest-day');
  if (input.balance < settings.threshold) warnings.push('already-below-threshold');
  // The smallest recharge: one bought as the balance crosses the threshold (below it, topUp buys more).
  const smallest = purchase?.(settings.threshold);
  if (smallest !== undefined && settings.monthlyLimit !== null && settings.monthlyLimit < smallest) {
    warnings.push('limit-below-one-recharge');
  }
  if (settings.mode === 'add' && settings.amount !== null && !withinLimits(settings.amount, input.limits)) {
    warnings.push('recharge-out-of-limits');
  }
  return warnings;
}

/**
 * The stored text settings (USD strings) in micro-dollars, or null when a field the mode needs is
 * missing or unreadable. A blank optional field counts as absent, as it does in the form.
 */
export function rechargeSettingsOf(form: AutoRechargeSettings | null): RechargeSettings | null {
  if (form === null) return null;
  const threshold = microsOf(form.threshold);
  const monthlyLimit = microsOf(form.monthlyLimit);
  // Like the engine, only the field of the chosen mode is read (spec §7).
  const purchase = microsOf(form.mode === 'add' ? form.amount : form.target);
  if (typeof threshold !== 'number' || typeof purchase !== 'number') return null;
  if (monthlyLimit === undefined) return null;
  return {
    enabled: form.enabled,
    threshold,
    mode: form.mode,
    amount: form.mode === 'add' ? purchase : null,
    target: form.mode === 'topUp' ? purchase : null,
    monthlyLimit,
  };
}

/** Micro-dollars of a USD text; null when blank, undefined when unreadable. */
function microsOf(text: string | null): number | null | undefined {
  if (text === null || text.trim() === '') return null;
  const micros = parseAmount(text);
  // No setting is negative: the stored text has no sign (shared/storage/usd-text.ts).
  return micros === undefined || micros < 0n ? undefined : Number(micros);
}
