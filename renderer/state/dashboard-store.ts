/**
 * The dashboard's state as the bridge tells it: the last snapshot, whether the event stream is up,
 * and the last load error. A tiny external store, read through `useSyncExternalStore`.
 */
import type { BridgeApi, DashboardState } from '../../shared/bridge';

export interface DashboardView {
  /** `loading` until the first snapshot; `error` only while no snapshot was ever had. */
  status: 'loading' | 'ready' | 'error';
  state: DashboardState | null;
  error: string | null;
  /** False while the event stream is down (the last snapshot stays shown). */
  connected: boolean;
}

export interface DashboardStore {
  get(): DashboardView;
  subscribe(listener: () => void): () => void;
  /** Asks for a fresh snapshot (after an edit, or "Try again"). */
  reload(): Promise<void>;
  setConnected(connected: boolean): void;
  close(): void;
}

/**
 * Subscribing to `state:changed` delivers the current snapshot at once (the contract says so), so
 * the first snapshot is not fetched twice; `state:get` is the fallback when none came by then.
 */
export const FIRST_PUSH_WAIT_MS = 1500;

export function createDashboardStore(bridge: BridgeApi): DashboardStore {
  let view: DashboardView = { status: 'loading', state: null, error: null, connected: true };
  const listeners = new Set<() => void>();
  const set = (next: Partial<DashboardView>): void => {
    view = { ...view, ...next };
    for (const listener of [...listeners]) listener();
  };
  const adopt = (state: DashboardState): void => set({ status: 'ready', state, error: null });
  const unsubscribe = [
    bridge.on('state:changed', adopt),
    bridge.on('sync:changed', (sync) => {
      if (view.state !== null) set({ state: { ...view.state, sync } });
    }),
  ];
  async function reload(): Promise<void> {
    const answer = await bridge.call('state:get', {});
    if (answer.ok) adopt(answer.value);
    else if (view.state === null) set({ status: 'error', error: answer.error.message });
  }
  const fallback = setTimeout(() => {
    if (view.state === null) void reload();
  }, FIRST_PUSH_WAIT_MS);
  return {
    get: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reload,
    setConnected: (connected) => {
      if (connected !== view.connected) set({ connected });
    },
    close: () => {
      clearTimeout(fallback);
      unsubscribe.forEach((stop) => stop());
    },
  };
}
