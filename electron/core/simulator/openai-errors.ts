/**
 * OpenAI's error answers, in its envelope `{ error: { message, type, param, code } }`
 * (billing-apis.md §3), with the messages and codes real clients see and match on.
 */
import type { WireError } from '../openai/wire';
import type { Reply } from './exchange';

export function openAiError(
  status: number,
  message: string,
  type: string,
  code: string | null,
  param: string | null = null,
): Reply {
  const body: WireError = { error: { message, type, param, code } };
  return { status, body };
}

/**
 * A key as OpenAI quotes it in a 401: the first 6 and last 4 characters, the rest as `*`
 * (`sk-adm*****abcd`). Short keys show less, so a message never gives a whole key back.
 */
export function maskKey(key: string): string {
  const stars = (count: number): string => '*'.repeat(Math.min(count, 40));
  if (key.length >= 14) return `${key.slice(0, 6)}${stars(key.length - 10)}${key.slice(-4)}`;
  if (key.length >= 8) return `${key.slice(0, 3)}${stars(key.length - 5)}${key.slice(-2)}`;
  return stars(key.length);
}

export function invalidApiKey(key: string | null): Reply {
  const quoted = key === null ? '(none: send Authorization: Bearer YOUR_KEY)' : maskKey(key);
  return openAiError(
    401,
    `Incorrect API key provided: ${quoted}. You can find your API key at https://platform.openai.com/account/api-keys.`,
    'invalid_request_error',
    'invalid_api_key',
  );
}

/** A project or service-account key on an admin endpoint (billing-apis.md §1.1). */
export function missingScopes(): Reply {
  return openAiError(
    403,
    'You have insufficient permissions for this operation. Missing scopes: api.usage.read. Check that you have ' +
      'the correct role in your organization (Reader, Writer, Owner) and project (Member, Owner), and if ' +
      "you're using a restricted API key, that it has the necessary scopes.",
    'invalid_request_error',
    null,
  );
}

/**
 * The legacy billing endpoints with any secret key since 2023 (billing-apis.md §2): only the web
 * page's browser session may call them.
 */
export function sessionKeyRequired(method: string, path: string): Reply {
  return openAiError(
    403,
    `Your request to ${method} ${path} must be made with a session key (that is, it can only be made from ` +
      'the browser). You made it with the following key type: secret.',
    'server_error',
    null,
  );
}

/** Credit gone: the newer `credit_balance_exhausted` form (billing-apis.md §3.2). */
export function insufficientQuota(): Reply {
  return openAiError(
    429,
    'You exceeded your current quota, please check your plan and billing details. For more information on ' +
      'this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
    'insufficient_quota',
    'credit_balance_exhausted',
  );
}

export function invalidUrl(method: string, path: string): Reply {
  return openAiError(404, `Invalid URL (${method} ${path})`, 'invalid_request_error', null);
}

export function methodNotAllowed(method: string, path: string, allowed: readonly string[]): Reply {
  const reply = openAiError(
    405,
    `Method ${method} is not allowed for ${path}; use ${allowed.join(' or ')}.`,
    'invalid_request_error',
    null,
  );
  return { ...reply, headers: { allow: allowed.join(', ') } };
}

export function badRequest(message: string, param: string | null): Reply {
  return openAiError(400, message, 'invalid_request_error', null, param);
}

/** The body OpenAI sends with a status, for faults queued with a status but no body. */
export function defaultErrorFor(status: number): Reply {
  if (status === 429) {
    return openAiError(
      429,
      'Rate limit reached for requests per min (RPM): Limit 60, Used 60, Requested 1. Please try again in 1s.',
      'requests',
      'rate_limit_exceeded',
    );
  }
  if (status === 401) return invalidApiKey(null);
  if (status === 503) {
    return openAiError(
      503,
      'The engine is currently overloaded, please try again later.',
      'server_error',
      null,
    );
  }
  if (status >= 500) {
    return openAiError(
      status,
      'The server had an error while processing your request. Sorry about that!',
      'server_error',
      null,
    );
  }
  return openAiError(status, `The simulator was asked to answer ${status}.`, 'invalid_request_error', null);
}
