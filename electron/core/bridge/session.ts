/**
 * The bridge contract's handlers over the monitor core: one session owns the opened monitor and
 * its poller, answers every channel (errors as values naming the field), tells listeners about
 * state, alerts and syncing, and re-opens the monitor when the key or the backend changes. Plain
 * Node: Electron's IPC (later) and browser mode's HTTP server both carry it through `dispatch`.
 */
import type { Notifier } from '../../../shared/alerts/notifier';
import { formatInstant } from '../../../shared/billing/instant';
import type { BridgeHandlers, EventName, EventOf } from '../../../shared/bridge/channels';
import type { DashboardState, KeyCheck, KeyInfo, SyncStatus } from '../../../shared/bridge/dashboard-state';
import { failure, type BridgeError, type BridgeResult } from '../../../shared/bridge/result';
import { setAutoRecharge } from '../../../shared/ledger/ledger-edits';
import { exportCsv, exportJson, exportRecords } from '../export';
import {
  clearKey,
  createMonitorPoller,
  describeKey,
  emptyResult,
  keyInUse,
  openMonitor,
  pollSettingsOf,
  storeKey,
  testKey,
  type BackendChoice,
  type Monitor,
  type MonitorPollerOptions,
  type OpenedMonitor,
  type OpenMonitorOptions,
} from '../monitor';
import type { Poller } from '../poller';
import { openSecretStore, type SecretStore } from '../secrets';
import type { StoreClass, StoreError } from '../stores';
import { applyToSimulator, NO_AUTO_RECHARGE_API } from './apply-auto-recharge';
import { buyOnSimulator } from './demo-purchase';
import { buildSnapshot, keyInfoOf } from './snapshot';
import { syncStatusOf } from './sync-status';

type Environment = Readonly<Record<string, string | undefined>>;

/** One event the renderer hears, with its payload as the contract types it. */
export type BridgeEvent = { [E in EventName]: { name: E; payload: EventOf<E> } }[EventName];

export interface BridgeSessionOptions {
  /** `SALDO_HOME`, `SALDO_DEMO`, `OPENAI_ADMIN_KEY`, `OPENAI_BASE_URL`. */
  env: Environment;
  /** The data directory; default from `env`. */
  dir?: string;
  /** Where keys live; default `openSecretStore(env)`. Opened once, when the session opens. */
  openSecrets?: () => Promise<SecretStore>;
  notifier?: Notifier;
  storeClass?: StoreClass;
  /** OpenAI client options (tests: `fetch`, `sleep`, `maxRetries`). */
  client?: OpenMonitorOptions['client'];
  /** The demo's simulator and client options (tests: a fixed start, a fast or frozen clock). */
  demo?: OpenMonitorOptions['demo'];
  poller?: MonitorPollerOptions;
}

export interface BridgeSession {
  /** One handler per channel (the compiler checks it); run them through `dispatch`. */
  readonly handlers: BridgeHandlers;
  /** Every event from now on; returns the unsubscribe. */
  subscribe(listener: (event: BridgeEvent) => void): () => void;
  /** The dashboard's snapshot now; null while the monitor is being re-opened or cannot be. */
  snapshot(): DashboardState | null;
  /** The snapshot once the calls before it are done (a re-open among them): what a new listener gets. */
  snapshotWhenReady(): Promise<DashboardState | null>;
  /** Which backend is watched, and why. */
  backend(): BackendChoice | null;
  /** The demo simulator's address (its `/sim` control API) once it runs; null otherwise. */
  simulatorUrl(): string | null;
  /** Lines for the user since the last call: a corrupt file moved aside. */
  takeNotices(): string[];
  /** Starts polling in the background (a first poll at once). */
  start(): void;
  /** Stops polling, waits for a poll in flight, closes the monitor (and the demo's simulator). */
  close(): Promise<void>;
}

export type OpenBridgeSessionResult =
  { ok: true; session: BridgeSession } | { ok: false; field: string; message: string };

interface Current {
  opened: OpenedMonitor;
  /** The monitor as the poller runs it: every sync's notification becomes `alert:raised`. */
  monitor: Monitor;
  poller: Poller;
  unsubscribe: () => void;
}

const ok = <T>(value: T): BridgeResult<T> => ({ ok: true, value });

/** A store's refusal as a bridge error: the field it names (renamed for the request), or `store`. */
function storeFailure(error: StoreError, rename: (field: string) => string = (field) => field) {
  return error.kind === 'invalid'
    ? failure(rename(error.field), error.message)
    : failure('store', error.message);
}

/** `autoRecharge.threshold` (the ledger's name) → `threshold` (the request's). */
function autoRechargeField(field: string): string {
  return field === 'autoRecharge' ? 'settings' : field.replace(/^autoRecharge\./, '');
}

/** An optional text field left empty in a form counts as absent. */
function given(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}

export async function openBridgeSession(options: BridgeSessionOptions): Promise<OpenBridgeSessionResult> {
  const secrets = await (options.openSecrets ?? (() => openSecretStore(options.env)))();
  const session = new Session(options, secrets);
  const opened = await session.open();
  return opened.ok ? { ok: true, session } : opened;
}

class Session implements BridgeSession {
  readonly handlers: BridgeHandlers;
  readonly #options: BridgeSessionOptions;
  readonly #secrets: SecretStore;
  readonly #listeners = new Set<(event: BridgeEvent) => void>();
  #current: Current | null = null;
  #keyInfo: KeyInfo;
  /** The last `key:test` of the key now stored, kept for this run only. */
  #lastCheck: KeyCheck | null = null;
  /** Counts key changes, so a test that was running while the key changed is not kept for the new one. */
  #keyChanges = 0;
  #notices: string[] = [];
  /** Handlers run one at a time: a change must not interleave with a re-open. */
  #queue: Promise<unknown> = Promise.resolve();
  /** A sync run outside the poller (before `start`), awaited before the monitor closes. */
  #directSync: Promise<unknown> = Promise.resolve();
  #started = false;
  #closed = false;
  /** What was last told, so nothing is sent twice. */
  #toldState: string | null = null;
  #toldSync: string | null = null;

  constructor(options: BridgeSessionOptions, secrets: SecretStore) {
    this.#options = options;
    this.#secrets = secrets;
    this.#keyInfo = keyInfoOf(secrets.describe(), null);
    this.handlers = this.#makeHandlers();
  }

  /** Opens the monitor and its poller (started if the session is). */
  async open(): Promise<{ ok: true } | { ok: false; field: string; message: string }> {
    const opened = await openMonitor({
      env: this.#options.env,
      dir: this.#options.dir,
      openSecrets: async () => this.#secrets,
      notifier: this.#options.notifier,
      storeClass: this.#options.storeClass,
      client: this.#options.client,
      demo: this.#options.demo,
    });
    if (!opened.ok) return opened;
    const keyInfo = await this.#readKeyInfo();
    const inner = opened.value.monitor;
    const monitor: Monitor = {
      ...inner,
      syncOnce: async () => {
        const result = await inner.syncOnce();
        if (result.notified !== null) this.#emit({ name: 'alert:raised', payload: { ...result.notified } });
        return result;
      },
    };
    const poller = createMonitorPoller(monitor, opened.value.settings.read(), this.#options.poller);
    const offChange = inner.onChange(() => this.#stateChanged());
    const offStatus = poller.onStatus(() => this.#syncChanged());
    // A sync's end is told by the poller's status that follows it, not by its progress clearing.
    const offProgress = inner.onProgress((progress) => {
      if (progress !== null) this.#syncChanged();
    });
    this.#current = {
      opened: opened.value,
      monitor,
      poller,
      unsubscribe: () => {
        offChange();
        offStatus();
        offProgress();
      },
    };
    this.#keyInfo = keyInfo;
    this.#notices.push(...opened.value.notices);
    if (this.#started) poller.start();
    return { ok: true };
  }

  subscribe(listener: (event: BridgeEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  snapshot(): DashboardState | null {
    const current = this.#current;
    if (current === null) return null;
    const { opened } = current;
    const state = opened.monitor.state();
    return buildSnapshot({
      now: opened.now(),
      state,
      ledger: opened.ledger.read(),
      settings: opened.settings.read(),
      backend: { choice: opened.choice, baseUrl: opened.baseUrl, capabilities: opened.capabilities() },
      key: { ...this.#keyInfo, lastCheck: this.#lastCheck },
      sync: this.#syncStatus(current),
    });
  }

  async snapshotWhenReady(): Promise<DashboardState | null> {
    await this.#queue;
    return this.snapshot();
  }

  backend(): BackendChoice | null {
    return this.#current?.opened.choice ?? null;
  }

  simulatorUrl(): string | null {
    return this.#current?.opened.simulatorUrl() ?? null;
  }

  takeNotices(): string[] {
    return this.#notices.splice(0);
  }

  start(): void {
    if (this.#started || this.#closed) return;
    this.#started = true;
    this.#current?.poller.start();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#queue.catch(() => undefined);
    await this.#shut();
    this.#listeners.clear();
  }

  /** The progress is the backfill's only ("3 of 15"): a steady poll's two requests need none. */
  #syncStatus(current: Current): SyncStatus {
    const { monitor } = current.opened;
    const running = monitor.progress();
    const progress = running?.backfill ? { done: running.done, total: running.total } : null;
    return syncStatusOf(monitor.state().lastSync, current.poller.status(), progress);
  }

  #emit(event: BridgeEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch {
        // A listener that fails (a closed connection) must not keep the others from hearing.
      }
    }
  }

  /** Sends the snapshot if anything but the clock and the sync status (which has its own event) changed. */
  #stateChanged(): void {
    if (this.#listeners.size === 0) {
      this.#toldState = null;
      return;
    }
    const snapshot = this.snapshot();
    if (snapshot === null) return;
    const print = JSON.stringify({ ...snapshot, now: 0, sync: null });
    if (print === this.#toldState) return;
    this.#toldState = print;
    this.#emit({ name: 'state:changed', payload: snapshot });
  }

  #syncChanged(): void {
    const current = this.#current;
    if (current === null) return;
    const status = this.#syncStatus(current);
    const print = JSON.stringify(status);
    if (print === this.#toldSync) return;
    this.#toldSync = print;
    this.#emit({ name: 'sync:changed', payload: status });
  }

  /** The key's kind and last four, where it is kept: read at each open (the key may have changed). */
  async #readKeyInfo(): Promise<KeyInfo> {
    const env = this.#options.env;
    // Under SALDO_DEMO=1 the variable's key is not in use; the stored one is still worth showing.
    const visible = env.SALDO_DEMO === '1' ? { ...env, OPENAI_ADMIN_KEY: undefined } : env;
    const found = await keyInUse(visible, async () => this.#secrets);
    const inUse =
      found.ok && found.value !== null
        ? { ...describeKey(found.value.key), source: found.value.source }
        : null;
    return keyInfoOf(this.#secrets.describe(), inUse);
  }

  /** Stops the poller, lets a poll in flight finish, and closes the monitor. */
  async #shut(): Promise<void> {
    const current = this.#current;
    if (current === null) return;
    this.#current = null;
    current.unsubscribe();
    current.poller.stop();
    // After stop, refreshNow only waits for the poll in flight (if any).
    await current.poller.refreshNow();
    await this.#directSync.catch(() => undefined);
    await current.opened.close();
  }

  /** Closes the monitor first, then opens it again on the new key or settings. */
  async #reopen(): Promise<BridgeResult<null>> {
    await this.#shut();
    const opened = await this.open();
    if (!opened.ok) return failure(opened.field, opened.message);
    this.#stateChanged();
    this.#syncChanged();
    return ok(null);
  }

  /**
   * Runs `task` after the handlers before it, with the monitor open (opened again if an earlier
   * re-open failed).
   */
  #exclusive<T>(
    task: (current: Current) => Promise<BridgeResult<T>> | BridgeResult<T>,
  ): Promise<BridgeResult<T>> {
    const run = this.#queue.then(async (): Promise<BridgeResult<T>> => {
      if (this.#closed) return failure('session', 'is closed');
      if (this.#current === null) {
        const opened = await this.open();
        if (!opened.ok) return failure(opened.field, opened.message);
      }
      return task(this.#current!);
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** After the user changed something: the monitor re-reads the stores, listeners hear the result. */
  #changed(current: Current): void {
    current.opened.monitor.refresh();
    this.#stateChanged();
  }

  /** The key changed: its last test no longer says anything. */
  #forgetKeyCheck(): void {
    this.#lastCheck = null;
    this.#keyChanges++;
  }

  /** Syncs now: through the poller once started (its next poll then waits a full interval), else directly. */
  async #syncNow(current: Current): Promise<void> {
    if (this.#started) {
      // A key rejected or a quota stops polling until something changes; the user asking is that.
      if (current.poller.status().state === 'stopped' && !this.#closed) {
        current.poller.reset(pollSettingsOf(current.opened.settings.read()));
      }
      await current.poller.refreshNow();
    } else {
      const sync = current.monitor.syncOnce();
      this.#directSync = sync;
      await sync;
      this.#syncChanged();
    }
  }

  /** Removes the entry just recorded, which the backend refused, and reports the refusal. */
  #takeBack(current: Current, id: string, refusal: BridgeError): BridgeResult<never> {
    const removed = current.opened.ledger.removeEntry(id);
    if (removed.ok) return failure(refusal.field, refusal.message);
    return failure(
      refusal.field,
      `${refusal.message} The entry recorded for it could not be removed: ${removed.error.message}`,
    );
  }

  /** Where a new entry's `at` defaults: now on the backend's clock, never after the wall clock's. */
  #nowText(current: Current): string {
    return formatInstant(Math.min(current.opened.now(), Date.now()));
  }

  #makeHandlers(): BridgeHandlers {
    return {
      'state:get': () =>
        this.#exclusive(() => {
          const snapshot = this.snapshot();
          return snapshot === null ? failure('store', 'the monitor is not open') : ok(snapshot);
        }),

      'settings:get': () => this.#exclusive((current) => ok(current.opened.settings.read())),

      'settings:update': (changes) =>
        this.#exclusive(async (current) => {
          const { opened, poller } = current;
          const before = opened.settings.read();
          const saved = opened.settings.update(changes);
          if (!saved.ok) return storeFailure(saved.error);
          const after = saved.value;
          const backendChanged =
            after.backend !== before.backend ||
            (after.baseUrl !== before.baseUrl && opened.choice.backend === 'openai');
          if (backendChanged) {
            const reopened = await this.#reopen();
            if (!reopened.ok) return reopened;
          } else {
            // A reset polls at once with the new interval (only once started).
            if (after.pollIntervalMinutes !== before.pollIntervalMinutes) poller.reset(pollSettingsOf(after));
            this.#changed(current);
          }
          return ok(after);
        }),

      'ledger:add-purchase': ({ amount, at, id }) =>
        this.#exclusive(async (current) => {
          const { opened } = current;
          const demo = opened.choice.backend === 'demo';
          // The demo's simulator starts with its first sync, and the purchase is bought there too.
          if (demo && opened.simulatorUrl() === null) await this.#syncNow(current);
          const chosen = given(id);
          const added = opened.ledger.addPurchase({
            amount,
            at: given(at) ?? this.#nowText(current),
            ...(chosen === undefined ? {} : { id: chosen }),
          });
          if (!added.ok) return storeFailure(added.error);
          if (demo) {
            const bought = await buyOnSimulator(opened.simulatorUrl(), added.value);
            if (!bought.ok) return this.#takeBack(current, added.value.id, bought.error);
            // Read the balance again now (a poll may otherwise fetch usage in its turn, sync.ts
            // planPoll): the reading before the purchase would calibrate it away until then.
            opened.ledger.setCursor({ ...opened.ledger.read().cursor, balanceAt: null });
            await this.#syncNow(current);
          }
          this.#changed(current);
          return ok(added.value);
        }),

      'ledger:add-grant': ({ amount, at, expiresAt, id }) =>
        this.#exclusive((current) => {
          const chosen = given(id);
          const expires = given(expiresAt);
          const added = current.opened.ledger.addGrant({
            amount,
            at: given(at) ?? this.#nowText(current),
            ...(expires === undefined ? {} : { expiresAt: expires }),
            ...(chosen === undefined ? {} : { id: chosen }),
          });
          if (!added.ok) return storeFailure(added.error);
          this.#changed(current);
          return ok(added.value);
        }),

      'ledger:calibrate': ({ balance, at }) =>
        this.#exclusive((current) => {
          const added = current.opened.ledger.addBalance({
            balance,
            at: given(at) ?? this.#nowText(current),
          });
          if (!added.ok) return storeFailure(added.error);
          this.#changed(current);
          return ok(added.value);
        }),

      'ledger:remove-entry': ({ id }) =>
        this.#exclusive((current) => {
          const removed = current.opened.ledger.removeEntry(id);
          if (!removed.ok) return storeFailure(removed.error);
          this.#changed(current);
          return ok({ id });
        }),

      'auto-recharge:get': () =>
        this.#exclusive((current) => ok({ settings: current.opened.ledger.read().autoRecharge })),

      'auto-recharge:set': ({ settings, apply }) =>
        this.#exclusive(async (current) => {
          const { opened } = current;
          if (apply && !opened.capabilities().autoRechargeSettings)
            return failure('apply', NO_AUTO_RECHARGE_API);
          // Checked before anything is sent or stored: a refusal changes nothing anywhere.
          const checked = setAutoRecharge(opened.ledger.read(), settings);
          if (!checked.ok) return failure(autoRechargeField(checked.error.field), checked.error.message);
          const wanted = checked.value.autoRecharge;
          if (apply) {
            const applied = await applyToSimulator(opened.simulatorUrl(), wanted);
            if (!applied.ok) return applied;
          }
          const saved = opened.ledger.setAutoRecharge(wanted);
          if (!saved.ok) return storeFailure(saved.error, autoRechargeField);
          this.#changed(current);
          return ok({ settings: saved.value.autoRecharge, applied: apply });
        }),

      'key:set': ({ key }) =>
        this.#exclusive(async (current) => {
          const stored = await storeKey(key, {
            secrets: async () => this.#secrets,
            settings: () => current.opened.settings,
          });
          if (!stored.ok) return failure(stored.field, stored.message);
          this.#forgetKeyCheck();
          const reopened = await this.#reopen();
          if (!reopened.ok) return reopened;
          return ok({ kind: stored.value.kind, last4: stored.value.last4 });
        }),

      'key:clear': () =>
        this.#exclusive(async (current) => {
          const cleared = await clearKey({
            secrets: async () => this.#secrets,
            settings: () => current.opened.settings,
          });
          if (!cleared.ok) return failure(cleared.field, cleared.message);
          this.#forgetKeyCheck();
          const reopened = await this.#reopen();
          if (!reopened.ok) return reopened;
          return ok({ removed: cleared.value.removed });
        }),

      'key:test': async () => {
        // Not queued: a slow provider must not hold up the dashboard's other calls.
        await this.#queue;
        const current = this.#current;
        if (current === null) return failure('store', 'the monitor is not open');
        const keyChanges = this.#keyChanges;
        const tested = await testKey({
          env: this.#options.env,
          secrets: async () => this.#secrets,
          settings: () => current.opened.settings,
          client: this.#options.client,
        });
        const checkedAt = Date.now();
        // No key: nothing was checked, so there is nothing to remember.
        if (!tested.ok && tested.missing) {
          return failure(tested.field, `${tested.message}: store an Admin key first`);
        }
        const message = tested.ok
          ? `The key ${tested.value.masked} works: ${tested.value.baseUrl} answered the costs request.`
          : tested.message;
        if (keyChanges === this.#keyChanges) {
          this.#lastCheck = { at: checkedAt, ok: tested.ok, message };
          this.#stateChanged();
        }
        return tested.ok ? ok({ checkedAt, message }) : failure(tested.field, message);
      },

      'sync:refresh-now': async () => {
        // Not queued either: a first sync can take a while, and reads should not wait for it.
        await this.#queue;
        const current = this.#current;
        if (current === null) return failure('store', 'the monitor is not open');
        await this.#syncNow(current);
        return ok(this.#syncStatus(current));
      },

      'data:export': ({ format }) =>
        this.#exclusive((current) => {
          const { opened } = current;
          const now = opened.now();
          // Nothing recorded or synced: the export has its header and empty lists.
          const result = opened.monitor.state().result ?? emptyResult(now);
          const data = exportRecords(opened.ledger.read(), result);
          const day = formatInstant(now).slice(0, 10);
          return ok(
            format === 'csv'
              ? {
                  filename: `saldo-export-${day}.csv`,
                  mediaType: 'text/csv; charset=utf-8',
                  content: exportCsv(data),
                }
              : {
                  filename: `saldo-export-${day}.json`,
                  mediaType: 'application/json',
                  content: exportJson(data),
                },
          );
        }),
    };
  }
}
