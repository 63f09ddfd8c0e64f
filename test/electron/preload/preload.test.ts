/**
 * The preload exposes exactly the bridge contract as `window.saldo`: `call` and `on`, only the
 * contract's channels and events, checked answers, and never the IPC event. FAKE ELECTRON's
 * `contextBridge` and `ipcRenderer` stand in for the binary that cannot run here; the bridge logic
 * under them is the real one.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, EVENTS } from '../../../shared/bridge/channels';
import type { BridgeApi } from '../../../shared/bridge';
import { dashboardFixture } from '../../renderer/support/dashboard-fixture';

type IpcListener = (event: unknown, payload: unknown) => void;

const fakeElectron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  const invoked: { channel: string; payload: unknown }[] = [];
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  let answer: (channel: string) => unknown = () => ({ ok: true, value: {} });
  return {
    exposed,
    invoked,
    listeners,
    answerWith(next: (channel: string) => unknown) {
      answer = next;
    },
    module: {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
      },
      ipcRenderer: {
        invoke: async (channel: string, payload: unknown) => {
          invoked.push({ channel, payload });
          return answer(channel);
        },
        on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
          const set = listeners.get(channel) ?? new Set();
          listeners.set(channel, set);
          set.add(listener);
        },
        removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) =>
          listeners.get(channel)?.delete(listener),
      },
    },
  };
});

vi.mock('electron', () => fakeElectron.module);

const IPC_EVENT = { sender: 'the IPC event must not reach the page' };

async function loadPreload(): Promise<BridgeApi> {
  vi.resetModules();
  fakeElectron.exposed.clear();
  await import('../../../electron/preload/index');
  return fakeElectron.exposed.get('saldo') as BridgeApi;
}

function emit(channel: string, payload: unknown): void {
  for (const listener of fakeElectron.listeners.get(channel) ?? [])
    (listener as IpcListener)(IPC_EVENT, payload);
}

beforeEach(() => {
  fakeElectron.invoked.length = 0;
  fakeElectron.listeners.clear();
  fakeElectron.answerWith(() => ({ ok: true, value: {} }));
});

describe('the preload', () => {
  it('exposes one object, window.saldo, with exactly call and on', async () => {
    const api = await loadPreload();
    expect([...fakeElectron.exposed.keys()]).toEqual(['saldo']);
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);
    expect(typeof api.call).toBe('function');
    expect(typeof api.on).toBe('function');
  });

  it('passes every contract channel to main under its own name, and refuses any other', async () => {
    const api = await loadPreload();
    fakeElectron.answerWith(() => ({ ok: false, error: { field: 'x', message: 'refused' } }));
    for (const channel of CHANNEL_NAMES) {
      expect(await api.call(channel, {} as never)).toEqual({
        ok: false,
        error: { field: 'x', message: 'refused' },
      });
    }
    expect(fakeElectron.invoked.map((call) => call.channel)).toEqual(CHANNEL_NAMES);
    fakeElectron.invoked.length = 0;
    const other = api.call as (channel: string, request: unknown) => Promise<unknown>;
    expect(await other('electron-store-get-data', {})).toMatchObject({
      ok: false,
      error: { field: 'channel' },
    });
    expect(await other('__ELECTRON_LOG__', {})).toMatchObject({ ok: false, error: { field: 'channel' } });
    expect(fakeElectron.invoked).toEqual([]);
  });

  it('checks answers against the contract: a malformed one becomes an error value', async () => {
    const api = await loadPreload();
    fakeElectron.answerWith(() => ({ ok: true, value: { unexpected: true } }));
    expect(await api.call('settings:get', {})).toEqual({
      ok: false,
      error: { field: 'response', message: 'unexpected answer' },
    });
    fakeElectron.answerWith(() => {
      throw new Error('the window is closing');
    });
    expect(await api.call('key:clear', {})).toEqual({
      ok: false,
      error: { field: 'connection', message: 'the window is closing' },
    });
  });

  it('subscribes only to contract events; listeners get checked payloads, never the IPC event', async () => {
    const api = await loadPreload();
    const heard: unknown[] = [];
    const off = api.on('app:open-view', (view) => heard.push(view));
    emit('app:open-view', 'credits');
    emit('app:open-view', 'not-a-view');
    expect(heard).toEqual(['credits']);
    off();
    emit('app:open-view', 'spend');
    expect(heard).toEqual(['credits']);

    const unknown = api.on as (event: string, listener: () => void) => () => void;
    unknown('__ELECTRON_LOG__', () => heard.push('leak'));
    expect(fakeElectron.listeners.has('__ELECTRON_LOG__')).toBe(false);
    expect(Object.keys(EVENTS)).toContain('app:open-view');
  });

  it('a new state:changed subscriber hears the current snapshot at once, then each push', async () => {
    const api = await loadPreload();
    const snapshot = dashboardFixture();
    fakeElectron.answerWith((channel) => (channel === 'state:get' ? { ok: true, value: snapshot } : null));
    const heard: unknown[] = [];
    api.on('state:changed', (state) => heard.push(state.now));
    await vi.waitFor(() => expect(heard).toEqual([snapshot.now]));
    expect(fakeElectron.invoked).toEqual([{ channel: 'state:get', payload: {} }]);
    emit('state:changed', { ...snapshot, now: snapshot.now + 1 });
    expect(heard).toEqual([snapshot.now, snapshot.now + 1]);
  });
});
