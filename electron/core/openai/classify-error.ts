/**
 * An HTTP error answer → the typed `BackendError` the rest of the app acts on (billing-apis.md §3).
 * Pure: status, body text and headers in, no I/O. Server messages are scrubbed of key material.
 */
import { parse } from 'lossless-json';
import type { BackendError } from '../billing-backend';
import { type HeaderReader, serverDelayMs } from './retry-policy';
import { redactSecrets } from '../secrets/redact';
import { anyErrorBodySchema } from './wire';

type QuotaCode = Extract<BackendError, { kind: 'quota' }>['code'];

/** `error.code`s that mean "no credit / over a spending cap": asking again will not help. */
const QUOTA_CODES: ReadonlySet<string> = new Set<NonNullable<QuotaCode>>([
  'insufficient_quota',
  'credit_balance_exhausted',
  'organization_spend_limit_exceeded',
  'project_spend_limit_exceeded',
  'organization_usage_limit_exceeded',
  // The monthly hard limit of older accounts (HTTP 400 or 429): a cap like the spend limits.
  'billing_hard_limit_reached',
]);

/** Long enough for OpenAI's sentences, short enough for a notification. */
const MAX_MESSAGE = 400;

export interface ServerError {
  message: string | null;
  type: string | null;
  code: string | null;
}

/** The `{ error: … }` of a body, when it has one (OpenAI's envelope, a numeric code, a bare string). */
export function readErrorBody(text: string): ServerError | null {
  let json: unknown;
  try {
    json = parse(text);
  } catch {
    return null;
  }
  const body = anyErrorBodySchema.safeParse(json);
  if (!body.success) return null;
  const { message, type, code } = body.data.error;
  return { message, type, code };
}

export interface HttpFailure {
  status: number;
  bodyText: string;
  headers: HeaderReader;
  /** What was asked, for the message: `costs`, `usage`, `credit grants`. */
  what: string;
  apiKey: string;
  nowMs: number;
}

export function classifyHttpError(failure: HttpFailure): BackendError {
  const { status, apiKey } = failure;
  const server = readErrorBody(failure.bodyText);
  const said = server?.message ? redactSecrets(server.message, apiKey).slice(0, MAX_MESSAGE) : null;
  const detail = `${failure.what}: HTTP ${status}${said === null ? '' : `: ${said}`}`;

  // Quota first, on any 4xx: the spend-limit codes' status is not documented (§8.7), and a
  // non-retryable "credit exhausted" must never be mistaken for a rate limit or a bad key.
  if (status >= 400 && status < 500 && server !== null && isQuota(server)) {
    const code = server.code !== null && QUOTA_CODES.has(server.code) ? (server.code as QuotaCode) : null;
    return {
      kind: 'quota',
      code,
      message: `OpenAI reports the credit or spending limit exhausted (${detail})`,
    };
  }
  if (status === 401 || status === 403) {
    const missingScope = said !== null && /Missing scopes|api\.usage\.read/i.test(said);
    // Project and service-account keys are refused by the admin endpoints (§7); say which key to use.
    if (missingScope || !apiKey.startsWith('sk-admin-')) {
      return {
        kind: 'auth',
        reason: 'not-admin-key',
        status,
        message: `OpenAI refused the key: an Admin key (sk-admin-…) with the api.usage.read scope is needed (${detail})`,
      };
    }
    return { kind: 'auth', reason: 'invalid-key', status, message: `OpenAI refused the key (${detail})` };
  }
  if (status === 429) {
    const delay = serverDelayMs(failure.headers, failure.nowMs);
    return { kind: 'rate-limit', retryAfterMs: delay, message: `OpenAI rate limit (${detail})` };
  }
  if (status >= 300 && status < 400) {
    // Redirects are not followed, so the key is never sent to another host.
    return { kind: 'server', status, message: `unexpected redirect (${detail})` };
  }
  return { kind: 'server', status, message: `OpenAI answered with an error (${detail})` };
}

function isQuota(server: ServerError): boolean {
  return server.type === 'insufficient_quota' || (server.code !== null && QUOTA_CODES.has(server.code));
}
