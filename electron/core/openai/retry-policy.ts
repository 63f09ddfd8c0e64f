/**
 * When to ask again and how long to wait first — pure, so the policy is tested without a clock.
 * Modelled on openai-node's (billing-apis.md §3.5): retry 408/409/429/5xx, timeouts and network
 * errors; `x-should-retry` overrides that; server delays honoured up to 60 s; otherwise
 * min(0.5·2ⁿ, 8) s with up to 25 % jitter. One deliberate difference: a quota error (credit used up)
 * is never retried, whatever the headers say — asking again cannot succeed and only adds load.
 */
import type { BackendError } from '../billing-backend';

/** Reads one response header (a `Headers`, or anything with its `get`). */
export interface HeaderReader {
  get(name: string): string | null;
}

/**
 * openai-node defaults to 2 retries; Saldo polls in the background where a slower success beats a
 * failed poll, so one more: three 503s and then a 200 still succeed within one call.
 */
export const DEFAULT_MAX_RETRIES = 3;
/**
 * Server-asked delays longer than this are not waited for in-process: the poll ends with the error
 * and the poller schedules the next one after the delay (`waitingForServer`).
 */
export const MAX_SERVER_DELAY_MS = 60_000;
const INITIAL_DELAY_MS = 500;
const MAX_DELAY_MS = 8_000;
const NUMBER = /^\s*\d+(?:\.\d+)?\s*$/;

/** Default backoff before retry number `retry` (0 for the first retry): 0.375–0.5 s, 0.75–1 s, … 6–8 s. */
export function backoffDelayMs(retry: number, random: () => number): number {
  const base = Math.min(INITIAL_DELAY_MS * 2 ** retry, MAX_DELAY_MS);
  return base * (1 - random() * 0.25);
}

/**
 * The delay the server asked for, in ms: `retry-after-ms` (float ms), else `retry-after` as seconds
 * or as an HTTP date. Null when absent, unreadable or negative; not capped (that is the caller's call).
 */
export function serverDelayMs(headers: HeaderReader, nowMs: number): number | null {
  const ms = headers.get('retry-after-ms');
  if (ms !== null && NUMBER.test(ms)) return Number(ms);
  const after = headers.get('retry-after');
  if (after === null) return null;
  if (NUMBER.test(after)) return Number(after) * 1000;
  const date = Date.parse(after);
  if (Number.isNaN(date)) return null;
  const delay = date - nowMs;
  return delay >= 0 ? delay : null;
}

/** The wait before retry number `retry`: the server's delay when it is sensible, else the backoff. */
export function retryDelayMs(
  retry: number,
  headers: HeaderReader | null,
  random: () => number,
  nowMs: number,
): number {
  const asked = headers === null ? null : serverDelayMs(headers, nowMs);
  return asked !== null && asked <= MAX_SERVER_DELAY_MS ? asked : backoffDelayMs(retry, random);
}

/**
 * A retryable error whose server asked for a wait past MAX_SERVER_DELAY_MS: the poll stops here and
 * carries the wait to the poller (next-delay.ts), instead of asking again within seconds.
 */
export function waitingForServer(error: BackendError, delayMs: number): BackendError {
  const note = `; it asks Saldo to wait ${Math.ceil(delayMs / 1000)} s, so the next poll waits that long`;
  if (error.kind === 'rate-limit' || error.kind === 'server') {
    return { ...error, retryAfterMs: delayMs, message: `${error.message}${note}` };
  }
  return { ...error, message: `${error.message}${note}` };
}

/** Whether an attempt that failed with `error` is worth repeating. */
export function shouldRetry(error: BackendError, headers: HeaderReader | null): boolean {
  if (error.kind === 'quota') return false;
  const header = headers?.get('x-should-retry')?.trim().toLowerCase();
  if (header === 'true') return true;
  if (header === 'false') return false;
  switch (error.kind) {
    case 'rate-limit':
    case 'network':
    case 'timeout':
      return true;
    case 'server':
      return error.status === 408 || error.status === 409 || error.status >= 500;
    default:
      return false;
  }
}
