/**
 * A purchase recorded on the demo is bought on its simulator too: the simulator reports the balance
 * at each sync, and that reading would otherwise undo a purchase kept only in the ledger.
 */
import type { BridgeResult } from '../../../shared/bridge/result';
import type { PurchaseEntry } from '../../../shared/ledger/ledger-schema';
import { sendToSimulator } from './simulator-control';

const FIELDS: ReadonlySet<string> = new Set(['amount', 'at', 'id']);

/**
 * POSTs the entry to the simulator at `simulatorUrl` under the entry's own id, so the grant the
 * next sync lists and the entry count once (build-case.ts).
 */
export function buyOnSimulator(
  simulatorUrl: string | null,
  entry: Pick<PurchaseEntry, 'amount' | 'at' | 'id'>,
): Promise<BridgeResult<null>> {
  return sendToSimulator(simulatorUrl, {
    method: 'POST',
    route: 'purchases',
    body: { amount: entry.amount, at: entry.at, id: entry.id },
    fields: FIELDS,
    otherField: 'demo',
    what: 'purchase',
  });
}
