/**
 * The billing rules' worked examples — the project's copy in `test/fixtures/spec-cases`
 * (`SALDO_SPEC_DIR` may point at another folder holding `cases/`) — and the comparison the rules
 * prescribe: amounts to the micro-dollar, `runwayDays` within 1e-6 relative, the projection's
 * instants within 60 s, other instants as instants, everything else exactly.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isLosslessNumber, parse, type LosslessNumber } from 'lossless-json';
import { parseInstant } from '../../shared/billing/instant';
import { parseAmount } from '../../shared/billing/money';

/** The project's own copy of the worked examples. */
export const PROJECT_CASES_DIR = path.resolve(__dirname, '..', 'fixtures', 'spec-cases');
/** Where the copy comes from, when a checkout of the rules lies beside the repository. */
export const UPSTREAM_CASES_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'spec', 'cases');
export const CASES_DIR =
  process.env.SALDO_SPEC_DIR === undefined
    ? PROJECT_CASES_DIR
    : path.join(path.resolve(process.env.SALDO_SPEC_DIR), 'cases');

/** The rules compare `nextAutoRechargeAt` and `failsAt` within 60 s (spec §9.1). */
export const PROJECTION_TOLERANCE_MS = 60_000;
const PROJECTION_FIELDS = new Set(['nextAutoRechargeAt', 'failsAt']);

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

function sameString(key: string, actual: string, expected: string, projectionToleranceMs: number): boolean {
  if (actual === expected) return true;
  if (!INSTANT_LIKE.test(expected)) return false;
  const e = parseInstant(expected);
  const a = parseInstant(actual);
  if (e === undefined || a === undefined) return false;
  return PROJECTION_FIELDS.has(key) ? Math.abs(a - e) <= projectionToleranceMs : a === e;
}

/**
 * Differences between a result and its expectation, as `path: got … want …` lines. The projection's
 * instants may differ by `projectionToleranceMs` (the rules' 60 s; 0 where two exact engines meet).
 */
export function specDifferences(
  actual: unknown,
  expected: unknown,
  projectionToleranceMs = PROJECTION_TOLERANCE_MS,
): string[] {
  const differences = (actual: unknown, expected: unknown, at: string, key: string): string[] => {
    const here = (): string[] => [`${at}: got ${show(actual)}, want ${show(expected)}`];
    if (isLosslessNumber(expected)) {
      return isLosslessNumber(actual) && sameNumber(key, actual, expected) ? [] : here();
    }
    if (typeof expected === 'string') {
      return typeof actual === 'string' && sameString(key, actual, expected, projectionToleranceMs)
        ? []
        : here();
    }
    if (Array.isArray(expected)) {
      if (!Array.isArray(actual) || actual.length !== expected.length) return here();
      return expected.flatMap((item, i) => differences(actual[i], item, `${at}[${i}]`, key));
    }
    if (typeof expected === 'object' && expected !== null) {
      if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return here();
      const a = actual as Record<string, unknown>;
      const e = expected as Record<string, unknown>;
      const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
      return [...keys].flatMap((k) => differences(a[k], e[k], `${at}.${k}`, k));
    }
    return actual === expected ? [] : here();
  };
  return differences(actual, expected, '$', '');
}

function show(value: unknown): string {
  return isLosslessNumber(value) ? value.value : JSON.stringify(value);
}
