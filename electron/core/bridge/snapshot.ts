/**
 * The dashboard's snapshot (shared/bridge/dashboard-state.ts) from what the monitor knows: its
 * state (the engine's result and the alerts of the last evaluation), the ledger, the settings, the
 * backend chosen and the key's kind. Pure: every source is passed in, so the same inputs always
 * give the same snapshot, and the tests check it against the contract's schema.
 */
import { parseInstant, utcMonthOf, type Instant } from '../../../shared/billing/instant';
import { DEFAULT_PURCHASE_LIMITS, readSettings } from '../../../shared/billing/read-settings';
import { toJsonSafe } from '../../../shared/billing/projection-json';
import { microsNumber as micros } from '../../../shared/account/account-reading';
import { creditKind, creditSource } from '../../../shared/account/credit-kind';
import type { BillingResult } from '../../../shared/billing/types';
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
import { defaultSettings, type Settings } from '../../../shared/settings/settings-schema';
import type { BackendCapabilities } from '../billing-backend';
import {
  buildCase,
  listedCreditIds,
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

export function buildSnapshot(sources: SnapshotSources): DashboardState {
  const { now, state, ledger, settings, backend } = sources;
  const result = state.result;
  const billingCase = buildCase(ledger, now);
  const billing = readSettings(billingCase);
  const listed = listedCreditIds(ledger);
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
    grants: result === null ? [] : grantsOf(result, listed),
    entries: [...ledger.entries],
    spend: buildSpend(ledger.costs, now, 'field' in billing ? null : { billing, events: billingCase.events }),
    markers: result === null ? [] : markersOf(result, listed),
    autoRecharge: autoRechargeOf(result, ledger, now, listed),
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
  inUse:
    (Pick<KeyDescription, 'kind' | 'last4'> & { source: 'keychain' | 'environment'; origin: string }) | null,
  address: string = defaultSettings().baseUrl,
): KeyInfo {
  return {
    store: keyStoreOf(store.backend),
    keeper: store.keeper ?? null,
    file: store.path ?? null,
    advice: store.advice ?? null,
    stored:
      inUse === null
        ? null
        : { kind: inUse.kind, last4: inUse.last4, source: inUse.source, origin: inUse.origin },
    // The session knows the settings and the last test, and adds them.
    address,
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
function grantsOf(result: BillingResult, listed: ReadonlySet<string>): GrantRow[] {
  const risk = new Map(result.forfeitRisk.map((entry) => [entry.id, entry.amount]));
  return result.grants.map((grant) => ({
    id: grant.id,
    source: creditSource(grant, listed),
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

/**
 * The chart's events: each credit when it was made, by what it is; every calibration, with its
 * drift (the correction it made — a calibration down makes no grant, so the grants alone would miss
 * it, and a calibration up is drawn once, as this); and each expiry that forfeited credit, with what
 * was forfeited. In time order.
 */
function markersOf(result: BillingResult, listed: ReadonlySet<string>): Marker[] {
  const markers: Marker[] = [];
  for (const grant of result.grants) {
    if (grant.source !== 'calibration') {
      markers.push({
        kind: creditKind(creditSource(grant, listed)),
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
      kind: creditKind('calibration'),
      at: calibration.at,
      amount: micros(calibration.drift),
      id: `calibration-${index + 1}`,
    });
  });
  return markers.sort((a, b) => a.at - b.at);
}

/**
 * Auto-recharge: every credit that is one (credit-kind.ts) — the engine's, with the balance that
 * triggered it, and those the user recorded — and what they bought this month.
 */
function autoRechargeOf(
  result: BillingResult | null,
  ledger: Ledger,
  now: Instant,
  listed: ReadonlySet<string>,
): AutoRechargeState {
  const byEngine: AutoRechargeState['made'] = (result?.autoRecharges ?? []).map(
    ({ id, at, amount, balanceBefore }) => ({
      id,
      at,
      amount: micros(amount),
      balanceBefore: micros(balanceBefore),
    }),
  );
  const madeByEngine = new Set(byEngine.map(({ id }) => id));
  const recorded = (result?.grants ?? [])
    .filter(
      (grant) => creditKind(creditSource(grant, listed)) === 'auto-recharge' && !madeByEngine.has(grant.id),
    )
    .map(({ id, at, amount }) => ({ id, at, amount: micros(amount), balanceBefore: null }));
  const made = [...byEngine, ...recorded].sort((a, b) => a.at - b.at);
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
