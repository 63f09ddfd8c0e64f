/**
 * Money in the core: integer micro-dollars held as `bigint`, so that sums of any length are exact
 * (spec §1). Amounts are read from their decimal text, never through a double.
 */
export type Micros = bigint;

export const MICROS_PER_USD = 1_000_000n;

/** |amount| ≥ 10^9 USD is unreadable (spec §1). */
const LIMIT = 1_000_000_000n * MICROS_PER_USD;

const DECIMAL = /^([+-]?)([0-9]+)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/;
const SHORT_DECIMAL = /^(-?)([0-9]{1,9})(?:\.([0-9]{1,6}))?$/;
const FRACTION_PAD = '000000';

/**
 * A JSON number that kept its source text, as `lossless-json` hands it over. Typed structurally so
 * the engine does not depend on the parser.
 */
export interface DecimalTextNumber {
  readonly isLosslessNumber: true;
  readonly value: string;
}

export function isDecimalTextNumber(value: unknown): value is DecimalTextNumber {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Partial<DecimalTextNumber>).isLosslessNumber === true &&
    typeof (value as Partial<DecimalTextNumber>).value === 'string'
  );
}

/**
 * The decimal text of an amount field: a JSON number (kept as text, or a JS number whose shortest
 * round-trip text is what JSON.parse read) or a decimal string. Anything else has none.
 */
export function decimalText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isDecimalTextNumber(value)) return value.value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Reads an amount in USD to micro-dollars: the exact decimal, rounded once, halves away from zero.
 * Returns undefined when the value is not a decimal or its rounded magnitude is 10^9 USD or more.
 */
export function parseAmount(value: unknown): Micros | undefined {
  const text = decimalText(value);
  if (text === undefined) return undefined;
  // The common case — at most 9 integer and 6 fraction digits — is one BigInt conversion.
  const short = SHORT_DECIMAL.exec(text);
  if (short !== null) {
    const digits = BigInt(short[2]! + ((short[3] ?? '') + FRACTION_PAD).slice(0, 6));
    return short[1] === '-' ? -digits : digits;
  }
  return parseGeneralDecimal(text);
}

function parseGeneralDecimal(text: string): Micros | undefined {
  const match = DECIMAL.exec(text);
  if (match === null) return undefined;
  const [, sign, whole, fraction = '', exponentText = '0'] = match;
  const significand = (whole! + fraction).replace(/^0+/, '');
  if (significand === '') return 0n;
  const exponent = Number(exponentText) - fraction.length;
  // value = significand × 10^exponent, with significand ≥ 10^(digits−1).
  const magnitude = significand.length - 1 + exponent;
  if (magnitude >= 9) return undefined;
  if (magnitude < -7) return 0n; // below 10^-7 USD: rounds to zero
  const shift = exponent + 6;
  let micros: bigint;
  if (shift >= 0) {
    micros = BigInt(significand) * 10n ** BigInt(shift);
  } else {
    const divisor = 10n ** BigInt(-shift);
    const scaled = BigInt(significand);
    micros = scaled / divisor + (2n * (scaled % divisor) >= divisor ? 1n : 0n);
  }
  if (micros >= LIMIT) return undefined;
  return sign === '-' ? -micros : micros;
}

/**
 * Whether a decimal text is a whole number, read exactly: `12`, `12.0`, `1.2e1` are, `12.0000000000000001`
 * is not, though a double would round it to 12. Undefined when the text is no decimal.
 */
export function isWholeDecimal(text: string): boolean | undefined {
  const match = DECIMAL.exec(text);
  if (match === null) return undefined;
  const [, , whole, fraction = '', exponentText = '0'] = match;
  const digits = (whole! + fraction).replace(/0+$/, '');
  const exponent = Number(exponentText) - fraction.length + (whole! + fraction).length - digits.length;
  return digits === '' || exponent >= 0;
}

/** Exact decimal text of an amount in USD: `18.75`, `-2`, `0.000001`. */
export function microsToDecimalText(micros: Micros): string {
  const negative = micros < 0n;
  const magnitude = negative ? -micros : micros;
  const whole = magnitude / MICROS_PER_USD;
  const fraction = (magnitude % MICROS_PER_USD).toString().padStart(6, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

/** `numerator / denominator` rounded to the nearest integer, halves away from zero. */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

export function minMicros(a: Micros, b: Micros): Micros {
  return a < b ? a : b;
}
