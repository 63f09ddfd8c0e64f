/**
 * Demo data directories prepared before the first sync. Left unrecorded, the demo's auto-recharge
 * is mirrored from its simulator at that sync (on, with room under its limit): a low balance is
 * then expected to be covered and tells nothing (ux.md §4), and the engine makes its recharges.
 */
import path from 'node:path';
import { expect } from 'vitest';
import type { SettingsChanges } from '../../../shared/settings/settings-schema';
import { DEMO_LEDGER_DIR } from '../../../electron/core/monitor';
import { openStores } from '../../../electron/core/stores';

const AUTO_RECHARGE_OFF = {
  enabled: false,
  threshold: null,
  mode: 'add',
  amount: null,
  target: null,
  monthlyLimit: null,
} as const;

/** The demo's auto-recharge recorded as off, and these settings stored. */
export function prepareDemo(dir: string, settings: SettingsChanges = {}): void {
  const stores = openStores({ dir, ledgerDir: path.join(dir, DEMO_LEDGER_DIR) });
  if (!stores.ok) throw new Error(stores.error.message);
  expect(stores.settings.update(settings).ok).toBe(true);
  expect(stores.ledger.setAutoRecharge(AUTO_RECHARGE_OFF).ok).toBe(true);
}

/** Low balance holds from the first sync: a threshold far above the demo's balance, no auto-recharge. */
export function prepareLowBalanceDemo(dir: string, settings: SettingsChanges = {}): void {
  prepareDemo(dir, { lowBalanceThreshold: '100000', ...settings });
}
