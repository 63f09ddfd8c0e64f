/**
 * The client against the reference's real example bodies, served by a local HTTP server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { always, inTurn, type Handler, startTestServer, type TestServer } from './http-test-server';
import {
  ADMIN_KEY,
  createFakeClock,
  expectNoKey,
  fixture,
  PROJECT_KEY,
  testBackend,
} from './openai-test-kit';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(handler: Handler) {
  server = await startTestServer(handler);
  const fakeClock = createFakeClock();
  return { server, fakeClock, backend: testBackend(server.baseUrl, fakeClock) };
}

/** A one-bucket page around fixture result text, kept verbatim. */
function pageAround(resultText: string, startTime = 1730419200): string {
  return `{"object":"page","data":[{"object":"bucket","start_time":${startTime},"end_time":${startTime + 86400},"results":[${resultText}]}],"has_more":false,"next_page":null}`;
}

const EMPTY_PAGE = '{"object":"page","data":[],"has_more":false,"next_page":null}';

describe('costs', () => {
  it('reads the spec example page', async () => {
    const { backend } = await serve(always({ body: fixture('openai-costs-page.json') }));
    expect(await backend.fetchCosts({ startDay: '2024-11-01' })).toEqual({
      ok: true,
      value: [{ day: '2024-11-01', amountMicros: 60_000, lineItem: null, projectId: null }],
    });
  });

  it('asks as the SDK does: admin bearer key, 1d buckets, grouped by line item and project, 180 a page', async () => {
    const { server, backend } = await serve(always({ body: EMPTY_PAGE }));
    await backend.fetchCosts({ startDay: '2024-11-01' });
    await backend.fetchCosts({ startDay: '2024-11-01', endDay: '2024-11-08' });
    const [open, closed] = server.requests;
    expect(open!.path).toBe('/v1/organization/costs');
    expect(open!.headers.authorization).toBe(`Bearer ${ADMIN_KEY}`);
    expect(Object.fromEntries(open!.query)).toEqual({
      start_time: '1730419200',
      bucket_width: '1d',
      'group_by[]': 'project_id',
      limit: '180',
    });
    expect(open!.query.getAll('group_by[]')).toEqual(['line_item', 'project_id']);
    // No end_time without an end day: the server's clock ends the range (see backend.ts).
    expect(open!.query.has('end_time')).toBe(false);
    expect(closed!.query.get('end_time')).toBe('1731024000');
  });

  it('reads the grouped result example: line item and project', async () => {
    const { backend } = await serve(
      always({ body: pageAround(fixture('openai-costs-result-grouped.json')) }),
    );
    expect(await backend.fetchCosts({ startDay: '2024-11-01' })).toEqual({
      ok: true,
      value: [{ day: '2024-11-01', amountMicros: 60_000, lineItem: 'input_tokens', projectId: 'proj_abc' }],
    });
  });

  it.each([
    ['"0.06"', 60_000],
    ['"12.3456785"', 12_345_679],
    ['0.12345649999999999999', 123_456],
    // A negative row alone makes a negative day, which the engine refuses (buckets.test.ts).
    ['1.5e1', 15_000_000],
  ])('reads amount.value %s exactly: %i µ$', async (value, micros) => {
    const body = fixture('openai-costs-page.json').replace('"value": 0.06', `"value": ${value}`);
    const { backend } = await serve(always({ body }));
    const result = await backend.fetchCosts({ startDay: '2024-11-01' });
    expect(result.ok && result.value[0]!.amountMicros).toBe(micros);
  });

  it('ignores fields it does not know, at every level', async () => {
    const body = fixture('openai-costs-page.json')
      .replace('"object": "page",', '"object": "page", "x_request_meta": {"region": "us"},')
      .replace('"object": "bucket",', '"object": "bucket", "granularity": "day",')
      .replace(
        '"line_item": null,',
        '"line_item": null, "organization_id": "org-abc", "tags": [1, {"a": null}],',
      )
      .replace('"currency": "usd"', '"currency": "usd", "precision": 6');
    const { backend } = await serve(always({ body }));
    expect(await backend.fetchCosts({ startDay: '2024-11-01' })).toMatchObject({
      ok: true,
      value: [{ amountMicros: 60_000 }],
    });
  });

  it('leaves out a row without an amount value or in another currency, and tells the caller why', async () => {
    const page = fixture('openai-costs-page.json');
    const noValue = fixture('openai-costs-result-grouped.json').replace(/"value": 0\.06,\s*/, '');
    const inEuros = fixture('openai-costs-result-grouped.json').replace('"usd"', '"eur"');
    const body = page.replace('"results": [', `"results": [${noValue}, ${inEuros},`);
    expect(noValue).not.toContain('"value"');
    const { backend } = await serve(always({ body }));
    const warnings: unknown[] = [];
    const result = await backend.fetchCosts({
      startDay: '2024-11-01',
      onWarning: (warning) => warnings.push(warning),
    });
    expect(result).toEqual({
      ok: true,
      value: [{ day: '2024-11-01', amountMicros: 60_000, lineItem: null, projectId: null }],
    });
    expect(warnings).toEqual([
      {
        kind: 'cost-without-amount',
        message: expect.stringMatching(/^1 cost row on 2024-11-01 had no amount/),
      },
      {
        kind: 'cost-not-usd',
        message: expect.stringMatching(/^1 cost row on 2024-11-01 in EUR \(0\.06 EUR\)/),
      },
    ]);
  });

  it('skips empty days', async () => {
    const body = `{"object":"page","data":[{"object":"bucket","start_time":1730419200,"end_time":1730505600,"results":[]},{"object":"bucket","start_time":1730505600,"end_time":1730592000,"results":[${fixture('openai-costs-result-grouped.json')}]}],"has_more":false,"next_page":null}`;
    const { backend } = await serve(always({ body }));
    const result = await backend.fetchCosts({ startDay: '2024-11-01' });
    expect(result.ok && result.value.map((row) => row.day)).toEqual(['2024-11-02']);
  });
});

describe('usage', () => {
  it('follows next_page from the spec example page, as page=', async () => {
    const { server, backend } = await serve(
      inTurn({ body: fixture('openai-usage-completions-page.json') }, { body: EMPTY_PAGE }),
    );
    expect(await backend.fetchUsage({ startDay: '2024-11-01' })).toEqual({
      ok: true,
      value: [
        // input_tokens already counts cached, audio and image input: taken as is.
        {
          day: '2024-11-01',
          model: null,
          projectId: null,
          inputTokens: 1000,
          cachedInputTokens: 400,
          outputTokens: 500,
          requests: 5,
        },
      ],
    });
    expect(server.requests.map((request) => request.query.get('page'))).toEqual([
      null,
      'page_AAAAAGdGxdEiJdKOAAAAAGcqsYA=',
    ]);
    expect(server.requests[0]!.path).toBe('/v1/organization/usage/completions');
    expect(server.requests[0]!.query.getAll('group_by[]')).toEqual(['model', 'project_id']);
    expect(server.requests[0]!.query.get('limit')).toBe('31');
    expect(server.requests[1]!.query.get('start_time')).toBe('1730419200');
  });

  it('reads the grouped result example: model and project', async () => {
    const { backend } = await serve(
      always({ body: pageAround(fixture('openai-usage-completions-result.json')) }),
    );
    expect(await backend.fetchUsage({ startDay: '2024-11-01' })).toEqual({
      ok: true,
      value: [
        {
          day: '2024-11-01',
          model: 'gpt-4o-mini-2024-07-18',
          projectId: 'proj_abc',
          inputTokens: 5000,
          cachedInputTokens: 1800,
          outputTokens: 1000,
          requests: 5,
        },
      ],
    });
  });

  it('a negative token count is a bad response', async () => {
    const body = pageAround('{"object":"organization.usage.completions.result","input_tokens":-4}');
    const { backend } = await serve(always({ body }));
    expect(await backend.fetchUsage({ startDay: '2024-11-01' })).toEqual({
      ok: false,
      error: {
        kind: 'bad-response',
        message: 'usage page: data[0].results[0].input_tokens: a whole number ≥ 0',
      },
    });
  });
});

describe('pagination guards', () => {
  const page = (cursor: string | null, hasMore: boolean) =>
    `{"object":"page","data":[],"has_more":${hasMore},"next_page":${cursor === null ? 'null' : `"${cursor}"`}}`;

  it('a cursor seen before → bad-response', async () => {
    const { server, backend } = await serve(
      inTurn({ body: page('p1', true) }, { body: page('p2', true) }, { body: page('p1', true) }),
    );
    expect(await backend.fetchCosts({ startDay: '2024-11-01' })).toEqual({
      ok: false,
      error: { kind: 'bad-response', message: 'costs page: next_page repeats an earlier cursor' },
    });
    expect(server.requests).toHaveLength(3);
  });

  it('has_more without next_page → bad-response', async () => {
    const { backend } = await serve(always({ body: page(null, true) }));
    expect(await backend.fetchUsage({ startDay: '2024-11-01' })).toEqual({
      ok: false,
      error: { kind: 'bad-response', message: 'usage page: has_more is true but next_page is missing' },
    });
  });

  it('a failing later page fails the whole fetch', async () => {
    const { backend } = await serve(
      inTurn({ body: page('p1', true) }, { body: '{"object":"page","data":[{}]}' }),
    );
    expect(await backend.fetchCosts({ startDay: '2024-11-01' })).toEqual({
      ok: false,
      error: { kind: 'bad-response', message: 'costs page: data[0].start_time: a whole number' },
    });
  });
});

describe('error fixtures', () => {
  it('invalid key → auth invalid-key, not retried', async () => {
    const { server, backend } = await serve(
      always({ status: 401, body: fixture('openai-error-invalid-api-key.json') }),
    );
    const result = await backend.fetchCosts({ startDay: '2024-11-01' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth', reason: 'invalid-key', status: 401 } });
    expect(server.requests).toHaveLength(1);
  });

  it('a project key refused → auth not-admin-key', async () => {
    server = await startTestServer(
      always({ status: 401, body: fixture('openai-error-invalid-api-key.json') }),
    );
    const backend = testBackend(server.baseUrl, createFakeClock(), { apiKey: PROJECT_KEY });
    expect(await backend.fetchUsage({ startDay: '2024-11-01' })).toMatchObject({
      ok: false,
      error: { kind: 'auth', reason: 'not-admin-key' },
    });
  });

  it.each([
    ['openai-error-insufficient-quota.json', 'insufficient_quota'],
    ['openai-error-insufficient-quota-2023-code-null.json', null],
  ])('%s → quota %s, exactly one request even with x-should-retry: true', async (name, code) => {
    const { server, backend, fakeClock } = await serve(
      always({ status: 429, headers: { 'x-should-retry': 'true', 'retry-after': '1' }, body: fixture(name) }),
    );
    expect(await backend.fetchCosts({ startDay: '2024-11-01' })).toMatchObject({
      ok: false,
      error: { kind: 'quota', code },
    });
    expect(server.requests).toHaveLength(1);
    expect(fakeClock.sleeps).toEqual([]);
  });

  it('rate limit (tokens) → retried with the server delay, then rate-limit keeping retryAfterMs', async () => {
    const { server, backend, fakeClock } = await serve(
      always({
        status: 429,
        headers: { 'retry-after-ms': '1574' },
        body: fixture('openai-error-rate-limit-tokens.json'),
      }),
    );
    expect(await backend.fetchUsage({ startDay: '2024-11-01' })).toMatchObject({
      ok: false,
      error: { kind: 'rate-limit', retryAfterMs: 1574 },
    });
    expect(server.requests).toHaveLength(4);
    expect(fakeClock.sleeps).toEqual([1574, 1574, 1574]);
  });
});

describe('balance', () => {
  it('is unknown before the first ask', async () => {
    const { backend } = await serve(always({ body: EMPTY_PAGE }));
    expect(backend.capabilities()).toEqual({
      provider: 'openai',
      costs: true,
      usage: true,
      balance: 'unknown',
      autoRechargeSettings: false,
    });
  });

  it('legacy credit_grants → ObservedBalance, capability api', async () => {
    const { server, backend, fakeClock } = await serve(
      always({ body: fixture('openai-legacy-credit-grants.json') }),
    );
    expect(await backend.fetchBalance()).toEqual({
      ok: true,
      value: {
        at: new Date(fakeClock.nowMs).toISOString().replace('.000Z', 'Z'),
        balanceMicros: 17_821_896,
        grants: [
          {
            id: 'be32c280-ad4a-4e14-bc1a-077a32275f9e',
            amountMicros: 18_000_000,
            usedMicros: 178_104,
            effectiveAt: '2023-03-01T00:00:00Z',
            expiresAt: '2023-07-01T00:00:00Z',
          },
        ],
      },
    });
    expect(server.requests[0]!.path).toBe('/v1/dashboard/billing/credit_grants');
    expect(backend.capabilities().balance).toBe('api');
  });

  it.each([401, 403])(
    '%i "must be made with a session key" → null, absent, never asked again',
    async (status) => {
      const { server, backend } = await serve(
        always({ status, body: fixture('openai-error-session-key-required.json') }),
      );
      expect(await backend.fetchBalance()).toEqual({ ok: true, value: null });
      expect(backend.capabilities().balance).toBe('absent');
      expect(await backend.fetchBalance()).toEqual({ ok: true, value: null });
      expect(server.requests).toHaveLength(1);
    },
  );

  it('404 → absent', async () => {
    const { backend } = await serve(always({ status: 404, body: '{"error":{"message":"Not found"}}' }));
    expect(await backend.fetchBalance()).toEqual({ ok: true, value: null });
    expect(backend.capabilities().balance).toBe('absent');
  });

  it('any other refusal is the key’s fault until the key has been seen to work', async () => {
    const refusal = { status: 403, body: '{"error":{"message":"You do not have access to billing"}}' };
    const { backend } = await serve((request) =>
      request.path.endsWith('/credit_grants') ? refusal : { body: EMPTY_PAGE },
    );
    expect(await backend.fetchBalance()).toMatchObject({
      ok: false,
      error: { kind: 'auth', reason: 'invalid-key' },
    });
    expect(backend.capabilities().balance).toBe('unknown');
    expect((await backend.fetchCosts({ startDay: '2024-11-01' })).ok).toBe(true);
    expect(await backend.fetchBalance()).toEqual({ ok: true, value: null });
    expect(backend.capabilities().balance).toBe('absent');
  });

  it('a broken summary → bad-response, capability still unknown', async () => {
    const { backend } = await serve(always({ body: '{"object":"credit_summary","total_available":"lots"}' }));
    expect(await backend.fetchBalance()).toEqual({
      ok: false,
      error: {
        kind: 'bad-response',
        message: 'credit grants: total_available: a dollar amount (number or numeric string)',
      },
    });
    expect(backend.capabilities().balance).toBe('unknown');
  });
});

describe("error bodies beyond OpenAI's envelope", () => {
  it.each([
    [
      429,
      '{"error":{"code":429,"message":"Rate limit exceeded"}}',
      'rate-limit',
      'HTTP 429: Rate limit exceeded',
    ],
    [
      401,
      '{"error":"insufficient permissions. Missing scopes: api.usage.read"}',
      'auth',
      'HTTP 401: insufficient',
    ],
  ])("%i %s → %s with the server's message", async (status, body, kind, said) => {
    const { backend } = await serve(always({ status, body }));
    const result = await backend.fetchCosts({ startDay: '2024-11-01' });
    expect(result).toMatchObject({ ok: false, error: { kind, message: expect.stringContaining(said) } });
  });
});

describe('the key never leaves', () => {
  it('a 403 for a key without the scope: the key it echoes is masked, the advice keeps its sk-admin-… hint', async () => {
    const body = JSON.stringify({
      error: {
        message: `Missing scopes: api.usage.read for key ${ADMIN_KEY}.`,
        type: 'invalid_request_error',
      },
    });
    const { backend } = await serve(always({ status: 403, body }));
    const result = await backend.fetchCosts({ startDay: '2024-11-01' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth', reason: 'not-admin-key' } });
    expectNoKey(result);
    const message = result.ok ? '' : result.error.message;
    expect(message).toContain('an Admin key (sk-admin-…) with the api.usage.read scope is needed');
    expect(message).toContain('Missing scopes: api.usage.read for key [key].');
  });

  it('not in any result of the error fixtures, even when the server echoes it', async () => {
    const echo = JSON.stringify({
      error: {
        message: `Incorrect API key provided: ${ADMIN_KEY}; masked ${ADMIN_KEY.slice(0, 12)}****${ADMIN_KEY.slice(-4)}`,
        code: 'invalid_api_key',
      },
    });
    const bodies: [number, string][] = [
      [401, echo],
      [403, echo.replace('Incorrect', 'Missing scopes: api.usage.read.')],
      [429, echo.replace('invalid_api_key', 'insufficient_quota')],
      [429, echo.replace('invalid_api_key', 'rate_limit_exceeded')],
      [500, echo],
      [400, echo],
      [200, `{"object":"page","data":[{"start_time":"${ADMIN_KEY}"}]}`],
      [200, `${ADMIN_KEY}`],
    ];
    for (const [status, body] of bodies) {
      await server?.close();
      const { backend } = await serve(always({ status, body }));
      const results = [
        await backend.fetchCosts({ startDay: '2024-11-01' }),
        await backend.fetchUsage({ startDay: '2024-11-01' }),
        await backend.fetchBalance(),
      ];
      for (const result of results) {
        expect(result.ok).toBe(false);
        expectNoKey(result);
      }
    }
  });
});
