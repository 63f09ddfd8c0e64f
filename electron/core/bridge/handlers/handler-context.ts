/**
 * What the channel handlers need from the session that owns the monitor: its queue, its re-open, its
 * syncing and its events. Each handler file takes only the part it uses, so what a domain can touch
 * is written in its signature.
 */
import type { DashboardState, SyncStatus } from '../../../../shared/bridge/dashboard-state';
import type { BridgeResult } from '../../../../shared/bridge/result';
import type { KeyTestOptions, Monitor, OpenedMonitor } from '../../monitor';
import type { Poller } from '../../poller';
import type { SecretStore } from '../../secrets';
import type { KeyCheckMemory } from '../key-check-memory';
import type { Notifier } from '../../../../shared/alerts/notifier';

/** The monitor the session has open, with the poller that runs it. */
export interface CurrentMonitor {
  opened: OpenedMonitor;
  /** The monitor as the poller runs it: every sync's notification becomes `alert:raised`. */
  monitor: Monitor;
  poller: Poller;
  unsubscribe: () => void;
}

/** A handler's work on the open monitor, run by `exclusive`. */
export type MonitorTask<T> = (current: CurrentMonitor) => Promise<BridgeResult<T>> | BridgeResult<T>;

/** The session as its handlers see it. */
export interface HandlerContext {
  /** Runs `task` after the calls before it, with the monitor open (opened again if a re-open failed). */
  exclusive<T>(task: MonitorTask<T>): Promise<BridgeResult<T>>;
  /** The monitor once the calls before are done, without holding up the ones after; null if not open. */
  settled(): Promise<CurrentMonitor | null>;
  /** After the user changed something: the monitor re-reads the stores, listeners hear the result. */
  changed(current: CurrentMonitor): void;
  /** Closes the monitor, then opens it again on the new key or settings. */
  reopen(): Promise<BridgeResult<null>>;
  /** Syncs now: through the poller once started, else directly. */
  syncNow(current: CurrentMonitor): Promise<void>;
  /** The sync status the dashboard shows for `current`. */
  syncStatus(current: CurrentMonitor): SyncStatus;
  /** The dashboard's snapshot now; null while the monitor is not open. */
  snapshot(): DashboardState | null;
  /** Tells listeners the snapshot, if it changed. */
  stateChanged(): void;
  keyCheck: KeyCheckMemory;
  secrets: SecretStore;
  env: KeyTestOptions['env'];
  /** OpenAI client options, for the key test's request. */
  client: KeyTestOptions['client'];
  /** What shows the alerts' notifications; null where there is none (browser mode, the CLI). */
  notifier: Notifier | null;
}
