/**
 * The projection of spec §9.1: usage going on at exactly the burn rate from `now`, with pending
 * credit becoming usable, expiries and auto-recharge (its monthly limit and the credit delay); when
 * requests start to fail (`failsAt`) and when the next auto-recharge is bought. `evaluate` runs it on
 * the settings in force; the dashboard runs the same function on a draft of auto-recharge settings.
 *
 * Exact and fast: instants stay whole milliseconds and money is held in units of 1/windowMs µ$, so
 * the usage of Δ ms is exactly `windowUsage × Δ` units. Between two events (a grant becoming usable
 * or expiring, a purchase, a new UTC month or day) nothing but the balance changes, so the crossings
 * of the threshold and of zero are solved by one division each instead of stepping through the
 * milliseconds in between.
 */
import { compareDrawingOrder, compareEffectiveOrder, insertSorted, type Ordered } from './credit-grant';
import {
  addCalendarMonths,
  addMs,
  MS_PER_DAY,
  MS_PER_MINUTE,
  startOfUtcDay,
  utcMonthOf,
  type Instant,
} from './instant';
import { divideRounded, type Micros } from './money';
import type {
  AccountKind,
  AccountState,
  AutoRecharge,
  AutoRechargeBlocked,
  BillingSettings,
  GrantSource,
  GrantStatus,
  Policy,
} from './types';

/** How far the projection looks: 365 days of 24 hours, or up to its 1,000th auto purchase. */
export const PROJECTION_HORIZON_MS = 365 * MS_PER_DAY;
const PROJECTION_MAX_PURCHASES = 1000;

export interface AmountAt {
  at: Instant;
  amount: Micros;
}

/** A grant as the projection needs it; only `pending` and `active` ones still count. */
export interface ProjectionGrant {
  source: GrantSource;
  remaining: Micros;
  effectiveAt: Instant;
  expiresAt: Instant;
  status: GrantStatus;
}

/** The account at `now`, as the projection starts from it: plain data that can cross the bridge. */
export interface ProjectionStart {
  now: Instant;
  account: AccountKind;
  policy: Policy;
  /** The exact burn rate: `windowUsage` µ$ per `windowDays` days. */
  rate: { windowUsage: Micros; windowDays: number };
  debt: Micros;
  /** In creation order (the last tie-break of the drawing order). */
  grants: readonly ProjectionGrant[];
  /** Auto purchases made up to `now` (the engine's and recorded ones): the monthly limit counts them. */
  autoPurchases: readonly AmountAt[];
}

export interface BalancePoint {
  at: Instant;
  /** available − debt, rounded to the micro-dollar. */
  balance: Micros;
}

export interface ProjectionRun {
  nextAutoRechargeAt: Instant | null;
  /** `prepaid` only: when `available` first reaches 0; null when it does not by the horizon. */
  failsAt: Instant | null;
  /** The last instant the projection covers: `failsAt`, the 1,000th purchase, or now + 365 days. */
  endsAt: Instant;
  /** Projected auto purchases, in time order. */
  recharges: AmountAt[];
  /** The first check of each UTC month that only the monthly limit stopped, in time order. */
  blocked: AutoRechargeBlocked[];
  /**
   * The balance at `now`, before and after every change, and at least once per UTC day, up to the
   * end (or `until`); two points at one instant show a step.
   */
  points: BalancePoint[];
}

export interface ProjectionOptions {
  /** Points after this instant are left out (the rest of the run is not affected). */
  until?: Instant;
}

/** Projects `start` with `autoRecharge` (null: off), spec §9.1. Pure. */
export function project(
  start: ProjectionStart,
  autoRecharge: AutoRecharge | null,
  options: ProjectionOptions = {},
): ProjectionRun {
  const projector = new Projector(start, autoRecharge, options.until ?? Infinity);
  projector.run();
  return {
    nextAutoRechargeAt: projector.recharges[0]?.at ?? null,
    failsAt: projector.failsAt,
    endsAt: projector.failsAt ?? projector.end,
    recharges: projector.recharges,
    blocked: [...projector.blocked.values()],
    points: projector.points,
  };
}

/**
 * Where the projection of the state at `now` starts: its grants still pending or active, its debt,
 * the exact burn rate (usage in the window) and every auto purchase it holds.
 */
export function projectionStartOf(
  settings: BillingSettings,
  state: Pick<AccountState, 'debt' | 'grants'>,
  windowUsage: Micros,
): ProjectionStart {
  return {
    now: settings.now,
    account: settings.account,
    policy: settings.policy,
    rate: { windowUsage, windowDays: settings.forecast.windowDays },
    debt: state.debt,
    grants: state.grants
      .filter(({ status }) => status === 'pending' || status === 'active')
      .map(({ source, remaining, effectiveAt, expiresAt, status }) => ({
        source,
        remaining,
        effectiveAt,
        expiresAt,
        status,
      })),
    autoPurchases: state.grants
      .filter(({ source }) => source === 'auto')
      .map(({ at, amount }) => ({ at, amount })),
  };
}

/** A grant while projecting; `remaining` in units of 1/windowMs µ$. */
interface Credit extends Ordered {
  remaining: bigint;
}

class Projector {
  readonly recharges: AmountAt[] = [];
  readonly blocked = new Map<string, AutoRechargeBlocked>();
  readonly points: BalancePoint[] = [];
  failsAt: Instant | null = null;
  /** The horizon; the 1,000th purchase brings it forward. */
  end: Instant;

  private t: Instant;
  /** Money is held in µ$ × `unit` (the window in ms), so usage per ms is a whole `perMs` units. */
  private readonly unit: bigint;
  private readonly perMs: bigint;
  private readonly prepaid: boolean;
  /** Usable, unexpired, with something left, in drawing order. */
  private readonly drawable: Credit[] = [];
  /** Not yet usable, in effective order. */
  private readonly pending: Credit[] = [];
  private available = 0n;
  private debt: Micros;
  private readonly boughtByMonth = new Map<string, Micros>();
  /**
   * One check per millisecond, so at most one projected purchase: after one, the next chance is the
   * next millisecond (the engine's own purchases at `now` are not projected ones and do not count).
   */
  private lastPurchaseAt: Instant | null = null;
  private seq: number;

  constructor(
    private readonly start: ProjectionStart,
    private readonly auto: AutoRecharge | null,
    private readonly until: Instant,
  ) {
    this.t = start.now;
    this.end = start.now + PROJECTION_HORIZON_MS;
    this.unit = BigInt(start.rate.windowDays) * BigInt(MS_PER_DAY);
    this.perMs = start.rate.windowUsage;
    this.prepaid = start.account === 'prepaid';
    this.debt = this.prepaid ? start.debt : 0n;
    this.seq = start.grants.length;
    start.grants.forEach((grant, seq) => {
      const credit: Credit = { ...grant, seq, remaining: grant.remaining * this.unit };
      if (grant.status === 'pending') insertSorted(this.pending, credit, compareEffectiveOrder);
      else if (grant.status === 'active' && grant.remaining > 0n) this.addDrawable(credit);
    });
    for (const { at, amount } of start.autoPurchases) this.countPurchase(at, amount);
  }

  run(): void {
    this.note();
    // An engine state has nothing due at `now`; a start made by hand may, and it happens first.
    this.settleDue();
    // Spec: with nothing available at `now` requests fail at once, whatever the check at `now` buys.
    if (this.prepaid && this.available === 0n) this.failsAt = this.t;
    this.check();
    this.note();
    if (this.failsAt !== null) return;
    while (this.t < this.end) {
      const next = this.nextInstant();
      if (this.prepaid && this.available < this.perMs * BigInt(next - this.t)) {
        // Zero comes between two whole milliseconds (or at one where nothing else happens): floor(t).
        this.advance(this.t + Number(this.available / this.perMs));
        this.failsAt = this.t;
        this.note();
        return;
      }
      this.advance(next);
      this.note();
      this.settleDue();
      this.check();
      this.note();
      if (this.prepaid && this.available === 0n) {
        this.failsAt = this.t;
        return;
      }
    }
  }

  /**
   * The next instant at which something other than the balance changes, or a check can buy. Every
   * candidate lies after `t`: what was due at `t` has happened.
   */
  private nextInstant(): Instant {
    let next = this.end;
    if (this.pending.length > 0) next = Math.min(next, this.pending[0]!.effectiveAt);
    for (const credit of this.drawable) next = Math.min(next, credit.expiresAt);
    if (this.t < this.until) next = Math.min(next, startOfUtcDay(this.t) + MS_PER_DAY);
    const auto = this.auto;
    if (auto === null) return next;
    const aboveThreshold = this.balance() - auto.threshold * this.unit;
    if (aboveThreshold >= 0n) {
      // Usage brings the balance down to the threshold at t; the first millisecond below it is floor(t) + 1.
      if (this.perMs > 0n && auto.threshold > 0n) {
        const wait = aboveThreshold / this.perMs + 1n;
        if (wait < BigInt(next - this.t)) next = this.t + Number(wait);
      }
    } else {
      // Below it and not bought: the next chance is the next millisecond, a pending purchase becoming
      // usable (counted above) or a new month of the limit.
      if (this.lastPurchaseAt === this.t) next = Math.min(next, this.t + 1);
      if (auto.monthlyLimit !== null) next = Math.min(next, utcMonthOf(this.t).end);
    }
    return next;
  }

  /** Draws the usage up to `to`, in drawing order; what credit cannot cover is overage. */
  private advance(to: Instant): void {
    let left = this.perMs * BigInt(to - this.t);
    this.t = to;
    while (left > 0n && this.drawable.length > 0) {
      const credit = this.drawable[0]!;
      const take = credit.remaining < left ? credit.remaining : left;
      credit.remaining -= take;
      this.available -= take;
      left -= take;
      if (credit.remaining === 0n) this.drawable.shift();
    }
  }

  /** Spec §9.1 "at one instant": grants become usable, grants expire (then the check runs). */
  private settleDue(): void {
    while (this.pending.length > 0 && this.pending[0]!.effectiveAt <= this.t) {
      this.makeUsable(this.pending.shift()!);
    }
    for (let i = this.drawable.length - 1; i >= 0; i--) {
      const credit = this.drawable[i]!;
      if (credit.expiresAt > this.t) continue;
      this.available -= credit.remaining;
      this.drawable.splice(i, 1);
    }
  }

  private makeUsable(credit: Credit): void {
    const debt = this.debt * this.unit;
    const settle = debt < credit.remaining ? debt : credit.remaining;
    credit.remaining -= settle;
    this.debt -= settle / this.unit;
    if (credit.remaining > 0n) this.addDrawable(credit);
  }

  private addDrawable(credit: Credit): void {
    insertSorted(this.drawable, credit, compareDrawingOrder);
    this.available += credit.remaining;
  }

  /** The auto-recharge check of one millisecond (spec §7 with §9.1's counting). */
  private check(): void {
    const auto = this.auto;
    const at = this.t;
    if (auto === null) return;
    const balance = this.balance();
    if (balance >= auto.threshold * this.unit) return;
    if (this.pending.some((credit) => credit.source === 'auto')) return;
    const amount = auto.mode === 'add' ? auto.amount : this.topUpAmount(auto.target, balance);
    const month = utcMonthOf(at).key;
    if (auto.monthlyLimit !== null && (this.boughtByMonth.get(month) ?? 0n) + amount > auto.monthlyLimit) {
      if (!this.blocked.has(month)) this.blocked.set(month, { month, at, amount });
      return;
    }
    const { creditDelayMinutes, expiryMonths } = this.start.policy;
    const credit: Credit = {
      source: 'auto',
      effectiveAt: addMs(at, creditDelayMinutes * MS_PER_MINUTE),
      expiresAt: addCalendarMonths(at, expiryMonths),
      seq: this.seq++,
      remaining: amount * this.unit,
    };
    this.recharges.push({ at, amount });
    this.countPurchase(at, amount);
    this.lastPurchaseAt = at;
    if (credit.effectiveAt <= at) this.makeUsable(credit);
    else insertSorted(this.pending, credit, compareEffectiveOrder);
    if (this.recharges.length === PROJECTION_MAX_PURCHASES) this.end = at;
  }

  /** `target − balance` at the exact balance, rounded to the micro-dollar, then clamped to the limits. */
  private topUpAmount(target: Micros, balance: bigint): Micros {
    const { minPurchase, maxPurchase } = this.start.policy;
    const amount = divideRounded(target * this.unit - balance, this.unit);
    return amount < minPurchase ? minPurchase : amount > maxPurchase ? maxPurchase : amount;
  }

  private countPurchase(at: Instant, amount: Micros): void {
    const month = utcMonthOf(at).key;
    this.boughtByMonth.set(month, (this.boughtByMonth.get(month) ?? 0n) + amount);
  }

  /** available − debt, in units; for `monthly_invoice` (no debt) just what is available. */
  private balance(): bigint {
    return this.available - this.debt * this.unit;
  }

  /** A chart point at the current instant, unless it would repeat the last one. */
  private note(): void {
    if (this.t > this.until) return;
    const balance = divideRounded(this.balance(), this.unit);
    const last = this.points.at(-1);
    if (last?.at === this.t && last.balance === balance) return;
    this.points.push({ at: this.t, balance });
  }
}
