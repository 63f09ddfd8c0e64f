/**
 * `saldo auto-recharge show|set|off`: the provider's auto-recharge settings as the user mirrors
 * them, which the engine applies to forecast what recharges will cost. Checked by the engine's own
 * reader, so a threshold or amount outside the purchase limits is refused by name.
 */
import type { AutoRechargeSettings } from '../../../shared/ledger/ledger-schema';
import { readOptions } from '../args';
import { storeFailure, withMonitor } from '../context';
import { demoNote } from '../demo-note';
import { EXIT_OK, UserError, type CliIo } from '../io';
import { autoRechargeLine } from '../status-view';

export const autoRechargeUsage = [
  'auto-recharge show [--json] | set --threshold USD (--amount USD | --target USD) [--monthly-limit USD] | off',
  "mirror the billing page's auto-recharge",
] as const;

/** The settings' field names as the options spell them. */
const OPTION_OF: Record<string, string> = { monthlyLimit: 'monthly-limit' };

const SET_SPEC = {
  threshold: { type: 'string' },
  amount: { type: 'string' },
  target: { type: 'string' },
  'monthly-limit': { type: 'string' },
} as const;

function settingsFrom(args: readonly string[]): AutoRechargeSettings {
  const { values } = readOptions(args, SET_SPEC, 'auto-recharge set', autoRechargeUsage[0]);
  if (values.threshold === undefined) throw new UserError('threshold', 'is required');
  if ((values.amount === undefined) === (values.target === undefined)) {
    throw new UserError(
      'amount',
      'give either --amount (buy a fixed amount) or --target (top up to a balance)',
    );
  }
  return {
    enabled: true,
    threshold: values.threshold,
    mode: values.amount === undefined ? 'topUp' : 'add',
    amount: values.amount ?? null,
    target: values.target ?? null,
    monthlyLimit: values['monthly-limit'] ?? null,
  };
}

export async function autoRechargeCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'show' && sub !== 'set' && sub !== 'off') {
    throw new UserError('auto-recharge', `usage: saldo ${autoRechargeUsage[0]}`);
  }
  const next = sub === 'set' ? settingsFrom(rest) : null;
  const json =
    sub === 'show' &&
    readOptions(rest, { json: { type: 'boolean' } }, 'auto-recharge show', 'auto-recharge show [--json]')
      .values.json === true;
  if (sub === 'off') readOptions(rest, {}, 'auto-recharge off', 'auto-recharge off');
  return withMonitor(io, async (opened) => {
    const { ledger, settings } = opened;
    const language = settings.read().language;
    const current = ledger.read().autoRecharge;
    if (sub === 'show') {
      io.stdout(
        json
          ? `${JSON.stringify({ autoRecharge: current }, null, 2)}\n`
          : `Auto-recharge: ${autoRechargeLine(current, language)}\n`,
      );
      return EXIT_OK;
    }
    const wanted: AutoRechargeSettings =
      next ??
      (current === null
        ? { enabled: false, threshold: null, mode: 'add', amount: null, target: null, monthlyLimit: null }
        : { ...current, enabled: false });
    const saved = ledger.setAutoRecharge(wanted);
    if (!saved.ok) {
      const error = saved.error;
      if (error.kind !== 'invalid') throw storeFailure(error);
      const field = error.field.replace(/^autoRecharge\./, '');
      throw new UserError(OPTION_OF[field] ?? field, error.message);
    }
    io.stdout(
      `Auto-recharge: ${autoRechargeLine(saved.value.autoRecharge, language)}\n${demoNote(opened, io.env)}`,
    );
    return EXIT_OK;
  });
}
