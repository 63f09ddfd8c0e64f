/**
 * The demo's ledger and its simulator kept one account. The demo is an OpenAI account as Saldo sees
 * one: the simulator reports costs and usage, never the balance, so the ledger holds what an owner
 * would have recorded (shared/ledger/demo-seed.ts). A simulator plans its history back from the
 * moment it starts, so at each start the ledger takes the new simulator's own entries, and the new
 * simulator takes what the user recorded in the demo and the settings they applied.
 */
import type { BridgeResult } from '../../../shared/bridge/result';
import { isDemoSeedEntry } from '../../../shared/ledger/demo-seed';
import type { LedgerEntry } from '../../../shared/ledger/ledger-schema';
import {
  buyOnSimulator,
  calibrateOnSimulator,
  fetchLedgerSeed,
  grantOnSimulator,
} from '../simulator/control-client';
import type { LedgerStore } from '../stores';
import { alignDemoAutoRecharge } from './demo-auto-recharge';

/** Makes on the simulator what the user recorded: a purchase bought, free credit granted, a balance read. */
export function recordOnSimulator(
  simulatorUrl: string | null,
  entry: LedgerEntry,
): Promise<BridgeResult<null>> {
  switch (entry.type) {
    case 'purchase':
      return buyOnSimulator(simulatorUrl, entry);
    case 'grant':
      return grantOnSimulator(simulatorUrl, entry);
    case 'balance':
      return calibrateOnSimulator(simulatorUrl, entry);
  }
}

/**
 * At a new simulator's start, before its first sync: the user's entries are made on it; the
 * ledger's own entries become the simulator's — read after the user's, so its balance reading
 * includes them, and before any settings change, which the simulator makes from its now on and
 * would otherwise replay over the past it reads the balance from; then the settings agree
 * (demo-auto-recharge.ts). `now`: the simulator's clock, when the entries count as recorded.
 * Best effort: a refusal or a simulator that does not answer changes nothing (the sync that
 * follows reports a simulator that is gone).
 */
export async function alignDemoLedger(
  simulatorUrl: string | null,
  ledger: LedgerStore,
  now: () => number,
): Promise<void> {
  if (simulatorUrl === null) return;
  for (const entry of ledger.read().entries) {
    if (!isDemoSeedEntry(entry)) await recordOnSimulator(simulatorUrl, entry);
  }
  const seed = await fetchLedgerSeed(simulatorUrl);
  if (seed !== null) ledger.replaceDemoSeed(seed, now());
  await alignDemoAutoRecharge(simulatorUrl, ledger);
}
