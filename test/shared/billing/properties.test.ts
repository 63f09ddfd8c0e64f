/**
 * Properties of the engine over generated cases (fast-check): conservation, balances, grant
 * counters, order independence, drawing order, usage months, auto-recharge limits, calibration.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCase } from '../../../shared/billing/evaluate';
import { resultToJson } from '../../../shared/billing/result-json';
import type { BillingResult, GrantView } from '../../../shared/billing/types';
import { ms } from './billing-test-helpers';

const BASE = ms('2026-01-01T00:00:00Z');
const MINUTE = 60_000;
const SPAN_MINUTES = 150 * 24 * 60;
const NOW = BASE + SPAN_MINUTES * MINUTE;
const RUNS = { numRuns: 200 };

const iso = (instant: number): string => new Date(instant).toISOString();
const monthOf = (instant: number): string => iso(instant).slice(0, 7);
const sum = (values: readonly bigint[]): bigint => values.reduce((a, b) => a + b, 0n);

/** Micro-dollars as decimal text, written here independently of the engine. */
function usdText(micros: bigint): string {
  const negative = micros < 0n;
  const magnitude = negative ? -micros : micros;
  return `${negative ? '-' : ''}${magnitude / 1_000_000n}.${(magnitude % 1_000_000n).toString().padStart(6, '0')}`;
}

const dollars = (min: number, max: number) => fc.integer({ min, max }).map((n) => BigInt(n) * 1_000_000n);
const micros = (min: bigint, max: bigint) => fc.bigInt({ min, max });

type Model =
  | { kind: 'purchase'; amount: bigint; source: 'manual' | 'auto' | 'import' | undefined }
  | { kind: 'grant'; amount: bigint; expiresInMinutes: number | undefined }
  | { kind: 'usage'; amount: bigint }
  | { kind: 'balance'; amount: bigint };

const purchaseArb = fc.record({
  kind: fc.constant('purchase' as const),
  amount: fc.oneof(dollars(5, 50), micros(5_000_000n, 50_000_000n)),
  source: fc.constantFrom(undefined, 'manual' as const, 'import' as const, 'auto' as const),
});
const grantArb = fc.record({
  kind: fc.constant('grant' as const),
  amount: fc.oneof(dollars(1, 30), micros(1n, 30_000_000n)),
  expiresInMinutes: fc.option(fc.integer({ min: 1, max: 90 * 24 * 60 }), { nil: undefined }),
});
const usageArb = fc.record({
  kind: fc.constant('usage' as const),
  amount: fc.oneof(dollars(0, 20), micros(0n, 20_000_000n), micros(0n, 10n)),
});
const balanceArb = fc.record({
  kind: fc.constant('balance' as const),
  amount: fc.oneof(dollars(-10, 40), micros(-10_000_000n, 40_000_000n)),
});

function modelArb(withBalance: boolean): fc.Arbitrary<Model> {
  const kinds: fc.Arbitrary<Model>[] = [purchaseArb, grantArb, usageArb, usageArb];
  if (withBalance) kinds.push(balanceArb);
  return fc.oneof(...kinds);
}

/** Models at distinct minutes before now, turned into input events (all valid). */
function eventsArb(withBalance = true, maxLength = 24): fc.Arbitrary<Record<string, unknown>[]> {
  return fc
    .uniqueArray(
      // Some events in the last days before now, so that the burn-rate window sees usage.
      fc.oneof(
        fc.integer({ min: 0, max: SPAN_MINUTES - 1 }),
        fc.integer({ min: SPAN_MINUTES - 12 * 24 * 60, max: SPAN_MINUTES - 1 }),
      ),
      { maxLength, size: 'medium' },
    )
    .chain((minutes) =>
      fc.tuple(
        fc.constant(minutes),
        fc.array(modelArb(withBalance), { minLength: minutes.length, maxLength: minutes.length }),
      ),
    )
    .map(([minutes, models]) => models.map((model, i) => toEvent(model, BASE + minutes[i]! * MINUTE, i)));
}

function toEvent(model: Model, at: number, i: number): Record<string, unknown> {
  switch (model.kind) {
    case 'purchase':
      return {
        type: 'purchase',
        id: `p${i}`,
        at: iso(at),
        amount: usdText(model.amount),
        source: model.source,
      };
    case 'grant':
      return {
        type: 'grant',
        id: `g${i}`,
        at: iso(at),
        amount: usdText(model.amount),
        expiresAt:
          model.expiresInMinutes === undefined ? undefined : iso(at + model.expiresInMinutes * MINUTE),
      };
    case 'usage':
      return { type: 'usage', at: iso(at), amount: usdText(model.amount), model: 'gpt-4o' };
    case 'balance':
      return { type: 'balance', at: iso(at), balance: usdText(model.amount) };
  }
}

const thresholdArb = fc.oneof(dollars(0, 10), micros(0n, 10_000_000n));
const monthlyLimitArb = fc.option(fc.oneof(dollars(1, 100), micros(1n, 100_000_000n)).map(usdText), {
  nil: undefined,
});
const autoRechargeArb = fc.oneof(
  fc.constant(undefined),
  fc.record({
    enabled: fc.constant(true),
    threshold: thresholdArb.map(usdText),
    mode: fc.constant('add'),
    amount: fc.oneof(dollars(5, 50), micros(5_000_000n, 50_000_000n)).map(usdText),
    monthlyLimit: monthlyLimitArb,
  }),
  fc
    .tuple(thresholdArb, fc.oneof(dollars(1, 60), micros(1n, 60_000_000n)), monthlyLimitArb)
    .map(([threshold, above, monthlyLimit]) => ({
      enabled: true,
      threshold: usdText(threshold),
      mode: 'topUp',
      target: usdText(threshold + above),
      monthlyLimit,
    })),
);

interface Settings {
  account: 'prepaid' | 'monthly_invoice';
  policy: { expiryMonths: number; creditDelayMinutes: number | undefined };
  autoRecharge: Record<string, unknown> | undefined;
  forecast: { windowDays: number; expiryWarningDays: number };
}

function settingsArb(withAutoRecharge = true): fc.Arbitrary<Settings> {
  return fc.record({
    account: fc.constantFrom('prepaid' as const, 'monthly_invoice' as const),
    policy: fc.record({
      expiryMonths: fc.integer({ min: 1, max: 3 }),
      creditDelayMinutes: fc.constantFrom(undefined, 0, 10, 3 * 24 * 60, 45 * 24 * 60),
    }),
    autoRecharge: withAutoRecharge ? autoRechargeArb : fc.constant(undefined),
    forecast: fc.record({
      windowDays: fc.integer({ min: 1, max: 10 }),
      expiryWarningDays: fc.integer({ min: 0, max: 60 }),
    }),
  });
}

function evaluateOk(settings: Settings, events: readonly unknown[], now = NOW): BillingResult {
  const evaluation = evaluateCase({ now: iso(now), ...settings, events });
  if (!evaluation.ok) throw new Error(`${evaluation.error.field}: ${evaluation.error.message}`);
  return evaluation.result;
}

const PURCHASE_SOURCES = new Set(['manual', 'auto', 'import']);

function checkInvariants(
  settings: Settings,
  events: readonly Record<string, unknown>[],
  r: BillingResult,
): void {
  expect(r.rejected).toEqual([]);
  // Conservation (spec §8).
  expect(r.totals.granted).toBe(r.totals.used + r.totals.forfeited + r.available + r.pending);
  expect(r.totals.granted).toBe(sum(r.grants.map((g) => g.amount)));
  expect(r.totals.used).toBe(sum(r.grants.map((g) => g.used)));
  expect(r.totals.forfeited).toBe(sum(r.grants.map((g) => g.forfeited)));
  expect(r.totals.purchased).toBe(
    sum(r.grants.filter((g) => PURCHASE_SOURCES.has(g.source)).map((g) => g.amount)),
  );

  // Balance and debt.
  expect(r.balance).toBe(r.available - r.debt);
  expect(r.debt >= 0n).toBe(true);
  expect(r.available >= 0n).toBe(true);
  if (settings.account === 'monthly_invoice') {
    expect(r.debt).toBe(0n);
    expect(r.quotaExhausted).toBe(false);
  }
  expect(r.quotaExhausted).toBe(settings.account === 'prepaid' && r.available === 0n);
  expect(r.exhaustedSince === null).toBe(!r.quotaExhausted);
  if (r.exhaustedSince !== null) expect(r.exhaustedSince).toBeLessThanOrEqual(NOW);

  // Every grant: counters within its amount, status consistent with them and with now.
  for (const g of r.grants) checkGrant(g);
  expect(r.available).toBe(sum(r.grants.filter((g) => g.status === 'active').map((g) => g.remaining)));
  expect(r.pending).toBe(sum(r.grants.filter((g) => g.status === 'pending').map((g) => g.amount)));

  // Usage months.
  const usages = events.filter((e) => e.type === 'usage').map((e) => toMicros(e.amount));
  const months = [...r.usageByMonth];
  expect(sum(months.map(([, m]) => m.total))).toBe(sum(usages));
  for (const [, m] of months) {
    expect(m.covered + m.uncovered).toBe(m.total);
    expect(m.covered >= 0n && m.uncovered >= 0n).toBe(true);
  }
  const keys = months.map(([key]) => key);
  expect(keys).toEqual(
    [...new Set(events.filter((e) => e.type === 'usage').map((e) => monthOf(ms(e.at as string))))].sort(),
  );
  if (settings.account === 'prepaid' && !events.some((e) => e.type === 'balance')) {
    // Debt comes only from uncovered usage and leaves only by settlement.
    expect(r.debt).toBe(sum(months.map(([, m]) => m.uncovered)) - sum(r.grants.map((g) => g.debtSettled)));
  }

  // Calibrations: ids count positive drifts only.
  expect(r.calibrations.length).toBe(events.filter((e) => e.type === 'balance').length);
  for (const c of r.calibrations) expect(c.drift).toBe(c.observed - c.computed);
  const calIds = r.grants.filter((g) => g.source === 'calibration').map((g) => g.id);
  expect(calIds).toEqual(r.calibrations.filter((c) => c.drift > 0n).map((_, i) => `cal-${i + 1}`));

  checkAutoRecharge(settings, r);

  // Forecast sanity.
  expect(r.burnRatePerDay >= 0n).toBe(true);
  expect(r.runwayDays === null).toBe(r.depletionAt === null);
  const active = new Map(r.grants.filter((g) => g.status === 'active').map((g) => [g.id, g]));
  for (const risk of r.forfeitRisk) {
    expect(risk.amount > 0n && risk.amount <= active.get(risk.id)!.remaining).toBe(true);
  }
  for (const soon of r.expiringSoon) expect(active.get(soon.id)!.remaining).toBe(soon.remaining);
}

function toMicros(amount: unknown): bigint {
  const [whole, fraction] = String(amount).replace('-', '').split('.');
  const magnitude = BigInt(whole!) * 1_000_000n + BigInt(fraction ?? '0');
  return String(amount).startsWith('-') ? -magnitude : magnitude;
}

function checkGrant(g: GrantView): void {
  expect(g.used >= 0n && g.forfeited >= 0n && g.debtSettled >= 0n).toBe(true);
  expect(g.used + g.forfeited <= g.amount).toBe(true);
  expect(g.remaining).toBe(g.amount - g.used - g.forfeited);
  expect(g.debtSettled <= g.used).toBe(true);
  expect(g.effectiveAt >= g.at && g.expiresAt > g.at).toBe(true);
  switch (g.status) {
    case 'pending':
      expect(g.effectiveAt).toBeGreaterThan(NOW);
      expect([g.used, g.forfeited]).toEqual([0n, 0n]);
      break;
    case 'expired':
      expect(g.effectiveAt).toBeLessThanOrEqual(NOW);
      expect(g.expiresAt).toBeLessThanOrEqual(NOW);
      expect(g.remaining).toBe(0n);
      break;
    case 'depleted':
    case 'active':
      expect(g.effectiveAt).toBeLessThanOrEqual(NOW);
      expect(g.expiresAt).toBeGreaterThan(NOW);
      expect(g.forfeited).toBe(0n);
      expect(g.remaining === 0n).toBe(g.status === 'depleted');
      break;
  }
}

function checkAutoRecharge(settings: Settings, r: BillingResult): void {
  const ar = settings.autoRecharge;
  const engine = r.grants.filter((g) => g.id.startsWith('auto-'));
  expect(r.autoRecharges).toEqual(
    engine.map((g) => ({ id: g.id, at: g.at, amount: g.amount, balanceBefore: expect.any(BigInt) })),
  );
  expect(engine.map((g) => g.id)).toEqual(engine.map((_, i) => `auto-${i + 1}`));
  if (ar === undefined) {
    expect(engine).toEqual([]);
    expect(r.autoRechargeBlocked).toEqual([]);
    return;
  }
  const limit = ar.monthlyLimit === undefined ? null : toMicros(ar.monthlyLimit);
  const fits = (amount: bigint) =>
    ar.mode === 'add' ? amount === toMicros(ar.amount) : amount >= 5_000_000n && amount <= 50_000_000n;
  for (const made of r.autoRecharges) {
    // Only a balance below the threshold triggers a recharge; topUp buys what brings it to the target.
    expect(made.balanceBefore < toMicros(ar.threshold)).toBe(true);
    if (ar.mode === 'topUp') {
      const wanted = toMicros(ar.target) - made.balanceBefore;
      const clamped = wanted < 5_000_000n ? 5_000_000n : wanted > 50_000_000n ? 50_000_000n : wanted;
      expect(made.amount).toBe(clamped);
    }
  }
  for (const a of engine) {
    expect(fits(a.amount)).toBe(true);
    expect(a.source).toBe('auto');
    const before = r.grants.slice(0, r.grants.indexOf(a)).filter((g) => g.source === 'auto');
    // No auto purchase was pending when this one was bought.
    for (const b of before) expect(b.effectiveAt).toBeLessThanOrEqual(a.at);
    if (limit !== null) {
      const inMonth = [...before, a].filter((g) => monthOf(g.at) === monthOf(a.at));
      expect(sum(inMonth.map((g) => g.amount)) <= limit).toBe(true);
    }
  }
  const blockedMonths = r.autoRechargeBlocked.map((b) => b.month);
  expect(blockedMonths).toEqual([...new Set(blockedMonths)].sort());
  for (const b of r.autoRechargeBlocked) {
    expect(b.month).toBe(monthOf(b.at));
    expect(fits(b.amount)).toBe(true);
    expect(limit).not.toBeNull();
  }
}

describe('invariants over generated cases', () => {
  it('conservation, balance, debt, grant counters and statuses, usage months, auto-recharge limits', () => {
    fc.assert(
      fc.property(settingsArb(), eventsArb(), (settings, events) => {
        checkInvariants(settings, events, evaluateOk(settings, events));
      }),
      RUNS,
    );
  });

  it('hold also with invalid events mixed in, which are rejected and change nothing', () => {
    const junk = fc.constantFrom<unknown>(
      null,
      { type: 'refund', at: iso(BASE), amount: 1 },
      { type: 'usage', at: iso(NOW + 1), amount: 1 },
      { type: 'usage', at: iso(BASE), amount: -1 },
      { type: 'purchase', id: 'x', at: iso(BASE), amount: '4.99' },
      { type: 'purchase', id: 'auto-1', at: iso(BASE), amount: 10 },
      { type: 'grant', id: 'g', at: iso(BASE), amount: 1, expiresAt: iso(BASE) },
    );
    fc.assert(
      fc.property(
        settingsArb(),
        eventsArb(),
        fc.array(fc.tuple(fc.nat(), junk), { maxLength: 4 }),
        (settings, events, insertions) => {
          const mixed: unknown[] = [...events];
          const junkIndexes: number[] = [];
          for (const [position, item] of insertions) mixed.splice(position % (mixed.length + 1), 0, item);
          mixed.forEach((item, index) => {
            if (!events.includes(item as Record<string, unknown>)) junkIndexes.push(index);
          });
          const clean = evaluateOk(settings, events);
          const dirty = evaluateOk(settings, mixed);
          expect(dirty.rejected.map((x) => x.index)).toEqual(junkIndexes);
          expect(resultToJson({ ...dirty, rejected: [] })).toBe(resultToJson(clean));
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('order independence', () => {
  it('events at distinct instants give the same result in any input order', () => {
    fc.assert(
      fc.property(
        settingsArb(),
        eventsArb().chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
          ),
        ),
        (settings, [events, shuffled]) => {
          expect(resultToJson(evaluateOk(settings, shuffled))).toBe(
            resultToJson(evaluateOk(settings, events)),
          );
        },
      ),
      RUNS,
    );
  });
});

/** Drawing order written from the spec: free first, earliest expiresAt, earliest effectiveAt, creation. */
function drawingOrder(grants: readonly GrantView[]): GrantView[] {
  const created = new Map(grants.map((g, i) => [g, i]));
  return [...grants].sort(
    (a, b) =>
      Number(a.source !== 'grant') - Number(b.source !== 'grant') ||
      a.expiresAt - b.expiresAt ||
      a.effectiveAt - b.effectiveAt ||
      created.get(a)! - created.get(b)!,
  );
}

describe('drawing order', () => {
  it('one usage on fresh grants uses a grant only when every earlier usable one is used up', () => {
    const credit = fc.oneof(purchaseArb, grantArb) as fc.Arbitrary<Model>;
    const fresh = fc
      .uniqueArray(fc.integer({ min: 0, max: SPAN_MINUTES - 1 }), { minLength: 1, maxLength: 10 })
      .chain((minutes) =>
        fc.tuple(
          fc.constant(minutes),
          fc.array(credit, { minLength: minutes.length, maxLength: minutes.length }),
        ),
      )
      .map(([minutes, models]) => models.map((model, i) => toEvent(model, BASE + minutes[i]! * MINUTE, i)));
    fc.assert(
      fc.property(
        settingsArb(false),
        fresh,
        fc.oneof(micros(0n, 200_000_000n), dollars(0, 200)),
        (settings, events, amount) => {
          const r = evaluateOk(settings, [
            ...events,
            { type: 'usage', at: iso(NOW), amount: usdText(amount) },
          ]);
          const usable = drawingOrder(
            r.grants.filter((g) => g.status === 'active' || g.status === 'depleted'),
          );
          let earlierUsedUp = true;
          for (const g of usable) {
            if (g.used > 0n) expect(earlierUsedUp).toBe(true);
            earlierUsedUp &&= g.remaining === 0n;
          }
          // Nothing else was drawn: pending and expired grants are untouched by the usage.
          for (const g of r.grants.filter((x) => x.status === 'pending' || x.status === 'expired')) {
            expect(g.used).toBe(0n);
          }
          const credit = sum(usable.map((g) => g.amount));
          const drawn = amount < credit ? amount : credit;
          expect(sum(usable.map((g) => g.used))).toBe(drawn);
          expect(r.usageByMonth.get(monthOf(NOW))).toEqual({
            total: amount,
            covered: drawn,
            uncovered: amount - drawn,
          });
          expect(r.debt).toBe(settings.account === 'prepaid' ? amount - drawn : 0n);
        },
      ),
      RUNS,
    );
  });
});

describe('calibration', () => {
  it('a balance event at now leaves exactly the observed balance (0 for a negative one on monthly_invoice)', () => {
    fc.assert(
      fc.property(settingsArb(false), eventsArb(), balanceArb, (settings, events, observed) => {
        const all = [...events, { type: 'balance', at: iso(NOW), balance: usdText(observed.amount) }];
        const r = evaluateOk(settings, all);
        const expected =
          settings.account === 'monthly_invoice' && observed.amount < 0n ? 0n : observed.amount;
        expect(r.balance).toBe(expected);
        expect(r.calibrations.at(-1)!.observed).toBe(expected);
        checkInvariants(settings, all, r);
      }),
      RUNS,
    );
  });
});
