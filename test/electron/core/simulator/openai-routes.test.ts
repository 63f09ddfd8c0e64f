/**
 * The `/v1` routes over real HTTP: shapes against the client's wire schemas, pagination, buckets,
 * grouping, limits, auth, credit grants against the engine, chat completions. The demo simulator's
 * clock stands still, so its answers can be compared with the engine at one instant.
 */
import { describe, expect, it } from 'vitest';
import { isLosslessNumber } from 'lossless-json';
import { MS_PER_DAY } from '../../../../shared/billing/instant';
import { microsToDecimalText } from '../../../../shared/billing/money';
import {
  completionsPageSchema,
  costsPageSchema,
  creditGrantsSchema,
  errorBodySchema,
  type WireCompletionsResult,
  type WireCostsResult,
} from '../../../../electron/core/openai/wire';
import { buildScenario } from '../../../../electron/core/simulator/scenarios';
import { evaluateAt, prepare } from './scenario-case';
import {
  ADMIN_KEY,
  adminGet,
  DAY_MS,
  PROJECT_KEY,
  request,
  START_AT,
  unix,
  useSimulator,
  type PlainPage,
} from './sim-harness';

const demo = useSimulator({ scenario: 'demo' });
const costsUrl = (query: string): string => `${demo().baseUrl}/organization/costs?${query}`;
const usageUrl = (query: string): string => `${demo().baseUrl}/organization/usage/completions?${query}`;
const MIDNIGHT = Math.floor(START_AT / DAY_MS) * DAY_MS;

/** Every page from `url` (with `page=` appended for the next ones), checked for shape. */
async function walk<R>(url: string): Promise<{ pages: PlainPage<R>[]; buckets: PlainPage<R>['data'] }> {
  const pages: PlainPage<R>[] = [];
  let cursor: string | null = null;
  do {
    const answer = await adminGet(cursor === null ? url : `${url}&page=${encodeURIComponent(cursor)}`);
    expect(answer.status).toBe(200);
    const page = answer.plain as PlainPage<R>;
    pages.push(page);
    cursor = page.next_page;
    expect(page.has_more).toBe(cursor !== null);
  } while (cursor !== null && pages.length < 100);
  return { pages, buckets: pages.flatMap((page) => page.data) };
}

const sumCosts = (buckets: PlainPage<WireCostsResult>['data']): number =>
  Math.round(buckets.flatMap((bucket) => bucket.results).reduce((sum, r) => sum + r.amount.value * 1e6, 0));

describe('GET /v1/organization/costs', () => {
  it('answers pages the client’s schema reads, with OpenAI’s exact fields', async () => {
    const answer = await adminGet(costsUrl(`start_time=${unix(START_AT - 3 * DAY_MS)}`));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    const page = costsPageSchema.parse(answer.json);
    expect(page.data).toHaveLength(4);
    const result = (answer.plain as PlainPage<WireCostsResult>).data[0]!.results[0]!;
    expect(Object.keys(result)).toEqual(['object', 'amount', 'line_item', 'project_id', 'api_key_id']);
    expect(result).toMatchObject({
      object: 'organization.costs.result',
      line_item: null,
      project_id: null,
      api_key_id: null,
    });
    expect(result.amount.currency).toBe('usd');
    // Dollars, exact to the micro-dollar, as JSON numbers.
    const value = (answer.json as { data: { results: { amount: { value: unknown } }[] }[] }).data[0]!
      .results[0]!.amount.value;
    expect(isLosslessNumber(value) && /^\d+(\.\d{1,6})?$/.test(value.value)).toBe(true);
  });

  it('starts the first bucket at an unaligned start_time, then whole UTC days up to today', async () => {
    const start = unix(START_AT - 5 * DAY_MS);
    const page = (await adminGet(costsUrl(`start_time=${start}`))).plain as PlainPage<WireCostsResult>;
    expect(page.data.map((bucket) => [bucket.start_time, bucket.end_time])).toEqual([
      [start, unix(MIDNIGHT - 4 * DAY_MS)],
      [unix(MIDNIGHT - 4 * DAY_MS), unix(MIDNIGHT - 3 * DAY_MS)],
      [unix(MIDNIGHT - 3 * DAY_MS), unix(MIDNIGHT - 2 * DAY_MS)],
      [unix(MIDNIGHT - 2 * DAY_MS), unix(MIDNIGHT - DAY_MS)],
      [unix(MIDNIGHT - DAY_MS), unix(MIDNIGHT)],
      // Today, partial: up to the simulated now.
      [unix(MIDNIGHT), unix(MIDNIGHT + DAY_MS)],
    ]);
    expect(page.data.every((bucket) => bucket.object === 'bucket' && bucket.results.length === 1)).toBe(true);
  });

  it('walks every bucket exactly once with a small limit, totalling what one big page says', async () => {
    const start = unix(START_AT - 30 * DAY_MS);
    const { pages, buckets } = await walk<WireCostsResult>(costsUrl(`start_time=${start}&limit=4`));
    expect(pages.length).toBe(8);
    expect(pages.slice(0, -1).every((page) => page.data.length === 4)).toBe(true);
    expect(buckets).toHaveLength(31);
    expect(buckets[0]!.start_time).toBe(start);
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.start_time).toBe(buckets[i - 1]!.end_time);
    expect(new Set(pages.map((page) => page.next_page)).size).toBe(pages.length);
    const whole = (await adminGet(costsUrl(`start_time=${start}&limit=180`)))
      .plain as PlainPage<WireCostsResult>;
    expect(whole.has_more).toBe(false);
    expect(whole.next_page).toBeNull();
    expect(whole.data).toEqual(buckets);
    // And the engine agrees: the same usage is what it counted, to the micro-dollar.
    const prepared = prepare(buildScenario('demo', START_AT));
    const expected = prepared.usage
      .filter(({ record }) => record.at >= start * 1000 && record.at <= START_AT)
      .reduce((sum, { record }) => sum + record.micros, 0);
    expect(sumCosts(buckets)).toBe(expected);
  });

  it('stops at end_time (exclusive), and answers empty days with empty results', async () => {
    const end = unix(MIDNIGHT - 100 * DAY_MS);
    const page = (await adminGet(costsUrl(`start_time=${end - 5 * 86_400}&end_time=${end}`)))
      .plain as PlainPage<WireCostsResult>;
    expect(page.data).toHaveLength(5);
    expect(page.data.at(-1)!.end_time).toBe(end);
    // Before the account's history: buckets are there, with nothing in them.
    expect(page.data.every((bucket) => bucket.results.length === 0)).toBe(true);
  });

  it('groups with group_by[]=x and group_by=x alike', async () => {
    const start = unix(START_AT - 7 * DAY_MS);
    const brackets = await adminGet(
      costsUrl(`start_time=${start}&group_by[]=project_id&group_by[]=line_item`),
    );
    const repeated = await adminGet(costsUrl(`start_time=${start}&group_by=line_item&group_by=project_id`));
    expect(brackets.status).toBe(200);
    expect(repeated.text).toBe(brackets.text);
    const results = (brackets.plain as PlainPage<WireCostsResult>).data.flatMap((bucket) => bucket.results);
    expect(new Set(results.map((r) => r.project_id))).toEqual(
      new Set(['proj_web', 'proj_batch', 'proj_research']),
    );
    const lineItems = new Set(results.map((r) => r.line_item));
    for (const item of lineItems) {
      expect(item).toMatch(
        /^(gpt-4o|gpt-4o-mini|o4-mini|text-embedding-3-small), (input|cached input|output)$/,
      );
    }
    expect(new Set([...lineItems].map((item) => item!.split(',')[0]))).toEqual(
      new Set(['gpt-4o', 'gpt-4o-mini', 'o4-mini', 'text-embedding-3-small']),
    );
    // Grouping splits the same money.
    const ungrouped = (await adminGet(costsUrl(`start_time=${start}`))).plain as PlainPage<WireCostsResult>;
    expect(sumCosts((brackets.plain as PlainPage<WireCostsResult>).data)).toBe(sumCosts(ungrouped.data));
  });

  it('filters by project_ids', async () => {
    const start = unix(START_AT - 2 * DAY_MS);
    const page = (
      await adminGet(costsUrl(`start_time=${start}&project_ids[]=proj_batch&group_by=project_id`))
    ).plain as PlainPage<WireCostsResult>;
    expect(new Set(page.data.flatMap((b) => b.results.map((r) => r.project_id)))).toEqual(
      new Set(['proj_batch']),
    );
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=181', 'limit'],
    ['limit=ten', 'limit'],
    ['bucket_width=1h', 'bucket_width'],
    ['group_by=model', 'group_by'],
    ['page=page_bm90LWEtY3Vyc29y', 'page'],
    ['end_time=1', 'end_time'],
  ])('refuses %s with a 400 naming the parameter', async (query, param) => {
    const answer = await adminGet(costsUrl(`start_time=${unix(START_AT - DAY_MS)}&${query}`));
    expect(answer.status).toBe(400);
    expect(errorBodySchema.parse(answer.json).error).toMatchObject({ type: 'invalid_request_error', param });
  });

  it('requires start_time', async () => {
    const answer = await adminGet(costsUrl('limit=3'));
    expect(answer.status).toBe(400);
    expect(errorBodySchema.parse(answer.json).error.message).toContain("'start_time'");
  });

  it('accepts limit 180, and refuses a usage cursor', async () => {
    expect((await adminGet(costsUrl(`start_time=${unix(START_AT - DAY_MS)}&limit=180`))).status).toBe(200);
    const usage = (await adminGet(usageUrl(`start_time=${unix(START_AT - 9 * DAY_MS)}&limit=2`)))
      .plain as PlainPage<unknown>;
    const answer = await adminGet(
      costsUrl(`start_time=${unix(START_AT - 9 * DAY_MS)}&limit=2&page=${usage.next_page!}`),
    );
    expect(answer.status).toBe(400);
  });
});

describe('GET /v1/organization/usage/completions', () => {
  it('answers pages the client’s schema reads, with every field of WireCompletionsResult', async () => {
    const answer = await adminGet(
      usageUrl(`start_time=${unix(START_AT - 2 * DAY_MS)}&group_by[]=model&group_by[]=project_id`),
    );
    expect(answer.status).toBe(200);
    completionsPageSchema.parse(answer.json);
    const results = (answer.plain as PlainPage<WireCompletionsResult>).data.flatMap(
      (bucket) => bucket.results,
    );
    expect(Object.keys(results[0]!).sort()).toEqual(
      [
        'object',
        'input_tokens',
        'input_cached_tokens',
        'output_tokens',
        'num_model_requests',
        'project_id',
        'user_id',
        'api_key_id',
        'model',
        'batch',
        'service_tier',
      ].sort(),
    );
    // Chat models only: embeddings have their own usage endpoint at OpenAI.
    expect(new Set(results.map((r) => r.model))).toEqual(new Set(['gpt-4o', 'gpt-4o-mini', 'o4-mini']));
    for (const result of results) {
      expect(result.input_cached_tokens).toBeLessThanOrEqual(result.input_tokens);
      expect(result.num_model_requests).toBeGreaterThan(0);
    }
  });

  it('agrees with costs: tokens × list price is the cost of each model', async () => {
    const start = unix(START_AT - 3 * DAY_MS);
    const usage = (await adminGet(usageUrl(`start_time=${start}&group_by=model`)))
      .plain as PlainPage<WireCompletionsResult>;
    const costs = (await adminGet(costsUrl(`start_time=${start}&group_by=line_item`)))
      .plain as PlainPage<WireCostsResult>;
    const tokens = { input: 0, cached: 0, output: 0 };
    for (const result of usage.data.flatMap((b) => b.results).filter((r) => r.model === 'gpt-4o')) {
      tokens.input += result.input_tokens - result.input_cached_tokens;
      tokens.cached += result.input_cached_tokens;
      tokens.output += result.output_tokens;
    }
    const dollars = (item: string): number =>
      costs.data
        .flatMap((b) => b.results)
        .filter((r) => r.line_item === item)
        .reduce((sum, r) => sum + r.amount.value, 0);
    // Costs are rounded per call to the micro-dollar; allow that.
    expect(dollars('gpt-4o, input')).toBeCloseTo((tokens.input * 2.5) / 1e6, 2);
    expect(dollars('gpt-4o, cached input')).toBeCloseTo((tokens.cached * 1.25) / 1e6, 2);
    expect(dollars('gpt-4o, output')).toBeCloseTo((tokens.output * 10) / 1e6, 2);
  });

  it('takes 1h buckets (default 24, at most 168) and group_by=x, leaving other groupings null', async () => {
    const start = unix(START_AT - 30 * 3_600_000 + 1234);
    const hourly = (await adminGet(usageUrl(`start_time=${start}&bucket_width=1h&group_by=user_id`)))
      .plain as PlainPage<WireCompletionsResult>;
    expect(hourly.data).toHaveLength(24);
    expect(hourly.has_more).toBe(true);
    expect(hourly.data[0]!.start_time).toBe(start);
    expect(hourly.data[1]!.start_time % 3600).toBe(0);
    expect(hourly.data.flatMap((b) => b.results).every((r) => r.user_id === null && r.model === null)).toBe(
      true,
    );
    expect((await adminGet(usageUrl(`start_time=${start}&bucket_width=1h&limit=168`))).status).toBe(200);
    expect((await adminGet(usageUrl(`start_time=${start}&bucket_width=1h&limit=169`))).status).toBe(400);
  });

  it('walks 1d buckets exactly once with limit 1, within OpenAI’s limit of 31', async () => {
    const start = unix(START_AT - 4 * DAY_MS);
    const { buckets } = await walk<WireCompletionsResult>(usageUrl(`start_time=${start}&limit=1`));
    expect(buckets.map((b) => b.start_time)).toEqual([
      start,
      ...[3, 2, 1, 0].map((d) => unix(MIDNIGHT - d * DAY_MS)),
    ]);
    expect((await adminGet(usageUrl(`start_time=${start}&limit=31`))).status).toBe(200);
    expect((await adminGet(usageUrl(`start_time=${start}&limit=32`))).status).toBe(400);
    expect((await adminGet(usageUrl(`start_time=${start}&group_by=line_item`))).status).toBe(400);
  });
});

describe('auth', () => {
  const admin = (): string => costsUrl(`start_time=${unix(START_AT - DAY_MS)}`);

  it.each([
    ['no Authorization header', undefined],
    ['a key that is no key', { authorization: 'Bearer hello-there' }],
    ['another scheme', { authorization: 'Basic c2stYWRtaW4tZGVtbw==' }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ])('%s is a 401 invalid_api_key', async (_what, headers) => {
    const answer = await request(admin(), { headers });
    expect(answer.status).toBe(401);
    expect(errorBodySchema.parse(answer.json).error).toMatchObject({
      type: 'invalid_request_error',
      param: null,
      code: 'invalid_api_key',
    });
    expect((answer.plain as { error: { message: string } }).error.message).toMatch(
      /^Incorrect API key provided: /,
    );
  });

  it('never echoes a rejected key whole', async () => {
    const key = 'sk-admin-but with a space 0123456789';
    const answer = await request(admin(), { headers: { authorization: `Bearer ${key}` } });
    expect(answer.status).toBe(401);
    expect(answer.text).not.toContain('0123456789');
    expect(answer.text).toContain('sk-adm');
  });

  it.each([
    ['a project key', PROJECT_KEY],
    ['a legacy user key', 'sk-abcdefghijklmnopqrstuvwxyz0123456789'],
    ['a service-account key', 'sk-svcacct-abcdefghijklmnop'],
  ])('%s on an admin route is a 403 "Missing scopes: api.usage.read"', async (_what, key) => {
    for (const url of [
      admin(),
      usageUrl(`start_time=${unix(START_AT - DAY_MS)}`),
      `${demo().baseUrl}/dashboard/billing/credit_grants`,
    ]) {
      const answer = await request(url, { key });
      expect(answer.status).toBe(403);
      const { error } = errorBodySchema.parse(answer.json);
      expect(error).toMatchObject({ type: 'invalid_request_error', code: null });
      expect(error.message).toContain('Missing scopes: api.usage.read');
    }
  });
});

describe('other routes', () => {
  it('an unknown route is a 404 in OpenAI’s error shape', async () => {
    const answer = await request(`${demo().baseUrl}/organization/nothing`, { key: ADMIN_KEY });
    expect(answer.status).toBe(404);
    expect(errorBodySchema.parse(answer.json).error.message).toBe(
      'Invalid URL (GET /v1/organization/nothing)',
    );
  });

  it('a wrong method is a 405 that says which is allowed', async () => {
    const answer = await request(costsUrl(`start_time=${unix(START_AT)}`), {
      method: 'POST',
      key: ADMIN_KEY,
      body: {},
    });
    expect(answer.status).toBe(405);
    expect(answer.headers.get('allow')).toBe('GET');
    errorBodySchema.parse(answer.json);
    expect((await request(`${demo().baseUrl}/chat/completions`, { key: ADMIN_KEY })).status).toBe(405);
  });
});

describe('GET /v1/dashboard/billing/credit_grants', () => {
  const listed = useSimulator({ scenario: 'listed-grants' });

  it('is refused on the demo as OpenAI refuses it to every secret key: a browser session only', async () => {
    const answer = await adminGet(`${demo().baseUrl}/dashboard/billing/credit_grants`);
    expect(answer.status).toBe(403);
    expect(errorBodySchema.parse(answer.json).error).toEqual({
      message:
        'Your request to GET /v1/dashboard/billing/credit_grants must be made with a session key (that is, ' +
        'it can only be made from the browser). You made it with the following key type: secret.',
      type: 'server_error',
      param: null,
      code: null,
    });
  });

  it('listed-grants: the same account, its grants and balance the engine’s state at the simulated now', async () => {
    const answer = await adminGet(`${listed().baseUrl}/dashboard/billing/credit_grants`);
    expect(answer.status).toBe(200);
    const summary = creditGrantsSchema.parse(answer.json);
    const state = evaluateAt(prepare(buildScenario('listed-grants', START_AT)), listed().now());
    expect(listed().now()).toBe(START_AT);
    expect(summary.total_available).toBe(state.available);
    expect(summary.total_granted).toBe(state.totals.granted);
    expect(summary.total_used).toBe(state.totals.used);
    expect(summary.grants!.data).toEqual(
      state.grants.map((grant) => ({
        object: 'credit_grant',
        id: grant.id,
        grant_amount: grant.amount,
        used_amount: grant.used,
        effective_at: Math.floor(grant.effectiveAt / 1000),
        expires_at: Math.floor(grant.expiresAt / 1000),
      })),
    );
    expect(microsToDecimalText(state.available)).toBe(
      String((answer.plain as { total_available: number }).total_available),
    );
  });

  it('listed-grants plans the demo’s account: the same credits and usage', () => {
    const demoPlan = buildScenario('demo', START_AT);
    const listedPlan = buildScenario('listed-grants', START_AT);
    expect([demoPlan.listsGrants, listedPlan.listsGrants]).toEqual([false, true]);
    expect(listedPlan.credits).toEqual(demoPlan.credits);
    expect(listedPlan.history).toEqual(demoPlan.history);
  });
});

describe('POST /v1/chat/completions (demo)', () => {
  it('answers a chat.completion for any sk- key and bills the call to the account', async () => {
    const url = costsUrl(`start_time=${unix(MIDNIGHT)}&group_by=project_id&group_by=line_item`);
    const before = (await adminGet(url)).plain as PlainPage<WireCostsResult>;
    const answer = await request(`${demo().baseUrl}/chat/completions`, {
      method: 'POST',
      key: PROJECT_KEY,
      headers: { 'openai-project': 'proj_research' },
      body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'How much credit is left?' }] },
    });
    expect(answer.status).toBe(200);
    const completion = answer.plain as {
      object: string;
      model: string;
      choices: { message: { content: string } }[];
      usage: { prompt_tokens: number; completion_tokens: number };
    };
    expect(completion).toMatchObject({ object: 'chat.completion', model: 'gpt-4o' });
    expect(completion.choices[0]!.message.content.length).toBeGreaterThan(0);
    const after = (await adminGet(url)).plain as PlainPage<WireCostsResult>;
    const item = (page: PlainPage<WireCostsResult>, lineItem: string): number =>
      page.data[0]!.results.find((r) => r.project_id === 'proj_research' && r.line_item === lineItem)?.amount
        .value ?? 0;
    expect(item(after, 'gpt-4o, input') - item(before, 'gpt-4o, input')).toBeCloseTo(
      (completion.usage.prompt_tokens * 2.5) / 1e6,
      6,
    );
    expect(item(after, 'gpt-4o, output') - item(before, 'gpt-4o, output')).toBeCloseTo(
      (completion.usage.completion_tokens * 10) / 1e6,
      6,
    );
  });

  it.each([
    ['not JSON', '{', 400],
    ['no model', { messages: [{ role: 'user', content: 'x' }] }, 400],
    ['no messages', { model: 'gpt-4o-mini' }, 400],
    ['a model that does not exist', { model: 'gpt-17', messages: [{ role: 'user', content: 'x' }] }, 404],
    [
      'an embedding model',
      { model: 'text-embedding-3-small', messages: [{ role: 'user', content: 'x' }] },
      404,
    ],
  ])('%s: %s', async (_what, body, status) => {
    const answer = await request(`${demo().baseUrl}/chat/completions`, {
      method: 'POST',
      key: PROJECT_KEY,
      body,
    });
    expect(answer.status).toBe(status);
    errorBodySchema.parse(answer.json);
  });

  it('still wants a key', async () => {
    const answer = await request(`${demo().baseUrl}/chat/completions`, {
      method: 'POST',
      body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x' }] },
    });
    expect(answer.status).toBe(401);
  });
});

describe('the clock stands still in these tests', () => {
  it('so the simulated now is still the start', () => {
    expect(demo().now()).toBe(START_AT);
    expect(MS_PER_DAY).toBe(DAY_MS);
  });
});
