/**
 * The bridge contract over HTTP + server-sent events, for browser mode (`saldo serve`). Every answer
 * and event is parsed with the contract's schemas: the renderer trusts nothing it did not check.
 */
import {
  isEventName,
  lostAnswer,
  receivedAnswer,
  receivedEvent,
  type BridgeApi,
  type Channel,
  type EventName,
  type EventOf,
  type ResponseOf,
} from '../../shared/bridge';
import { createSseParser } from './sse-reader';

type Listener = (payload: unknown) => void;

/** Waits before reconnecting the event stream: quick at first, then at most every 10 s. */
const RETRY_MS = [500, 1000, 2000, 5000, 10_000];

export interface HttpBridgeOptions {
  token: string;
  /** Default: the page's own origin. */
  base?: string;
  fetch?: typeof fetch;
  /** Told when the event stream connects (true) or drops (false). */
  onConnection?: (connected: boolean) => void;
}

export function createHttpBridge(options: HttpBridgeOptions): BridgeApi & { close(): void } {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const base = options.base ?? '';
  const headers = { Authorization: `Bearer ${options.token}` };
  const listeners = new Map<EventName, Set<Listener>>();
  let stream: AbortController | null = null;
  let closed = false;

  async function call<C extends Channel>(channel: C, request: unknown): Promise<ResponseOf<C>> {
    try {
      const response = await doFetch(`${base}/api/call/${channel}`, {
        method: 'POST',
        headers: { ...headers, 'Content-Type': 'application/json' },
        body: JSON.stringify(request),
      });
      if (response.status === 401) {
        return { ok: false, error: { field: 'token', message: 'unauthorized' } } as ResponseOf<C>;
      }
      return receivedAnswer(channel, await response.json());
    } catch (error) {
      return lostAnswer<C>(error);
    }
  }

  function deliver(event: string, data: string): void {
    if (!isEventName(event)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    const received = receivedEvent(event, payload);
    if (received === null) return;
    for (const listener of listeners.get(event) ?? []) listener(received);
  }

  async function listen(attempt: number): Promise<void> {
    if (closed) return;
    stream = new AbortController();
    try {
      const response = await doFetch(`${base}/api/events`, { headers, signal: stream.signal });
      if (!response.ok || response.body === null) throw new Error(`events: ${response.status}`);
      options.onConnection?.(true);
      attempt = 0;
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      const parse = createSseParser((message) => deliver(message.event, message.data));
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parse(value);
      }
    } catch {
      // Dropped or refused: reconnect below unless closed.
    }
    if (closed) return;
    options.onConnection?.(false);
    const wait = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]!;
    setTimeout(() => void listen(attempt + 1), wait);
  }

  return {
    call: call as BridgeApi['call'],
    on<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void) {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener as Listener);
      if (stream === null) void listen(0);
      return () => set.delete(listener as Listener);
    },
    close() {
      closed = true;
      stream?.abort();
    },
  };
}
