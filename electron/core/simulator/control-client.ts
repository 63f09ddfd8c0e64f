/**
 * The demo's simulator driven over its `/sim` control API (control-routes.ts) — the only backend
 * that takes changes: auto-recharge settings ("Apply", and aligning a new simulator with the
 * ledger) and what the user records (purchases, free credit, balances read). A refusal becomes an
 * error value naming the field it is about.
 */
import { failure, type BridgeResult } from '../../../shared/bridge/result';
import type {
  AutoRechargeSettings,
  BalanceEntry,
  GrantEntry,
  PurchaseEntry,
} from '../../../shared/ledger/ledger-schema';

interface SimulatorChange {
  method: 'POST' | 'PUT';
  /** The control route under `/sim/`, e.g. `purchases`. */
  route: string;
  body: unknown;
  /** The request's fields a refusal may name; anything else is reported under `otherField`. */
  fields: ReadonlySet<string>;
  otherField: string;
  /** What is sent, for the refusal's sentence: `settings`, `purchase`. */
  what: string;
}

/** Sends `change` to the simulator at `simulatorUrl` (null: not started). */
async function sendToSimulator(
  simulatorUrl: string | null,
  change: SimulatorChange,
): Promise<BridgeResult<null>> {
  if (simulatorUrl === null) {
    return failure(
      change.otherField,
      'The demo account has not started yet: try again once its first sync is done.',
    );
  }
  let response: Response;
  try {
    response = await fetch(`${simulatorUrl}/sim/${change.route}`, {
      method: change.method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(change.body),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failure(change.otherField, `The demo account could not be reached (${reason}).`);
  }
  if (response.ok) return { ok: true, value: null };
  // The simulator answers OpenAI's error shape, `param` naming the field (control-routes.ts).
  const body = (await response.json().catch(() => null)) as {
    error?: { message?: unknown; param?: unknown };
  } | null;
  const param = typeof body?.error?.param === 'string' ? body.error.param : '';
  const message = typeof body?.error?.message === 'string' ? body.error.message : `status ${response.status}`;
  return failure(
    change.fields.has(param) ? param : change.otherField,
    `The demo account refused the ${change.what}: ${message}`,
  );
}

const AUTO_RECHARGE_FIELDS: ReadonlySet<string> = new Set([
  'enabled',
  'threshold',
  'mode',
  'amount',
  'target',
  'monthlyLimit',
]);

/** PUTs auto-recharge settings (null: off); a refusal that names no setting is on field `apply`. */
export function applyAutoRecharge(
  simulatorUrl: string | null,
  settings: AutoRechargeSettings | null,
): Promise<BridgeResult<null>> {
  return sendToSimulator(simulatorUrl, {
    method: 'PUT',
    route: 'auto-recharge',
    body: settings ?? { enabled: false },
    fields: AUTO_RECHARGE_FIELDS,
    otherField: 'apply',
    what: 'settings',
  });
}

/** A control route's answer as JSON; null when the simulator does not answer it. */
async function getFromSimulator(simulatorUrl: string, route: string): Promise<unknown> {
  try {
    const response = await fetch(`${simulatorUrl}/sim/${route}`);
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

/** The simulator's own auto-recharge settings as it sends them; null when it does not answer. */
export function fetchAutoRecharge(simulatorUrl: string): Promise<unknown> {
  return getFromSimulator(simulatorUrl, 'auto-recharge');
}

const PURCHASE_FIELDS: ReadonlySet<string> = new Set(['amount', 'at', 'id']);

/**
 * Buys on the simulator what the user recorded, under the entry's own id, so the simulated account
 * holds what the demo's ledger holds.
 */
export function buyOnSimulator(
  simulatorUrl: string | null,
  entry: Pick<PurchaseEntry, 'amount' | 'at' | 'id'>,
): Promise<BridgeResult<null>> {
  return sendToSimulator(simulatorUrl, {
    method: 'POST',
    route: 'purchases',
    body: { amount: entry.amount, at: entry.at, id: entry.id },
    fields: PURCHASE_FIELDS,
    otherField: 'demo',
    what: 'purchase',
  });
}

const GRANT_FIELDS: ReadonlySet<string> = new Set(['amount', 'at', 'expiresAt', 'id']);

/** Grants on the simulator the free credit the user recorded, under the entry's own id. */
export function grantOnSimulator(
  simulatorUrl: string | null,
  entry: Pick<GrantEntry, 'amount' | 'at' | 'expiresAt' | 'id'>,
): Promise<BridgeResult<null>> {
  return sendToSimulator(simulatorUrl, {
    method: 'POST',
    route: 'grants',
    body: { amount: entry.amount, at: entry.at, expiresAt: entry.expiresAt, id: entry.id },
    fields: GRANT_FIELDS,
    otherField: 'demo',
    what: 'free credit',
  });
}

const BALANCE_FIELDS: ReadonlySet<string> = new Set(['balance', 'at']);

/** Sets the simulated account to the balance the user recorded, at its instant (a calibration). */
export function calibrateOnSimulator(
  simulatorUrl: string | null,
  entry: Pick<BalanceEntry, 'balance' | 'at'>,
): Promise<BridgeResult<null>> {
  return sendToSimulator(simulatorUrl, {
    method: 'POST',
    route: 'balances',
    body: { balance: entry.balance, at: entry.at },
    fields: BALANCE_FIELDS,
    otherField: 'demo',
    what: 'balance',
  });
}

/** What the demo's ledger starts with (`GET /sim/ledger-seed`) as the simulator sends it; null when it does not answer. */
export function fetchLedgerSeed(simulatorUrl: string): Promise<unknown> {
  return getFromSimulator(simulatorUrl, 'ledger-seed');
}
