/**
 * The bridge contract as the renderer sees it in the desktop app (`window.saldo`): exactly `call` and
 * `on`, nothing of IPC itself. Only the contract's channels and events pass; every answer and event
 * is parsed with the contract's schemas before the page sees it, and listeners get the payload,
 * never the IPC event (which would hand the page `sender`).
 */
import {
  isChannel,
  isEventName,
  lostAnswer,
  receivedAnswer,
  receivedEvent,
  type BridgeApi,
  type Channel,
  type EventName,
  type EventOf,
  type RequestOf,
  type ResponseOf,
} from '../../shared/bridge';
import { failure } from '../../shared/bridge/result';

type IpcListener = (event: unknown, payload: unknown) => void;

/** The slice of Electron's `ipcRenderer` the bridge uses (the preload hands in the real one). */
export interface IpcRendererEdge {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

export function createPreloadBridge(ipc: IpcRendererEdge): BridgeApi {
  async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    // The page is typed against the contract, but its calls are checked here, not trusted.
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return failure('channel', 'is not a channel of the bridge contract') as ResponseOf<C>;
    }
    try {
      return receivedAnswer(channel, await ipc.invoke(channel, request));
    } catch (error) {
      return lostAnswer<C>(error);
    }
  }

  function on<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): () => void {
    if (typeof event !== 'string' || !isEventName(event) || typeof listener !== 'function') return () => {};
    let subscribed = true;
    const forward: IpcListener = (_event, payload) => {
      const received = receivedEvent(event, payload);
      if (received !== null) listener(received);
    };
    ipc.on(event, forward);
    if (event === 'state:changed') {
      // The contract: a new subscriber hears the current snapshot at once (browser mode's stream
      // pushes it on connect; here the preload asks for it).
      void call('state:get', {}).then((answer) => {
        if (subscribed && answer.ok) (listener as (payload: EventOf<'state:changed'>) => void)(answer.value);
      });
    }
    return () => {
      subscribed = false;
      ipc.removeListener(event, forward);
    };
  }

  return { call, on };
}
