/**
 * Retries, timeouts and network failures over real HTTP; waits go to the fake clock.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAiBackend } from '../../../../electron/core/openai';
import {
  always,
  inTurn,
  type Handler,
  type Reply,
  startTestServer,
  type TestServer,
} from './http-test-server';
import { ADMIN_KEY, createFakeClock, expectNoKey, fixture, testBackend } from './openai-test-kit';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const PAGE: Reply = { body: fixture('openai-costs-page.json') };
const UNAVAILABLE: Reply = {
  status: 503,
  body: '{"error":{"message":"The server is overloaded","type":"server_error"}}',
};

async function serve(handler: Handler, options: Parameters<typeof testBackend>[2] = {}) {
  server = await startTestServer(handler);
  const fakeClock = createFakeClock();
  return { server, fakeClock, backend: testBackend(server.baseUrl, fakeClock, options) };
}

describe('retries', () => {
  it('three 503s then a 200 still succeed, waiting 0.5 s, 1 s, 2 s', async () => {
    const { server, backend, fakeClock } = await serve(inTurn(UNAVAILABLE, UNAVAILABLE, UNAVAILABLE, PAGE));
    expect(await backend.fetchCosts({ startDay: '2024-11-01' })).toMatchObject({
      ok: true,
      value: [{ amountMicros: 60_000 }],
    });
    expect(server.requests).toHaveLength(4);
    expect(fakeClock.sleeps).toEqual([500, 1000, 2000]);
  });

  it('four 503s → the last attempt’s server error', async () => {
    const { server, backend } = await serve(always(UNAVAILABLE));
    expect(await backend.fetchCosts({ startDay: '2024-11-01' })).toEqual({
      ok: false,
      error: {
        kind: 'server',
        status: 503,
        message: 'OpenAI answered with an error (costs: HTTP 503: The server is overloaded)',
      },
    });
    expect(server.requests).toHaveLength(4);
  });

  it('jitter comes from random()', async () => {
    const { backend, fakeClock } = await serve(inTurn(UNAVAILABLE, UNAVAILABLE, PAGE), { random: () => 0.5 });
    await backend.fetchCosts({ startDay: '2024-11-01' });
    expect(fakeClock.sleeps).toEqual([437.5, 875]);
  });

  it.each([408, 409, 500, 502, 504])('%i is retried', async (status) => {
    const { server, backend } = await serve(inTurn({ status }, PAGE));
    expect((await backend.fetchCosts({ startDay: '2024-11-01' })).ok).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it.each([400, 404, 422])('%i is not retried', async (status) => {
    const { server, backend } = await serve(
      always({ status, body: '{"error":{"message":"bad start_time"}}' }),
    );
    expect(await backend.fetchCosts({ startDay: '2024-11-01' })).toMatchObject({
      ok: false,
      error: { kind: 'server', status },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('x-should-retry: false stops at once, true retries what would not be', async () => {
    const { server, backend } = await serve(
      inTurn(
        { ...UNAVAILABLE, headers: { 'x-should-retry': 'false' } },
        { status: 400, headers: { 'x-should-retry': 'true' } },
        PAGE,
      ),
    );
    expect(await backend.fetchCosts({ startDay: '2024-11-01' })).toMatchObject({
      ok: false,
      error: { status: 503 },
    });
    expect((await backend.fetchCosts({ startDay: '2024-11-01' })).ok).toBe(true);
    expect(server.requests).toHaveLength(3);
  });

  it.each([
    [{ 'retry-after-ms': '1234.5' }, 1234.5],
    [{ 'retry-after': '3' }, 3000],
    [{ 'retry-after': new Date(Date.UTC(2026, 10, 27, 12, 0, 9)).toUTCString() }, 9000],
  ])('a 429 with %j waits %s ms', async (headers, wait) => {
    const { backend, fakeClock } = await serve(inTurn({ status: 429, headers }, PAGE));
    expect((await backend.fetchCosts({ startDay: '2024-11-01' })).ok).toBe(true);
    expect(fakeClock.sleeps).toEqual([wait]);
  });

  it('a rate limit that outlasts the retries hands its delay to the poller', async () => {
    const { backend, fakeClock } = await serve(always({ status: 429, headers: { 'retry-after': '30' } }));
    expect(await backend.fetchCosts({ startDay: '2024-11-01' })).toMatchObject({
      ok: false,
      error: { kind: 'rate-limit', retryAfterMs: 30_000 },
    });
    expect(fakeClock.sleeps).toEqual([30_000, 30_000, 30_000]);
  });

  it.each([
    [429, { 'retry-after': '600' }, 'rate-limit', 600_000],
    [429, { 'retry-after-ms': '3600000' }, 'rate-limit', 3_600_000],
    [503, { 'retry-after': '86400' }, 'server', 86_400_000],
    [429, { 'retry-after': 'Fri, 27 Nov 2026 13:00:00 GMT' }, 'rate-limit', 3_600_000],
  ])(
    'a %i asking to wait past 60 s (%j) ends the poll at once, its wait handed to the poller',
    async (status, headers, kind, retryAfterMs) => {
      const { server, backend, fakeClock } = await serve(always({ status, headers }));
      const result = await backend.fetchCosts({ startDay: '2024-11-01' });
      expect(result).toMatchObject({ ok: false, error: { kind, retryAfterMs } });
      expect(!result.ok && result.error.message).toMatch(/asks Saldo to wait \d+ s, so the next poll waits/);
      expect(server.requests).toHaveLength(1);
      expect(fakeClock.sleeps).toEqual([]);
    },
  );

  it('garbage in Retry-After falls back to the backoff', async () => {
    const { backend, fakeClock } = await serve(
      inTurn({ status: 429, headers: { 'retry-after': 'soon' } }, PAGE),
    );
    expect((await backend.fetchCosts({ startDay: '2024-11-01' })).ok).toBe(true);
    expect(fakeClock.sleeps).toEqual([500]);
  });

  it('maxRetries bounds the attempts', async () => {
    const { server, backend } = await serve(always(UNAVAILABLE), { maxRetries: 0 });
    await backend.fetchCosts({ startDay: '2024-11-01' });
    expect(server.requests).toHaveLength(1);
  });

  it('each page has its own retries', async () => {
    const first = { body: '{"object":"page","data":[],"has_more":true,"next_page":"p2"}' };
    const { server, backend } = await serve(inTurn(UNAVAILABLE, first, UNAVAILABLE, UNAVAILABLE, PAGE));
    expect((await backend.fetchCosts({ startDay: '2024-11-01' })).ok).toBe(true);
    expect(server.requests.map((request) => request.query.get('page'))).toEqual([
      null,
      null,
      'p2',
      'p2',
      'p2',
    ]);
  });
});

describe('timeouts and network errors', () => {
  it('an answer slower than timeoutMs → timeout, retried', async () => {
    const { server, backend, fakeClock } = await serve(inTurn({ ...PAGE, delayMs: 2000 }, PAGE), {
      timeoutMs: 100,
    });
    expect((await backend.fetchCosts({ startDay: '2024-11-01' })).ok).toBe(true);
    expect(server.requests).toHaveLength(2);
    expect(fakeClock.sleeps).toEqual([500]);
  });

  it('every attempt too slow → timeout error', async () => {
    const { backend } = await serve(always({ ...PAGE, delayMs: 2000 }), { timeoutMs: 50, maxRetries: 1 });
    expect(await backend.fetchCosts({ startDay: '2024-11-01' })).toEqual({
      ok: false,
      error: { kind: 'timeout', message: 'costs: no answer within 50 ms' },
    });
  });

  it('a dropped connection → network, retried', async () => {
    const { server, backend } = await serve(inTurn({ destroy: true }, PAGE));
    expect((await backend.fetchCosts({ startDay: '2024-11-01' })).ok).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('nobody listening → network error naming the cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const fakeClock = createFakeClock();
    const backend = testBackend(`http://127.0.0.1:${port}/v1`, fakeClock);
    expect(await backend.fetchUsage({ startDay: '2024-11-01' })).toEqual({
      ok: false,
      error: { kind: 'network', message: 'usage: fetch failed (ECONNREFUSED)' },
    });
    expect(fakeClock.sleeps).toHaveLength(3);
  });

  it('a body cut short by the server → bad-response, not retried', async () => {
    const text = fixture('openai-costs-page.json');
    const { server, backend } = await serve(always({ body: text.slice(0, 200) }));
    expect(await backend.fetchCosts({ startDay: '2024-11-01' })).toMatchObject({
      ok: false,
      error: {
        kind: 'bad-response',
        message: expect.stringMatching(/^costs page: not JSON \(.*end of input/),
      },
    });
    expect(server.requests).toHaveLength(1);
  });

  it('a redirect is not followed (the key stays with the host it was given to)', async () => {
    const { server, backend } = await serve(
      always({ status: 302, headers: { location: 'http://127.0.0.1:9/steal' } }),
    );
    expect(await backend.fetchCosts({ startDay: '2024-11-01' })).toMatchObject({
      ok: false,
      error: { kind: 'server', status: 302 },
    });
    expect(server.requests).toHaveLength(1);
  });
});

describe('the key never leaves', () => {
  it('not through a fetch that throws with it', async () => {
    const backend = createOpenAiBackend({
      apiKey: ADMIN_KEY,
      keyOrigin: 'https://api.openai.com',
      sleep: createFakeClock().sleep,
      fetch: async () => {
        throw new TypeError(`Headers.append: "Bearer ${ADMIN_KEY}" is an invalid header value.`);
      },
    });
    const result = await backend.fetchCosts({ startDay: '2024-11-01' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'network' } });
    expectNoKey(result);
  });

  it('a key no header can carry is refused before any request', async () => {
    const { server, backend } = await serve(always(PAGE), { apiKey: `${ADMIN_KEY}\n` });
    const result = await backend.fetchCosts({ startDay: '2024-11-01' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth', reason: 'invalid-key', status: 0 } });
    expectNoKey(result);
    expect(server.requests).toHaveLength(0);
  });

  it('not in what a caller’s mistake throws', async () => {
    const { backend } = await serve(always(PAGE));
    const thrown = await backend.fetchCosts({ startDay: '2024-13-01' }).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(RangeError);
    expectNoKey(String(thrown));
  });

  it('not in an option error', () => {
    let message = '';
    try {
      createOpenAiBackend({
        apiKey: ADMIN_KEY,
        keyOrigin: 'https://api.openai.com',
        pageLimits: { usage: 32 },
      });
    } catch (error) {
      message = String(error);
    }
    expect(message).toBe("RangeError: pageLimits.usage must be at most 31, the API's maximum");
    expectNoKey(message);
  });
});
