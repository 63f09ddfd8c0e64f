/**
 * Helpers for the engine's own tests. Expected values are written in plain units (USD numbers,
 * ISO instants) and converted here without going through the engine's readers.
 */
import { parse } from 'lossless-json';
import { evaluateCase } from '../../../shared/billing/evaluate';
import type { CaseError } from '../../../shared/billing/read-settings';
import type { BillingResult, GrantView } from '../../../shared/billing/types';

/** USD with at most 6 decimals → micro-dollars. */
export function usd(amount: number): bigint {
  return BigInt(Math.round(amount * 1_000_000));
}

/** An ISO instant → UTC ms, read by `Date.parse` (not the engine). */
export function ms(text: string): number {
  const value = Date.parse(text);
  if (Number.isNaN(value)) throw new Error(`bad test instant ${text}`);
  return value;
}

/** Evaluates a case that must be well-formed. */
export function run(input: unknown): BillingResult {
  const evaluation = evaluateCase(input);
  if (!evaluation.ok) throw new Error(`${evaluation.error.field}: ${evaluation.error.message}`);
  return evaluation.result;
}

/** Evaluates a case written as JSON text, numbers kept exact as the CLI reads them. */
export function runJson(text: string): BillingResult {
  return run(parse(text));
}

/** The error of a case that must be malformed. */
export function caseError(input: unknown): CaseError {
  const evaluation = evaluateCase(input);
  if (evaluation.ok) throw new Error('expected a malformed case');
  return evaluation.error;
}

export function grant(result: BillingResult, id: string): GrantView {
  const found = result.grants.find((g) => g.id === id);
  if (found === undefined) throw new Error(`no grant ${id}`);
  return found;
}

/** The counters of a grant, for one `toEqual`. */
export function counters(view: GrantView): Record<string, unknown> {
  const { used, debtSettled, forfeited, remaining, status } = view;
  return { used, debtSettled, forfeited, remaining, status };
}

export function month(
  result: BillingResult,
  key: string,
): { total: bigint; covered: bigint; uncovered: bigint } {
  const found = result.usageByMonth.get(key);
  if (found === undefined) throw new Error(`no usage month ${key}`);
  return found;
}
