/**
 * The organisation's spend limit (`GET /v1/organization/spend_limit`, billing-apis.md §1.7): the
 * client against the reference's example body over real HTTP, the answers read as "no limit", and
 * the simulator's face of it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type ScenarioName } from '../../../../electron/core/simulator';
import { always, type Reply, startTestServer, type TestServer } from './http-test-server';
import {
  ADMIN_KEY,
  createFakeClock,
  expectNoKey,
  fixture,
  PROJECT_KEY,
  testBackend,
} from './openai-test-kit';

let server: TestServer | undefined;
let sim: Awaited<ReturnType<typeof startSimulator>> | undefined;
afterEach(async () => {
  await server?.close();
  await sim?.close();
  server = undefined;
  sim = undefined;
});

async function serve(reply: Reply) {
  server = await startTestServer(always(reply));
  const fakeClock = createFakeClock();
  return { server, fakeClock, backend: testBackend(server.baseUrl, fakeClock) };
}

/** The reference's example with `change` applied to its parsed body. */
const example = (change: (body: Record<string, unknown>) => void): string => {
  const body = JSON.parse(fixture('openai-spend-limit.json')) as Record<string, unknown>;
  change(body);
  return JSON.stringify(body);
};

describe('the spend limit from OpenAI', () => {
  it('reads the reference example: 10000 cents are $100, in micro-dollars, enforcing', async () => {
    const { server, backend, fakeClock } = await serve({ body: fixture('openai-spend-limit.json') });
    expect(await backend.fetchSpendLimit()).toEqual({
      ok: true,
      value: {
        at: new Date(fakeClock.nowMs).toISOString().replace('.000Z', 'Z'),
        limitMicros: 100_000_000,
        enforcing: true,
      },
    });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.path).toBe('/v1/organization/spend_limit');
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${ADMIN_KEY}`);
  });

  it('an odd cent stays exact: 12345 cents are 123_450_000 µ$', async () => {
    const { backend } = await serve({ body: example((body) => (body.threshold_amount = 12345)) });
    expect(await backend.fetchSpendLimit()).toMatchObject({ ok: true, value: { limitMicros: 123_450_000 } });
  });

  it('an inactive limit is read, but as not enforcing', async () => {
    const { backend } = await serve({
      body: example((body) => (body.enforcement = { status: 'inactive' })),
    });
    expect(await backend.fetchSpendLimit()).toMatchObject({ ok: true, value: { enforcing: false } });
  });

  it.each<[string, Reply]>([
    ['a 404', { status: 404, body: '{"error":{"message":"Not found","type":"invalid_request_error"}}' }],
    ['a body that is null', { body: 'null' }],
    ['a null threshold_amount', { body: example((body) => (body.threshold_amount = null)) }],
    ['no threshold_amount', { body: example((body) => delete body.threshold_amount) }],
  ])('%s reads as no limit set', async (_name, reply) => {
    const { server, backend } = await serve(reply);
    expect(await backend.fetchSpendLimit()).toEqual({ ok: true, value: null });
    // Not retried: "none" is an answer.
    expect(server.requests).toHaveLength(1);
  });

  it.each<[string, string, string]>([
    ['another currency', example((body) => (body.currency = 'EUR')), 'currency "EUR" is not US dollars'],
    ['another interval', example((body) => (body.interval = 'week')), 'interval "week" is not a month'],
    ['cents that are not whole', example((body) => (body.threshold_amount = 10.5)), 'threshold_amount'],
    ['another object', '{"object":"organization.spend_alert"}', 'object'],
  ])('%s is a bad response naming the field', async (_name, body, says) => {
    const { backend } = await serve({ body });
    const answer = await backend.fetchSpendLimit();
    expect(answer).toMatchObject({ ok: false, error: { kind: 'bad-response' } });
    expect(answer.ok ? '' : answer.error.message).toContain('spend limit');
    expect(answer.ok ? '' : answer.error.message).toContain(says);
  });

  it('a refused key is an auth error, and the key it echoes does not come back', async () => {
    const { backend } = await serve({
      status: 401,
      body: fixture('openai-error-invalid-api-key.json').replace('sk-XXXXX', ADMIN_KEY),
    });
    const answer = await backend.fetchSpendLimit();
    expect(answer).toMatchObject({ ok: false, error: { kind: 'auth', reason: 'invalid-key' } });
    expectNoKey(answer);
  });

  it('a key given for another address is never sent there', async () => {
    server = await startTestServer(always({ body: fixture('openai-spend-limit.json') }));
    const backend = testBackend(server.baseUrl, createFakeClock(), { keyOrigin: 'https://api.openai.com' });
    expect(await backend.fetchSpendLimit()).toMatchObject({
      ok: false,
      error: { kind: 'auth', reason: 'key-origin', status: 0 },
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe('the spend limit from the simulator', () => {
  async function simulate(scenario: ScenarioName, apiKey = ADMIN_KEY) {
    sim = await startSimulator({ port: 0, scenario, startAt: Date.UTC(2026, 10, 27, 9, 30) });
    const simulator = sim;
    return testBackend(simulator.baseUrl, createFakeClock(), { apiKey, now: () => simulator.now() });
  }

  it('the demo organisation has a $120 monthly limit (not auto-recharge’s $80 one)', async () => {
    const backend = await simulate('demo');
    expect(await backend.fetchSpendLimit()).toMatchObject({
      ok: true,
      value: { limitMicros: 120_000_000, enforcing: true },
    });
  });

  it('an organisation without one answers 404, read as none', async () => {
    const backend = await simulate('empty');
    expect(await backend.fetchSpendLimit()).toEqual({ ok: true, value: null });
  });

  it('a project key is refused as on every admin endpoint', async () => {
    const backend = await simulate('demo', PROJECT_KEY);
    expect(await backend.fetchSpendLimit()).toMatchObject({
      ok: false,
      error: { kind: 'auth', reason: 'not-admin-key' },
    });
  });
});
