/** The ledger and the engine's result as bookkeeping records: pure, no I/O, no clock. */
import { formatInstant } from '../../../shared/billing/instant';
import { microsToDecimalText } from '../../../shared/billing/money';
import type { BillingResult } from '../../../shared/billing/types';
import type { Ledger } from '../../../shared/ledger/ledger-schema';
import { dailySpendOf } from './daily-spend';
import { purchasesOf } from './purchases';
import type { ExportData } from './types';

const usd = microsToDecimalText;

/**
 * Everything a bookkeeper needs from one evaluation: `result` must be the engine's result for this
 * `ledger` (e.g. `evaluateCase(buildCase(ledger, now))`). Nothing time-based is added, so the same
 * inputs always export the same bytes.
 */
export function exportRecords(ledger: Ledger, result: BillingResult): ExportData {
  return {
    currency: 'USD',
    grants: result.grants.map((grant) => ({
      id: grant.id,
      source: grant.source,
      at: formatInstant(grant.at),
      amount: usd(grant.amount),
      effectiveAt: formatInstant(grant.effectiveAt),
      expiresAt: formatInstant(grant.expiresAt),
      used: usd(grant.used),
      forfeited: usd(grant.forfeited),
      remaining: usd(grant.remaining),
      status: grant.status,
    })),
    purchases: purchasesOf(ledger, result),
    calibrations: result.calibrations.map(({ at, observed, computed, drift }) => ({
      at: formatInstant(at),
      observed: usd(observed),
      computed: usd(computed),
      drift: usd(drift),
    })),
    dailySpend: dailySpendOf(ledger.costs),
  };
}
