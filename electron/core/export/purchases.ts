/** The purchases of the export: what the user recorded and what the engine's auto-recharge bought. */
import { creditKind } from '../../../shared/account/credit-kind';
import { formatInstant, parseInstant, type Instant } from '../../../shared/billing/instant';
import { microsToDecimalText, parseAmount } from '../../../shared/billing/money';
import type { BillingResult } from '../../../shared/billing/types';
import type { Ledger } from '../../../shared/ledger/ledger-schema';
import type { PurchaseRecord } from './types';

/**
 * User-recorded purchases come from the ledger, not from the engine's grants: a purchase the engine
 * rejected (say, above its purchase limit) was still paid for, and a bookkeeping export must not
 * drop it silently. The engine's auto-recharges are known only to the result. Both are listed in
 * time order; at equal instants the ledger's entries come first, in ledger order (the sort is stable).
 */
export function purchasesOf(ledger: Ledger, result: BillingResult): PurchaseRecord[] {
  const purchases: { instant: Instant; record: PurchaseRecord }[] = [];
  for (const entry of ledger.entries) {
    if (entry.type !== 'purchase') continue;
    const instant = readInstant(entry.at, entry.id);
    purchases.push({
      instant,
      record: {
        id: entry.id,
        at: formatInstant(instant),
        amount: canonicalAmount(entry.amount, entry.id),
        source: entry.source,
        kind: creditKind(entry.source),
      },
    });
  }
  for (const { id, at, amount } of result.autoRecharges) {
    purchases.push({
      instant: at,
      record: {
        id,
        at: formatInstant(at),
        amount: microsToDecimalText(amount),
        source: 'auto',
        kind: creditKind('auto'),
      },
    });
  }
  return purchases.sort((a, b) => a.instant - b.instant).map(({ record }) => record);
}

// A validated ledger always reads; these throw only for a ledger built past its schema, where
// exporting a guess would be worse than failing.
function readInstant(text: string, id: string): Instant {
  const instant = parseInstant(text);
  if (instant === undefined) throw new Error(`ledger entry ${JSON.stringify(id)}: unreadable at`);
  return instant;
}

/** The ledger's text ("20.50") in the one form every other amount of the export has ("20.5"). */
function canonicalAmount(text: string, id: string): string {
  const micros = parseAmount(text);
  if (micros === undefined) throw new Error(`ledger entry ${JSON.stringify(id)}: unreadable amount`);
  return microsToDecimalText(micros);
}
