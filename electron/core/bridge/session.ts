/**
 * The bridge contract's main side over the monitor core: one session owns the opened monitor and
 * its poller, answers every channel (errors as values naming the field; the handlers, by domain,
 * are in `handlers/`), tells listeners about state, alerts and syncing, and re-opens the monitor
 * when the key or the backend changes. Plain Node: Electron's IPC (later) and browser mode's HTTP
 * server both carry it through `dispatch`.
 */
import type { Notifier } from '../../../shared/alerts/notifier';
import type { BridgeHandlers, EventName, EventOf } from '../../../shared/bridge/channels';
import type { DashboardState, KeyInfo, SyncStatus } from '../../../shared/bridge/dashboard-state';
import { failure, type BridgeResult } from '../../../shared/bridge/result';
import {
  createMonitorPoller,
  describeKey,
  baseUrlFor,
  keyInUse,
  openMonitor,
  pollSettingsOf,
  type BackendChoice,
  type Monitor,
  type MonitorPollerOptions,
  type OpenMonitorOptions,
} from '../monitor';
import { openSecretStore, type SecretStore } from '../secrets';
import type { StoreClass } from '../stores';
import type { CurrentMonitor, HandlerContext, MonitorTask } from './handlers/handler-context';
import { keyHandlers } from './handlers/key-handlers';
import { ledgerHandlers } from './handlers/ledger-handlers';
import { notificationHandlers } from './handlers/notification-handlers';
import { ok } from './handlers/results';
import { settingsHandlers } from './handlers/settings-handlers';
import { stateHandlers } from './handlers/state-handlers';
import { KeyCheckMemory } from './key-check-memory';
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
  /** Sleep or a locked screen: no polls until `resume` (the desktop app's power monitor). */
  pause(): void;
  /** Wake or unlock: polls at once, as the figures are as old as the sleep. */
  resume(): void;
  /** Offline pauses polling; back online polls at once. */
  setOnline(online: boolean): void;
  /** Stops polling, waits for a poll in flight, closes the monitor (and the demo's simulator). */
  close(): Promise<void>;
}

export type OpenBridgeSessionResult =
  { ok: true; session: BridgeSession } | { ok: false; field: string; message: string };

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
  #current: CurrentMonitor | null = null;
  #keyInfo: KeyInfo;
  readonly #keyCheck = new KeyCheckMemory();
  #notices: string[] = [];
  /** Handlers run one at a time: a change must not interleave with a re-open. */
  #queue: Promise<unknown> = Promise.resolve();
  /** A sync run outside the poller (before `start`), awaited before the monitor closes. */
  #directSync: Promise<unknown> = Promise.resolve();
  #started = false;
  #closed = false;
  /** Kept here, not only in the poller: a re-open makes a new poller that must start the same way. */
  #paused = false;
  #online = true;
  /** What was last told, so nothing is sent twice. */
  #toldState: string | null = null;
  #toldSync: string | null = null;

  constructor(options: BridgeSessionOptions, secrets: SecretStore) {
    this.#options = options;
    this.#secrets = secrets;
    this.#keyInfo = keyInfoOf(secrets.describe(), null);
    const context = this.#handlerContext();
    // Typed as the whole contract: a channel none of the parts answers does not compile.
    this.handlers = {
      ...stateHandlers(context),
      ...settingsHandlers(context),
      ...ledgerHandlers(context),
      ...keyHandlers(context),
      ...notificationHandlers(context),
    } satisfies BridgeHandlers;
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
    if (this.#paused) poller.pause();
    if (!this.#online) poller.setOnline(false);
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
    const settings = opened.settings.read();
    const address = baseUrlFor(this.#options.env, settings.baseUrl);
    return buildSnapshot({
      now: opened.now(),
      state,
      ledger: opened.ledger.read(),
      settings,
      backend: { choice: opened.choice, baseUrl: opened.baseUrl, capabilities: opened.capabilities() },
      key: {
        ...this.#keyInfo,
        address: address.ok ? address.url : settings.baseUrl,
        lastCheck: this.#keyCheck.last(),
      },
      sync: this.#syncStatus(current),
      dataDir: opened.dir,
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

  pause(): void {
    this.#paused = true;
    this.#current?.poller.pause();
  }

  resume(): void {
    this.#paused = false;
    this.#current?.poller.resume();
  }

  setOnline(online: boolean): void {
    this.#online = online;
    this.#current?.poller.setOnline(online);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#queue.catch(() => undefined);
    await this.#shut();
    this.#listeners.clear();
  }

  /** The progress is the backfill's only ("3 of 15"): a steady poll's two requests need none. */
  #syncStatus(current: CurrentMonitor): SyncStatus {
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
        ? { ...describeKey(found.value.key), source: found.value.source, origin: found.value.origin }
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
  #exclusive<T>(task: MonitorTask<T>): Promise<BridgeResult<T>> {
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
  #changed(current: CurrentMonitor): void {
    current.opened.monitor.refresh();
    this.#stateChanged();
  }

  /** Syncs now: through the poller once started (its next poll then waits a full interval), else directly. */
  async #syncNow(current: CurrentMonitor): Promise<void> {
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

  /** The monitor once the handlers before are done, for a call that must not queue behind them. */
  async #settled(): Promise<CurrentMonitor | null> {
    await this.#queue;
    return this.#current;
  }

  /** What the handlers may use of this session; bound, as they call it detached. */
  #handlerContext(): HandlerContext {
    return {
      exclusive: (task) => this.#exclusive(task),
      settled: () => this.#settled(),
      changed: (current) => this.#changed(current),
      reopen: () => this.#reopen(),
      syncNow: (current) => this.#syncNow(current),
      syncStatus: (current) => this.#syncStatus(current),
      snapshot: () => this.snapshot(),
      stateChanged: () => this.#stateChanged(),
      keyCheck: this.#keyCheck,
      secrets: this.#secrets,
      env: this.#options.env,
      client: this.#options.client,
      notifier: this.#options.notifier ?? null,
    };
  }
}
