/**
 * The spec's worked examples, read from `../shared/spec/cases` beside the checkout (CI lays it
 * there too), and the comparison the spec prescribes: amounts to the micro-dollar, `runwayDays`
 * within 1e-6 relative, instants as instants, everything else exactly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isLosslessNumber, parse, type LosslessNumber } from 'lossless-json';
import { parseInstant } from '../../shared/billing/instant';
import { parseAmount } from '../../shared/billing/money';

export const SPEC_DIR = path.resolve(
  process.env.SALDO_SPEC_DIR ?? path.join(__dirname, '..', '..', '..', 'shared', 'spec'),
);
export const CASES_DIR = path.join(SPEC_DIR, 'cases');

export interface SpecCase {
  name: string;
  casePath: string;
  expectedPath: string;
  input: unknown;
  expected: unknown;
}

export function readJson(file: string): unknown {
  return parse(readFileSync(file, 'utf8'));
}

/** Every `NN-name.json` with its `NN-name.expected.json`. */
export function loadSpecCases(): SpecCase[] {
  return readdirSync(CASES_DIR)
    .filter((file) => file.endsWith('.json') && !file.endsWith('.expected.json'))
    .sort()
    .map((file) => {
      const casePath = path.join(CASES_DIR, file);
      const expectedPath = casePath.replace(/\.json$/, '.expected.json');
      return {
        name: file.replace(/\.json$/, ''),
        casePath,
        expectedPath,
        input: readJson(casePath),
        expected: readJson(expectedPath),
      };
    });
}

const INSTANT_LIKE = /^[+-]?\d{4,}-\d{2}-\d{2}T/;

function sameNumber(key: string, actual: LosslessNumber, expected: LosslessNumber): boolean {
  if (key === 'runwayDays') {
    const a = Number(actual.value);
    const e = Number(expected.value);
    return a === e || Math.abs(a - e) <= 1e-6 * Math.abs(e);
  }
  if (key === 'index') return actual.value === expected.value;
  return parseAmount(actual) === parseAmount(expected);
}

function sameString(actual: string, expected: string): boolean {
  if (actual === expected) return true;
  if (!INSTANT_LIKE.test(expected)) return false;
  const e = parseInstant(expected);
  return e !== undefined && parseInstant(actual) === e;
}

/** Differences between a result and its expectation, as `path: got … want …` lines. */
export function specDifferences(actual: unknown, expected: unknown, at = '$', key = ''): string[] {
  const here = (): string[] => [`${at}: got ${show(actual)}, want ${show(expected)}`];
  if (isLosslessNumber(expected)) {
    return isLosslessNumber(actual) && sameNumber(key, actual, expected) ? [] : here();
  }
  if (typeof expected === 'string') {
    return typeof actual === 'string' && sameString(actual, expected) ? [] : here();
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return here();
    return expected.flatMap((item, i) => specDifferences(actual[i], item, `${at}[${i}]`, key));
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return here();
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
    return [...keys].flatMap((k) => specDifferences(a[k], e[k], `${at}.${k}`, k));
  }
  return actual === expected ? [] : here();
}

function show(value: unknown): string {
  return isLosslessNumber(value) ? value.value : JSON.stringify(value);
}
