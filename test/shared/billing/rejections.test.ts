import { LosslessNumber } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { counters, grant, month, ms, run, runJson, usd } from './billing-test-helpers';

const NOW = '2026-02-01T00:00:00Z';
const AT = '2026-01-10T00:00:00Z';

/** The reason the single event gets, or `accepted`. */
function reasonOf(event: unknown, extra: Record<string, unknown> = {}): string {
  const result = run({ now: NOW, ...extra, events: [event] });
  return result.rejected.length === 0 ? 'accepted' : result.rejected[0]!.reason;
}

const purchase = (fields: Record<string, unknown>) => ({
  type: 'purchase',
  id: 'p1',
  at: AT,
  amount: 10,
  ...fields,
});
const freeGrant = (fields: Record<string, unknown>) => ({
  type: 'grant',
  id: 'g1',
  at: AT,
  amount: 10,
  ...fields,
});
const usage = (fields: Record<string, unknown>) => ({ type: 'usage', at: AT, amount: 1, ...fields });
const balance = (fields: Record<string, unknown>) => ({ type: 'balance', at: AT, balance: 1, ...fields });

describe('each rejection reason (spec §4)', () => {
  it.each([
    ['null', null],
    ['a number', 5],
    ['a JSON number kept as text', new LosslessNumber('5')],
    ['a string', 'purchase'],
    ['an array', [purchase({})]],
    ['a boolean', true],
  ])('not-an-object: %s', (_name, event) => {
    expect(reasonOf(event)).toBe('not-an-object');
  });

  it.each([
    ['no type', { at: AT, amount: 1 }],
    ['type null', { type: null, at: AT, amount: 1 }],
    ['an unknown type', { type: 'refund', at: AT, amount: 1 }],
    ['a type in another case', { type: 'Purchase', id: 'p1', at: AT, amount: 10 }],
  ])('unknown-type: %s', (_name, event) => {
    expect(reasonOf(event)).toBe('unknown-type');
  });

  it.each([
    ['missing', usage({ at: undefined })],
    ['null', usage({ at: null })],
    ['Feb 30', usage({ at: '2026-02-30T00:00:00Z' })],
    ['a number', usage({ at: 1767225600000 })],
    ['no zone', usage({ at: '2026-01-10T00:00:00' })],
  ])('unreadable-instant: at %s', (_name, event) => {
    expect(reasonOf(event)).toBe('unreadable-instant');
  });

  it('after-now, while an event exactly at now is applied', () => {
    expect(reasonOf(usage({ at: '2026-02-01T00:00:00.001Z' }))).toBe('after-now');
    expect(reasonOf(usage({ at: '2026-02-01T00:30:00+01:00' }))).toBe('accepted');
    expect(reasonOf(usage({ at: '2026-02-01T01:00:00+01:00' }))).toBe('accepted');
    expect(reasonOf(usage({ at: '2026-02-01T01:00:01+01:00' }))).toBe('after-now');
    const result = run({ now: NOW, events: [purchase({ at: NOW }), usage({ at: NOW, amount: 4 })] });
    expect(result.rejected).toEqual([]);
    expect(result.available).toBe(usd(6));
    expect(grant(result, 'p1').at).toBe(ms(NOW));
  });

  it.each([
    ['no id', purchase({ id: undefined })],
    ['id null', purchase({ id: null })],
    ['an empty id', purchase({ id: '' })],
    ['a numeric id', purchase({ id: 7 })],
    ['a grant without id', freeGrant({ id: undefined })],
  ])('missing-id: %s', (_name, event) => {
    expect(reasonOf(event)).toBe('missing-id');
  });

  it('reserved-id: auto- and cal- prefixes, case-sensitively', () => {
    expect(reasonOf(purchase({ id: 'auto-1' }))).toBe('reserved-id');
    expect(reasonOf(purchase({ id: 'auto-' }))).toBe('reserved-id');
    expect(reasonOf(freeGrant({ id: 'cal-7' }))).toBe('reserved-id');
    expect(reasonOf(purchase({ id: 'Auto-1' }))).toBe('accepted');
    expect(reasonOf(purchase({ id: 'CAL-1' }))).toBe('accepted');
    expect(reasonOf(purchase({ id: 'auto1' }))).toBe('accepted');
    expect(reasonOf(purchase({ id: 'my-auto-1' }))).toBe('accepted');
    // A usage's id is ignored, reserved or not.
    expect(reasonOf(usage({ id: 'auto-1' }))).toBe('accepted');
  });

  it.each([
    ['a purchase without amount', purchase({ amount: undefined })],
    ['a purchase amount null', purchase({ amount: null })],
    ['a purchase amount with a currency sign', purchase({ amount: '$10' })],
    ['a grant amount with spaces', freeGrant({ amount: ' 10' })],
    ['a usage amount with separators', usage({ amount: '1,000' })],
    ['a usage amount of 10^9 USD', usage({ amount: '1e9' })],
    ['a usage amount as a boolean', usage({ amount: true })],
    ['a balance without balance', balance({ balance: undefined, amount: 1 })],
    ['a balance null', balance({ balance: null })],
    ['a balance of -10^9 USD', balance({ balance: '-1000000000' })],
  ])('unreadable-amount: %s', (_name, event) => {
    expect(reasonOf(event)).toBe('unreadable-amount');
  });

  it('non-positive-amount: purchases and grants ≤ 0 after rounding', () => {
    expect(reasonOf(purchase({ amount: 0 }))).toBe('non-positive-amount');
    expect(reasonOf(purchase({ amount: '-10' }))).toBe('non-positive-amount');
    expect(reasonOf(freeGrant({ amount: 0 }))).toBe('non-positive-amount');
    expect(reasonOf(freeGrant({ amount: '0.0000004' }))).toBe('non-positive-amount');
    expect(reasonOf(freeGrant({ amount: '0.0000005' }))).toBe('accepted');
  });

  it('out-of-limits: purchases outside minPurchase..maxPurchase, both inclusive, after rounding', () => {
    expect(reasonOf(purchase({ amount: '4.99' }))).toBe('out-of-limits');
    expect(reasonOf(purchase({ amount: '4.9999994' }))).toBe('out-of-limits');
    expect(reasonOf(purchase({ amount: '4.9999995' }))).toBe('accepted');
    expect(reasonOf(purchase({ amount: '50.0000004' }))).toBe('accepted');
    expect(reasonOf(purchase({ amount: '50.0000005' }))).toBe('out-of-limits');
    expect(reasonOf(purchase({ amount: 1 }), { policy: { minPurchase: 1, maxPurchase: 2 } })).toBe(
      'accepted',
    );
    expect(reasonOf(purchase({ amount: 3 }), { policy: { minPurchase: 1, maxPurchase: 2 } })).toBe(
      'out-of-limits',
    );
    // Grants have no purchase limits.
    expect(reasonOf(freeGrant({ amount: '0.01' }))).toBe('accepted');
    expect(reasonOf(freeGrant({ amount: 500 }))).toBe('accepted');
  });

  it('unknown-source: a purchase source other than manual, auto, import', () => {
    expect(reasonOf(purchase({ source: 'grant' }))).toBe('unknown-source');
    expect(reasonOf(purchase({ source: 'calibration' }))).toBe('unknown-source');
    expect(reasonOf(purchase({ source: 'Manual' }))).toBe('unknown-source');
    expect(reasonOf(purchase({ source: 1 }))).toBe('unknown-source');
    for (const source of ['manual', 'auto', 'import'])
      expect(reasonOf(purchase({ source }))).toBe('accepted');
    // A source on a grant is ignored: it stays a free grant.
    const result = run({ now: NOW, events: [freeGrant({ source: 'bogus' })] });
    expect(result.rejected).toEqual([]);
    expect(grant(result, 'g1').source).toBe('grant');
    expect(result.totals.purchased).toBe(0n);
  });

  it('unreadable-expiresAt and expiresAt-not-after-at (grants)', () => {
    expect(reasonOf(freeGrant({ expiresAt: 'soon' }))).toBe('unreadable-expiresAt');
    expect(reasonOf(freeGrant({ expiresAt: 1767225600000 }))).toBe('unreadable-expiresAt');
    expect(reasonOf(freeGrant({ expiresAt: '2026-02-30T00:00:00Z' }))).toBe('unreadable-expiresAt');
    expect(reasonOf(freeGrant({ expiresAt: AT }))).toBe('expiresAt-not-after-at');
    expect(reasonOf(freeGrant({ expiresAt: '2026-01-09T23:59:59Z' }))).toBe('expiresAt-not-after-at');
    // The same instant written with an offset is still not after `at`.
    expect(reasonOf(freeGrant({ expiresAt: '2026-01-10T01:00:00+01:00' }))).toBe('expiresAt-not-after-at');
    expect(reasonOf(freeGrant({ expiresAt: '2026-01-10T00:00:00.001Z' }))).toBe('accepted');
    // An expiry in the past of `now` is fine: the grant is made and expires.
    expect(reasonOf(freeGrant({ expiresAt: '2026-01-20T00:00:00Z' }))).toBe('accepted');
  });

  it('negative-amount: usage < 0 after rounding; a negative balance is no rejection', () => {
    expect(reasonOf(usage({ amount: -1 }))).toBe('negative-amount');
    expect(reasonOf(usage({ amount: '-0.0000005' }))).toBe('negative-amount');
    expect(reasonOf(usage({ amount: '-0.0000004' }))).toBe('accepted');
    expect(reasonOf(usage({ amount: 0 }))).toBe('accepted');
    expect(reasonOf(balance({ balance: -3 }))).toBe('accepted');
  });
});

describe('the first reason that applies wins, in the spec order', () => {
  it.each([
    ['unknown-type before unreadable-instant', { type: 'refund', at: 'never' }, 'unknown-type'],
    [
      'unreadable-instant before unreadable-amount',
      usage({ at: 'never', amount: 'x' }),
      'unreadable-instant',
    ],
    ['unreadable-instant before missing-id', purchase({ at: 'never', id: '' }), 'unreadable-instant'],
    ['after-now before missing-id', purchase({ at: '2026-03-01T00:00:00Z', id: '' }), 'after-now'],
    ['after-now before negative-amount', usage({ at: '2026-03-01T00:00:00Z', amount: -1 }), 'after-now'],
    ['missing-id before unreadable-amount', purchase({ id: '', amount: 'x' }), 'missing-id'],
    ['reserved-id before unreadable-amount', purchase({ id: 'auto-9', amount: 'x' }), 'reserved-id'],
    ['reserved-id before non-positive-amount', freeGrant({ id: 'cal-1', amount: -1 }), 'reserved-id'],
    [
      'unreadable-amount before unknown-source',
      purchase({ amount: 'x', source: 'gift' }),
      'unreadable-amount',
    ],
    [
      'non-positive-amount before out-of-limits and unknown-source',
      purchase({ amount: 0, source: 'gift' }),
      'non-positive-amount',
    ],
    ['out-of-limits before unknown-source', purchase({ amount: 100, source: 'gift' }), 'out-of-limits'],
    [
      'non-positive-amount before unreadable-expiresAt',
      freeGrant({ amount: 0, expiresAt: 'x' }),
      'non-positive-amount',
    ],
    [
      'unreadable-amount before unreadable-expiresAt',
      freeGrant({ amount: 'x', expiresAt: 'x' }),
      'unreadable-amount',
    ],
  ])('%s', (_name, event, reason) => {
    expect(reasonOf(event)).toBe(reason);
  });

  it('a purchase ignores expiresAt (not one of its fields)', () => {
    expect(reasonOf(purchase({ expiresAt: 'garbage' }))).toBe('accepted');
  });

  it('lists rejections sorted by index, whatever their time', () => {
    const result = run({
      now: NOW,
      events: [
        purchase({ id: 'a', at: '2026-01-20T00:00:00Z' }),
        usage({ amount: -1 }),
        purchase({ id: 'a', at: '2026-01-05T00:00:00Z' }),
        'junk',
      ],
    });
    expect(result.rejected).toEqual([
      { index: 0, reason: 'duplicate-id' },
      { index: 1, reason: 'negative-amount' },
      { index: 3, reason: 'not-an-object' },
    ]);
  });
});

describe('null fields count as absent', () => {
  it('in events', () => {
    const result = run({
      now: NOW,
      events: [
        purchase({ source: null, model: null }),
        freeGrant({ expiresAt: null }),
        usage({ model: null, project: null, lineItem: null, id: null }),
      ],
    });
    expect(result.rejected).toEqual([]);
    expect(grant(result, 'p1').source).toBe('manual');
    // Default expiry: 12 calendar months after `at`.
    expect(grant(result, 'g1').expiresAt).toBe(ms('2027-01-10T00:00:00Z'));
  });
});

describe('duplicate-id, decided in processing (time) order', () => {
  it('rejects the later one in time, not the later one in the input', () => {
    const result = run({
      now: NOW,
      events: [
        purchase({ id: 'x', at: '2026-01-20T00:00:00Z', amount: 10 }),
        freeGrant({ id: 'x', at: '2026-01-05T00:00:00Z', amount: 3 }),
      ],
    });
    expect(result.rejected).toEqual([{ index: 0, reason: 'duplicate-id' }]);
    expect(result.grants.map((g) => [g.id, g.source, g.amount])).toEqual([['x', 'grant', usd(3)]]);
  });

  it('keeps input order at the same instant', () => {
    const result = run({
      now: NOW,
      events: [freeGrant({ id: 'd', amount: 3 }), purchase({ id: 'd', amount: 10 })],
    });
    expect(result.rejected).toEqual([{ index: 1, reason: 'duplicate-id' }]);
    expect(grant(result, 'd').source).toBe('grant');
  });

  it('counts only accepted purchases and grants', () => {
    const result = run({
      now: NOW,
      events: [
        purchase({ id: 'x', at: '2026-01-01T00:00:00Z', amount: 1 }), // out-of-limits
        purchase({ id: 'x', at: '2026-01-02T00:00:00Z', amount: 10 }),
        purchase({ id: 'x', at: '2026-01-03T00:00:00Z', amount: 20 }),
      ],
    });
    expect(result.rejected).toEqual([
      { index: 0, reason: 'out-of-limits' },
      { index: 2, reason: 'duplicate-id' },
    ]);
    expect(result.available).toBe(usd(10));
  });

  it('a usage id shares nothing with purchase ids', () => {
    const result = run({ now: NOW, events: [usage({ id: 'p1' }), purchase({ id: 'p1' })] });
    expect(result.rejected).toEqual([]);
  });

  it('an engine id is never taken by the input (reserved), so auto-1 is the engine’s', () => {
    const result = run({
      now: NOW,
      autoRecharge: { enabled: true, threshold: 5, amount: 10 },
      events: [
        purchase({ id: 'auto-1', at: '2026-01-01T00:00:00Z', source: 'auto' }),
        usage({ at: '2026-01-02T00:00:00Z', amount: 0 }),
      ],
    });
    expect(result.rejected).toEqual([{ index: 0, reason: 'reserved-id' }]);
    expect(result.autoRecharges).toEqual([
      { id: 'auto-1', at: ms('2026-01-02T00:00:00Z'), amount: usd(10), balanceBefore: 0n },
    ]);
  });
});

describe('rejected events take no part', () => {
  it('neither in balance, usage months, burn rate nor exhaustedSince', () => {
    const result = runJson(`{
      "now": "2026-01-10T00:00:00Z",
      "events": [
        { "type": "usage", "at": "2026-01-05T00:00:00Z", "amount": -4 },
        { "type": "purchase", "id": "p1", "at": "2026-01-01T00:00:00Z", "amount": 4.99 },
        { "type": "usage", "at": "2026-01-08T00:00:00Z", "amount": 2 }
      ]
    }`);
    expect(result.rejected.map((r) => r.reason)).toEqual(['negative-amount', 'out-of-limits']);
    expect(result.grants).toEqual([]);
    expect(month(result, '2026-01')).toEqual({ total: usd(2), covered: 0n, uncovered: usd(2) });
    expect(result.debt).toBe(usd(2));
    // The earliest accepted event is the usage of Jan 8, not the rejected purchase of Jan 1.
    expect(result.exhaustedSince).toBe(ms('2026-01-08T00:00:00Z'));
    // $2 over the 7-day window [Jan 3, Jan 10): 0.2857142… a day, written 0.285714.
    expect(result.burnRatePerDay).toBe(285_714n);
  });

  it('a rejected purchase keeps its id free and buys nothing', () => {
    const result = run({
      now: NOW,
      events: [
        purchase({ id: 'p1', amount: 60 }),
        purchase({ id: 'p1', amount: 20, at: '2026-01-11T00:00:00Z' }),
      ],
    });
    expect(counters(grant(result, 'p1'))).toEqual({
      used: 0n,
      debtSettled: 0n,
      forfeited: 0n,
      remaining: usd(20),
      status: 'active',
    });
  });
});
