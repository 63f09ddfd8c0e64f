import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BackendError } from '../../../../electron/core/billing-backend';
import {
  backoffDelayMs,
  retryDelayMs,
  serverDelayMs,
  shouldRetry,
} from '../../../../electron/core/openai/retry-policy';

const headers = (values: Record<string, string>) => new Headers(values);
const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);

describe('backoffDelayMs', () => {
  it('doubles from 0.5 s and stops at 8 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((retry) => backoffDelayMs(retry, () => 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it('takes off at most 25 % as jitter', () => {
    fc.assert(
      fc.property(fc.nat(40), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (retry, r) => {
        const base = Math.min(500 * 2 ** retry, 8000);
        const delay = backoffDelayMs(retry, () => r);
        return delay <= base && delay > base * 0.75 - 1e-9;
      }),
    );
  });
});

describe('serverDelayMs', () => {
  it.each([
    [{ 'retry-after-ms': '1500.5' }, 1500.5],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '0.5' }, 500],
    [{ 'retry-after': new Date(NOW + 7000).toUTCString() }, 7000],
    [{ 'retry-after': new Date(NOW - 7000).toUTCString() }, null],
    [{ 'retry-after': 'soon' }, null],
    [{ 'retry-after-ms': '-5' }, null],
    [{}, null],
  ])('%j → %s', (values, expected) => {
    expect(serverDelayMs(headers(values), NOW)).toBe(expected);
  });
});

describe('retryDelayMs', () => {
  it('waits what the server asks, up to 60 s', () => {
    expect(retryDelayMs(2, headers({ 'retry-after': '60' }), () => 0, NOW)).toBe(60_000);
  });

  it('falls back to the backoff beyond 60 s or without a header', () => {
    expect(retryDelayMs(2, headers({ 'retry-after': '61' }), () => 0, NOW)).toBe(2000);
    expect(retryDelayMs(1, null, () => 0.5, NOW)).toBe(875);
  });
});

describe('shouldRetry', () => {
  const quota: BackendError = { kind: 'quota', code: 'insufficient_quota', message: '' };
  const server = (status: number): BackendError => ({ kind: 'server', status, message: '' });

  it.each([
    [server(408), true],
    [server(409), true],
    [server(500), true],
    [server(503), true],
    [server(400), false],
    [server(404), false],
    [{ kind: 'rate-limit', retryAfterMs: null, message: '' } as BackendError, true],
    [{ kind: 'network', message: '' } as BackendError, true],
    [{ kind: 'timeout', message: '' } as BackendError, true],
    [{ kind: 'auth', reason: 'invalid-key', status: 401, message: '' } as BackendError, false],
    [quota, false],
  ])('%j → %s', (error, expected) => {
    expect(shouldRetry(error, null)).toBe(expected);
  });

  it('follows x-should-retry either way', () => {
    expect(shouldRetry(server(503), headers({ 'x-should-retry': 'false' }))).toBe(false);
    expect(shouldRetry(server(400), headers({ 'x-should-retry': 'true' }))).toBe(true);
  });

  it('never retries a quota error, whatever the headers say', () => {
    expect(shouldRetry(quota, headers({ 'x-should-retry': 'true' }))).toBe(false);
  });
});
