/**
 * "Apply" for auto-recharge: sends the settings to the backend, which only the demo's simulator
 * accepts (its `/sim/auto-recharge` control route). OpenAI has no API for it: the settings are
 * changed on its billing page and mirrored here.
 */
import type { BridgeResult } from '../../../shared/bridge/result';
import type { AutoRechargeSettings } from '../../../shared/ledger/ledger-schema';
import { sendToSimulator } from './simulator-control';

export const BILLING_PAGE_URL = 'https://platform.openai.com/settings/organization/billing/overview';

export const NO_AUTO_RECHARGE_API =
  'OpenAI has no API for auto-recharge settings: change them on the billing page ' +
  `(${BILLING_PAGE_URL}), then record the same settings here without applying them.`;

const FIELDS: ReadonlySet<string> = new Set([
  'enabled',
  'threshold',
  'mode',
  'amount',
  'target',
  'monthlyLimit',
]);

/** PUTs the settings (null: auto-recharge off) to the simulator at `simulatorUrl`. */
export function applyToSimulator(
  simulatorUrl: string | null,
  settings: AutoRechargeSettings | null,
): Promise<BridgeResult<null>> {
  return sendToSimulator(simulatorUrl, {
    method: 'PUT',
    route: 'auto-recharge',
    body: settings ?? { enabled: false },
    fields: FIELDS,
    otherField: 'apply',
    what: 'settings',
  });
}
