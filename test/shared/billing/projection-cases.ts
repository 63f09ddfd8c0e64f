/**
 * Generated ledgers that exercise the projection (spec §9.1): steady usage in the burn-rate window,
 * credit near the threshold, pending purchases, free grants and short expiries close to `now`, and
 * auto-recharge in both modes with monthly limits, credit delays and auto purchases already made.
 * Amounts are decimal strings with up to six decimals, so both engines read them exactly.
 */
import fc from 'fast-check';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function usd(micros: number): string {
  return (micros / 1_000_000).toFixed(6);
}

function instant(ms: number): string {
  return new Date(ms).toISOString();
}

const microsArb = (maxUsd: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: maxUsd * 1_000_000 });

const creditArb = fc.record({
  kind: fc.constantFrom('purchase', 'purchase', 'grant'),
  source: fc.constantFrom('manual', 'auto', 'import'),
  beforeNow: fc.oneof(fc.constantFrom(0, 1, MINUTE, DAY), fc.integer({ min: 0, max: 45 * DAY })),
  pick: fc.double({ min: 0, max: 1, noNaN: true }),
  expiresIn: fc.oneof(fc.constantFrom(0, 1, HOUR), fc.integer({ min: 0, max: 120 * DAY })),
});

const autoArb = fc.record({
  mode: fc.constantFrom('add', 'topUp'),
  threshold: fc.oneof(fc.constant(0), microsArb(40)),
  pick: fc.double({ min: 0, max: 1, noNaN: true }),
  targetExtra: fc.integer({ min: 1, max: 80_000_000 }),
  limit: fc.oneof(
    fc.constant(null),
    microsArb(150).map((m) => m + 1),
  ),
});

export const projectionCaseArb = fc
  .record({
    now: fc.oneof(
      fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 0, 1) }),
      fc.integer({ min: 2025 * 12, max: 2026 * 12 + 11 }).map((m) => Date.UTC(Math.floor(m / 12), m % 12, 1)),
    ),
    account: fc.constantFrom('prepaid', 'prepaid', 'prepaid', 'monthly_invoice'),
    minPurchase: fc.integer({ min: 1, max: 10 }),
    spread: fc.integer({ min: 0, max: 90 }),
    expiryMonths: fc.constantFrom(1, 2, 12),
    creditDelayMinutes: fc.constantFrom(0, 0, 5, 1440, 14_400),
    windowDays: fc.integer({ min: 1, max: 10 }),
    dailyUsage: fc.array(fc.oneof(fc.constant(0), microsArb(25)), { minLength: 1, maxLength: 10 }),
    credits: fc.array(creditArb, { minLength: 0, maxLength: 5 }),
    balance: fc.option(microsArb(60), { nil: undefined }),
    auto: fc.option(autoArb, { nil: undefined }),
  })
  .map((c) => {
    const min = c.minPurchase * 1_000_000;
    const max = min + c.spread * 1_000_000;
    const within = (pick: number): number => min + Math.floor(pick * (max - min));
    const events: Record<string, unknown>[] = [];
    c.credits.forEach((credit, i) => {
      const at = c.now - credit.beforeNow;
      if (credit.kind === 'grant') {
        const expiresAt = c.now + credit.expiresIn;
        events.push({
          type: 'grant',
          id: `g${i}`,
          at: instant(at),
          amount: usd(1 + Math.floor(credit.pick * 40_000_000)),
          ...(expiresAt > at ? { expiresAt: instant(expiresAt) } : {}),
        });
      } else {
        events.push({
          type: 'purchase',
          id: `p${i}`,
          at: instant(at),
          amount: usd(within(credit.pick)),
          source: credit.source,
        });
      }
    });
    const today = Math.floor(c.now / DAY) * DAY;
    c.dailyUsage.forEach((amount, day) => {
      events.push({ type: 'usage', at: instant(today - (day + 1) * DAY + 12 * HOUR), amount: usd(amount) });
    });
    if (c.balance !== undefined)
      events.push({ type: 'balance', at: instant(c.now), balance: usd(c.balance) });
    const auto = c.auto;
    const autoRecharge =
      auto === undefined
        ? undefined
        : {
            enabled: true,
            mode: auto.mode,
            threshold: usd(auto.threshold),
            ...(auto.mode === 'add'
              ? { amount: usd(within(auto.pick)) }
              : { target: usd(auto.threshold + auto.targetExtra) }),
            ...(auto.limit === null ? {} : { monthlyLimit: usd(auto.limit) }),
          };
    return JSON.stringify({
      now: instant(c.now),
      account: c.account,
      policy: {
        minPurchase: usd(min),
        maxPurchase: usd(max),
        expiryMonths: c.expiryMonths,
        creditDelayMinutes: c.creditDelayMinutes,
      },
      ...(autoRecharge === undefined ? {} : { autoRecharge }),
      forecast: { windowDays: c.windowDays },
      events,
    });
  });
