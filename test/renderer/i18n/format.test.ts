import { describe, expect, it } from 'vitest';
import { compactMoney, money, type Language } from '../../../renderer/i18n/format';

/** What is left of an amount without its digits, separators, sign and compact suffix. */
const currencySign = (text: string) => text.replace(/[-\d.,\s\u00a0KM]/g, '');

describe('chart ticks and text amounts', () => {
  it.each<[Language, string, string]>([
    ['en', '$', '$1.2K'],
    ['nl', 'US$', 'US$\u00a01,2K'],
  ])('use one currency sign in %s', (language, sign, thousand) => {
    expect(compactMoney(1_234_000_000, language)).toBe(thousand);
    for (const micros of [0, 5_000_000, 150_000_000, 1_234_000_000, -20_000_000, 12_500_000_000]) {
      expect(currencySign(compactMoney(micros, language))).toBe(sign);
      expect(currencySign(money(micros, language))).toBe(sign);
    }
  });
});
