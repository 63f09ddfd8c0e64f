/**
 * readAccount and the cases the surfaces word: the engine's result and its projection read as
 * people read them, on worked examples a person can check by hand.
 */
import { describe, expect, it } from 'vitest';
import { accountReadingSchema, type AccountReading } from '../../../shared/account/account-reading';
import { rechargeCase, runwayCase } from '../../../shared/account/outlook';
import { readAccount } from '../../../shared/account/read-account';
import { emptyLedger, type Ledger } from '../../../shared/ledger/ledger-schema';
import { ms, run } from '../billing/billing-test-helpers';

const NOW = '2026-03-20T00:00:00Z';
const DAY = 86_400_000;
const USD = 1_000_000;

/** $2 a day for the 14 days before NOW, on a $50 purchase (and whatever `more` adds). */
function account(autoRecharge: unknown = undefined, more: unknown[] = []) {
  const usage = Array.from({ length: 14 }, (_, i) => ({
    type: 'usage',
    at: new Date(ms(NOW) - (i + 1) * DAY).toISOString(),
    amount: 2,
  }));
  const events = [{ type: 'purchase', id: 'p1', at: '2026-03-01T00:00:00Z', amount: 50 }, ...usage, ...more];
  return run({ now: NOW, ...(autoRecharge === undefined ? {} : { autoRecharge }), events });
}

/** A ledger whose history starts on March 1 (19 days before NOW). */
function ledger(fields: Partial<Ledger> = {}): Ledger {
  return {
    ...emptyLedger(),
    entries: [
      {
        type: 'purchase',
        id: 'p1',
        at: '2026-03-01T00:00:00Z',
        createdAt: '2026-03-01T00:00:00Z',
        amount: '50',
        source: 'manual',
      },
    ],
    ...fields,
  };
}

function read(result = account(), fields: Partial<Ledger> = {}): AccountReading {
  const reading = readAccount({
    result,
    ledger: ledger(fields),
    now: ms(NOW),
    projection: result.projection,
    autoRecharge: result.projection.recharges.length > 0 || result.projection.blocked.length > 0,
  });
  // What crosses the bridge must be what the contract says.
  return accountReadingSchema.parse(reading);
}

describe('readAccount', () => {
  it('reads the balance, the pace and when requests fail without auto-recharge', () => {
    const reading = read();
    // $50 − 14 × $2 = $22, at $2 a day: requests fail 11 days from now.
    expect(reading).toMatchObject({
      now: ms(NOW),
      balance: 22 * USD,
      burnRatePerDay: 2 * USD,
      historyDays: 19,
      paceKnown: true,
      failsAt: ms('2026-03-31T00:00:00Z'),
      failsInDays: 11,
      creditOnly: { days: 11, until: ms('2026-03-31T00:00:00Z') },
      nextRecharge: null,
      rechargeBlocked: null,
      month: { key: '2026-03', spent: 28 * USD },
    });
  });

  it('reads this month’s spend against the enforced spend limit, with the month’s own figure', () => {
    const limit = (enforcing: boolean) => ({ at: NOW, limitMicros: 40 * USD, enforcing });
    const reading = read(account(), { spendLimit: limit(true) });
    // March so far: 14 days of $2 = $28 of a $40 limit.
    expect(reading.spendLimit).toEqual({ limit: 40 * USD, spentThisMonth: 28 * USD, fraction: 0.7 });
    expect(reading.spendLimit?.spentThisMonth).toBe(reading.month.spent);
    // Inactive, none set, or never read: nothing to fail at.
    expect(read(account(), { spendLimit: limit(false) }).spendLimit).toBeNull();
    expect(read(account(), { spendLimit: null }).spendLimit).toBeNull();
    expect(read().spendLimit).toBeNull();
  });

  it('with auto-recharge, the first projected recharge and no failure within the horizon', () => {
    const result = account({ enabled: true, threshold: 10, mode: 'add', amount: 20 });
    const reading = read(result);
    // $22 down to $10 at $2 a day: 6 days, then the first millisecond below the threshold.
    expect(reading.nextRecharge).toEqual({ at: ms('2026-03-26T00:00:00.001Z'), amount: 20 * USD });
    expect(reading.failsAt).toBeNull();
    expect(reading.failsInDays).toBeNull();
    // What the credit alone lasts is kept beside it.
    expect(reading.creditOnly?.days).toBe(11);
  });

  it('with a monthly limit that stops the recharges, when it stops them and when requests then fail', () => {
    const result = account({ enabled: true, threshold: 10, mode: 'add', amount: 20, monthlyLimit: 20 });
    const reading = read(result);
    expect(reading.nextRecharge?.at).toBe(ms('2026-03-26T00:00:00.001Z'));
    // Each $20 lasts 10 days: April 5 buys again (a new month), April 15 finds April's $20 used.
    expect(reading.rechargeBlocked).toEqual({
      at: ms('2026-04-15T00:00:00.001Z'),
      amount: 20 * USD,
      month: '2026-04',
    });
    expect(reading.failsAt).toBe(ms('2026-04-20T00:00:00Z'));
    const tight = read(account({ enabled: true, threshold: 10, mode: 'add', amount: 20, monthlyLimit: 10 }));
    expect(tight.nextRecharge).toBeNull();
    expect(tight.rechargeBlocked).toEqual({
      at: ms('2026-03-26T00:00:00.001Z'),
      amount: 20 * USD,
      month: '2026-03',
    });
    expect(tight.failsAt).toBe(ms('2026-03-31T00:00:00Z'));
  });

  it('the next expiry sums the credit left on that UTC day, with what the forecast leaves unused then', () => {
    const grants = [
      { type: 'grant', id: 'g1', at: '2026-03-19T00:00:00Z', amount: 5, expiresAt: '2026-03-21T08:00:00Z' },
      { type: 'grant', id: 'g2', at: '2026-03-19T00:00:00Z', amount: 3, expiresAt: '2026-03-21T20:00:00Z' },
      { type: 'grant', id: 'g3', at: '2026-03-19T00:00:00Z', amount: 4, expiresAt: '2026-03-25T00:00:00Z' },
    ];
    const reading = read(account(undefined, grants));
    // Free credit first, earliest expiry first: by 08:00 on the 21st (32 hours) $2.67 of g1 is used,
    // $2.33 goes unused; g2 then gets 12 hours, $1, and $2 of it goes unused.
    expect(reading.nextExpiry).toEqual({
      at: ms('2026-03-21T08:00:00Z'),
      amount: 8 * USD,
      unused: 4_333_333,
    });
  });

  it('says whose the last confirmed balance was, and what was spent after it', () => {
    const balance = [{ type: 'balance', at: '2026-03-18T00:00:00Z', balance: 30 }];
    const result = account(undefined, balance);
    const costs = [
      { day: '2026-03-18', projectId: null, lineItem: 'x', amountMicros: 2 * USD },
      { day: '2026-03-19', projectId: null, lineItem: 'x', amountMicros: 2 * USD },
    ];
    const mine = read(result, { costs });
    expect(mine.lastCalibration).toMatchObject({
      at: ms('2026-03-18T00:00:00Z'),
      observed: 30 * USD,
      by: 'you',
    });
    // The 18th's cost sits at its 00:00, with the calibration; only the 19th's is after it.
    expect(mine.spentSinceCalibration).toBe(2 * USD);
    const reported = read(result, {
      observedBalance: { at: '2026-03-18T00:00:00Z', balanceMicros: 30 * USD, grants: [] },
    });
    expect(reported.lastCalibration?.by).toBe('provider');
    expect(read().lastCalibration).toBeNull();
  });

  it('a pace is known only from 7 whole days of history', () => {
    const young = read(account(), {
      entries: [
        {
          type: 'purchase',
          id: 'p1',
          at: '2026-03-15T00:00:00Z',
          createdAt: '2026-03-15T00:00:00Z',
          amount: '50',
          source: 'manual',
        },
      ],
    });
    expect(young).toMatchObject({ historyDays: 5, paceKnown: false });
  });
});

describe('runwayCase and rechargeCase', () => {
  const base = read();
  const at = (days: number) => ms(NOW) + days * DAY;

  it('fails, failing, unknown, topped up or lasting', () => {
    expect(runwayCase(base)).toEqual({ kind: 'fails', at: at(11), days: 11 });
    expect(runwayCase({ ...base, quotaExhausted: true, exhaustedSince: at(-1), failsAt: at(0) })).toEqual({
      kind: 'failing',
      since: at(-1),
    });
    expect(runwayCase({ ...base, paceKnown: false, historyDays: 3 })).toEqual({
      kind: 'unknown',
      historyDays: 3,
    });
    const never = { ...base, failsAt: null, failsInDays: null };
    expect(runwayCase(never)).toEqual({ kind: 'lasts', until: at(365) });
    expect(runwayCase({ ...never, nextRecharge: { at: at(6), amount: 20 * USD } })).toEqual({
      kind: 'topped-up',
      until: at(365),
    });
  });

  it('off, expected, blocked, none or unknown', () => {
    expect(rechargeCase(base)).toEqual({ kind: 'off' });
    const on = { ...base, autoRecharge: true };
    const next = { at: at(6), amount: 20 * USD };
    expect(rechargeCase({ ...on, nextRecharge: next })).toEqual({ kind: 'expected', ...next });
    const blocked = { at: at(6), amount: 20 * USD, month: '2026-03' };
    expect(rechargeCase({ ...on, rechargeBlocked: blocked })).toEqual({
      kind: 'blocked',
      at: at(6),
      month: '2026-03',
    });
    // A recharge bought before the limit stops a later one is the next thing to happen.
    expect(
      rechargeCase({ ...on, nextRecharge: next, rechargeBlocked: { ...blocked, at: at(16) } }),
    ).toMatchObject({
      kind: 'expected',
    });
    expect(rechargeCase(on)).toEqual({ kind: 'none', until: at(365) });
    expect(rechargeCase({ ...on, paceKnown: false, historyDays: 2 })).toEqual({
      kind: 'unknown',
      historyDays: 2,
    });
    // Due now is said even before a pace is known.
    expect(
      rechargeCase({ ...on, paceKnown: false, nextRecharge: { at: at(0), amount: 5 * USD } }),
    ).toMatchObject({
      kind: 'expected',
    });
  });
});
