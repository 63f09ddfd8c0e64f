import { describe, expect, it } from 'vitest';
import { microsOfUsdText, readUsdInput, usdInputText } from '../../../renderer/i18n/usd-input';

describe('readUsdInput', () => {
  it.each([
    ['12.50', 'en', '12.50'],
    [' $12.50 ', 'en', '12.50'],
    ['US$ 12,50', 'nl', '12.50'],
    ['12,5', 'en', '12.5'],
    ['1,234.56', 'en', '1234.56'],
    ['1.234,56', 'nl', '1234.56'],
    ['1.234', 'nl', '1234'],
    ['12.50', 'nl', '12.50'],
    ['0', 'en', '0'],
  ] as const)('reads %j in %s as %s', (typed, language, expected) => {
    expect(readUsdInput(typed, language)).toBe(expected);
  });

  it.each(['', 'five', '12.', '1.2.3', '12.1234567', '1234567890', '--1', '$-'])('refuses %j', (typed) => {
    expect(readUsdInput(typed, 'en')).toBeNull();
  });

  it('takes a minus only when asked to', () => {
    expect(readUsdInput('-1.37', 'en')).toBeNull();
    expect(readUsdInput('-$1.37', 'en', { signed: true })).toBe('-1.37');
    expect(readUsdInput('$-1.37', 'en', { signed: true })).toBe('-1.37');
    expect(readUsdInput('US$ -1,37', 'nl', { signed: true })).toBe('-1.37');
    expect(readUsdInput('-$-1.37', 'en', { signed: true })).toBeNull();
  });
});

describe('microsOfUsdText and usdInputText', () => {
  it('converts exactly', () => {
    expect(microsOfUsdText('12.5')).toBe(12_500_000);
    expect(microsOfUsdText('-0.000001')).toBe(-1);
    expect(microsOfUsdText('7')).toBe(7_000_000);
  });

  it('shows a stored amount the way the UI language types it', () => {
    expect(usdInputText('12.5', 'nl')).toBe('12,5');
    expect(usdInputText('12.5', 'en')).toBe('12.5');
  });
});
