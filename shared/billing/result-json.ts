/**
 * The result object of spec §8–9 as JSON: one flat object, fields in the spec's order, amounts as
 * exact USD numbers (at most 6 decimals), instants as UTC text.
 */
import { LosslessNumber, stringify } from 'lossless-json';
import { formatInstant, type Instant } from './instant';
import { microsToDecimalText, type Micros } from './money';
import type { BillingResult } from './types';

const usd = (micros: Micros): LosslessNumber => new LosslessNumber(microsToDecimalText(micros));
const instantOrNull = (instant: Instant | bigint | null): string | null =>
  instant === null ? null : formatInstant(instant);

/** The result as the JSON-shaped object the spec shows (amounts kept exact as `LosslessNumber`). */
export function resultToSpecObject(result: BillingResult): Record<string, unknown> {
  return {
    available: usd(result.available),
    pending: usd(result.pending),
    debt: usd(result.debt),
    balance: usd(result.balance),
    quotaExhausted: result.quotaExhausted,
    exhaustedSince: instantOrNull(result.exhaustedSince),
    grants: result.grants.map((grant) => ({
      id: grant.id,
      source: grant.source,
      amount: usd(grant.amount),
      at: formatInstant(grant.at),
      effectiveAt: formatInstant(grant.effectiveAt),
      expiresAt: formatInstant(grant.expiresAt),
      used: usd(grant.used),
      debtSettled: usd(grant.debtSettled),
      forfeited: usd(grant.forfeited),
      remaining: usd(grant.remaining),
      status: grant.status,
    })),
    autoRecharges: result.autoRecharges.map(({ id, at, amount }) => ({
      id,
      at: formatInstant(at),
      amount: usd(amount),
    })),
    autoRechargeBlocked: result.autoRechargeBlocked.map(({ month, at, amount }) => ({
      month,
      at: formatInstant(at),
      amount: usd(amount),
    })),
    calibrations: result.calibrations.map(({ at, observed, computed, drift }) => ({
      at: formatInstant(at),
      observed: usd(observed),
      computed: usd(computed),
      drift: usd(drift),
    })),
    usageByMonth: Object.fromEntries(
      [...result.usageByMonth].map(([month, { total, covered, uncovered }]) => [
        month,
        { total: usd(total), covered: usd(covered), uncovered: usd(uncovered) },
      ]),
    ),
    totals: {
      purchased: usd(result.totals.purchased),
      granted: usd(result.totals.granted),
      used: usd(result.totals.used),
      forfeited: usd(result.totals.forfeited),
    },
    rejected: result.rejected.map(({ index, reason }) => ({ index, reason })),
    burnRatePerDay: usd(result.burnRatePerDay),
    runwayDays: result.runwayDays,
    depletionAt: instantOrNull(result.depletionAt),
    forfeitRisk: result.forfeitRisk.map(({ id, expiresAt, amount }) => ({
      id,
      expiresAt: formatInstant(expiresAt),
      amount: usd(amount),
    })),
    expiringSoon: result.expiringSoon.map(({ id, expiresAt, remaining }) => ({
      id,
      expiresAt: formatInstant(expiresAt),
      remaining: usd(remaining),
    })),
    nextAutoRechargeAt: instantOrNull(result.nextAutoRechargeAt),
    failsAt: instantOrNull(result.failsAt),
  };
}

/** The result as JSON text, indented by two spaces. */
export function resultToJson(result: BillingResult): string {
  return stringify(resultToSpecObject(result), null, 2) ?? '';
}
