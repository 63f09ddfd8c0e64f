/**
 * The server's open event streams (`GET /api/events`) and what each may cost. A client that stops
 * reading — a frozen background tab, or anyone with the token who never reads — must not make the
 * server keep every event for it: issue 13 measured 500 such streams and 60 changes taking the
 * server from 207 MB to 1,766 MB, for good. So:
 * - each event is serialised once, and every stream writes that same buffer;
 * - a stream whose socket refuses more gets nothing more written; what comes meanwhile waits in its
 *   queue, where a newer snapshot replaces the older one and the sync status it carries (a snapshot
 *   is the whole state, so a client that hears only the latest misses nothing);
 * - a stream that holds more than its share, or has taken nothing for a while, is ended. Its client
 *   reconnects and gets the current snapshot at once, as every new stream does.
 */
import type { ServerResponse } from 'node:http';
import type { BridgeEvent } from '../../core/bridge';
import type { EventName } from '../../../shared/bridge/channels';

export interface StreamLimits {
  /**
   * Streams open at once. A dashboard tab opens one; 64 is more tabs than anyone keeps, so more is a
   * leak or a flood, and each stream costs a socket, a timer and a listener on the session.
   */
  maxStreams: number;
  /**
   * Bytes one stream may hold unsent (its socket's buffer and its queue). A snapshot of a busy year is
   * a few hundred KB, and a slow stream holds about two; past this it has fallen behind.
   */
  maxPendingBytes: number;
  /** How long a stream may refuse writes before it is dropped. */
  stallMs: number;
}

export const STREAM_LIMITS: StreamLimits = {
  maxStreams: 64,
  maxPendingBytes: 4 * 1024 * 1024,
  stallMs: 30_000,
};

/** One event as it goes on the wire, shared by every stream. */
interface Message {
  name: EventName | 'heartbeat';
  bytes: Buffer;
}

/** `event: <name>\ndata: <json>\n\n` — JSON has no raw newline, so one data line. */
export function sseMessage(event: BridgeEvent): Message {
  const text = `event: ${event.name}\ndata: ${JSON.stringify(event.payload)}\n\n`;
  return { name: event.name, bytes: Buffer.from(text, 'utf8') };
}

const HEARTBEAT: Message = { name: 'heartbeat', bytes: Buffer.from(': heartbeat\n\n', 'utf8') };

/** Queued messages a newer one makes pointless. */
function supersedes(newer: Message, older: Message): boolean {
  if (newer.name === 'state:changed') return older.name === 'state:changed' || older.name === 'sync:changed';
  return newer.name === 'sync:changed' && older.name === 'sync:changed';
}

class EventStream {
  readonly #res: ServerResponse;
  readonly #limits: StreamLimits;
  #queue: Message[] = [];
  #queuedBytes = 0;
  /** Since when the socket has refused more; null while it takes writes. */
  #blockedSince: number | null = null;

  constructor(res: ServerResponse, limits: StreamLimits) {
    this.#res = res;
    this.#limits = limits;
    res.on('drain', () => this.#flush());
  }

  send(message: Message): void {
    if (this.#res.destroyed || this.#res.writableEnded) return;
    if (this.#blockedSince === null) {
      this.#write(message);
      return;
    }
    if (this.#stalled()) {
      this.#drop();
      return;
    }
    this.#queue = this.#queue.filter((older) => !supersedes(message, older));
    this.#queue.push(message);
    this.#queuedBytes = this.#queue.reduce((sum, queued) => sum + queued.bytes.length, 0);
    if (this.#res.writableLength + this.#queuedBytes > this.#limits.maxPendingBytes) this.#drop();
  }

  /** Keeps an idle connection open; a blocked one gets no more, but is dropped once stalled. */
  heartbeat(): void {
    if (this.#blockedSince === null) this.send(HEARTBEAT);
    else if (this.#stalled()) this.#drop();
  }

  end(): void {
    this.#res.end();
  }

  #stalled(): boolean {
    return this.#blockedSince !== null && Date.now() - this.#blockedSince >= this.#limits.stallMs;
  }

  #write(message: Message): void {
    if (!this.#res.write(message.bytes)) this.#blockedSince = Date.now();
  }

  #flush(): void {
    this.#blockedSince = null;
    while (this.#blockedSince === null && this.#queue.length > 0) {
      const next = this.#queue.shift()!;
      this.#queuedBytes -= next.bytes.length;
      this.#write(next);
    }
  }

  /** The connection goes, and with it everything held for it. */
  #drop(): void {
    this.#queue = [];
    this.#queuedBytes = 0;
    this.#res.destroy();
  }
}

/** Where the events come from: the bridge session. */
export type EventSource = (listener: (event: BridgeEvent) => void) => () => void;

/**
 * Every open stream. The session is listened to, and the heartbeat runs, only while a stream is
 * open: without one, the session need not build a snapshot on every change.
 */
export class EventStreams {
  readonly #subscribe: EventSource;
  readonly #limits: StreamLimits;
  readonly #heartbeatMs: number;
  readonly #open = new Set<EventStream>();
  #stop: (() => void) | null = null;

  constructor(subscribe: EventSource, limits: StreamLimits, heartbeatMs: number) {
    this.#subscribe = subscribe;
    this.#limits = limits;
    this.#heartbeatMs = heartbeatMs;
  }

  get full(): boolean {
    return this.#open.size >= this.#limits.maxStreams;
  }

  /** Adds a stream whose headers are sent; it leaves the set when its connection closes. */
  add(res: ServerResponse): EventStream {
    const stream = new EventStream(res, this.#limits);
    this.#open.add(stream);
    res.on('close', () => {
      this.#open.delete(stream);
      if (this.#open.size === 0) this.#quiet();
    });
    this.#stop ??= this.#listen();
    return stream;
  }

  endAll(): void {
    for (const stream of this.#open) stream.end();
  }

  #listen(): () => void {
    // One event to every stream, serialised once whatever the number of streams.
    const unsubscribe = this.#subscribe((event) => {
      const message = sseMessage(event);
      for (const stream of this.#open) stream.send(message);
    });
    const heartbeat = setInterval(() => {
      for (const stream of this.#open) stream.heartbeat();
    }, this.#heartbeatMs);
    heartbeat.unref();
    return () => {
      clearInterval(heartbeat);
      unsubscribe();
    };
  }

  #quiet(): void {
    this.#stop?.();
    this.#stop = null;
  }
}
