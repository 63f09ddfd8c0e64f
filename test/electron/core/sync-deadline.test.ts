/**
 * Each sync has a deadline (sync.ts): a hung server ends it with a `timeout` by then, whatever the
 * per-request timeout and retries would allow, and a hung balance endpoint is skipped after its
 * share, the fetched costs and usage kept. The real client against a real server on 127.0.0.1.
 */
import { afterEach, expect, it } from 'vitest';
import { abortableSleep } from '../../../electron/core/openai/http';
import { syncBilling } from '../../../electron/core/sync';
import { startTestServer, type Reply, type TestServer } from './openai/http-test-server';
import { createFakeClock, testBackend } from './openai/openai-test-kit';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const EMPTY_PAGE = JSON.stringify({ object: 'page', data: [], has_more: false, next_page: null });
const NOW = Date.UTC(2026, 10, 27, 12);

async function backendAnswering(reply: (path: string) => Reply) {
  server = await startTestServer((request) => reply(request.path));
  // The client's own defaults: 30 s a request, 3 retries with real waits.
  return testBackend(server.baseUrl, createFakeClock(NOW), { sleep: abortableSleep });
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work;
  return { value, ms: performance.now() - started };
}

it.each([
  ['before its headers', { hang: true }],
  ['in the middle of its body', { hangAfterBody: true, body: '{"object":"page","data":[' }],
])('a server hung %s ends the sync at its deadline with a timeout', async (_, reply) => {
  const backend = await backendAnswering(() => reply);
  const { value, ms } = await timed(syncBilling(backend, { cursor: null, now: NOW, deadlineMs: 800 }));
  expect(value).toMatchObject({
    ok: false,
    error: { kind: 'timeout', message: 'costs: the sync did not finish within 0.8 s' },
  });
  expect(ms).toBeGreaterThan(700);
  expect(ms).toBeLessThan(2_000);
});

it('a 503 retried with backoff still ends by the deadline', async () => {
  const backend = await backendAnswering(() => ({ status: 503, headers: { 'retry-after': '50' } }));
  const { value, ms } = await timed(syncBilling(backend, { cursor: null, now: NOW, deadlineMs: 600 }));
  expect(value).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  expect(ms).toBeLessThan(1_500);
});

it('a hung balance endpoint is skipped after its share; costs and usage are kept', async () => {
  const backend = await backendAnswering((path) =>
    path.endsWith('/credit_grants') ? { hang: true } : { body: EMPTY_PAGE },
  );
  const { value, ms } = await timed(syncBilling(backend, { cursor: null, now: NOW, deadlineMs: 3_000 }));
  expect(value.ok).toBe(true);
  if (!value.ok) return;
  expect(value.value.costs.days).toEqual([]);
  expect(value.value.usage).not.toBeNull();
  expect(value.value.balance).toBeNull();
  expect(value.value.balanceError).toEqual({
    kind: 'timeout',
    message:
      'credit grants: no answer within 0.5 s, its share of the sync; skipped this time, costs and usage kept',
  });
  // Its share of 3 s is 0.5 s: the good sync is not held to the deadline, nor to 4 × 30 s.
  expect(ms).toBeLessThan(1_500);
});
