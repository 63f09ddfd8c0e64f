import { describe, expect, it } from 'vitest';
import { classifyHttpError } from '../../../../electron/core/openai/classify-error';
import { ADMIN_KEY, expectNoKey, fixture, PROJECT_KEY } from './openai-test-kit';

const NOW = Date.UTC(2026, 10, 27);

function classify(
  status: number,
  bodyText: string,
  apiKey = ADMIN_KEY,
  headers: Record<string, string> = {},
) {
  return classifyHttpError({
    status,
    bodyText,
    headers: new Headers(headers),
    what: 'costs',
    apiKey,
    nowMs: NOW,
  });
}

describe('classifyHttpError', () => {
  it('401 invalid key with an admin key → auth invalid-key, the echoed key fragment scrubbed', () => {
    const error = classify(401, fixture('openai-error-invalid-api-key.json'));
    expect(error).toMatchObject({ kind: 'auth', reason: 'invalid-key', status: 401 });
    expect(error.message).toContain('Incorrect API key provided: sk-***.');
    expect(error.message).not.toContain('sk-XXXXX');
  });

  it('a refused project key → auth not-admin-key, whatever the message', () => {
    expect(classify(401, fixture('openai-error-invalid-api-key.json'), PROJECT_KEY)).toMatchObject({
      kind: 'auth',
      reason: 'not-admin-key',
    });
  });

  it.each([401, 403])(
    '%i "Missing scopes: api.usage.read" → not-admin-key even for an sk-admin key',
    (status) => {
      const body = JSON.stringify({
        error: {
          message: 'You have insufficient permissions for this operation. Missing scopes: api.usage.read.',
        },
      });
      expect(classify(status, body)).toMatchObject({ kind: 'auth', reason: 'not-admin-key', status });
    },
  );

  it('429 insufficient_quota with its code → quota insufficient_quota', () => {
    expect(classify(429, fixture('openai-error-insufficient-quota.json'))).toMatchObject({
      kind: 'quota',
      code: 'insufficient_quota',
    });
  });

  it('429 insufficient_quota with a null code (2023 body) → quota, code null', () => {
    expect(classify(429, fixture('openai-error-insufficient-quota-2023-code-null.json'))).toMatchObject({
      kind: 'quota',
      code: null,
    });
  });

  it.each([
    'credit_balance_exhausted',
    'organization_spend_limit_exceeded',
    'project_spend_limit_exceeded',
    'organization_usage_limit_exceeded',
    'billing_hard_limit_reached',
  ])('code %s → quota with that code', (code) => {
    const body = JSON.stringify({
      error: { message: 'no', type: 'invalid_request_error', param: null, code },
    });
    expect(classify(429, body)).toMatchObject({ kind: 'quota', code });
    // The hard limit has come as a 400: a cap all the same, not a server error.
    expect(classify(400, body)).toMatchObject({ kind: 'quota', code });
  });

  it('429 rate_limit_exceeded (tokens) → rate-limit carrying the server delay', () => {
    const error = classify(429, fixture('openai-error-rate-limit-tokens.json'), ADMIN_KEY, {
      'retry-after-ms': '1574',
    });
    expect(error).toEqual({
      kind: 'rate-limit',
      retryAfterMs: 1574,
      message: expect.stringContaining('TPM'),
    });
  });

  it('a 429 without a body or header → rate-limit, no delay', () => {
    expect(classify(429, '')).toMatchObject({ kind: 'rate-limit', retryAfterMs: null });
  });

  it.each([500, 502, 503, 400, 404, 408])('%i → server with that status', (status) => {
    expect(classify(status, '<html>oops</html>')).toMatchObject({ kind: 'server', status });
  });

  it('a 3xx → server "unexpected redirect"', () => {
    expect(classify(302, '')).toMatchObject({
      kind: 'server',
      status: 302,
      message: expect.stringContaining('redirect'),
    });
  });

  it.each([
    [
      403,
      'openrouter-error-403-management-key.json',
      'auth',
      'Only management keys can perform this operation',
    ],
    [402, 'openrouter-error-402.json', 'server', 'Insufficient credits. Add more using'],
  ])('%i with a numeric code (%s) → %s, the message shown', (status, name, kind, said) => {
    const error = classify(status, fixture(name));
    expect(error.kind).toBe(kind);
    expect(error.message).toContain(`costs: HTTP ${status}: ${said}`);
  });

  it('a numeric code 429 → rate-limit, the message shown', () => {
    const error = classify(429, '{"error":{"code":429,"message":"Rate limit exceeded: slow down"}}');
    expect(error).toMatchObject({ kind: 'rate-limit', message: expect.stringContaining('slow down') });
  });

  it('a bare-string error → read as the message: "Missing scopes" is a key of the wrong kind', () => {
    const error = classify(401, '{"error":"insufficient permissions. Missing scopes: api.usage.read"}');
    expect(error).toMatchObject({ kind: 'auth', reason: 'not-admin-key', status: 401 });
    expect(error.message).toContain('HTTP 401: insufficient permissions. Missing scopes: api.usage.read');
  });

  it('a quota code among other fields of odd types is still a quota', () => {
    const body = '{"error":{"code":"insufficient_quota","param":7,"type":["x"],"message":{"text":"no"}}}';
    expect(classify(429, body)).toMatchObject({ kind: 'quota', code: 'insufficient_quota' });
  });

  it('scrubs a whole key the server echoes', () => {
    const body = JSON.stringify({
      error: { message: `Incorrect API key provided: ${ADMIN_KEY}. Bearer ${ADMIN_KEY}` },
    });
    const error = classify(401, body);
    expectNoKey(error);
    expect(error.message).toContain('Incorrect API key provided:');
  });
});
