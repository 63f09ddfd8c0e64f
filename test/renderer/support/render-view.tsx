/**
 * Renders one view inside the app's context with a given snapshot. The bridge is a recording stand-in
 * for the main process (the thing under test is the view, not the bridge): calls are logged and
 * answered from `answers`, or with a generic success.
 */
import { render, type RenderResult } from '@testing-library/react';
import type { ComponentType } from 'react';
import type {
  BridgeApi,
  Channel,
  DashboardState,
  EventName,
  RequestOf,
  ResponseOf,
} from '../../../shared/bridge';
import { AppContext, type ViewName } from '../../../renderer/app-context';
import { dashboardFixture } from './dashboard-fixture';

export interface RecordedCall {
  channel: Channel;
  request: unknown;
}

export type Answers = { [C in Channel]?: (request: RequestOf<C>) => ResponseOf<C> };

export interface RenderedView extends RenderResult {
  calls: RecordedCall[];
  navigations: ViewName[];
  /** Pushes a new snapshot, as main does after a change. */
  update(state: DashboardState): void;
  /** Sends an event to the view's subscribers. */
  emit(event: EventName, payload: unknown): void;
}

export function renderView(
  View: ComponentType,
  options: { state?: DashboardState; answers?: Answers } = {},
): RenderedView {
  const calls: RecordedCall[] = [];
  const navigations: ViewName[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const bridge: BridgeApi = {
    async call(channel, request) {
      calls.push({ channel, request });
      const answer = options.answers?.[channel] as ((request: unknown) => unknown) | undefined;
      return (answer ? answer(request) : { ok: true, value: {} }) as never;
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  let state = options.state ?? dashboardFixture();
  const tree = (current: DashboardState) => (
    <AppContext.Provider
      value={{
        state: current,
        bridge,
        language: current.settings.language,
        navigate: (view) => navigations.push(view),
        reload: async () => {},
      }}
    >
      <View />
    </AppContext.Provider>
  );
  const result = render(tree(state));
  return {
    ...result,
    calls,
    navigations,
    update(next) {
      state = next;
      result.rerender(tree(state));
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}
