/** The ledger and the engine's result as bookkeeping records: pure, no I/O, no clock. */
import { formatInstant } from '../../../shared/billing/instant';
import { microsToDecimalText } from '../../../shared/billing/money';
import type { BillingResult } from '../../../shared/billing/types';
import type { Ledger } from '../../../shared/ledger/ledger-schema';
import { creditKind, creditSource } from '../../../shared/account/credit-kind';
import { listedCreditIds } from '../monitor/build-case';
import { dailySpendOf } from './daily-spend';
import { purchasesOf } from './purchases';
import type { AccountRecord, ExportData } from './types';
import type { AccountReading } from '../../../shared/account/account-reading';

const usd = microsToDecimalText;

/**
 * Everything a bookkeeper needs from one evaluation: `result` must be the engine's result for this
 * `ledger` (e.g. `evaluateCase(buildCase(ledger, now))`), `reading` the account read from it.
 * Nothing time-based is added, so the same inputs always export the same bytes.
 */
export function exportRecords(
  ledger: Ledger,
  result: BillingResult,
  reading: AccountReading | null,
): ExportData {
  const listed = listedCreditIds(ledger);
  return {
    currency: 'USD',
    account: reading === null ? null : accountRecordOf(reading),
    grants: result.grants.map((grant) => {
      const source = creditSource(grant, listed);
      return {
        id: grant.id,
        source,
        kind: creditKind(source),
        at: formatInstant(grant.at),
        amount: usd(grant.amount),
        effectiveAt: formatInstant(grant.effectiveAt),
        expiresAt: formatInstant(grant.expiresAt),
        used: usd(grant.used),
        forfeited: usd(grant.forfeited),
        remaining: usd(grant.remaining),
        status: grant.status,
      };
    }),
    purchases: purchasesOf(ledger, result),
    calibrations: result.calibrations.map(({ at, observed, computed, drift }) => ({
      kind: creditKind('calibration'),
      at: formatInstant(at),
      observed: usd(observed),
      computed: usd(computed),
      drift: usd(drift),
    })),
    dailySpend: dailySpendOf(ledger.costs),
  };
}

const amountAt = (value: { at: number; amount: number } | null) =>
  value === null ? null : { at: formatInstant(value.at), amount: usd(BigInt(value.amount)) };

function accountRecordOf(reading: AccountReading): AccountRecord {
  return {
    at: formatInstant(reading.now),
    balance: usd(BigInt(reading.balance)),
    failsAt: reading.failsAt === null ? null : formatInstant(reading.failsAt),
    nextExpiry: amountAt(reading.nextExpiry),
    nextRecharge: amountAt(reading.nextRecharge),
    spendLimit:
      reading.spendLimit === null
        ? null
        : {
            limit: usd(BigInt(reading.spendLimit.limit)),
            spentThisMonth: usd(BigInt(reading.spendLimit.spentThisMonth)),
            fraction: reading.spendLimit.fraction,
          },
  };
}
