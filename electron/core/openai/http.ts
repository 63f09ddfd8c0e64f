/**
 * The I/O of the client: one GET with its own timeout, and the retry loop around it. Everything
 * it decides (what is an error, whether and how long to wait) comes from the pure modules.
 */
import type { BackendError, BackendResult } from '../billing-backend';
import { classifyHttpError } from './classify-error';
import { type HeaderReader, retryDelayMs, shouldRetry } from './retry-policy';
import { redactSecrets } from '../secrets/redact';

export interface HttpConfig {
  apiKey: string;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  maxRetries: number;
  timeoutMs: number;
}

/** A complete answer: status, headers and the whole body as text. */
export interface Exchange {
  status: number;
  headers: HeaderReader;
  text: string;
}

type Attempt = { kind: 'answer'; exchange: Exchange } | { kind: 'failed'; error: BackendError };

/** Headers no HTTP stack can carry would make fetch throw a TypeError quoting them: refuse first. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

async function attempt(config: HttpConfig, url: string, what: string): Promise<Attempt> {
  // One controller per attempt: the timeout covers the headers and the whole body.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), config.timeoutMs);
  try {
    const response = await config.fetch(url, {
      method: 'GET',
      headers: { Authorization: `Bearer ${config.apiKey}`, Accept: 'application/json' },
      // Never follow a redirect: the Authorization header must not travel to another host.
      redirect: 'manual',
      signal: controller.signal,
    });
    const text = await response.text();
    return { kind: 'answer', exchange: { status: response.status, headers: response.headers, text } };
  } catch (error) {
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

/**
 * GETs `url`, retrying per the retry policy. Resolves with the answer when it is a 2xx or one the
 * caller reads itself (`isAnswer`), else with the typed error of the last attempt.
 */
export async function getWithRetry(
  config: HttpConfig,
  url: string,
  what: string,
  isAnswer: (exchange: Exchange) => boolean = () => false,
): Promise<BackendResult<Exchange>> {
  if (!HEADER_SAFE.test(config.apiKey)) {
    const message = 'the API key is empty or holds characters an HTTP header cannot carry';
    return { ok: false, error: { kind: 'auth', reason: 'invalid-key', status: 0, message } };
  }
  for (let retry = 0; ; retry++) {
    const outcome = await attempt(config, url, what);
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
    if (retry >= config.maxRetries || !shouldRetry(error, headers)) return { ok: false, error };
    await config.sleep(retryDelayMs(retry, headers, config.random, config.now()));
  }
}
