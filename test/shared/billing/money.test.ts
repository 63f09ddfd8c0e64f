import fc from 'fast-check';
import { LosslessNumber } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import {
  divideRounded,
  isWholeDecimal,
  microsToDecimalText,
  parseAmount,
} from '../../../shared/billing/money';

describe('parseAmount reads the exact decimal (spec §1)', () => {
  it.each([
    ['12.50', 12_500_000n],
    ['-0.5', -500_000n],
    ['0', 0n],
    ['-0', 0n],
    ['+5', 5_000_000n],
    ['007.5', 7_500_000n],
    ['0.000001', 1n],
    ['999999999.999999', 999_999_999_999_999n],
    ['-999999999.999999', -999_999_999_999_999n],
    ['1e-3', 1_000n],
    ['1E-3', 1_000n],
    ['1.5e2', 150_000_000n],
    ['2e+1', 20_000_000n],
    ['0.00125e3', 1_250_000n],
    ['12500000e-6', 12_500_000n],
  ])('%s is %s µ$', (text, micros) => {
    expect(parseAmount(text)).toBe(micros);
  });

  it.each([
    ['0.5000005', 500_001n],
    ['0.1234565', 123_457n],
    ['0.1234564999', 123_456n],
    ['-0.5000005', -500_001n],
    ['-0.1234565', -123_457n],
    ['0.0000005', 1n],
    ['-0.0000005', -1n],
    ['0.00000049999999', 0n],
    ['5e-7', 1n],
    ['4.9999995', 5_000_000n],
    ['1234565e-7', 123_457n],
    ['0.0000015', 2n],
  ])('rounds %s once, halves away from zero, to %s µ$', (text, micros) => {
    expect(parseAmount(text)).toBe(micros);
  });

  it('reads a JSON number from its text, not from a double', () => {
    // Through a double these go wrong (the spec's warning): the test would mean nothing otherwise.
    expect((0.1234565).toFixed(6)).toBe('0.123456');
    expect(Math.round(0.5000005 * 1e6)).toBe(500_000);
    expect(parseAmount(new LosslessNumber('0.1234565'))).toBe(123_457n);
    expect(parseAmount(new LosslessNumber('0.5000005'))).toBe(500_001n);
    expect(parseAmount(new LosslessNumber('1.0e1'))).toBe(10_000_000n);
  });

  it('reads a plain JS number through its shortest text', () => {
    expect(parseAmount(1.25)).toBe(1_250_000n);
    expect(parseAmount(0.1 + 0.2)).toBe(300_000n);
    expect(parseAmount(1e-7)).toBe(0n);
    expect(parseAmount(-3)).toBe(-3_000_000n);
  });

  it('reads tiny and huge exponents without building huge numbers', () => {
    expect(parseAmount('1e-999999999999')).toBe(0n);
    expect(parseAmount('-7e-400')).toBe(0n);
    expect(parseAmount('0e999999999')).toBe(0n);
    expect(parseAmount('1e999999999999')).toBeUndefined();
    expect(parseAmount('1e400')).toBeUndefined();
    expect(parseAmount('0.000000000001e12')).toBe(1_000_000n);
  });

  it('refuses 10^9 USD and more, judged on the rounded amount', () => {
    expect(parseAmount('1000000000')).toBeUndefined();
    expect(parseAmount('-1000000000')).toBeUndefined();
    expect(parseAmount('1e9')).toBeUndefined();
    expect(parseAmount('0.1e10')).toBeUndefined();
    expect(parseAmount('999999999.9999995')).toBeUndefined();
    expect(parseAmount('-999999999.9999995')).toBeUndefined();
    expect(parseAmount('999999999.9999994')).toBe(999_999_999_999_999n);
    expect(parseAmount('99999999.99999999e1')).toBeUndefined();
  });

  it.each([
    [' 5'],
    ['5 '],
    ['$5'],
    ['5 USD'],
    ['1,000'],
    ['1_000'],
    ['.5'],
    ['5.'],
    ['--5'],
    ['+-5'],
    ['1e'],
    ['1e+'],
    ['0x10'],
    ['Infinity'],
    ['NaN'],
    [''],
    ['１'],
  ])('%j is unreadable', (text) => {
    expect(parseAmount(text)).toBeUndefined();
  });

  it('has no amount for non-numbers', () => {
    for (const value of [null, undefined, true, {}, [], [5], Number.NaN, Number.POSITIVE_INFINITY, 5n]) {
      expect(parseAmount(value)).toBeUndefined();
    }
  });
});

describe('microsToDecimalText writes exact USD', () => {
  it.each([
    [0n, '0'],
    [1n, '0.000001'],
    [-1n, '-0.000001'],
    [18_750_000n, '18.75'],
    [-2_000_000n, '-2'],
    [500_001n, '0.500001'],
    [999_999_999_999_999n, '999999999.999999'],
    [10_000_000n, '10'],
  ])('%s µ$ is %s', (micros, text) => {
    expect(microsToDecimalText(micros)).toBe(text);
  });

  it('reads back what it writes', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -999_999_999_999_999n, max: 999_999_999_999_999n }), (micros) => {
        expect(parseAmount(microsToDecimalText(micros))).toBe(micros);
      }),
      { numRuns: 300 },
    );
  });

  it('rounds a digit past the micro-dollar like halves away from zero', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -99_999_999_999n, max: 99_999_999_999n }), (tenths) => {
        // tenths of a micro-dollar, written with an exponent
        const magnitude = tenths < 0n ? -tenths : tenths;
        const rounded = magnitude / 10n + (magnitude % 10n >= 5n ? 1n : 0n);
        expect(parseAmount(`${tenths}e-7`)).toBe(tenths < 0n ? -rounded : rounded);
      }),
      { numRuns: 300 },
    );
  });
});

describe('divideRounded', () => {
  it.each([
    [1n, 2n, 1n],
    [-1n, 2n, -1n],
    [1n, -2n, -1n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
    [-5n, 2n, -3n],
    [7n, 7n, 1n],
    [0n, 7n, 0n],
  ])('%s / %s ≈ %s', (n, d, q) => {
    expect(divideRounded(n, d)).toBe(q);
  });
});

describe('isWholeDecimal', () => {
  it.each([
    ['12', true],
    ['12.0', true],
    ['1.2e1', true],
    ['1200e-2', true],
    ['0.0', true],
    ['-3', true],
    ['12.5', false],
    ['12.0000000000000001', false],
    ['125e-1', false],
  ])('%s → %s', (text, whole) => {
    expect(isWholeDecimal(text)).toBe(whole);
  });

  it('has no answer for non-decimals', () => {
    expect(isWholeDecimal('twelve')).toBeUndefined();
  });
});
