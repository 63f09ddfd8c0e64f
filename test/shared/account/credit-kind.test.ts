/** The one mapping of a credit's source to what people read it as, in both languages. */
import { describe, expect, it } from 'vitest';
import {
  CREDIT_KIND_LABELS,
  CREDIT_KINDS,
  creditKind,
  creditSource,
  entryKind,
} from '../../../shared/account/credit-kind';

describe('credit kinds', () => {
  it('maps every source to what it is; a credit the provider listed is "listed", not free credit', () => {
    expect(
      (['manual', 'import', 'auto', 'grant', 'calibration', 'provider'] as const).map((source) =>
        creditKind(source),
      ),
    ).toEqual(['purchase', 'purchase', 'auto-recharge', 'free-credit', 'correction', 'listed']);
  });

  it('calls a grant listed only when the provider’s list holds it', () => {
    const listed = new Set(['purchase-7']);
    expect(creditSource({ id: 'purchase-7', source: 'grant' }, listed)).toBe('provider');
    expect(creditSource({ id: 'promo', source: 'grant' }, listed)).toBe('grant');
    // Only a grant can be one the provider listed: the engine knows purchases as purchases.
    expect(creditSource({ id: 'purchase-7', source: 'manual' }, listed)).toBe('manual');
  });

  it('names what the user recorded by the same kinds', () => {
    const recorded = { id: 'x', at: '2026-11-01T00:00:00Z', createdAt: '2026-11-01T00:00:00Z' };
    expect([
      entryKind({ ...recorded, type: 'purchase', amount: '20', source: 'manual' }),
      entryKind({ ...recorded, type: 'purchase', amount: '20', source: 'auto' }),
      entryKind({ ...recorded, type: 'grant', amount: '5' }),
      entryKind({ ...recorded, type: 'balance', balance: '30' }),
    ]).toEqual(['purchase', 'auto-recharge', 'free-credit', 'correction']);
  });

  it('has words for every kind in English and Dutch, told apart, never "free credit" for a listed one', () => {
    for (const language of ['en', 'nl'] as const) {
      const words = CREDIT_KINDS.map((kind) => CREDIT_KIND_LABELS[language][kind]);
      expect(new Set(words).size).toBe(CREDIT_KINDS.length);
      expect(CREDIT_KIND_LABELS[language].listed).not.toBe(CREDIT_KIND_LABELS[language]['free-credit']);
    }
    expect(CREDIT_KIND_LABELS.en.listed).toBe('Listed by OpenAI');
    expect(CREDIT_KIND_LABELS.nl.listed).toBe('Gemeld door OpenAI');
  });
});
