/**
 * The account as it moves through time (spec §5–§7): grants becoming usable and expiring instant by
 * instant, usage drawn in drawing order, debt and its settlement, calibration, auto-recharge.
 * Mutable inside one evaluation only; `evaluate` is the pure entry point.
 */
import {
  compareDrawingOrder,
  compareEffectiveOrder,
  insertSorted,
  remainingOf,
  type CreditGrant,
} from './credit-grant';
import { addCalendarMonths, addMs, MS_PER_MINUTE, utcMonthOf, type Instant, type UtcMonth } from './instant';
import { minMicros, type Micros } from './money';
import type {
  AutoRechargeBlocked,
  AutoRechargeMade,
  BillingSettings,
  Calibration,
  GrantSource,
  MonthUsage,
} from './types';

export class Ledger {
  readonly grants: CreditGrant[] = [];
  readonly autoRecharges: AutoRechargeMade[] = [];
  readonly blocked = new Map<string, AutoRechargeBlocked>();
  readonly calibrations: Calibration[] = [];
  readonly usageByMonth = new Map<string, MonthUsage>();
  available: Micros = 0n;
  debt: Micros = 0n;
  /** Whether `available` was ever above 0, and the last instant it fell from above 0 to 0. */
  everAvailable = false;
  exhaustedAt: Instant | null = null;

  /** Not yet usable, in effective order. */
  private readonly pending: CreditGrant[] = [];
  /** Usable, unexpired, with something left, in drawing order. */
  private readonly drawable: CreditGrant[] = [];
  /** Usable and unexpired (also with nothing left: they still expire), in no particular order. */
  private readonly live: CreditGrant[] = [];
  /** The earliest instant at which a grant becomes usable or expires. */
  private nextChange = Infinity;
  private readonly autoBoughtByMonth = new Map<string, Micros>();
  private engineAutoCount = 0;
  private calibrationCount = 0;
  private month: UtcMonth | null = null;
  private monthUsage: MonthUsage | null = null;

  constructor(private readonly settings: BillingSettings) {}

  /** Brings time forward, instant by instant, up to and including `t` (spec §5). */
  advanceTo(t: Instant): void {
    while (this.nextChange <= t) this.changeAt(this.nextChange);
  }

  private changeAt(instant: Instant): void {
    while (this.pending.length > 0 && this.pending[0]!.effectiveAt <= instant) {
      this.makeUsable(this.pending.shift()!);
    }
    let expired = false;
    const before = this.available;
    for (let i = this.live.length - 1; i >= 0; i--) {
      const grant = this.live[i]!;
      if (grant.expiresAt > instant) continue;
      const remaining = remainingOf(grant);
      grant.forfeited += remaining;
      grant.expired = true;
      this.available -= remaining;
      this.live.splice(i, 1);
      const drawIndex = this.drawable.indexOf(grant);
      if (drawIndex >= 0) this.drawable.splice(drawIndex, 1);
      expired = true;
    }
    this.noteFall(before, instant);
    this.updateNextChange();
    if (expired) this.autoRechargeCheck(instant);
  }

  private updateNextChange(): void {
    let next = this.pending.length > 0 ? this.pending[0]!.effectiveAt : Infinity;
    for (const grant of this.live) if (grant.expiresAt < next) next = grant.expiresAt;
    this.nextChange = next;
  }

  private makeUsable(grant: CreditGrant): void {
    grant.usable = true;
    const settle = minMicros(this.debt, grant.amount);
    grant.used += settle;
    grant.debtSettled += settle;
    this.debt -= settle;
    const remaining = grant.amount - settle;
    this.available += remaining;
    if (remaining > 0n) {
      this.everAvailable = true;
      insertSorted(this.drawable, grant, compareDrawingOrder);
    }
    this.live.push(grant);
  }

  private createGrant(
    id: string,
    source: GrantSource,
    amount: Micros,
    at: Instant,
    effectiveAt: Instant,
    expiresAt: Instant,
  ): CreditGrant {
    const grant: CreditGrant = {
      id,
      source,
      amount,
      at,
      effectiveAt,
      expiresAt,
      seq: this.grants.length,
      used: 0n,
      debtSettled: 0n,
      forfeited: 0n,
      usable: false,
      expired: false,
    };
    this.grants.push(grant);
    if (effectiveAt <= at) this.makeUsable(grant);
    else insertSorted(this.pending, grant, compareEffectiveOrder);
    this.updateNextChange();
    return grant;
  }

  private expiryOf(at: Instant): Instant {
    return addCalendarMonths(at, this.settings.policy.expiryMonths);
  }

  purchase(id: string, at: Instant, amount: Micros, source: 'manual' | 'auto' | 'import'): void {
    const delay = this.settings.policy.creditDelayMinutes * MS_PER_MINUTE;
    this.createGrant(id, source, amount, at, addMs(at, delay), this.expiryOf(at));
    if (source === 'auto') {
      const month = utcMonthOf(at).key;
      this.autoBoughtByMonth.set(month, (this.autoBoughtByMonth.get(month) ?? 0n) + amount);
    }
  }

  grant(id: string, at: Instant, amount: Micros, expiresAt: Instant | null): void {
    this.createGrant(id, 'grant', amount, at, at, expiresAt ?? this.expiryOf(at));
  }

  usage(at: Instant, amount: Micros): void {
    const uncovered = this.draw(amount, at);
    const usage = this.usageOfMonth(at);
    usage.total += amount;
    usage.covered += amount - uncovered;
    usage.uncovered += uncovered;
    this.autoRechargeCheck(at);
  }

  /** A balance the provider showed (spec §6): the engine's balance becomes `observed`. */
  calibrate(at: Instant, observedBalance: Micros): void {
    const observed =
      this.settings.account === 'monthly_invoice' && observedBalance < 0n ? 0n : observedBalance;
    const computed = this.available - this.debt;
    const drift = observed - computed;
    this.calibrations.push({ at, observed, computed, drift });
    if (drift > 0n) {
      this.calibrationCount++;
      this.createGrant(`cal-${this.calibrationCount}`, 'calibration', drift, at, at, this.expiryOf(at));
    } else if (drift < 0n) {
      this.draw(-drift, at);
      this.autoRechargeCheck(at);
    }
  }

  /** Draws from credit in drawing order; returns what credit could not cover (debt or overage). */
  private draw(amount: Micros, at: Instant): Micros {
    const before = this.available;
    let left = amount;
    while (left > 0n && this.drawable.length > 0) {
      const grant = this.drawable[0]!;
      const take = minMicros(remainingOf(grant), left);
      grant.used += take;
      left -= take;
      if (remainingOf(grant) === 0n) this.drawable.shift();
    }
    this.available -= amount - left;
    this.noteFall(before, at);
    if (this.settings.account === 'prepaid') this.debt += left;
    return left;
  }

  private noteFall(before: Micros, at: Instant): void {
    if (before > 0n && this.available === 0n) this.exhaustedAt = at;
  }

  private usageOfMonth(at: Instant): MonthUsage {
    if (this.month === null || at < this.month.start || at >= this.month.end) {
      this.month = utcMonthOf(at);
      let usage = this.usageByMonth.get(this.month.key);
      if (usage === undefined) {
        usage = { total: 0n, covered: 0n, uncovered: 0n };
        this.usageByMonth.set(this.month.key, usage);
      }
      this.monthUsage = usage;
    }
    return this.monthUsage!;
  }

  /** Spec §7: at most one auto purchase per check. */
  private autoRechargeCheck(at: Instant): void {
    const settings = this.settings.autoRecharge;
    if (settings === null) return;
    const balance = this.available - this.debt;
    if (balance >= settings.threshold) return;
    if (this.pending.some((grant) => grant.source === 'auto')) return;
    const { minPurchase, maxPurchase } = this.settings.policy;
    const amount =
      settings.mode === 'add' ? settings.amount : clamp(settings.target - balance, minPurchase, maxPurchase);
    const month = utcMonthOf(at).key;
    if (settings.monthlyLimit !== null) {
      const bought = this.autoBoughtByMonth.get(month) ?? 0n;
      if (bought + amount > settings.monthlyLimit) {
        if (!this.blocked.has(month)) this.blocked.set(month, { month, at, amount });
        return;
      }
    }
    this.engineAutoCount++;
    const id = `auto-${this.engineAutoCount}`;
    this.purchase(id, at, amount, 'auto');
    this.autoRecharges.push({ id, at, amount, balanceBefore: balance });
  }

  /** Grants that are usable, unexpired and have something left, in drawing order. */
  activeGrants(): readonly CreditGrant[] {
    return this.drawable;
  }

  pendingTotal(): Micros {
    return this.pending.reduce((sum, grant) => sum + grant.amount, 0n);
  }
}

function clamp(value: Micros, min: Micros, max: Micros): Micros {
  return value < min ? min : value > max ? max : value;
}
