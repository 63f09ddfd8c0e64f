/**
 * The demo account's auto-recharge, one setting on both sides: a new simulator starts with settings
 * of its own (`GET /sim/auto-recharge`, control-routes.ts) and recharges by them, so the ledger
 * mirrors those at the first sync instead of saying "Not set"; settings the user applied earlier
 * (kept in the demo ledger across restarts) are sent to the new simulator instead.
 */
import { z } from 'zod';
import { autoRechargeSettingsSchema, type AutoRechargeSettings } from '../../../shared/ledger/ledger-schema';
import { applyAutoRecharge, fetchAutoRecharge } from '../simulator/control-client';
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
 * At a new simulator's start: the ledger's settings go to the simulator when it holds some, else the
 * simulator's are recorded in the ledger. Best effort: a simulator that does not answer changes
 * nothing (the sync that follows reports it).
 */
export async function alignDemoAutoRecharge(simulatorUrl: string | null, ledger: LedgerStore): Promise<void> {
  if (simulatorUrl === null) return;
  const applied = ledger.read().autoRecharge;
  if (applied !== null) {
    await applyAutoRecharge(simulatorUrl, applied);
    return;
  }
  const settings = autoRechargeFromSimulator(await fetchAutoRecharge(simulatorUrl));
  // Asked again: the user may have set some while the simulator answered.
  if (settings !== null && ledger.read().autoRecharge === null) ledger.setAutoRecharge(settings);
}
