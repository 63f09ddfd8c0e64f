/**
 * "Apply" for auto-recharge: sends the settings to the backend, which only the demo's simulator
 * accepts (its `/sim/auto-recharge` control route). OpenAI has no API for it: the settings are
 * changed on its billing page and mirrored here.
 */
import { failure, type BridgeResult } from '../../../shared/bridge/result';
import type { AutoRechargeSettings } from '../../../shared/ledger/ledger-schema';

export const BILLING_PAGE_URL = 'https://platform.openai.com/settings/organization/billing/overview';

export const NO_AUTO_RECHARGE_API =
  'OpenAI has no API for auto-recharge settings: change them on the billing page ' +
  `(${BILLING_PAGE_URL}), then record the same settings here without applying them.`;

const FIELDS = new Set(['enabled', 'threshold', 'mode', 'amount', 'target', 'monthlyLimit']);

/** PUTs the settings (null: auto-recharge off) to the simulator at `simulatorUrl`. */
export async function applyToSimulator(
  simulatorUrl: string | null,
  settings: AutoRechargeSettings | null,
): Promise<BridgeResult<null>> {
  if (simulatorUrl === null) {
    return failure('apply', 'The demo account has not started yet: try again once its first sync is done.');
  }
  let response: Response;
  try {
    response = await fetch(`${simulatorUrl}/sim/auto-recharge`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(settings ?? { enabled: false }),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failure('apply', `The demo account could not be reached (${reason}).`);
  }
  if (response.ok) return { ok: true, value: null };
  // The simulator answers OpenAI's error shape, `param` naming the field (control-routes.ts).
  const body = (await response.json().catch(() => null)) as {
    error?: { message?: unknown; param?: unknown };
  } | null;
  const param = typeof body?.error?.param === 'string' ? body.error.param : '';
  const message = typeof body?.error?.message === 'string' ? body.error.message : `status ${response.status}`;
  return failure(FIELDS.has(param) ? param : 'apply', `The demo account refused the settings: ${message}`);
}
