/**
 * Auto-recharge at today's pace, for the Auto-recharge view (ux guide §1 "Auto-recharge" 2 and 4):
 * the next recharges, what they cost a month, when the monthly limit stops them and when the credit
 * then runs out. It applies the engine's rule (spec §7) to usage drawn evenly and continuously, solved
 * from one change to the next rather than stepped, so the renderer can run it on every keystroke.
 */
import { MS_PER_DAY, utcMonthOf } from '../billing/instant';
import { parseAmount } from '../billing/money';
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

/** What the projection starts from: the engine's figures at now and the form's values. */
export interface ProjectionInput {
  /** UTC ms. */
  now: number;
  /** Micro-dollars (available − debt), may be negative. */
  balance: number;
  /** Micro-dollars per day, ≥ 0. */
  burnRatePerDay: number;
  settings: RechargeSettings | null;
  /** Bought by auto-recharge in the current UTC month. */
  usedThisMonth: number;
  /** The purchase limits, micro-dollars (0 < min ≤ max). */
  limits: { min: number; max: number };
  /** Credit that will go unused at these instants (the forecast's forfeit risk). */
  expiries: { at: number; amount: number }[];
  /** The horizon in days, e.g. 30. */
  days: number;
}

/** The form's inline warnings (ux guide §1 "Auto-recharge" 4). */
export type ProjectionWarning =
  | 'threshold-below-busiest-day'
  | 'already-below-threshold'
  | 'limit-below-one-recharge'
  | 'recharge-out-of-limits';

/** Auto-recharge over the horizon, for the view's sentence, chart and warnings. */
export interface Projection {
  /** One at now and every day after, and one before and after each recharge and expiry. */
  points: { at: number; balance: number }[];
  recharges: { at: number; amount: number }[];
  nextRechargeAt: number | null;
  /** Per 30 days at this pace, in the long run; `count` may be fractional (1.5: three in two months). */
  perMonth: { count: number; cost: number };
  /** The first check within the horizon that the monthly limit blocks. */
  limitReachedAt: number | null;
  /** The first instant within the horizon at which the balance is used up and no recharge follows. */
  runsOutAt: number | null;
  warnings: ProjectionWarning[];
}

/** What one recharge buys at a balance below the threshold. */
type Purchase = (balance: number) => number;

/** Projects auto-recharge over `days` from `now`, usage going on at `burnRatePerDay` (spec §7's rule). */
export function projectAutoRecharge(input: ProjectionInput & { busiestDay: number }): Projection {
  const purchase = purchaseRule(input.settings, input.limits);
  const run = simulate(input, purchase);
  return {
    ...run,
    nextRechargeAt: run.recharges[0]?.at ?? null,
    perMonth: perMonth(input, purchase),
    warnings: warningsOf(input, purchase),
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

type Run = Pick<Projection, 'points' | 'recharges' | 'limitReachedAt' | 'runsOutAt'>;

function simulate(input: ProjectionInput, purchase: Purchase | null): Run {
  const { now, burnRatePerDay } = input;
  const threshold = input.settings?.threshold ?? 0;
  const monthlyLimit = input.settings?.monthlyLimit ?? null;
  const end = now + input.days * MS_PER_DAY;
  const expiries = input.expiries.filter((e) => e.at >= now && e.at <= end).sort((a, b) => a.at - b.at);
  const run: Run = { points: [], recharges: [], limitReachedAt: null, runsOutAt: null };
  let t = now;
  let balance = input.balance;
  let month = utcMonthOf(now);
  let used = input.usedThisMonth;
  let nextExpiry = 0;
  let nextDay = now + MS_PER_DAY;
  let crossAt = Infinity;
  let zeroAt = Infinity;
  const drawing = burnRatePerDay > 0;
  const mark = (): void => {
    // `+ 0` turns the -0 that Math.round gives for small negatives into 0.
    const point = { at: t, balance: Math.round(balance) + 0 };
    const last = run.points.at(-1);
    if (last?.at !== point.at || last.balance !== point.balance) run.points.push(point);
  };
  for (;;) {
    if (t >= month.end) {
      month = utcMonthOf(t);
      used = 0;
    }
    // Float rounding can leave the balance a hair above the level a crossing was solved to reach; pin
    // it there, or at a tiny rate the balance would creep down a millisecond at a time.
    if (t === crossAt) balance = Math.min(balance, threshold);
    if (t === zeroAt) balance = Math.min(balance, 0);
    mark();
    let expired = false;
    for (; expiries[nextExpiry] !== undefined && expiries[nextExpiry]!.at <= t; nextExpiry++) {
      balance -= expiries[nextExpiry]!.amount;
      expired = true;
      mark();
    }
    // A check follows the expiries of an instant and every usage (spec §7). Usage is continuous: a
    // balance at the threshold is below it the next moment, so the check buys there; while the
    // balance stays there the next check comes an instant later (one purchase each, shown at one instant).
    let check = purchase !== null && (drawing ? balance <= threshold : expired && balance < threshold);
    while (check) {
      const amount = purchase!(balance);
      if (monthlyLimit !== null && used + amount > monthlyLimit) {
        run.limitReachedAt ??= t;
        break;
      }
      balance += amount;
      used += amount;
      run.recharges.push({ at: t, amount });
      mark();
      check = drawing && balance <= threshold;
    }
    // Below the threshold a check buys unless it cannot: a balance still at or below 0 stays used up.
    run.runsOutAt ??= balance <= 0 ? t : null;
    if (t >= end) return run;
    // The first whole millisecond at which the balance is down to `level`.
    const reaches = (level: number): number =>
      drawing && balance > level
        ? t + Math.ceil(((balance - level) * MS_PER_DAY) / burnRatePerDay)
        : Infinity;
    crossAt = purchase === null ? Infinity : reaches(threshold);
    zeroAt = run.runsOutAt === null ? reaches(0) : Infinity;
    if (t === nextDay) nextDay += MS_PER_DAY;
    const next = Math.min(nextDay, expiries[nextExpiry]?.at ?? Infinity, month.end, crossAt, zeroAt, end);
    balance -= (burnRatePerDay * (next - t)) / MS_PER_DAY;
    t = next;
  }
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

function warningsOf(
  input: ProjectionInput & { busiestDay: number },
  purchase: Purchase | null,
): ProjectionWarning[] {
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
