/**
 * The dashboard's snapshot (shared/bridge/dashboard-state.ts) from what the monitor knows: its
 * state (the engine's result and the alerts of the last evaluation), the ledger, the settings, the
 * backend chosen and the key's kind. Pure: every source is passed in, so the same inputs always
 * give the same snapshot, and the tests check it against the contract's schema.
 */
import { parseInstant, utcMonthOf, type Instant } from '../../../shared/billing/instant';
import { DEFAULT_PURCHASE_LIMITS, readSettings } from '../../../shared/billing/read-settings';
import { toJsonSafe } from '../../../shared/billing/projection-json';
import type { BillingResult, GrantSource } from '../../../shared/billing/types';
import type {
  AutoRechargeState,
  DashboardState,
  GrantRow,
  KeyInfo,
  Marker,
  PastAlert,
  SyncStatus,
} from '../../../shared/bridge/dashboard-state';
import type { Ledger } from '../../../shared/ledger/ledger-schema';
import type { Settings } from '../../../shared/settings/settings-schema';
import type { BackendCapabilities } from '../billing-backend';
import {
  buildCase,
  providerGrants,
  type BackendChoice,
  type KeyDescription,
  type MonitorState,
} from '../monitor';
import type { SecretBackend, SecretStoreDescription } from '../secrets';
import { buildSpend } from './spend';

export interface SnapshotSources {
  /** The backend's clock, UTC ms. */
  now: Instant;
  state: MonitorState;
  ledger: Ledger;
  settings: Settings;
  backend: { choice: BackendChoice; baseUrl: string | null; capabilities: BackendCapabilities };
  key: KeyInfo;
  sync: SyncStatus;
  /** The data directory (the demo's ledger lives in its `demo/` folder). */
  dataDir: string;
}

/** Micro-dollars as a JSON number: exact, since every amount Saldo shows is far below 2^53 µ$. */
const micros = (amount: bigint): number => Number(amount);

export function buildSnapshot(sources: SnapshotSources): DashboardState {
  const { now, state, ledger, settings, backend } = sources;
  const result = state.result;
  const billingCase = buildCase(ledger, now);
  const billing = readSettings(billingCase);
  return {
    now,
    backend: {
      name: backend.choice.backend,
      reason: backend.choice.reason,
      baseUrl: backend.baseUrl,
      capabilities: {
        balance: backend.capabilities.balance,
        autoRechargeSettings: backend.capabilities.autoRechargeSettings,
      },
    },
    key: sources.key,
    sync: sources.sync,
    account: state.reading,
    grants: result === null ? [] : grantsOf(result, ledger),
    entries: [...ledger.entries],
    spend: buildSpend(ledger.costs, now, 'field' in billing ? null : { billing, events: billingCase.events }),
    markers: result === null ? [] : markersOf(result),
    autoRecharge: autoRechargeOf(result, ledger, now),
    alerts: { current: state.alerts.map((alert) => ({ ...alert })), past: pastAlerts(ledger) },
    settings,
    dataDir: sources.dataDir,
  };
}

/**
 * Where the key would be kept, and the key in use (kind and last four only). A store that keeps
 * keys for this run only (memory) still keeps them: `keychain`; the desktop app's safeStorage file
 * is `encrypted-file`, worded apart so nobody reads it as the keychain; one that cannot keep any (no
 * keychain, or only OPENAI_ADMIN_KEY) is `unavailable`, and its detail says why.
 */
export function keyInfoOf(
  store: SecretStoreDescription,
  inUse: (Pick<KeyDescription, 'kind' | 'last4'> & { source: 'keychain' | 'environment' }) | null,
): KeyInfo {
  return {
    store: keyStoreOf(store.backend),
    keeper: store.keeper ?? null,
    file: store.path ?? null,
    advice: store.advice ?? null,
    stored: inUse === null ? null : { kind: inUse.kind, last4: inUse.last4, source: inUse.source },
    // The session knows the last test, and adds it.
    lastCheck: null,
  };
}

function keyStoreOf(backend: SecretBackend): KeyInfo['store'] {
  switch (backend) {
    case 'keychain':
    case 'memory':
      return 'keychain';
    case 'encrypted-file':
      return 'encrypted-file';
    case 'environment':
    case 'unavailable':
      return 'unavailable';
  }
}

/** The engine's grants; a credit the provider listed is `provider`, not "free credit" (it may be bought). */
function grantsOf(result: BillingResult, ledger: Ledger): GrantRow[] {
  const risk = new Map(result.forfeitRisk.map((entry) => [entry.id, entry.amount]));
  const listed = new Set(providerGrants(ledger).map(({ id }) => id));
  return result.grants.map((grant) => ({
    id: grant.id,
    source: grant.source === 'grant' && listed.has(grant.id) ? 'provider' : grant.source,
    amount: micros(grant.amount),
    used: micros(grant.used),
    remaining: micros(grant.remaining),
    forfeited: micros(grant.forfeited),
    at: grant.at,
    effectiveAt: grant.effectiveAt,
    expiresAt: grant.expiresAt,
    status: grant.status,
    forfeitRisk: micros(risk.get(grant.id) ?? 0n),
  }));
}

const MARKER_OF: Record<Exclude<GrantSource, 'calibration'>, Marker['kind']> = {
  manual: 'purchase',
  import: 'purchase',
  auto: 'auto-recharge',
  grant: 'grant',
};

/**
 * The chart's events: purchases, auto-recharges and grants when they were made; every calibration,
 * with its drift (the correction it made — a calibration down makes no grant, so the grants alone
 * would miss it); and each expiry that forfeited credit, with what was forfeited. In time order.
 */
function markersOf(result: BillingResult): Marker[] {
  const markers: Marker[] = [];
  for (const grant of result.grants) {
    if (grant.source !== 'calibration') {
      markers.push({
        kind: MARKER_OF[grant.source],
        at: grant.at,
        amount: micros(grant.amount),
        id: grant.id,
      });
    }
    if (grant.status === 'expired' && grant.forfeited > 0n) {
      markers.push({ kind: 'expiry', at: grant.expiresAt, amount: micros(grant.forfeited), id: grant.id });
    }
  }
  result.calibrations.forEach((calibration, index) => {
    markers.push({
      kind: 'calibration',
      at: calibration.at,
      amount: micros(calibration.drift),
      id: `calibration-${index + 1}`,
    });
  });
  return markers.sort((a, b) => a.at - b.at);
}

function autoRechargeOf(result: BillingResult | null, ledger: Ledger, now: Instant): AutoRechargeState {
  const made = (result?.autoRecharges ?? []).map(({ id, at, amount, balanceBefore }) => ({
    id,
    at,
    amount: micros(amount),
    balanceBefore: micros(balanceBefore),
  }));
  const month = utcMonthOf(now);
  return {
    settings: ledger.autoRecharge,
    made,
    blocked: (result?.autoRechargeBlocked ?? []).map(({ month: key, at, amount }) => ({
      month: key,
      at,
      amount: micros(amount),
    })),
    usedThisMonth: made
      .filter((recharge) => recharge.at >= month.start && recharge.at < month.end)
      .reduce((sum, recharge) => sum + recharge.amount, 0),
    limits: {
      min: micros(DEFAULT_PURCHASE_LIMITS.minPurchase),
      max: micros(DEFAULT_PURCHASE_LIMITS.maxPurchase),
    },
    start: result === null ? null : toJsonSafe(result.projectionStart),
  };
}

/** The alerts that fired, newest first. */
function pastAlerts(ledger: Ledger): PastAlert[] {
  return ledger.alertHistory
    .map((record) => ({ alert: { ...record.alert }, firedAt: parseInstant(record.firedAt)! }))
    .reverse();
}
