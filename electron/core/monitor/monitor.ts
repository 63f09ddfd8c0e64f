/**
 * The monitor: one sync (backend → ledger), the billing engine over the ledger, the alert rules
 * over the result, and a change signal. Plain Node, no electron; errors are values. Nothing here
 * sees the API key: the backend holds it and scrubs it from its own errors.
 */
import { stringify } from 'lossless-json';
import type { Alert } from '../../../shared/alerts/alert';
import type { AlertInput } from '../../../shared/alerts/alert-input';
import { evaluateAlerts, type AlertDecision } from '../../../shared/alerts/evaluate-alerts';
import { notificationFor, type Notifier } from '../../../shared/alerts/notifier';
import { formatInstant } from '../../../shared/billing/instant';
import { resultToSpecObject } from '../../../shared/billing/result-json';
import type { AccountReading } from '../../../shared/account/account-reading';
import type { BillingResult } from '../../../shared/billing/types';
import type { SyncError, SyncHealth, SyncWarning } from '../../../shared/ledger/synced-data';
import type { BackendError, BillingBackend } from '../billing-backend';
import type { LedgerStore, SettingsStore, StoreError } from '../stores';
import { syncBilling, type SyncProgress } from '../sync';
import { alertSettingsFrom, assess, instantOrNull, type Assessment } from './assess';

export type BackendName = 'demo' | 'openai';

/** Why a sync or an evaluation failed, by where it failed. */
export type MonitorError =
  | { source: 'backend'; error: BackendError }
  | { source: 'store'; error: StoreError }
  | { source: 'engine'; error: { field: string; message: string } };

/** The last sync as the user is told it (kept in the ledger, so it survives restarts). */
export interface LastSync {
  /** UTC ms of the last attempt. */
  at: number;
  /** Costs and usage arrived; the balance may still have failed (`partial`). */
  ok: boolean;
  partial: boolean;
  /** The last successful sync, UTC ms; null if none ever succeeded. */
  okAt: number | null;
  /** Since when syncing has failed without a break, UTC ms; null while it works. */
  failingSince: number | null;
  error: SyncError | null;
  /** What the last successful sync left out (cost rows it could not count); empty when nothing. */
  warnings: SyncWarning[];
}

export interface MonitorState {
  backend: BackendName;
  /** Null before the first sync of this ledger. */
  lastSync: LastSync | null;
  /** The engine's result; null while the ledger holds nothing to evaluate. */
  result: BillingResult | null;
  /** The account as people read it, from that result; null with it. */
  reading: AccountReading | null;
  /** Every alert holding now, most severe first. */
  alerts: Alert[];
}

/** How far the running sync is: its requests answered of those it makes. */
export interface MonitorProgress extends SyncProgress {
  /** It fetches the whole history (no costs fetched before): a first sync, or the demo's at launch. */
  backfill: boolean;
}

export type SyncOnceResult =
  | { ok: true; at: number; changed: boolean; balanceError: BackendError | null; notified: Alert | null }
  | { ok: false; at: number; error: MonitorError; notified: Alert | null };

export interface Monitor {
  /** One poll: fetch, store (on success only), evaluate, alert. Never rejects. */
  syncOnce(): Promise<SyncOnceResult>;
  /** The state as of the last sync or ledger change, re-read from the stores. */
  state(): MonitorState;
  /** Re-reads the stores after the user changed them (a purchase recorded, a setting changed). */
  refresh(): MonitorState;
  /** Called with the new state whenever it changed; returns the unsubscribe. */
  onChange(listener: (state: MonitorState) => void): () => void;
  /** The running sync's progress; null between syncs. */
  progress(): MonitorProgress | null;
  /** Called as the running sync's requests are answered, and with null when it ends; returns the unsubscribe. */
  onProgress(listener: (progress: MonitorProgress | null) => void): () => void;
}

export interface MonitorOptions {
  backend: BillingBackend;
  stores: { ledger: LedgerStore; settings: SettingsStore };
  /** UTC ms: the backend's clock (the simulator's for the demo). */
  now: () => number;
  backendName: BackendName;
  /** Shows the one notification a sync may decide on; none in read-only uses. */
  notifier?: Notifier;
  /** Each sync's deadline in ms (sync.ts DEFAULT_SYNC_DEADLINE_MS when absent). */
  syncDeadlineMs?: number;
}

export function lastSyncFrom(health: SyncHealth): LastSync | null {
  if (health.lastAttemptAt === null) return null;
  return {
    at: instantOrNull(health.lastAttemptAt)!,
    ok: health.lastOkAt === health.lastAttemptAt,
    partial: health.partial,
    okAt: instantOrNull(health.lastOkAt),
    failingSince: instantOrNull(health.failingSince),
    error: health.lastError,
    warnings: health.warnings ?? [],
  };
}

/**
 * What the UI needs beyond the kind: a quota error's provider code (a spend limit is not used-up
 * credit), an auth error's reason (a wrong key is not a key of the wrong kind).
 */
function backendDetail(error: BackendError): Pick<SyncError, 'code' | 'reason'> {
  if (error.kind === 'quota') return { code: error.code };
  if (error.kind === 'auth') return { reason: error.reason };
  return {};
}

function syncErrorOf(error: MonitorError): SyncError {
  // The engine names a field instead of a kind: a stored ledger it cannot read.
  const kind = error.source === 'engine' ? 'invalid' : error.error.kind;
  const detail = error.source === 'backend' ? backendDetail(error.error) : {};
  return { source: error.source, kind, ...detail, message: error.error.message };
}

/**
 * What identifies a state for the change signal: the engine's output (without the instants ahead —
 * depletion, failure, next recharge — which move with the clock alone), the alerts and whether
 * syncing works — not the sync's timestamps.
 */
function fingerprint(state: MonitorState): string {
  const result =
    state.result === null
      ? null
      : {
          ...resultToSpecObject(state.result),
          depletionAt: undefined,
          failsAt: undefined,
          nextAutoRechargeAt: undefined,
        };
  const sync =
    state.lastSync === null
      ? null
      : [state.lastSync.ok, state.lastSync.partial, state.lastSync.error, state.lastSync.warnings];
  return stringify([state.backend, result, state.alerts, sync]) ?? '';
}

export function createMonitor(options: MonitorOptions): Monitor {
  const { backend, stores, now, backendName, notifier } = options;
  const listeners = new Set<(state: MonitorState) => void>();
  const progressListeners = new Set<(progress: MonitorProgress | null) => void>();
  let progress: MonitorProgress | null = null;
  /** The previous sync's alert input in this process; null at launch, so nothing is replayed. */
  let previousInput: AlertInput | null = null;
  let current: MonitorState;
  let told: string;
  /** Syncs run one after another: two overlapping polls would race on the cursor. */
  let queue: Promise<unknown> = Promise.resolve();

  /** The state from the stores, with the alerts decided on `previous` (read-only: nothing persisted). */
  function evaluateNow(previous: AlertInput | null): {
    /** The instant evaluated (UTC ms): when an alert fired by this evaluation fired. */
    at: number;
    state: MonitorState;
    assessment: Assessment | null;
    decision: AlertDecision | null;
    error: MonitorError | null;
  } {
    const ledger = stores.ledger.read();
    const at = now();
    const lastSync = lastSyncFrom(ledger.syncHealth);
    const assessed = assess(ledger, at);
    if (!assessed.ok || assessed.value === null) {
      const error: MonitorError | null = assessed.ok ? null : { source: 'engine', error: assessed.error };
      return {
        at,
        state: { backend: backendName, lastSync, result: null, reading: null, alerts: [] },
        assessment: null,
        decision: null,
        error,
      };
    }
    const decision = evaluateAlerts({
      previous,
      current: assessed.value.alertInput,
      settings: alertSettingsFrom(stores.settings.read()),
      memory: ledger.alertMemory,
      now: at,
    });
    const { result, reading } = assessed.value;
    const state = { backend: backendName, lastSync, result, reading, alerts: decision.alerts };
    return { at, state, assessment: assessed.value, decision, error: null };
  }

  function adopt(state: MonitorState): boolean {
    current = state;
    const print = fingerprint(state);
    if (print === told) return false;
    told = print;
    for (const listener of [...listeners]) listener(state);
    return true;
  }

  function tellProgress(next: MonitorProgress | null): void {
    if (next === null && progress === null) return;
    progress = next;
    for (const listener of [...progressListeners]) {
      try {
        listener(next);
      } catch {
        // A listener that fails must not fail the sync it watches.
      }
    }
  }

  /**
   * After a sync: keep the rules' memory and the alerts that newly fired (the Alerts view's
   * history), and show the one notification they chose.
   */
  async function alertAfterSync(): Promise<{
    changed: boolean;
    notified: Alert | null;
    error: MonitorError | null;
  }> {
    const evaluated = evaluateNow(previousInput);
    let notified: Alert | null = null;
    if (evaluated.decision !== null && evaluated.assessment !== null) {
      previousInput = evaluated.assessment.alertInput;
      const { memory, fired } = evaluated.decision;
      const saved = stores.ledger.recordAlerts(memory, fired, evaluated.at);
      // Without its memory an alert would repeat on the next sync: tell nothing rather than twice.
      if (!saved.ok)
        return {
          changed: adopt(evaluated.state),
          notified: null,
          error: { source: 'store', error: saved.error },
        };
      notified = evaluated.decision.notify;
      if (notified !== null && notifier !== undefined) {
        try {
          await notifier.show(notificationFor(notified, stores.settings.read()));
        } catch {
          // A notification that cannot be shown is no failed sync: the alert stays listed.
        }
      }
    }
    return { changed: adopt(evaluated.state), notified, error: evaluated.error };
  }

  async function runSync(): Promise<SyncOnceResult> {
    const at = now();
    const atText = formatInstant(at);
    const before = stores.ledger.read().syncHealth;
    const fail = async (error: MonitorError): Promise<SyncOnceResult> => {
      // Only the health is written: the data stays as the last good sync left it.
      stores.ledger.setSyncHealth({
        lastAttemptAt: atText,
        lastOkAt: before.lastOkAt,
        failingSince: before.failingSince ?? atText,
        lastError: syncErrorOf(error),
        partial: false,
        // They describe the data still shown: the last good sync's.
        warnings: before.warnings,
      });
      const { notified } = await alertAfterSync();
      return { ok: false, at, error, notified };
    };
    // Written before anything is fetched: a sync that dies (killed, out of memory) leaves this
    // behind, and the next run reports it; a sync that ends writes its own outcome over it.
    stores.ledger.setSyncHealth({
      ...before,
      lastAttemptAt: atText,
      failingSince: before.failingSince ?? atText,
      lastError: {
        source: 'backend',
        kind: 'unfinished',
        message: `the sync started at ${atText} has not finished: it is still running, or Saldo stopped before it could record the outcome`,
      },
      partial: false,
    });
    const cursor = stores.ledger.read().cursor;
    const backfill = cursor.costsAt === null;
    let synced;
    try {
      synced = await syncBilling(backend, {
        cursor,
        now: at,
        deadlineMs: options.syncDeadlineMs,
        backfillDays: stores.settings.read().backfillDays,
        onProgress: (counted) => tellProgress({ ...counted, backfill }),
      });
    } catch (error) {
      // A backend is meant to return its errors; one that throws is reported the same way.
      const message = error instanceof Error ? error.message : String(error);
      return fail({ source: 'backend', error: { kind: 'network', message } });
    }
    if (!synced.ok) return fail({ source: 'backend', error: synced.error });
    const { balanceError, warnings } = synced.value;
    const recorded = stores.ledger.recordSync(synced.value, {
      lastAttemptAt: atText,
      lastOkAt: atText,
      failingSince: balanceError === null ? null : (before.failingSince ?? atText),
      lastError: balanceError === null ? null : syncErrorOf({ source: 'backend', error: balanceError }),
      partial: balanceError !== null,
      warnings,
    });
    if (!recorded.ok) return fail({ source: 'store', error: recorded.error });
    const after = await alertAfterSync();
    if (after.error !== null) return { ok: false, at, error: after.error, notified: after.notified };
    return { ok: true, at, changed: after.changed, balanceError, notified: after.notified };
  }

  // What the ledger already holds is shown before the first sync.
  current = evaluateNow(null).state;
  told = fingerprint(current);

  return {
    syncOnce() {
      const run = queue.then(runSync).finally(() => tellProgress(null));
      queue = run;
      return run;
    },
    state: () => current,
    refresh() {
      adopt(evaluateNow(null).state);
      return current;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    progress: () => progress,
    onProgress(listener) {
      progressListeners.add(listener);
      return () => {
        progressListeners.delete(listener);
      };
    },
  };
}
