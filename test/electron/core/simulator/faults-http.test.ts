/**
 * Faults over real HTTP: status and retry headers, delays, truncated and malformed bodies, path
 * filters, counts used up, and the validation of `POST /sim/faults`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { costsPageSchema, errorBodySchema } from '../../../../electron/core/openai/wire';
import { adminGet, request, START_AT, unix, useSimulator } from './sim-harness';

const empty = useSimulator({ scenario: 'empty' });
const costs = (): string =>
  `${empty().baseUrl}/organization/costs?start_time=${unix(START_AT - 3 * 86_400_000)}`;
const usage = (): string => `${empty().baseUrl}/organization/usage/completions?start_time=${unix(START_AT)}`;
const queue = (fault: object): ReturnType<typeof request> =>
  request(`${empty().url}/sim/faults`, { method: 'POST', body: fault });

afterEach(async () => {
  await request(`${empty().url}/sim/faults`, { method: 'DELETE' });
});

describe('faults', () => {
  it('answer the next `count` requests with the status, OpenAI’s body and the retry headers', async () => {
    const queued = await queue({ count: 2, status: 429, retryAfter: '2', retryAfterMs: '1500' });
    expect(queued.status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const answer = await adminGet(costs());
      expect(answer.status).toBe(429);
      expect(answer.headers.get('retry-after')).toBe('2');
      expect(answer.headers.get('retry-after-ms')).toBe('1500');
      expect(errorBodySchema.parse(answer.json).error).toMatchObject({
        type: 'requests',
        code: 'rate_limit_exceeded',
      });
    }
    const normal = await adminGet(costs());
    expect(normal.status).toBe(200);
    expect(normal.headers.get('retry-after')).toBeNull();
  });

  it('send a given body as is: JSON, or text such as a proxy’s HTML page', async () => {
    await queue({
      count: 1,
      status: 500,
      body: { error: { message: 'boom', type: 'server_error', param: null, code: null } },
    });
    await queue({ count: 1, status: 502, body: '<html>Bad gateway</html>' });
    const json = await adminGet(costs());
    expect([json.status, errorBodySchema.parse(json.json).error.message]).toEqual([500, 'boom']);
    const html = await adminGet(costs());
    expect([html.status, html.text, html.headers.get('content-type')]).toEqual([
      502,
      '<html>Bad gateway</html>',
      'text/plain; charset=utf-8',
    ]);
  });

  it('wait delayMs before answering, then answer normally', async () => {
    await queue({ count: 1, delayMs: 300 });
    const started = performance.now();
    const answer = await adminGet(costs());
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(answer.status).toBe(200);
  });

  it('truncate: status 200, the first half of the real body', async () => {
    const whole = await adminGet(costs());
    await queue({ count: 1, truncate: true });
    const cut = await adminGet(costs());
    expect(cut.status).toBe(200);
    expect(cut.text).toBe(whole.text.slice(0, Math.floor(whole.text.length / 2)));
    expect(() => JSON.parse(cut.text) as unknown).toThrow();
  });

  it('malformed: status 200, JSON of the wrong shape', async () => {
    await queue({ count: 1, malformed: true });
    const answer = await adminGet(costs());
    expect(answer.status).toBe(200);
    expect(answer.plain).toEqual({ object: 'page', data: 'oops' });
    expect(costsPageSchema.safeParse(answer.json).success).toBe(false);
  });

  it('only hit requests under their path, and the chat and control routes alike', async () => {
    await queue({ count: 1, status: 503, path: '/v1/organization/usage' });
    expect((await adminGet(costs())).status).toBe(200);
    expect((await adminGet(usage())).status).toBe(503);
    expect((await adminGet(usage())).status).toBe(200);
    await queue({ count: 1, status: 500, path: '/sim/state' });
    expect((await request(`${empty().url}/sim/state`)).status).toBe(500);
  });

  it('are listed, and cleared by DELETE — the fault queue itself is never faulted', async () => {
    await queue({ count: 5, status: 500, path: '/' });
    expect((await request(`${empty().url}/sim/faults`)).plain).toMatchObject({
      faults: [{ count: 5, remaining: 5, status: 500, path: '/' }],
    });
    const cleared = await request(`${empty().url}/sim/faults`, { method: 'DELETE' });
    expect(cleared.plain).toEqual({ cleared: 5 });
    expect((await adminGet(costs())).status).toBe(200);
  });

  it.each([
    ['no count', { status: 500 }, 'count'],
    ['a zero count', { count: 0, status: 500 }, 'count'],
    ['a status out of range', { count: 1, status: 700 }, 'status'],
    [
      'a retry-after that would split the headers',
      { count: 1, status: 429, retryAfter: '1\r\nx: y' },
      'retryAfter',
    ],
    ['a retry-after-ms that is not text', { count: 1, status: 429, retryAfterMs: 1500 }, 'retryAfterMs'],
    ['a negative delay', { count: 1, delayMs: -5 }, 'delayMs'],
    ['truncate and malformed together', { count: 1, truncate: true, malformed: true }, 'truncate'],
    ['truncate with a status', { count: 1, truncate: true, status: 500 }, 'status'],
    ['a path that is no path', { count: 1, status: 500, path: 'v1' }, 'path'],
    ['an unknown field', { count: 1, status: 500, times: 2 }, 'times'],
  ])('refuse %s, naming the field', async (_what, fault, field) => {
    const answer = await queue(fault);
    expect(answer.status).toBe(400);
    expect(errorBodySchema.parse(answer.json).error.message?.startsWith(`${field}: `)).toBe(true);
  });
});
