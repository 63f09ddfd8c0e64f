/**
 * The monitor: one sync (backend → ledger), the billing engine over the ledger, and a change
 * signal. Plain Node, no electron; errors are values. Nothing here sees the API key: the backend
 * holds it and scrubs it from its own errors.
 */
import { stringify } from 'lossless-json';
import { evaluateCase } from '../../../shared/billing/evaluate';
import { resultToSpecObject } from '../../../shared/billing/result-json';
import type { BillingResult } from '../../../shared/billing/types';
import type { Ledger } from '../../../shared/ledger/ledger-schema';
import type { BackendError, BillingBackend } from '../billing-backend';
import type { LedgerStore, SettingsStore, StoreError } from '../stores';
import { syncBilling } from '../sync';
import { buildCase } from './build-case';

export type BackendName = 'demo' | 'openai';

/** Why a sync or an evaluation failed, by where it failed. */
export type MonitorError =
  | { source: 'backend'; error: BackendError }
  | { source: 'store'; error: StoreError }
  | { source: 'engine'; error: { field: string; message: string } };

export type LastSync =
  | { at: number; ok: true; balanceError: BackendError | null }
  | { at: number; ok: false; error: MonitorError };

export interface MonitorState {
  backend: BackendName;
  /** Null before the first sync of this monitor. */
  lastSync: LastSync | null;
  /** The engine's result at the last evaluation; null while the ledger holds nothing to evaluate. */
  result: BillingResult | null;
}

export type SyncOnceResult =
  | { ok: true; at: number; changed: boolean; balanceError: BackendError | null }
  | { ok: false; at: number; error: MonitorError };

export interface Monitor {
  /** One poll: fetch, store (on success only), evaluate, notify. Never rejects. */
  syncOnce(): Promise<SyncOnceResult>;
  state(): MonitorState;
  /** Called with the new state whenever the engine's output changed; returns the unsubscribe. */
  onChange(listener: (state: MonitorState) => void): () => void;
}

export interface MonitorOptions {
  backend: BillingBackend;
  stores: { ledger: LedgerStore; settings: SettingsStore };
  /** UTC ms: the backend's clock (the simulator's for the demo). */
  now: () => number;
  backendName: BackendName;
}

type Evaluated =
  { ok: true; result: BillingResult | null; json: string | null } | { ok: false; error: MonitorError };

function hasData(ledger: Ledger): boolean {
  return ledger.entries.length > 0 || ledger.costs.length > 0 || ledger.observedBalance !== null;
}

export function createMonitor(options: MonitorOptions): Monitor {
  const { backend, stores, now, backendName } = options;
  const listeners = new Set<(state: MonitorState) => void>();
  let lastSync: LastSync | null = null;
  let result: BillingResult | null = null;
  let resultJson: string | null = null;
  /** Syncs run one after another: two overlapping polls would race on the cursor. */
  let queue: Promise<unknown> = Promise.resolve();

  function evaluateNow(): Evaluated {
    const ledger = stores.ledger.read();
    if (!hasData(ledger)) return { ok: true, result: null, json: null };
    const evaluation = evaluateCase(buildCase(ledger, now()));
    if (!evaluation.ok) return { ok: false, error: { source: 'engine', error: evaluation.error } };
    // depletionAt is now + runway: it moves with the clock alone, so it is no change of state.
    const json = stringify({ ...resultToSpecObject(evaluation.result), depletionAt: undefined }) ?? null;
    return { ok: true, result: evaluation.result, json };
  }

  /** Takes a fresh evaluation; true (and listeners told) when the engine's output changed. */
  function adopt(evaluated: Evaluated & { ok: true }): boolean {
    const changed = evaluated.json !== resultJson;
    result = evaluated.result;
    resultJson = evaluated.json;
    if (changed) {
      const snapshot = state();
      for (const listener of [...listeners]) listener(snapshot);
    }
    return changed;
  }

  function state(): MonitorState {
    return { backend: backendName, lastSync, result };
  }

  async function runSync(): Promise<SyncOnceResult> {
    const at = now();
    const fail = (error: MonitorError): SyncOnceResult => {
      lastSync = { at, ok: false, error };
      return { ok: false, at, error };
    };
    let synced;
    try {
      synced = await syncBilling(backend, {
        cursor: stores.ledger.read().cursor,
        now: at,
        backfillDays: stores.settings.read().backfillDays,
      });
    } catch (error) {
      // A backend is meant to return its errors; one that throws is reported the same way.
      const message = error instanceof Error ? error.message : String(error);
      return fail({ source: 'backend', error: { kind: 'network', message } });
    }
    if (!synced.ok) return fail({ source: 'backend', error: synced.error });
    const recorded = stores.ledger.recordSync(synced.value);
    if (!recorded.ok) return fail({ source: 'store', error: recorded.error });
    const evaluated = evaluateNow();
    if (!evaluated.ok) return fail(evaluated.error);
    const balanceError = synced.value.balanceError;
    lastSync = { at, ok: true, balanceError };
    return { ok: true, at, changed: adopt(evaluated), balanceError };
  }

  // What the ledger already holds is shown before the first sync.
  const initial = evaluateNow();
  if (initial.ok) adopt(initial);

  return {
    syncOnce() {
      const run = queue.then(runSync);
      queue = run;
      return run;
    },
    state,
    onChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
