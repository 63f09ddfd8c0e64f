/**
 * Queued faults: the next N matching requests get an error status, a delay, a truncated body or
 * a body of the wrong shape — what clients must survive. Pure: the HTTP edge applies them.
 */

export interface FaultSpec {
  count: number;
  status?: number;
  /** A JSON body; a string is sent as is (an HTML error page, say). */
  body?: unknown;
  retryAfter?: string;
  retryAfterMs?: string;
  delayMs?: number;
  truncate?: boolean;
  malformed?: boolean;
  /** Requests whose path starts with this. */
  path: string;
}

/** What to do to one request. */
export interface Fault {
  /** Answer this instead of the route (with `body`, or OpenAI's error body for the status). */
  status: number | null;
  body: unknown;
  headers: Record<string, string>;
  delayMs: number;
  truncate: boolean;
  malformed: boolean;
}

interface Queued {
  spec: FaultSpec;
  remaining: number;
}

export class FaultQueue {
  private readonly queue: Queued[] = [];

  add(spec: FaultSpec): void {
    this.queue.push({ spec, remaining: spec.count });
  }

  /** Drops every queued fault; how many requests they would still have hit. */
  clear(): number {
    const remaining = this.pending().reduce((total, fault) => total + fault.remaining, 0);
    this.queue.length = 0;
    return remaining;
  }

  pending(): (FaultSpec & { remaining: number })[] {
    return this.queue.map(({ spec, remaining }) => ({ ...spec, remaining }));
  }

  /** The fault for a request to `path`, using one of its count: the first queued that matches. */
  take(path: string): Fault | null {
    const index = this.queue.findIndex((queued) => path.startsWith(queued.spec.path));
    if (index < 0) return null;
    const queued = this.queue[index]!;
    if (--queued.remaining === 0) this.queue.splice(index, 1);
    const { spec } = queued;
    const headers: Record<string, string> = {};
    if (spec.retryAfter !== undefined) headers['retry-after'] = spec.retryAfter;
    if (spec.retryAfterMs !== undefined) headers['retry-after-ms'] = spec.retryAfterMs;
    return {
      // A body alone is a 200 with that body.
      status: spec.status ?? (spec.body !== undefined ? 200 : null),
      body: spec.body,
      headers,
      delayMs: spec.delayMs ?? 0,
      truncate: spec.truncate === true,
      malformed: spec.malformed === true,
    };
  }
}

/**
 * A 200 body of the wrong shape for the route at `path`: right `object`, wrong field types, so a
 * client that does not validate what it reads would crash or store garbage.
 */
export function malformedBody(path: string): unknown {
  if (path.startsWith('/v1/dashboard/billing/credit_grants')) {
    return { object: 'credit_summary', total_available: 'lots', grants: 'oops' };
  }
  if (path.startsWith('/v1/chat/completions')) return { object: 'chat.completion', choices: 'oops' };
  return { object: 'page', data: 'oops' };
}
