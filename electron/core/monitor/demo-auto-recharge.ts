/**
 * The demo account's own auto-recharge, mirrored into its ledger: its simulator starts with
 * settings of its own (`GET /sim/auto-recharge`, control-routes.ts) and recharges by them, so the
 * Auto-recharge view shows them from the first sync instead of "Not set".
 */
import { z } from 'zod';
import { autoRechargeSettingsSchema, type AutoRechargeSettings } from '../../../shared/ledger/ledger-schema';
import type { LedgerStore } from '../stores';

/** USD as the simulator holds it: a JSON number or a decimal string, absent or null when unset. */
const simulatorAmount = z.union([z.number(), z.string()]).nullish();

const simulatorSettingsSchema = z.object({
  enabled: z.boolean(),
  threshold: simulatorAmount,
  mode: z.enum(['add', 'topUp']).nullish(),
  amount: simulatorAmount,
  target: simulatorAmount,
  monthlyLimit: simulatorAmount,
});

function usdText(amount: z.output<typeof simulatorAmount>): string | null {
  return amount === null || amount === undefined ? null : String(amount);
}

/** The simulator's settings in the ledger's shape; null when they are not settings the ledger accepts. */
export function autoRechargeFromSimulator(raw: unknown): AutoRechargeSettings | null {
  const read = simulatorSettingsSchema.safeParse(raw);
  if (!read.success) return null;
  const { enabled, mode, threshold, amount, target, monthlyLimit } = read.data;
  const settings = autoRechargeSettingsSchema.safeParse({
    enabled,
    threshold: usdText(threshold),
    // The engine's default when the simulator leaves it out.
    mode: mode ?? 'add',
    amount: usdText(amount),
    target: usdText(target),
    monthlyLimit: usdText(monthlyLimit),
  });
  return settings.success ? settings.data : null;
}

/**
 * Records the simulator's auto-recharge in the ledger while the ledger holds none: settings the
 * user recorded or applied stay. Best effort: a simulator that does not answer leaves it unset.
 */
export async function mirrorSimulatorAutoRecharge(
  simulatorUrl: string | null,
  ledger: LedgerStore,
): Promise<void> {
  if (simulatorUrl === null || ledger.read().autoRecharge !== null) return;
  let raw: unknown;
  try {
    const response = await fetch(`${simulatorUrl}/sim/auto-recharge`);
    if (!response.ok) return;
    raw = await response.json();
  } catch {
    return;
  }
  const settings = autoRechargeFromSimulator(raw);
  // Asked again: the user may have set some while the simulator answered.
  if (settings !== null && ledger.read().autoRecharge === null) ledger.setAutoRecharge(settings);
}
