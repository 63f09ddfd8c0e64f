/**
 * An independent, deliberately simple second reading of the billing rules (`docs/billing-rules.md`;
 * the projection of §9.1 in `reference-projection.ts`), written from the rules alone (not from the
 * engine) for differential testing. Obviousness over speed:
 * money is integer micro-dollars as bigint, instants are integer milliseconds as bigint (exact at
 * any distance), time is brought
 * forward one due instant at a time, and nothing is cached.
 *
 * Input: the output of `JSON.parse` on a case file. JSON numbers are read through `String(n)`
 * (the shortest text that round-trips), so a case whose number tokens are that text is read
 * exactly. Output: the spec's result object with amounts as JS numbers of USD.
 */

import { referenceProjection, type Orderable } from './reference-projection';

type Micro = bigint;
type Ms = bigint; // milliseconds since 1970-01-01T00:00:00Z

export type ReferenceOutcome = { ok: true; result: unknown } | { ok: false; field: string };

const MS_PER_MINUTE = 60_000n;
const MS_PER_DAY = 86_400_000n;
const MICRO_PER_USD = 1_000_000n;
const AMOUNT_LIMIT: Micro = 1_000_000_000n * MICRO_PER_USD; // 10^9 USD and more is unreadable

// ---------------------------------------------------------------------------------------------
// Small helpers

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A field of an object, with `null` counted as absent. */
function get(obj: Record<string, unknown>, key: string): unknown {
  const v = obj[key];
  return v === null ? undefined : v;
}

/** n / d rounded to the nearest integer, halves away from zero (d > 0). */
function divRoundHalfAway(n: bigint, d: bigint): bigint {
  if (n >= 0n) return (2n * n + d) / (2n * d);
  return -((-2n * n + d) / (2n * d));
}

function minBig(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

function usd(m: Micro): number {
  return Number(m) / 1_000_000;
}

// ---------------------------------------------------------------------------------------------
// Amounts (section 1)

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** Exact decimal → micro-dollars, rounded once, halves away from zero; undefined if unreadable. */
function readAmount(v: unknown): Micro | undefined {
  let text: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return undefined;
    text = String(v);
  } else if (typeof v === 'string') {
    text = v;
  } else {
    return undefined;
  }
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const negative = m[1] === '-';
  const fraction = m[3] ?? '';
  const digits = (m[2]! + fraction).replace(/^0+/, '');
  if (digits === '') return 0n;
  // value = digits × 10^exp10
  const exp10 = Number(m[4] ?? '0') - fraction.length;
  // Far too large: at least 10^(digits.length - 1 + exp10) USD.
  if (digits.length - 1 + exp10 >= 9) return undefined;
  // Far too small: below 10^(digits.length + exp10 + 6) ≤ 0.1 µ$, rounds to 0.
  if (digits.length + exp10 + 6 < 0) return 0n;
  const scale = exp10 + 6; // micro = digits × 10^scale
  let micro: bigint;
  if (scale >= 0) {
    micro = BigInt(digits) * 10n ** BigInt(scale);
  } else {
    micro = divRoundHalfAway(BigInt(digits), 10n ** BigInt(-scale));
  }
  if (micro >= AMOUNT_LIMIT) return undefined;
  return negative ? -micro : micro;
}

/** A whole-number setting: a JSON number with no fractional part. */
function readWhole(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

// ---------------------------------------------------------------------------------------------
// Calendar (proleptic Gregorian, UTC), in bigint so that far-future instants format too

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function isLeap(y: bigint): boolean {
  return (y % 4n === 0n && y % 100n !== 0n) || y % 400n === 0n;
}

function daysInMonth(y: bigint, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
function daysFromCivil(year: bigint, month: number, day: number): bigint {
  const y = month <= 2 ? year - 1n : year;
  const era = floorDiv(y, 400n);
  const yoe = y - era * 400n;
  const mp = BigInt(month > 2 ? month - 3 : month + 9);
  const doy = (153n * mp + 2n) / 5n + BigInt(day) - 1n;
  const doe = yoe * 365n + yoe / 4n - yoe / 100n + doy;
  return era * 146097n + doe - 719468n;
}

function civilFromDays(days: bigint): { year: bigint; month: number; day: number } {
  const z = days + 719468n;
  const era = floorDiv(z, 146097n);
  const doe = z - era * 146097n;
  const yoe = (doe - doe / 1460n + doe / 36524n - doe / 146096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = Number(doy - (153n * mp + 2n) / 5n + 1n);
  const month = Number(mp < 10n ? mp + 3n : mp - 9n);
  const year = yoe + era * 400n + (month <= 2 ? 1n : 0n);
  return { year, month, day };
}

function splitInstant(ms: Ms): { year: bigint; month: number; day: number; msOfDay: bigint } {
  const days = floorDiv(ms, MS_PER_DAY);
  return { ...civilFromDays(days), msOfDay: ms - days * MS_PER_DAY };
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** Instant text → UTC epoch milliseconds; undefined if unreadable. */
function readInstant(v: unknown): Ms | undefined {
  if (typeof v !== 'string') return undefined;
  const m = INSTANT.exec(v);
  if (!m) return undefined;
  const year = BigInt(m[1]!);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6] ?? '0');
  const millis = BigInt(((m[7] ?? '') + '000').slice(0, 3));
  if (month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0n;
  if (m[8] !== 'Z') {
    const oh = Number(m[10]);
    const om = Number(m[11]);
    if (oh > 23 || om > 59) return undefined;
    offsetMinutes = BigInt((m[9] === '-' ? -1 : 1) * (oh * 60 + om));
  }
  const local =
    daysFromCivil(year, month, day) * MS_PER_DAY +
    BigInt(((hour * 60 + minute) * 60 + second) * 1000) +
    millis;
  const utc = local - offsetMinutes * MS_PER_MINUTE;
  const utcYear = splitInstant(utc).year;
  if (utcYear < 1n || utcYear > 9999n) return undefined;
  return utc;
}

function pad(n: number | bigint, width: number): string {
  return String(n).padStart(width, '0');
}

function formatInstant(ms: Ms): string {
  const parts = splitInstant(ms);
  const { year, month, day } = parts;
  const msOfDay = Number(parts.msOfDay);
  const yearText = year > 9999n ? '+' + pad(year, 6) : pad(year, 4);
  const h = Math.floor(msOfDay / 3_600_000);
  const mi = Math.floor(msOfDay / 60_000) % 60;
  const s = Math.floor(msOfDay / 1000) % 60;
  const milli = msOfDay % 1000;
  const frac = milli === 0 ? '' : '.' + pad(milli, 3);
  return `${yearText}-${pad(month, 2)}-${pad(day, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${frac}Z`;
}

/** `YYYY-MM` of an instant (UTC). */
function monthKey(ms: Ms): string {
  const { year, month } = splitInstant(ms);
  return `${pad(year, 4)}-${pad(month, 2)}`;
}

/** ms + n calendar months, same time of day, day clamped to the target month's last day. */
function addMonths(ms: Ms, n: number): Ms {
  const { year, month, day, msOfDay } = splitInstant(ms);
  const index = year * 12n + BigInt(month - 1) + BigInt(n);
  const y2 = floorDiv(index, 12n);
  const m2 = Number(index - y2 * 12n) + 1;
  const d2 = Math.min(day, daysInMonth(y2, m2));
  return daysFromCivil(y2, m2, d2) * MS_PER_DAY + msOfDay;
}

// ---------------------------------------------------------------------------------------------
// Settings (sections 2, 3, 7, 9, 10)

type Account = 'prepaid' | 'monthly_invoice';

export interface Policy {
  minPurchase: Micro;
  maxPurchase: Micro;
  expiryMonths: number;
  creditDelayMinutes: number;
}

export interface AutoRecharge {
  enabled: boolean;
  threshold: Micro;
  mode: 'add' | 'topUp';
  amount: Micro;
  target: Micro;
  monthlyLimit: Micro | undefined;
}

interface Forecast {
  windowDays: number;
  expiryWarningDays: number;
}

class CaseError extends Error {
  constructor(readonly field: string) {
    super(field);
  }
}

function readSection(top: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = get(top, key);
  if (v === undefined) return {};
  if (!isPlainObject(v)) throw new CaseError(key);
  return v;
}

function readPolicy(top: Record<string, unknown>): Policy {
  const p = readSection(top, 'policy');
  const amountOr = (key: string, dflt: Micro): Micro => {
    const v = get(p, key);
    if (v === undefined) return dflt;
    const a = readAmount(v);
    if (a === undefined) throw new CaseError(`policy.${key}`);
    return a;
  };
  const wholeOr = (key: string, dflt: number): number => {
    const v = get(p, key);
    if (v === undefined) return dflt;
    const w = readWhole(v);
    if (w === undefined) throw new CaseError(`policy.${key}`);
    return w;
  };
  const minPurchase = amountOr('minPurchase', 5n * MICRO_PER_USD);
  if (minPurchase <= 0n) throw new CaseError('policy.minPurchase');
  const maxPurchase = amountOr('maxPurchase', 50n * MICRO_PER_USD);
  if (maxPurchase < minPurchase) throw new CaseError('policy.maxPurchase');
  const expiryMonths = wholeOr('expiryMonths', 12);
  if (expiryMonths < 1) throw new CaseError('policy.expiryMonths');
  const creditDelayMinutes = wholeOr('creditDelayMinutes', 0);
  if (creditDelayMinutes < 0) throw new CaseError('policy.creditDelayMinutes');
  return { minPurchase, maxPurchase, expiryMonths, creditDelayMinutes };
}

function readAutoRecharge(top: Record<string, unknown>, policy: Policy): AutoRecharge {
  const disabled: AutoRecharge = {
    enabled: false,
    threshold: 0n,
    mode: 'add',
    amount: 0n,
    target: 0n,
    monthlyLimit: undefined,
  };
  const a = readSection(top, 'autoRecharge');
  const enabled = get(a, 'enabled');
  if (enabled === undefined) return disabled;
  if (typeof enabled !== 'boolean') throw new CaseError('autoRecharge.enabled');
  if (!enabled) return disabled;
  const requiredAmount = (key: string): Micro => {
    const r = readAmount(get(a, key));
    if (r === undefined) throw new CaseError(`autoRecharge.${key}`);
    return r;
  };
  const threshold = requiredAmount('threshold');
  if (threshold < 0n) throw new CaseError('autoRecharge.threshold');
  const modeValue = get(a, 'mode') ?? 'add';
  if (modeValue !== 'add' && modeValue !== 'topUp') throw new CaseError('autoRecharge.mode');
  let amount = 0n;
  let target = 0n;
  if (modeValue === 'add') {
    amount = requiredAmount('amount');
    if (amount < policy.minPurchase || amount > policy.maxPurchase)
      throw new CaseError('autoRecharge.amount');
  } else {
    target = requiredAmount('target');
    if (target <= threshold) throw new CaseError('autoRecharge.target');
  }
  let monthlyLimit: Micro | undefined;
  if (get(a, 'monthlyLimit') !== undefined) {
    monthlyLimit = requiredAmount('monthlyLimit');
    if (monthlyLimit <= 0n) throw new CaseError('autoRecharge.monthlyLimit');
  }
  return { enabled: true, threshold, mode: modeValue, amount, target, monthlyLimit };
}

function readForecast(top: Record<string, unknown>): Forecast {
  const f = readSection(top, 'forecast');
  const wholeOr = (key: string, dflt: number, min: number): number => {
    const v = get(f, key);
    if (v === undefined) return dflt;
    const w = readWhole(v);
    if (w === undefined || w < min) throw new CaseError(`forecast.${key}`);
    return w;
  };
  return { windowDays: wholeOr('windowDays', 7, 1), expiryWarningDays: wholeOr('expiryWarningDays', 30, 0) };
}

// ---------------------------------------------------------------------------------------------
// Events (section 4)

type GrantSource = 'manual' | 'auto' | 'import' | 'grant' | 'calibration';

type Checked =
  | {
      kind: 'purchase';
      index: number;
      at: Ms;
      id: string;
      amount: Micro;
      source: 'manual' | 'auto' | 'import';
    }
  | { kind: 'grant'; index: number; at: Ms; id: string; amount: Micro; expiresAt: Ms | undefined }
  | { kind: 'usage'; index: number; at: Ms; amount: Micro }
  | { kind: 'balance'; index: number; at: Ms; balance: Micro };

/** Every rejection reason except `duplicate-id`, which depends on processing order. */
function checkEvent(e: unknown, index: number, now: Ms, policy: Policy): Checked | string {
  if (!isPlainObject(e)) return 'not-an-object';
  const type = get(e, 'type');
  if (type !== 'purchase' && type !== 'grant' && type !== 'usage' && type !== 'balance')
    return 'unknown-type';
  const at = readInstant(get(e, 'at'));
  if (at === undefined) return 'unreadable-instant';
  if (at > now) return 'after-now';
  let id = '';
  if (type === 'purchase' || type === 'grant') {
    const idValue = get(e, 'id');
    if (typeof idValue !== 'string' || idValue === '') return 'missing-id';
    if (idValue.startsWith('auto-') || idValue.startsWith('cal-')) return 'reserved-id';
    id = idValue;
  }
  const amount = readAmount(get(e, type === 'balance' ? 'balance' : 'amount'));
  if (amount === undefined) return 'unreadable-amount';
  if ((type === 'purchase' || type === 'grant') && amount <= 0n) return 'non-positive-amount';
  if (type === 'purchase' && (amount < policy.minPurchase || amount > policy.maxPurchase))
    return 'out-of-limits';
  let source: 'manual' | 'auto' | 'import' = 'manual';
  if (type === 'purchase') {
    const s = get(e, 'source');
    if (s !== undefined) {
      if (s !== 'manual' && s !== 'auto' && s !== 'import') return 'unknown-source';
      source = s;
    }
  }
  let expiresAt: Ms | undefined;
  if (type === 'grant') {
    const x = get(e, 'expiresAt');
    if (x !== undefined) {
      expiresAt = readInstant(x);
      if (expiresAt === undefined) return 'unreadable-expiresAt';
      if (expiresAt <= at) return 'expiresAt-not-after-at';
    }
  }
  if (type === 'usage' && amount < 0n) return 'negative-amount';
  switch (type) {
    case 'purchase':
      return { kind: 'purchase', index, at, id, amount, source };
    case 'grant':
      return { kind: 'grant', index, at, id, amount, expiresAt };
    case 'usage':
      return { kind: 'usage', index, at, amount };
    case 'balance':
      return { kind: 'balance', index, at, balance: amount };
  }
}

// ---------------------------------------------------------------------------------------------
// The ledger (sections 5–8)

interface Grant {
  creation: number;
  id: string;
  source: GrantSource;
  amount: Micro;
  at: Ms;
  effectiveAt: Ms;
  expiresAt: Ms;
  used: Micro;
  debtSettled: Micro;
  forfeited: Micro;
  usable: boolean;
  expired: boolean;
}

function remainingOf(g: Grant): Micro {
  return g.amount - g.used - g.forfeited;
}

/** Drawing order: free grants first, then earliest expiresAt, effectiveAt, creation order. */
function drawingOrder(a: Orderable, b: Orderable): number {
  const fa = a.source === 'grant' ? 0 : 1;
  const fb = b.source === 'grant' ? 0 : 1;
  if (fa !== fb) return fa - fb;
  if (a.expiresAt !== b.expiresAt) return a.expiresAt < b.expiresAt ? -1 : 1;
  if (a.effectiveAt !== b.effectiveAt) return a.effectiveAt < b.effectiveAt ? -1 : 1;
  return a.creation - b.creation;
}

class Ledger {
  grants: Grant[] = [];
  debt: Micro = 0n;
  autoCount = 0;
  calCount = 0;
  autoRecharges: { id: string; at: Ms; amount: Micro }[] = [];
  blocked: { month: string; at: Ms; amount: Micro }[] = [];
  calibrations: { at: Ms; observed: Micro; computed: Micro; drift: Micro }[] = [];
  usageByMonth = new Map<string, { total: Micro; covered: Micro; uncovered: Micro }>();
  usages: { at: Ms; amount: Micro }[] = [];
  everAboveZero = false;
  lastFellToZero: Ms | undefined = undefined;

  constructor(
    readonly account: Account,
    readonly policy: Policy,
    readonly auto: AutoRecharge,
  ) {}

  available(): Micro {
    let sum = 0n;
    for (const g of this.grants) if (g.usable && !g.expired) sum += remainingOf(g);
    return sum;
  }

  /** Step 1 for one grant: it becomes usable and settles debt first. */
  becomeUsable(g: Grant): void {
    g.usable = true;
    if (this.debt > 0n) {
      const settle = minBig(this.debt, remainingOf(g));
      g.used += settle;
      g.debtSettled += settle;
      this.debt -= settle;
    }
    if (this.available() > 0n) this.everAboveZero = true;
  }

  /** Makes a grant at instant `clock`; one whose effectiveAt has come is usable at once. */
  makeGrant(
    clock: Ms,
    fields: { id: string; source: GrantSource; amount: Micro; at: Ms; effectiveAt: Ms; expiresAt: Ms },
  ): void {
    const g: Grant = {
      creation: this.grants.length,
      ...fields,
      used: 0n,
      debtSettled: 0n,
      forfeited: 0n,
      usable: false,
      expired: false,
    };
    this.grants.push(g);
    if (g.effectiveAt <= clock) this.becomeUsable(g);
  }

  purchaseGrant(id: string, source: 'manual' | 'auto' | 'import', amount: Micro, at: Ms): void {
    this.makeGrant(at, {
      id,
      source,
      amount,
      at,
      effectiveAt: at + BigInt(this.policy.creditDelayMinutes) * MS_PER_MINUTE,
      expiresAt: addMonths(at, this.policy.expiryMonths),
    });
  }

  /** The earliest instant ≤ t at which something is due, if any. */
  nextDueInstant(t: Ms): Ms | undefined {
    let next: Ms | undefined;
    for (const g of this.grants) {
      let due: Ms | undefined;
      if (!g.usable) due = g.effectiveAt;
      else if (!g.expired) due = g.expiresAt;
      if (due !== undefined && due <= t && (next === undefined || due < next)) next = due;
    }
    return next;
  }

  /** Bring time forward, instant by instant, up to and including t. */
  advanceTo(t: Ms): void {
    for (;;) {
      const x = this.nextDueInstant(t);
      if (x === undefined) return;
      this.processInstant(x);
    }
  }

  processInstant(x: Ms): void {
    // 1. Effectiveness, in order of effectiveAt then creation order.
    const becoming = this.grants
      .filter((g) => !g.usable && g.effectiveAt <= x)
      .sort((a, b) =>
        a.effectiveAt !== b.effectiveAt ? (a.effectiveAt < b.effectiveAt ? -1 : 1) : a.creation - b.creation,
      );
    for (const g of becoming) this.becomeUsable(g);
    // 2. Expiry of usable grants (also those with nothing left).
    const before = this.available();
    let anyExpired = false;
    for (const g of this.grants) {
      if (g.usable && !g.expired && g.expiresAt <= x) {
        g.forfeited += remainingOf(g);
        g.expired = true;
        anyExpired = true;
      }
    }
    this.noteFall(before, x);
    // 3. Auto-recharge check, once.
    if (anyExpired) this.autoRechargeCheck(x);
  }

  noteFall(before: Micro, at: Ms): void {
    if (before > 0n && this.available() === 0n) this.lastFellToZero = at;
  }

  /** Draw from usable grants in drawing order; returns what credit covered. */
  draw(amount: Micro): Micro {
    let left = amount;
    const order = this.grants.filter((g) => g.usable && !g.expired && remainingOf(g) > 0n).sort(drawingOrder);
    for (const g of order) {
      if (left === 0n) break;
      const take = minBig(left, remainingOf(g));
      g.used += take;
      left -= take;
    }
    return amount - left;
  }

  usage(at: Ms, amount: Micro): void {
    const before = this.available();
    const covered = this.draw(amount);
    const uncovered = amount - covered;
    if (this.account === 'prepaid') this.debt += uncovered;
    const key = monthKey(at);
    const row = this.usageByMonth.get(key) ?? { total: 0n, covered: 0n, uncovered: 0n };
    row.total += amount;
    row.covered += covered;
    row.uncovered += uncovered;
    this.usageByMonth.set(key, row);
    this.usages.push({ at, amount });
    this.noteFall(before, at);
    this.autoRechargeCheck(at);
  }

  balanceEvent(at: Ms, observedRaw: Micro): void {
    const observed = this.account === 'monthly_invoice' && observedRaw < 0n ? 0n : observedRaw;
    const computed = this.available() - this.debt;
    const drift = observed - computed;
    this.calibrations.push({ at, observed, computed, drift });
    if (drift > 0n) {
      this.calCount += 1;
      this.makeGrant(at, {
        id: `cal-${this.calCount}`,
        source: 'calibration',
        amount: drift,
        at,
        effectiveAt: at,
        expiresAt: addMonths(at, this.policy.expiryMonths),
      });
    } else if (drift < 0n) {
      const before = this.available();
      const covered = this.draw(-drift);
      const uncovered = -drift - covered;
      if (this.account === 'prepaid') this.debt += uncovered;
      this.noteFall(before, at);
      this.autoRechargeCheck(at);
    }
  }

  autoRechargeCheck(at: Ms): void {
    const a = this.auto;
    if (!a.enabled) return;
    const balance = this.available() - this.debt;
    if (!(balance < a.threshold)) return;
    if (this.grants.some((g) => g.source === 'auto' && !g.usable)) return;
    let amount: Micro;
    if (a.mode === 'add') {
      amount = a.amount;
    } else {
      amount = a.target - balance;
      if (amount < this.policy.minPurchase) amount = this.policy.minPurchase;
      if (amount > this.policy.maxPurchase) amount = this.policy.maxPurchase;
    }
    const month = monthKey(at);
    if (a.monthlyLimit !== undefined) {
      let spent = 0n;
      for (const g of this.grants) if (g.source === 'auto' && monthKey(g.at) === month) spent += g.amount;
      if (spent + amount > a.monthlyLimit) {
        if (!this.blocked.some((b) => b.month === month)) this.blocked.push({ month, at, amount });
        return;
      }
    }
    this.autoCount += 1;
    const id = `auto-${this.autoCount}`;
    this.autoRecharges.push({ id, at, amount });
    this.purchaseGrant(id, 'auto', amount, at);
  }
}

// ---------------------------------------------------------------------------------------------
// Forecast (section 9)

interface ForecastOut {
  burnRatePerDay: number;
  runwayDays: number | null;
  depletionAt: string | null;
  forfeitRisk: { id: string; expiresAt: string; amount: number }[];
  expiringSoon: { id: string; expiresAt: string; remaining: number }[];
  nextAutoRechargeAt: string | null;
  failsAt: string | null;
}

function forecast(ledger: Ledger, now: Ms, f: Forecast): ForecastOut {
  const W = BigInt(f.windowDays);
  const dayStart = floorDiv(now, MS_PER_DAY) * MS_PER_DAY;
  const windowStart = dayStart - BigInt(f.windowDays) * MS_PER_DAY;
  let S = 0n; // µ$ used in the window; the exact rate is S / W per day
  for (const u of ledger.usages) if (u.at >= windowStart && u.at < dayStart) S += u.amount;
  const available = ledger.available();
  const active = ledger.grants
    .filter((g) => g.usable && !g.expired && remainingOf(g) > 0n)
    .sort(drawingOrder);

  const forfeitRisk: ForecastOut['forfeitRisk'] = [];
  if (S === 0n) {
    for (const g of active) {
      forfeitRisk.push({ id: g.id, expiresAt: formatInstant(g.expiresAt), amount: usd(remainingOf(g)) });
    }
  } else {
    // Usage is S/K µ$ per ms, K = W days in ms. Elapsed time since now is e/S ms (exact rational).
    const K = W * MS_PER_DAY;
    let e = 0n;
    for (const g of active) {
      const r = remainingOf(g);
      const X = g.expiresAt - now; // ms from now to its expiry
      let left: bigint;
      let denominator = 1n;
      if (X * S <= e) {
        left = r; // expired before drawing reached it
      } else if (e + r * K <= X * S) {
        e += r * K; // used up in time
        left = 0n;
      } else {
        // drawn until its expiry: (X*S - e)/K µ$
        left = r * K - (X * S - e);
        denominator = K;
        e = X * S;
      }
      const rounded = divRoundHalfAway(left, denominator);
      if (rounded > 0n)
        forfeitRisk.push({ id: g.id, expiresAt: formatInstant(g.expiresAt), amount: usd(rounded) });
    }
  }

  const warnUntil = now + BigInt(f.expiryWarningDays) * MS_PER_DAY;
  const expiringSoon = active
    .filter((g) => g.expiresAt <= warnUntil)
    .map((g) => ({ id: g.id, expiresAt: formatInstant(g.expiresAt), remaining: usd(remainingOf(g)) }));

  const projection = referenceProjection({
    now,
    prepaid: ledger.account === 'prepaid',
    debt: ledger.debt,
    windowUsage: S,
    windowDays: f.windowDays,
    grants: ledger.grants.map((g) => ({ ...g, remaining: remainingOf(g) })),
    auto: ledger.auto,
    policy: ledger.policy,
    drawingOrder,
    addMonths,
    monthKey,
    roundHalfAway: divRoundHalfAway,
  });
  const instantOrNull = (ms: Ms | null): string | null => (ms === null ? null : formatInstant(ms));

  return {
    burnRatePerDay: usd(divRoundHalfAway(S, W)),
    runwayDays: S === 0n ? null : Number(available * W) / Number(S),
    depletionAt: S === 0n ? null : formatInstant(now + (available * W * MS_PER_DAY) / S),
    forfeitRisk,
    expiringSoon,
    nextAutoRechargeAt: instantOrNull(projection.nextAutoRechargeAt),
    failsAt: instantOrNull(projection.failsAt),
  };
}

// ---------------------------------------------------------------------------------------------
// Entry point

export function referenceEvaluate(caseObject: unknown): ReferenceOutcome {
  try {
    return { ok: true, result: evaluate(caseObject) };
  } catch (error) {
    if (error instanceof CaseError) return { ok: false, field: error.field };
    throw error;
  }
}

function evaluate(caseObject: unknown): unknown {
  if (!isPlainObject(caseObject)) throw new CaseError('events');
  const eventsValue = caseObject['events'];
  if (!Array.isArray(eventsValue)) throw new CaseError('events');
  const events: unknown[] = eventsValue;
  const now = readInstant(get(caseObject, 'now'));
  if (now === undefined) throw new CaseError('now');
  const accountValue = get(caseObject, 'account') ?? 'prepaid';
  if (accountValue !== 'prepaid' && accountValue !== 'monthly_invoice') throw new CaseError('account');
  const account: Account = accountValue;
  const policy = readPolicy(caseObject);
  const auto = readAutoRecharge(caseObject, policy);
  const forecastSettings = readForecast(caseObject);

  const rejected: { index: number; reason: string }[] = [];
  const checked: Checked[] = [];
  events.forEach((e, index) => {
    const c = checkEvent(e, index, now, policy);
    if (typeof c === 'string') rejected.push({ index, reason: c });
    else checked.push(c);
  });
  // Processing order: by instant, ties in input order.
  checked.sort((a, b) => (a.at !== b.at ? (a.at < b.at ? -1 : 1) : a.index - b.index));

  const ledger = new Ledger(account, policy, auto);
  const seenIds = new Set<string>();
  let earliestAccepted: Ms | undefined;
  for (const ev of checked) {
    if (ev.kind === 'purchase' || ev.kind === 'grant') {
      if (seenIds.has(ev.id)) {
        rejected.push({ index: ev.index, reason: 'duplicate-id' });
        continue;
      }
      seenIds.add(ev.id);
    }
    if (earliestAccepted === undefined) earliestAccepted = ev.at;
    ledger.advanceTo(ev.at);
    switch (ev.kind) {
      case 'purchase':
        ledger.purchaseGrant(ev.id, ev.source, ev.amount, ev.at);
        break;
      case 'grant':
        ledger.makeGrant(ev.at, {
          id: ev.id,
          source: 'grant',
          amount: ev.amount,
          at: ev.at,
          effectiveAt: ev.at,
          expiresAt: ev.expiresAt ?? addMonths(ev.at, policy.expiryMonths),
        });
        break;
      case 'usage':
        ledger.usage(ev.at, ev.amount);
        break;
      case 'balance':
        ledger.balanceEvent(ev.at, ev.balance);
        break;
    }
  }
  ledger.advanceTo(now);
  rejected.sort((a, b) => a.index - b.index);

  const available = ledger.available();
  let pending = 0n;
  for (const g of ledger.grants) if (!g.usable) pending += g.amount;
  const quotaExhausted = account === 'prepaid' && available === 0n;
  let exhaustedSince: string | null = null;
  if (quotaExhausted) {
    if (ledger.everAboveZero) {
      if (ledger.lastFellToZero === undefined) throw new Error('reference: available fell to 0 unseen');
      exhaustedSince = formatInstant(ledger.lastFellToZero);
    } else {
      exhaustedSince = formatInstant(earliestAccepted ?? now);
    }
  }

  const grants = ledger.grants.map((g) => {
    const remaining = remainingOf(g);
    let status: string;
    if (!g.usable) status = 'pending';
    else if (g.expired) status = 'expired';
    else if (remaining === 0n) status = 'depleted';
    else status = 'active';
    return {
      id: g.id,
      source: g.source,
      amount: usd(g.amount),
      at: formatInstant(g.at),
      effectiveAt: formatInstant(g.effectiveAt),
      expiresAt: formatInstant(g.expiresAt),
      used: usd(g.used),
      debtSettled: usd(g.debtSettled),
      forfeited: usd(g.forfeited),
      remaining: usd(remaining),
      status,
    };
  });

  const usageByMonth: Record<string, { total: number; covered: number; uncovered: number }> = {};
  for (const key of [...ledger.usageByMonth.keys()].sort()) {
    const row = ledger.usageByMonth.get(key)!;
    usageByMonth[key] = { total: usd(row.total), covered: usd(row.covered), uncovered: usd(row.uncovered) };
  }

  let purchased = 0n;
  let granted = 0n;
  let used = 0n;
  let forfeited = 0n;
  for (const g of ledger.grants) {
    if (g.source === 'manual' || g.source === 'auto' || g.source === 'import') purchased += g.amount;
    granted += g.amount;
    used += g.used;
    forfeited += g.forfeited;
  }
  if (granted !== used + forfeited + available + pending) throw new Error('reference: conservation broken');

  return {
    available: usd(available),
    pending: usd(pending),
    debt: usd(ledger.debt),
    balance: usd(available - ledger.debt),
    quotaExhausted,
    exhaustedSince,
    grants,
    autoRecharges: ledger.autoRecharges.map((r) => ({
      id: r.id,
      at: formatInstant(r.at),
      amount: usd(r.amount),
    })),
    autoRechargeBlocked: ledger.blocked.map((b) => ({
      month: b.month,
      at: formatInstant(b.at),
      amount: usd(b.amount),
    })),
    calibrations: ledger.calibrations.map((c) => ({
      at: formatInstant(c.at),
      observed: usd(c.observed),
      computed: usd(c.computed),
      drift: usd(c.drift),
    })),
    usageByMonth,
    totals: { purchased: usd(purchased), granted: usd(granted), used: usd(used), forfeited: usd(forfeited) },
    rejected,
    ...forecast(ledger, now, forecastSettings),
  };
}
