import { describe, expect, it } from 'vitest';
import { checkGrant, checkPurchase, utcDay } from '../../../../renderer/views/credits/check-credit-form';
import { creditsMessages } from '../../../../renderer/i18n/messages/credits';

const today = '2026-11-27';
const en = { language: 'en' as const, m: creditsMessages.en.form, today };
const limits = { min: 5_000_000, max: 50_000_000 };
const values = { amount: '', day: '', expiresDay: '', reference: '' };

describe('checkPurchase', () => {
  it('names the purchase limits (key sentence 9)', () => {
    expect(checkPurchase({ ...values, amount: '4.99' }, { ...en, limits })).toEqual({
      ok: false,
      errors: { amount: 'A purchase must be between $5.00 and $50.00. $4.99 is outside that range.' },
    });
  });

  it('sends the typed amount as USD text, a past day as midnight UTC, and a trimmed reference', () => {
    expect(
      checkPurchase(
        { amount: 'US$ 50', day: '2026-11-01', expiresDay: '', reference: ' A-1 ' },
        { ...en, limits },
      ),
    ).toEqual({
      ok: true,
      request: { amount: '50', at: '2026-11-01T00:00:00Z', id: 'A-1' },
    });
    expect(checkPurchase({ ...values, amount: '12,5', day: today }, { ...en, limits })).toEqual({
      ok: true,
      request: { amount: '12.5' },
    });
  });

  it('refuses what is no amount, in Dutch too', () => {
    const nl = { language: 'nl' as const, m: creditsMessages.nl.form, today, limits };
    expect(checkPurchase({ ...values, amount: '-5' }, nl)).toEqual({
      ok: false,
      errors: { amount: 'Vul een bedrag in US$ in, zoals US$\u00a012,50, met hooguit 6 decimalen.' },
    });
  });
});

describe('checkGrant', () => {
  it('wants more than zero and an expiry after the day received (today when empty)', () => {
    expect(checkGrant({ ...values, amount: '0' }, en)).toEqual({
      ok: false,
      errors: { amount: 'Free credit must be more than $0.00.' },
    });
    expect(checkGrant({ ...values, amount: '5', expiresDay: today }, en)).toEqual({
      ok: false,
      errors: { expiresAt: 'The expiry date must be after the day you received it.' },
    });
    expect(checkGrant({ ...values, amount: '5', day: '2026-01-01', expiresDay: '2026-06-01' }, en)).toEqual({
      ok: true,
      request: { amount: '5', at: '2026-01-01T00:00:00Z', expiresAt: '2026-06-01T00:00:00Z' },
    });
  });
});

describe('utcDay', () => {
  it('is the UTC day, whatever the local time zone', () => {
    expect(utcDay(Date.parse('2026-11-27T23:59:00Z'))).toBe('2026-11-27');
  });
});
