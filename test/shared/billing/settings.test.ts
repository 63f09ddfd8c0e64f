import { LosslessNumber, parse } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { evaluateCase } from '../../../shared/billing/evaluate';
import { readSettings } from '../../../shared/billing/read-settings';
import type { BillingSettings } from '../../../shared/billing/types';
import { caseError, ms, usd } from './billing-test-helpers';

const NOW = '2026-02-01T00:00:00Z';
const base = (extra: Record<string, unknown>) => ({ now: NOW, events: [], ...extra });

function settingsOf(input: unknown): BillingSettings {
  const settings = readSettings(input);
  if ('field' in settings) throw new Error(`${settings.field}: ${settings.message}`);
  return settings;
}

function fieldOf(input: unknown): string {
  const error = caseError(input);
  expect(error.message).toMatch(/\S/);
  return error.field;
}

describe('the case itself (spec §4, §10)', () => {
  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'case'],
    ['a JSON number kept as text', new LosslessNumber('5')],
    ['a number', 5],
  ])('is an error when it is %s', (_name, input) => {
    expect(fieldOf(input)).toBe('case');
  });

  it.each([
    ['missing', { events: [] }],
    ['null', { now: null, events: [] }],
    ['not a date', { now: 'tomorrow', events: [] }],
    ['Feb 30', { now: '2026-02-30T00:00:00Z', events: [] }],
    ['without zone', { now: '2026-02-01T00:00:00', events: [] }],
    ['a number', { now: 1767225600000, events: [] }],
    ['past year 9999', { now: '9999-12-31T23:30:00-01:00', events: [] }],
  ])('now %s', (_name, input) => {
    expect(fieldOf(input)).toBe('now');
  });

  it.each([
    ['missing', { now: NOW }],
    ['null', { now: NOW, events: null }],
    ['an object', { now: NOW, events: {} }],
    ['a string', { now: NOW, events: '[]' }],
  ])('events %s', (_name, input) => {
    expect(fieldOf(input)).toBe('events');
  });

  it.each([['postpaid'], ['Prepaid'], [5], [true]])('account %j', (account) => {
    expect(fieldOf(base({ account }))).toBe('account');
  });

  it('takes defaults for everything left out or null', () => {
    for (const input of [
      base({}),
      base({ account: null, policy: null, autoRecharge: null, forecast: null }),
      base({ policy: {}, autoRecharge: {}, forecast: {} }),
      base({
        policy: { minPurchase: null, maxPurchase: null, expiryMonths: null, creditDelayMinutes: null },
        forecast: { windowDays: null, expiryWarningDays: null },
      }),
    ]) {
      expect(settingsOf(input)).toEqual({
        now: ms(NOW),
        account: 'prepaid',
        policy: { minPurchase: usd(5), maxPurchase: usd(50), expiryMonths: 12, creditDelayMinutes: 0 },
        autoRecharge: null,
        forecast: { windowDays: 7, expiryWarningDays: 30 },
      });
    }
  });

  it('ignores unknown fields at every level', () => {
    const settings = settingsOf(
      base({ about: 'x', policy: { color: 'red' }, forecast: { mood: 1 }, autoRecharge: { note: 'n' } }),
    );
    expect(settings.policy.expiryMonths).toBe(12);
    expect(evaluateCase(base({ about: 'x' })).ok).toBe(true);
  });

  it('reads monthly_invoice', () => {
    expect(settingsOf(base({ account: 'monthly_invoice' })).account).toBe('monthly_invoice');
  });
});

describe('policy (spec §2)', () => {
  it.each([
    [5, 'policy'],
    ['x', 'policy'],
    [[], 'policy'],
    [new LosslessNumber('5'), 'policy'],
    [{ minPurchase: 0 }, 'policy.minPurchase'],
    [{ minPurchase: -1 }, 'policy.minPurchase'],
    [{ minPurchase: '0.0000004' }, 'policy.minPurchase'],
    [{ minPurchase: '5 USD' }, 'policy.minPurchase'],
    [{ minPurchase: true }, 'policy.minPurchase'],
    [{ maxPurchase: 4 }, 'policy.maxPurchase'],
    [{ minPurchase: 60 }, 'policy.maxPurchase'],
    [{ minPurchase: 10, maxPurchase: '9.9999994' }, 'policy.maxPurchase'],
    [{ maxPurchase: '1e9' }, 'policy.maxPurchase'],
    [{ expiryMonths: 0 }, 'policy.expiryMonths'],
    [{ expiryMonths: -1 }, 'policy.expiryMonths'],
    [{ expiryMonths: '12' }, 'policy.expiryMonths'],
    [{ expiryMonths: 1.5 }, 'policy.expiryMonths'],
    [{ expiryMonths: true }, 'policy.expiryMonths'],
    [{ expiryMonths: new LosslessNumber('12.0000000000000001') }, 'policy.expiryMonths'],
    [{ creditDelayMinutes: -1 }, 'policy.creditDelayMinutes'],
    [{ creditDelayMinutes: '10' }, 'policy.creditDelayMinutes'],
    [{ creditDelayMinutes: 0.5 }, 'policy.creditDelayMinutes'],
  ])('%j is an error naming %s', (policy, field) => {
    expect(fieldOf(base({ policy }))).toBe(field);
  });

  it('reads amounts exactly and whole numbers written as 12.0 or with an exponent', () => {
    const settings = settingsOf(
      parse(`{ "now": "${NOW}", "events": [],
        "policy": { "minPurchase": "0.0000005", "maxPurchase": 5.0000005, "expiryMonths": 12.0,
                    "creditDelayMinutes": 1.5e1 } }`),
    );
    expect(settings.policy).toEqual({
      minPurchase: 1n,
      maxPurchase: 5_000_001n,
      expiryMonths: 12,
      creditDelayMinutes: 15,
    });
  });

  it('accepts minPurchase = maxPurchase and the smallest valid values', () => {
    const settings = settingsOf(base({ policy: { minPurchase: 10, maxPurchase: 10, expiryMonths: 1 } }));
    expect(settings.policy.minPurchase).toBe(settings.policy.maxPurchase);
    expect(settings.policy.expiryMonths).toBe(1);
  });
});

describe('autoRecharge (spec §7)', () => {
  const on = (fields: Record<string, unknown>) => base({ autoRecharge: { enabled: true, ...fields } });

  it.each([
    [base({ autoRecharge: 5 }), 'autoRecharge'],
    [base({ autoRecharge: new LosslessNumber('1') }), 'autoRecharge'],
    [base({ autoRecharge: [] }), 'autoRecharge'],
    [base({ autoRecharge: { enabled: 'yes' } }), 'autoRecharge.enabled'],
    [base({ autoRecharge: { enabled: 1 } }), 'autoRecharge.enabled'],
    [on({ amount: 10 }), 'autoRecharge.threshold'],
    [on({ threshold: -1, amount: 10 }), 'autoRecharge.threshold'],
    [on({ threshold: 'five', amount: 10 }), 'autoRecharge.threshold'],
    [on({ threshold: 5, amount: 10, mode: 'topup' }), 'autoRecharge.mode'],
    [on({ threshold: 5, amount: 10, mode: 1 }), 'autoRecharge.mode'],
    [on({ threshold: 5 }), 'autoRecharge.amount'],
    [on({ threshold: 5, amount: 4 }), 'autoRecharge.amount'],
    [on({ threshold: 5, amount: '50.01' }), 'autoRecharge.amount'],
    [on({ threshold: 5, amount: 'ten' }), 'autoRecharge.amount'],
    [on({ threshold: 5, mode: 'topUp' }), 'autoRecharge.target'],
    [on({ threshold: 5, mode: 'topUp', target: 5 }), 'autoRecharge.target'],
    [on({ threshold: 5, mode: 'topUp', target: 4 }), 'autoRecharge.target'],
    [on({ threshold: 5, amount: 10, monthlyLimit: 0 }), 'autoRecharge.monthlyLimit'],
    [on({ threshold: 5, amount: 10, monthlyLimit: -20 }), 'autoRecharge.monthlyLimit'],
    [on({ threshold: 5, amount: 10, monthlyLimit: 'lots' }), 'autoRecharge.monthlyLimit'],
  ])('%j is an error naming %s', (input, field) => {
    expect(fieldOf(input)).toBe(field);
  });

  it('checks the amount against the case’s own purchase limits', () => {
    expect(
      fieldOf(
        base({ policy: { maxPurchase: 100 }, autoRecharge: { enabled: true, threshold: 5, amount: 101 } }),
      ),
    ).toBe('autoRecharge.amount');
    expect(
      settingsOf(
        base({ policy: { maxPurchase: 100 }, autoRecharge: { enabled: true, threshold: 5, amount: 100 } }),
      ).autoRecharge?.amount,
    ).toBe(usd(100));
  });

  it('does not check the settings of a disabled auto-recharge', () => {
    for (const autoRecharge of [
      { enabled: false, threshold: -1, mode: 'sometimes', amount: 'x', monthlyLimit: 0 },
      { threshold: -1, mode: 'sometimes', amount: 'x' },
      { enabled: null, threshold: 'x' },
    ]) {
      expect(settingsOf(base({ autoRecharge })).autoRecharge).toBeNull();
    }
  });

  it('reads add (the default mode) and topUp', () => {
    expect(settingsOf(on({ threshold: 0, amount: 5 })).autoRecharge).toEqual({
      threshold: 0n,
      mode: 'add',
      amount: usd(5),
      target: 0n,
      monthlyLimit: null,
    });
    expect(
      settingsOf(on({ threshold: 5, mode: 'topUp', target: '5.000001', monthlyLimit: 1 })).autoRecharge,
    ).toEqual({
      threshold: usd(5),
      mode: 'topUp',
      amount: 0n,
      target: 5_000_001n,
      monthlyLimit: usd(1),
    });
  });

  it('accepts a monthly limit below one purchase (it blocks every purchase)', () => {
    expect(
      settingsOf(on({ threshold: 5, amount: 10, monthlyLimit: '0.000001' })).autoRecharge?.monthlyLimit,
    ).toBe(1n);
  });
});

describe('forecast (spec §10)', () => {
  it.each([
    [5, 'forecast'],
    ['x', 'forecast'],
    [{ windowDays: 0 }, 'forecast.windowDays'],
    [{ windowDays: '7' }, 'forecast.windowDays'],
    [{ windowDays: 7.5 }, 'forecast.windowDays'],
    [{ windowDays: new LosslessNumber('1e400') }, 'forecast.windowDays'],
    [{ expiryWarningDays: -1 }, 'forecast.expiryWarningDays'],
    [{ expiryWarningDays: '30' }, 'forecast.expiryWarningDays'],
    [{ expiryWarningDays: 0.1 }, 'forecast.expiryWarningDays'],
  ])('%j is an error naming %s', (forecast, field) => {
    expect(fieldOf(base({ forecast }))).toBe(field);
  });

  it('accepts windowDays 1, expiryWarningDays 0, and 7.0', () => {
    expect(settingsOf(base({ forecast: { windowDays: 1, expiryWarningDays: 0 } })).forecast).toEqual({
      windowDays: 1,
      expiryWarningDays: 0,
    });
    expect(
      settingsOf(parse(`{"now":"${NOW}","events":[],"forecast":{"windowDays":7.0}}`)).forecast.windowDays,
    ).toBe(7);
  });
});
