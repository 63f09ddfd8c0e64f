/**
 * The reference engine's reading of spec §9.1 (the projection), written from the spec alone and by
 * another method than the engine's: the engine solves each crossing by division, this one finds the
 * next whole millisecond at which anything can happen by bisection over a monotone "has something
 * happened by m?" test, recomputing everything from the grant list each time. Slow, but obvious.
 */

import type { AutoRecharge, Policy } from './reference-engine';

type Micro = bigint;
type Ms = bigint;

const MS_PER_DAY = 86_400_000n;
const MS_PER_MINUTE = 60_000n;
const HORIZON: Ms = 365n * MS_PER_DAY;
const MOST_PURCHASES = 1000;

export interface ProjectionGrant {
  creation: number;
  source: string;
  amount: Micro;
  at: Ms;
  effectiveAt: Ms;
  expiresAt: Ms;
  remaining: Micro;
  usable: boolean;
  expired: boolean;
}

export interface ProjectionInput {
  now: Ms;
  prepaid: boolean;
  debt: Micro;
  /** The exact rate: `windowUsage` µ$ per `windowDays` days. */
  windowUsage: Micro;
  windowDays: number;
  /** Every grant of the state at `now`, in creation order. */
  grants: readonly ProjectionGrant[];
  auto: AutoRecharge;
  policy: Policy;
  /** The reference's own calendar, rounding and drawing order. */
  drawingOrder: (a: Orderable, b: Orderable) => number;
  addMonths: (ms: Ms, months: number) => Ms;
  monthKey: (ms: Ms) => string;
  roundHalfAway: (numerator: bigint, denominator: bigint) => bigint;
}

export type Orderable = Pick<ProjectionGrant, 'creation' | 'source' | 'effectiveAt' | 'expiresAt'>;

export interface ProjectionOutput {
  nextAutoRechargeAt: Ms | null;
  failsAt: Ms | null;
}

/** A grant while projecting; `left` is in µ$ × K (K: the window in ms), exact for any time in ms. */
interface Credit {
  creation: number;
  source: string;
  effectiveAt: Ms;
  expiresAt: Ms;
  left: bigint;
  usable: boolean;
}

export function referenceProjection(input: ProjectionInput): ProjectionOutput {
  const { now, prepaid, auto, policy } = input;
  const K = BigInt(input.windowDays) * MS_PER_DAY;
  const S = input.windowUsage; // µ$ × K used per ms
  let credits: Credit[] = input.grants
    .filter((g) => !g.expired && (!g.usable || g.remaining > 0n))
    .map((g) => ({ ...g, left: g.remaining * K }));
  let debt = prepaid ? input.debt * K : 0n;
  const bought = new Map<string, Micro>();
  for (const g of input.grants) {
    if (g.source === 'auto')
      bought.set(input.monthKey(g.at), (bought.get(input.monthKey(g.at)) ?? 0n) + g.amount);
  }
  // "At most one auto purchase per millisecond": the projected ones; those made before are not.
  let lastPurchase: Ms | undefined;
  const purchases: Ms[] = [];
  let horizon = now + HORIZON;

  const available = (): bigint => credits.reduce((sum, c) => (c.usable ? sum + c.left : sum), 0n);
  const balance = (): bigint => available() - debt;
  const becomeUsable = (c: Credit): void => {
    c.usable = true;
    const settle = debt < c.left ? debt : c.left;
    c.left -= settle;
    debt -= settle;
  };

  const check = (x: Ms): void => {
    if (!auto.enabled || lastPurchase === x) return;
    const b = balance();
    if (!(b < auto.threshold * K)) return;
    if (credits.some((c) => !c.usable && c.source === 'auto')) return;
    let amount = auto.amount;
    if (auto.mode === 'topUp') {
      amount = input.roundHalfAway(auto.target * K - b, K);
      if (amount < policy.minPurchase) amount = policy.minPurchase;
      if (amount > policy.maxPurchase) amount = policy.maxPurchase;
    }
    const month = input.monthKey(x);
    const spent = bought.get(month) ?? 0n;
    if (auto.monthlyLimit !== undefined && spent + amount > auto.monthlyLimit) return;
    bought.set(month, spent + amount);
    lastPurchase = x;
    purchases.push(x);
    const credit: Credit = {
      creation: input.grants.length + purchases.length,
      source: 'auto',
      effectiveAt: x + BigInt(policy.creditDelayMinutes) * MS_PER_MINUTE,
      expiresAt: input.addMonths(x, policy.expiryMonths),
      left: amount * K,
      usable: false,
    };
    credits.push(credit);
    if (credit.effectiveAt <= x) becomeUsable(credit);
    if (purchases.length === MOST_PURCHASES) horizon = x;
  };

  const outcome = (failsAt: Ms | null): ProjectionOutput => ({
    nextAutoRechargeAt: purchases[0] ?? null,
    failsAt,
  });

  // `now`: requests fail if nothing is available, whatever the check at `now` then buys.
  const failsNow = prepaid && available() === 0n;
  check(now);
  if (failsNow) return outcome(now);

  let x = now;
  while (x < horizon) {
    const from = x;
    const availableThen = available();
    const balanceThen = balance();
    const aboveThreshold = balanceThen >= auto.threshold * K;
    const boughtThen = lastPurchase === from;
    const month = input.monthKey(from);
    // Whether anything that matters has happened by m; false at `from`, and once true it stays true.
    const happened = (m: Ms): boolean => {
      const used = S * (m - from);
      if (m >= horizon || (boughtThen && m > from) || input.monthKey(m) !== month) return true;
      if (credits.some((c) => (c.usable ? c.left > 0n && c.expiresAt <= m : c.effectiveAt <= m))) return true;
      if (prepaid && S > 0n && availableThen - used <= 0n) return true;
      if (!auto.enabled || !aboveThreshold) return false;
      const later = prepaid ? balanceThen - used : availableThen > used ? availableThen - used : 0n;
      return later < auto.threshold * K;
    };
    let low = from + 1n;
    let high = horizon;
    while (low < high) {
      const mid = (low + high) / 2n;
      if (happened(mid)) high = mid;
      else low = mid + 1n;
    }
    x = low;
    let used = S * (x - from);
    if (prepaid && used > availableThen) return outcome(x - 1n); // zero passed between x − 1 and x
    for (const c of credits.filter((c) => c.usable && c.left > 0n).sort(input.drawingOrder)) {
      const take = c.left < used ? c.left : used;
      c.left -= take;
      used -= take;
    }
    const becoming = credits
      .filter((c) => !c.usable && c.effectiveAt <= x)
      .sort((a, b) =>
        a.effectiveAt !== b.effectiveAt ? (a.effectiveAt < b.effectiveAt ? -1 : 1) : a.creation - b.creation,
      );
    for (const c of becoming) becomeUsable(c);
    credits = credits.filter((c) => !(c.usable && c.expiresAt <= x));
    check(x);
    if (prepaid && available() === 0n) return outcome(x);
  }
  return outcome(null);
}
