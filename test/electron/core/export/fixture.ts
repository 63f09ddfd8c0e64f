/**
 * A ledger with every kind of record, and the real engine's result for it (buildCase + evaluateCase).
 *
 * The story, at the default policy (credit usable at once, expiry 12 months) with auto-recharge
 * "add $10 below $1":
 * - `p1`, $10 bought 2025-10-01, spends 3.000002 in Oct 2025 and forfeits the rest when it expires on
 *   2026-10-01; the balance then falls to 0 and the engine's auto-recharge `auto-1` buys $10.
 * - `g1`, a free $5 grant, is drawn first: 2.5 on 2026-11-01, 1.75 by a balance read 1.75 below the
 *   engine's (negative drift), its last 0.75 on 2026-11-25 — which also takes 0.25 from `auto-1`.
 * - `p2` (an id with a comma, quotes and a newline) and `=HYPERLINK(…)` (an imported purchase) are
 *   never drawn; a second balance read, 1.75 above the engine's, makes the calibration credit `cal-1`.
 * - 2026-11-26 syncs two rows that cancel out; 2026-11-27 (today) costs 0.000001, taken from `auto-1`.
 */
import { evaluateCase } from '../../../../shared/billing/evaluate';
import type { BillingResult } from '../../../../shared/billing/types';
import { emptyLedger, type Ledger } from '../../../../shared/ledger/ledger-schema';
// build-case.ts directly: the monitor's index pulls in its stores and keychain, which the export never needs.
import { buildCase } from '../../../../electron/core/monitor/build-case';

export const NOW = Date.UTC(2026, 10, 27, 9, 30);
const CREATED = '2026-11-27T09:00:00Z';

export const TRICKY_ID = 'inv "A", no.1\nline 2';
export const FORMULA_ID = '=HYPERLINK("http://evil.example")';

const cost = (day: string, amountMicros: number, lineItem: string | null = null) => ({
  day,
  amountMicros,
  lineItem,
  projectId: null,
});

export function fullLedger(): Ledger {
  return {
    ...emptyLedger(),
    entries: [
      {
        type: 'purchase',
        id: 'p1',
        at: '2025-10-01T00:00:00Z',
        createdAt: CREATED,
        amount: '10',
        source: 'manual',
      },
      { type: 'grant', id: 'g1', at: '2026-10-10T00:00:00Z', createdAt: CREATED, amount: '5' },
      {
        type: 'purchase',
        id: TRICKY_ID,
        at: '2026-10-15T12:00:00Z',
        createdAt: CREATED,
        amount: '20.50',
        source: 'manual',
      },
      { type: 'balance', id: 'b1', at: '2026-11-20T00:00:00Z', createdAt: CREATED, balance: '31.25' },
      { type: 'balance', id: 'b2', at: '2026-11-26T00:00:00Z', createdAt: CREATED, balance: '32' },
      {
        type: 'purchase',
        id: FORMULA_ID,
        at: '2026-11-26T12:00:00Z',
        createdAt: CREATED,
        amount: '5',
        source: 'import',
      },
    ],
    autoRecharge: {
      enabled: true,
      threshold: '1',
      mode: 'add',
      amount: '10',
      target: null,
      monthlyLimit: null,
    },
    costs: [
      cost('2025-10-02', 3_000_000, 'gpt-4o, input'),
      cost('2025-10-02', 1, 'gpt-4o, output'),
      cost('2025-10-03', 1),
      cost('2026-11-01', 2_500_000),
      cost('2026-11-25', 1_000_000),
      cost('2026-11-26', 1_000, 'gpt-4o, input'),
      cost('2026-11-26', -1_000, 'refund'),
      cost('2026-11-27', 1),
    ],
  };
}

/** The engine's result for `ledger` at `now`, as the monitor computes it. */
export function evaluateLedger(ledger: Ledger, now = NOW): BillingResult {
  const evaluation = evaluateCase(buildCase(ledger, now));
  if (!evaluation.ok) throw new Error(`${evaluation.error.field}: ${evaluation.error.message}`);
  return evaluation.result;
}
