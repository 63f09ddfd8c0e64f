/** Synced daily costs as one total per UTC day, for the export. */
import { microsToDecimalText } from '../../../shared/billing/money';
import type { Ledger } from '../../../shared/ledger/ledger-schema';
import type { DailySpendRecord } from './types';

/**
 * Each day's cost summed over its line items and projects, in day order. Unlike the engine's case
 * (build-case.ts), a day whose rows sum to zero stays in: the export reports what was synced, and
 * a synced $0 day is a fact a bookkeeper may want to see. Sorted here rather than trusting the
 * ledger's order, because the sum must not depend on where the rows came from.
 */
export function dailySpendOf(costs: Ledger['costs']): DailySpendRecord[] {
  const totals = new Map<string, bigint>();
  for (const row of costs) totals.set(row.day, (totals.get(row.day) ?? 0n) + BigInt(row.amountMicros));
  return [...totals]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, micros]) => ({ day, amount: microsToDecimalText(micros) }));
}
