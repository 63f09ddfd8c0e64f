/**
 * The balance timeline against its definition: the balance at a sample is what `evaluate` gives
 * with `now` at the sample and only the events up to it — on every spec case and on generated ones.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../shared/billing/evaluate';
import { parseInstant } from '../../../shared/billing/instant';
import { isPlainObject, readSettings } from '../../../shared/billing/read-settings';
import { balanceAt } from '../../../shared/billing/timeline';
import type { AutoRecharge, BillingSettings } from '../../../shared/billing/types';
import { loadSpecCases } from '../../support/spec-cases';
import { ms } from './billing-test-helpers';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function instantOf(event: unknown): number | undefined {
  return isPlainObject(event) ? parseInstant(event.at) : undefined;
}

/** The definition: a separate evaluation that ends at the sample. */
function balanceByEvaluation(settings: BillingSettings, events: readonly unknown[], sample: number): bigint {
  const upToSample = events.filter((event) => (instantOf(event) ?? Infinity) <= sample);
  return evaluate({ ...settings, now: sample }, upToSample).balance;
}

function expectDefinition(settings: BillingSettings, events: readonly unknown[], samples: number[]): void {
  expect(balanceAt(settings, events, samples)).toEqual(
    samples.map((sample) => balanceByEvaluation(settings, events, sample)),
  );
}

/** Every instant where something happens, a millisecond either side, and a point between each pair. */
function interestingSamples(settings: BillingSettings, events: readonly unknown[]): number[] {
  const result = evaluate(settings, events);
  const moments = [
    ...events.map(instantOf),
    ...result.grants.flatMap((grant) => [grant.effectiveAt, grant.expiresAt]),
    settings.now,
  ].filter((at): at is number => at !== undefined);
  const around = moments.flatMap((at) => [at - 1, at, at + 1]);
  const sorted = [...new Set([Math.min(...moments) - DAY, ...around])].sort((a, b) => a - b);
  const between = sorted.slice(1).map((at, i) => Math.floor((at + sorted[i]!) / 2));
  return [...new Set([...sorted, ...between])].filter((at) => at <= settings.now).sort((a, b) => a - b);
}

describe('balanceAt on the spec cases', () => {
  const cases = loadSpecCases().map((specCase) => {
    const settings = readSettings(specCase.input);
    if ('field' in settings) throw new Error(`${specCase.name}: ${settings.field}`);
    return [specCase.name, settings, (specCase.input as { events: unknown[] }).events] as const;
  });

  it.each(cases)('%s: the balance of an evaluation ending at each sample', (_name, settings, events) => {
    const samples = interestingSamples(settings, events);
    expect(samples.length).toBeGreaterThan(4);
    expectDefinition(settings, events, samples);
  });

  it.each(cases)('%s: the last sample at now is the state at now', (_name, settings, events) => {
    expect(balanceAt(settings, events, [settings.now, settings.now])).toEqual([
      evaluate(settings, events).balance,
      evaluate(settings, events).balance,
    ]);
  });
});

describe('balanceAt samples', () => {
  const settings = readSettings({ now: '2026-02-01T00:00:00Z', events: [] }) as BillingSettings;
  const events = [{ type: 'purchase', id: 'p1', at: '2026-01-10T00:00:00Z', amount: 10 }];

  it('takes no samples, or repeated ones', () => {
    expect(balanceAt(settings, events, [])).toEqual([]);
    const at = ms('2026-01-10T00:00:00Z');
    expect(balanceAt(settings, events, [at - 1, at - 1, at, at])).toEqual([0n, 0n, 10_000_000n, 10_000_000n]);
  });

  it('refuses samples out of order or after now', () => {
    expect(() => balanceAt(settings, events, [settings.now, settings.now - 1])).toThrow(RangeError);
    expect(() => balanceAt(settings, events, [settings.now + 1])).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated cases: every kind of event, same-instant events, delays, expiries and auto-recharge.

const BASE = ms('2026-01-01T00:00:00Z');
const SPAN_MINUTES = 120 * 24 * 60;
const NOW = BASE + SPAN_MINUTES * MINUTE;

const usdText = (cents: number) => (cents / 100).toFixed(2);
const cents = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 });

interface DrawnEvent {
  type: string;
  amount?: string;
  source?: string;
  balance?: string;
  expiresInMinutes?: number;
}

const eventArb: fc.Arbitrary<[number, DrawnEvent]> = fc.tuple(
  // Few distinct minutes, so that events often share an instant.
  fc.oneof(fc.integer({ min: 0, max: SPAN_MINUTES }), fc.constantFrom(0, 60, 24 * 60, SPAN_MINUTES)),
  fc.oneof(
    fc
      .tuple(cents(5, 50), fc.constantFrom('manual', 'auto'))
      .map(([amount, source]) => ({ type: 'purchase', amount: usdText(amount), source })),
    fc
      .tuple(cents(1, 30), fc.option(fc.integer({ min: 1, max: 60 * 24 * 60 }), { nil: undefined }))
      .map(([amount, expires]) => ({
        type: 'grant',
        amount: usdText(amount),
        expiresInMinutes: expires,
      })),
    cents(0, 20).map((amount) => ({ type: 'usage', amount: usdText(amount) })),
    cents(0, 20).map((amount) => ({ type: 'usage', amount: usdText(amount) })),
    cents(-10, 40).map((balance) => ({ type: 'balance', balance: usdText(balance) })),
  ),
);

const eventsArb = fc.array(eventArb, { maxLength: 20 }).map((drawn) =>
  drawn.map(([minute, { expiresInMinutes, ...event }], i) => {
    const at = BASE + minute * MINUTE;
    const expiresAt =
      expiresInMinutes === undefined ? undefined : new Date(at + expiresInMinutes * MINUTE).toISOString();
    return { ...event, id: `e${i}`, at: new Date(at).toISOString(), expiresAt };
  }),
);

const autoRechargeArb: fc.Arbitrary<AutoRecharge | null> = fc.oneof(
  fc.constant(null),
  fc
    .record({
      threshold: cents(0, 10),
      mode: fc.constantFrom('add' as const, 'topUp' as const),
      amount: cents(5, 50),
      above: cents(1, 40),
      monthlyLimit: fc.option(cents(1, 100)),
    })
    .map(({ threshold, mode, amount, above, monthlyLimit }) => ({
      threshold: BigInt(threshold) * 10_000n,
      mode,
      amount: BigInt(amount) * 10_000n,
      target: BigInt(threshold + above) * 10_000n,
      monthlyLimit: monthlyLimit === null ? null : BigInt(monthlyLimit) * 10_000n,
    })),
);

const settingsArb: fc.Arbitrary<BillingSettings> = fc.record({
  now: fc.constant(NOW),
  account: fc.constantFrom('prepaid' as const, 'monthly_invoice' as const),
  policy: fc.record({
    minPurchase: fc.constant(5_000_000n),
    maxPurchase: fc.constant(50_000_000n),
    expiryMonths: fc.integer({ min: 1, max: 3 }),
    creditDelayMinutes: fc.constantFrom(0, 10, 3 * 24 * 60),
  }),
  autoRecharge: autoRechargeArb,
  forecast: fc.constant({ windowDays: 7, expiryWarningDays: 30 }),
});

describe('balanceAt on generated cases', () => {
  it('equals an evaluation ending at each sample', () => {
    fc.assert(
      fc.property(
        settingsArb,
        eventsArb,
        fc.array(fc.integer({ min: -24 * 60, max: SPAN_MINUTES }), { maxLength: 8 }),
        (settings, events, minutes) => {
          const drawn = minutes.map((minute) => BASE + minute * MINUTE);
          const samples = [...drawn, ...interestingSamples(settings, events)].sort((a, b) => a - b);
          expectDefinition(settings, events, samples);
        },
      ),
      { numRuns: 150 },
    );
  });
});
