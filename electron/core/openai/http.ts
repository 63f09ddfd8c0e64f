/**
 * The I/O of the client: one GET with its own timeout, and the retry loop around it. Everything
 * it decides (what is an error, whether and how long to wait) comes from the pure modules.
 */
import type { BackendError, BackendResult } from '../billing-backend';
import { classifyHttpError } from './classify-error';
import { MAX_BODY_BYTES, MAX_ERROR_BODY_BYTES, formatBytes, readBodyCapped } from './read-body';
import {
  type HeaderReader,
  MAX_SERVER_DELAY_MS,
  retryDelayMs,
  serverDelayMs,
  shouldRetry,
  waitingForServer,
} from './retry-policy';
import { redactSecrets } from '../secrets/redact';
import { keyOriginRefusal } from '../../../shared/security/key-origin';

export interface HttpConfig {
  apiKey: string;
  /** The origin the key was given for: a request to any other is refused before it is made. */
  keyOrigin: string;
  fetch: typeof fetch;
  /** Waits before a retry; ends early (resolving) once `signal` aborts. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => number;
  maxRetries: number;
  timeoutMs: number;
}

/** An answer: status, headers and the body as text (an error answer's first 64 KB). */
export interface Exchange {
  status: number;
  headers: HeaderReader;
  text: string;
}

type Attempt = { kind: 'answer'; exchange: Exchange } | { kind: 'failed'; error: BackendError };

/** Headers no HTTP stack can carry would make fetch throw a TypeError quoting them: refuse first. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/** The real wait between retries: a timer that is cleared when the sync's deadline passes. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Why a call stopped when the caller's signal (the sync's deadline) ended it. */
function stoppedBy(signal: AbortSignal, what: string): BackendError {
  const reason: unknown = signal.reason;
  const why = reason instanceof Error ? reason.message : 'the sync was stopped';
  return { kind: 'timeout', message: `${what}: ${why}` };
}

async function attempt(
  config: HttpConfig,
  url: string,
  what: string,
  signal?: AbortSignal,
): Promise<Attempt> {
  // One controller per attempt: the timeout covers the headers and the whole body.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  try {
    const response = await config.fetch(url, {
      method: 'GET',
      headers: { Authorization: `Bearer ${config.apiKey}`, Accept: 'application/json' },
      // Never follow a redirect: the Authorization header must not travel to another host.
      redirect: 'manual',
      signal: signal === undefined ? controller.signal : AbortSignal.any([controller.signal, signal]),
    });
    const success = response.status >= 200 && response.status < 300;
    const body = await readBodyCapped(response, success ? MAX_BODY_BYTES : MAX_ERROR_BODY_BYTES, !success);
    if (!body.ok) {
      const message = `${what}: the server answered more than ${formatBytes(body.limitBytes)}; Saldo stops reading there`;
      return { kind: 'failed', error: { kind: 'bad-response', message } };
    }
    const exchange = { status: response.status, headers: response.headers, text: body.text };
    return { kind: 'answer', exchange };
  } catch (error) {
    if (signal?.aborted) return { kind: 'failed', error: stoppedBy(signal, what) };
    if (controller.signal.aborted) {
      return {
        kind: 'failed',
        error: { kind: 'timeout', message: `${what}: no answer within ${config.timeoutMs} ms` },
      };
    }
    return {
      kind: 'failed',
      error: { kind: 'network', message: `${what}: ${describe(error, config.apiKey)}` },
    };
  } finally {
    clearTimeout(timer);
  }
}

/** `fetch failed (ECONNREFUSED)`: undici hides the useful part in `cause`. */
function describe(error: unknown, apiKey: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const detail =
    typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : '';
  return redactSecrets(detail === '' ? message : `${message} (${detail})`, apiKey);
}

/** The key goes only to its origin, judged on the WHATWG origin fetch itself will use. */
function refusedOrigin(keyOrigin: string, url: string): BackendError | null {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    origin = url;
  }
  const message = keyOriginRefusal(keyOrigin, origin);
  return message === null ? null : { kind: 'auth', reason: 'key-origin', status: 0, message };
}

/**
 * GETs `url`, retrying per the retry policy. Resolves with the answer when it is a 2xx or one the
 * caller reads itself (`isAnswer`), else with the typed error of the last attempt.
 */
export async function getWithRetry(
  config: HttpConfig,
  url: string,
  what: string,
  isAnswer: (exchange: Exchange) => boolean = () => false,
  /** The sync's deadline: once it aborts, no attempt or wait goes on. */
  signal?: AbortSignal,
): Promise<BackendResult<Exchange>> {
  const elsewhere = refusedOrigin(config.keyOrigin, url);
  if (elsewhere !== null) return { ok: false, error: elsewhere };
  if (!HEADER_SAFE.test(config.apiKey)) {
    const message = 'the API key is empty or holds characters an HTTP header cannot carry';
    return { ok: false, error: { kind: 'auth', reason: 'invalid-key', status: 0, message } };
  }
  for (let retry = 0; ; retry++) {
    if (signal?.aborted) return { ok: false, error: stoppedBy(signal, what) };
    const outcome = await attempt(config, url, what, signal);
    let error: BackendError;
    let headers: HeaderReader | null = null;
    if (outcome.kind === 'answer') {
      const { exchange } = outcome;
      if ((exchange.status >= 200 && exchange.status < 300) || isAnswer(exchange)) {
        return { ok: true, value: exchange };
      }
      headers = exchange.headers;
      error = classifyHttpError({
        status: exchange.status,
        bodyText: exchange.text,
        headers,
        what,
        apiKey: config.apiKey,
        nowMs: config.now(),
      });
    } else {
      error = outcome.error;
    }
    if (!shouldRetry(error, headers)) return { ok: false, error };
    // A wait past what is worth holding a poll for ends this one: the poller waits it out instead.
    const asked = headers === null ? null : serverDelayMs(headers, config.now());
    if (asked !== null && asked > MAX_SERVER_DELAY_MS)
      return { ok: false, error: waitingForServer(error, asked) };
    if (retry >= config.maxRetries) return { ok: false, error };
    await config.sleep(retryDelayMs(retry, headers, config.random, config.now()), signal);
  }
}
