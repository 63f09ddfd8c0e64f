import { afterEach, describe, expect, it } from 'vitest';
import type { BackendResult, BillingBackend } from '../../../electron/core/billing-backend';
import { planPoll, planSync, type SyncCursor, syncBilling } from '../../../electron/core/sync';
import { always, type Handler, startTestServer, type TestServer } from './openai/http-test-server';
import { createFakeClock, expectNoKey, fixture, testBackend } from './openai/openai-test-kit';

const at = (iso: string) => Date.parse(iso);

describe('planSync', () => {
  it('first sync: 365 days before today, at 00:00 UTC', () => {
    expect(planSync(null, at('2026-11-27T15:30:00Z'))).toEqual({ startDay: '2025-11-27' });
    expect(planSync(null, at('2024-03-01T00:00:00Z'))).toEqual({ startDay: '2023-03-02' });
    expect(planSync(null, at('2026-11-27T23:59:59.999Z'), 30)).toEqual({ startDay: '2026-10-28' });
    expect(planSync(null, at('2026-11-27T00:00:00Z'), 0)).toEqual({ startDay: '2026-11-27' });
  });

  it('later: the day before the previous sync’s day (today is partial, yesterday may still change)', () => {
    expect(planSync(at('2026-11-27T00:05:00Z'), at('2026-11-27T00:20:00Z'))).toEqual({
      startDay: '2026-11-26',
    });
    expect(planSync(at('2026-11-26T23:59:00Z'), at('2026-11-27T00:01:00Z'))).toEqual({
      startDay: '2026-11-25',
    });
    expect(planSync(at('2026-03-01T08:00:00Z'), at('2026-03-09T08:00:00Z'))).toEqual({
      startDay: '2026-02-28',
    });
  });

  it('never reaches further back than a first sync would', () => {
    expect(planSync(at('2020-01-01T00:00:00Z'), at('2026-11-27T12:00:00Z'))).toEqual({
      startDay: '2025-11-27',
    });
  });

  it('a previous sync in the future (clock set back) counts as now', () => {
    expect(planSync(at('2027-01-01T00:00:00Z'), at('2026-11-27T12:00:00Z'))).toEqual({
      startDay: '2026-11-26',
    });
  });

  it('refuses a now that is no instant', () => {
    expect(() => planSync(null, Number.NaN)).toThrow(RangeError);
    expect(() => planSync(null, 0, -1)).toThrow(RangeError);
  });
});

describe('planPoll', () => {
  const NOW = at('2026-11-27T12:00:00Z');
  const api = { balance: 'api' } as const;
  const cursor = (costsAt: string | null, usageAt: string | null, balanceAt: string | null): SyncCursor => ({
    costsAt: costsAt === null ? null : at(costsAt),
    usageAt: usageAt === null ? null : at(usageAt),
    balanceAt: balanceAt === null ? null : at(balanceAt),
  });
  /** What a poll fetches besides costs. */
  const extra = (plan: ReturnType<typeof planPoll>) =>
    [plan.usage === null ? [] : ['usage'], plan.balance ? ['balance'] : []].flat();

  it('first sync: costs, usage and the balance from the backfill start, the balance while it may exist', () => {
    const backfill = {
      costs: { startDay: '2026-10-28' },
      usage: { startDay: '2026-10-28' },
      spendLimit: false,
    };
    expect(planPoll(null, NOW, { balance: 'unknown' }, 30)).toEqual({ ...backfill, balance: true });
    expect(planPoll(null, NOW, api, 30)).toEqual({ ...backfill, balance: true });
    expect(planPoll(null, NOW, { balance: 'absent' }, 30)).toEqual({ ...backfill, balance: false });
    expect(planPoll(cursor(null, null, null), NOW, api, 30)).toEqual({ ...backfill, balance: true });
  });

  it('no costs fetched yet is a first sync, whatever else the cursor holds', () => {
    expect(planPoll(cursor(null, '2026-11-20T10:00:00Z', '2026-11-27T11:00:00Z'), NOW, api)).toEqual({
      costs: { startDay: '2025-11-27' },
      usage: { startDay: '2026-11-19' },
      balance: true,
      spendLimit: false,
    });
  });

  it('steady state without a balance: costs and usage, each from the day before its last fetch', () => {
    const steady = cursor('2026-11-27T11:45:00Z', '2026-11-26T23:50:00Z', null);
    expect(planPoll(steady, NOW, { balance: 'absent' })).toEqual({
      costs: { startDay: '2026-11-26' },
      usage: { startDay: '2026-11-25' },
      balance: false,
      spendLimit: false,
    });
  });

  it('steady state with a balance: costs plus whichever of usage and the balance is older', () => {
    for (const balance of ['api', 'unknown'] as const) {
      const capabilities = { balance };
      const older = (usageAt: string | null, balanceAt: string | null) =>
        extra(planPoll(cursor('2026-11-27T11:45:00Z', usageAt, balanceAt), NOW, capabilities));
      expect(older('2026-11-27T11:30:00Z', '2026-11-27T11:45:00Z')).toEqual(['usage']);
      expect(older('2026-11-27T11:45:00Z', '2026-11-27T11:30:00Z')).toEqual(['balance']);
      // Never fetched counts as oldest; a tie goes to usage.
      expect(older('2026-11-27T11:45:00Z', null)).toEqual(['balance']);
      expect(older(null, '2026-11-27T11:45:00Z')).toEqual(['usage']);
      expect(older(null, null)).toEqual(['usage']);
      expect(older('2026-11-27T11:45:00Z', '2026-11-27T11:45:00Z')).toEqual(['usage']);
    }
  });

  it('usage skipped polls: its range starts the day before its own last fetch, not the last poll’s', () => {
    const plan = planPoll(
      cursor('2026-11-27T08:00:00Z', '2026-11-25T23:00:00Z', '2026-11-26T10:00:00Z'),
      NOW,
      api,
    );
    expect(plan).toEqual({
      costs: { startDay: '2026-11-26' },
      usage: { startDay: '2026-11-24' },
      balance: false,
      spendLimit: false,
    });
  });

  it('an instant after now (the clock was set back) counts as oldest; its range starts yesterday', () => {
    const tomorrow = '2026-11-28T12:00:00Z';
    expect(
      extra(planPoll(cursor('2026-11-27T11:45:00Z', '2026-11-27T11:00:00Z', tomorrow), NOW, api)),
    ).toEqual(['balance']);
    expect(planPoll(cursor('2026-11-27T11:45:00Z', tomorrow, '2026-11-27T11:00:00Z'), NOW, api)).toEqual({
      costs: { startDay: '2026-11-26' },
      usage: { startDay: '2026-11-26' },
      balance: false,
      spendLimit: false,
    });
  });

  it('refuses what planSync refuses', () => {
    expect(() => planPoll(null, Number.NaN, api)).toThrow(RangeError);
    expect(() => planPoll(null, NOW, api, -1)).toThrow(RangeError);
  });
});

describe('syncBilling', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const COSTS = fixture('openai-costs-page.json');
  const USAGE = fixture('openai-usage-completions-page.json')
    .replace('"has_more": true', '"has_more": false')
    .replace('"page_AAAAAGdGxdEiJdKOAAAAAGcqsYA="', 'null');
  const GRANTS = fixture('openai-legacy-credit-grants.json');
  const SPEND_LIMIT = fixture('openai-spend-limit.json');
  const byPath =
    (balance: { status: number; body: string }): Handler =>
    (request) =>
      request.path.endsWith('/costs')
        ? { body: COSTS }
        : request.path.endsWith('/completions')
          ? { body: USAGE }
          : request.path.endsWith('/spend_limit')
            ? { body: SPEND_LIMIT }
            : balance;

  async function serve(handler: Handler) {
    server = await startTestServer(handler);
    return { server, backend: testBackend(server.baseUrl, createFakeClock()) };
  }

  /** The paths a server was asked since the last call, then forgets them. */
  const take = (server: TestServer) => server.requests.splice(0).map((request) => request.path);

  const NOW = at('2024-11-02T09:00:00Z');
  const POLL = 15 * 60_000;
  const COSTS_PATH = '/v1/organization/costs';
  const USAGE_PATH = '/v1/organization/usage/completions';
  const BALANCE_PATH = '/v1/dashboard/billing/credit_grants';
  const SPEND_LIMIT_PATH = '/v1/organization/spend_limit';

  /** A backend that records each call and answers `[]`, or an error where `fails` names the call. */
  function fakeBackend(balance: 'unknown' | 'api' | 'absent', calls: string[], fails?: 'usage' | 'balance') {
    const answer = <T>(name: string, value: T): Promise<BackendResult<T>> =>
      Promise.resolve(
        fails === name
          ? { ok: false, error: { kind: 'server', status: 500, message: `${name} failed` } }
          : { ok: true, value },
      );
    const backend: BillingBackend = {
      capabilities: () => ({
        provider: 'demo',
        costs: true,
        usage: true,
        balance,
        autoRechargeSettings: false,
      }),
      fetchCosts: (range) => (calls.push(`costs ${range.startDay}`), answer('costs', [])),
      fetchUsage: (range) => (calls.push(`usage ${range.startDay}`), answer('usage', [])),
      fetchBalance: () => (calls.push('balance'), answer('balance', null)),
    };
    return backend;
  }

  it('first sync: costs, usage and balance from the backfill start; every instant of the cursor = now', async () => {
    const { server, backend } = await serve(byPath({ status: 200, body: GRANTS }));
    const result = await syncBilling(backend, { cursor: null, now: NOW, backfillDays: 7 });
    expect(result).toMatchObject({
      ok: true,
      value: {
        costs: { fromDay: '2024-10-26', days: [{ day: '2024-11-01', amountMicros: 60_000 }] },
        usage: { fromDay: '2024-10-26', days: [{ day: '2024-11-01', inputTokens: 1000 }] },
        balance: { balanceMicros: 17_821_896 },
        balanceError: null,
        spendLimit: { limit: { limitMicros: 100_000_000, enforcing: true } },
        warnings: [],
        cursor: { costsAt: NOW, usageAt: NOW, balanceAt: NOW, spendLimitAt: NOW },
      },
    });
    expect(server.requests.map((request) => request.path)).toEqual([
      COSTS_PATH,
      USAGE_PATH,
      BALANCE_PATH,
      SPEND_LIMIT_PATH,
    ]);
    expect(server.requests[0]!.query.get('start_time')).toBe(String(at('2024-10-26T00:00:00Z') / 1000));
  });

  it('steady state against OpenAI: costs + usage every poll, the refused balance never asked again', async () => {
    const { server, backend } = await serve(
      byPath({ status: 403, body: fixture('openai-error-session-key-required.json') }),
    );
    const first = await syncBilling(backend, { cursor: null, now: NOW });
    expect(first).toMatchObject({ ok: true, value: { balance: null, balanceError: null } });
    expect(backend.capabilities().balance).toBe('absent');
    take(server);
    let cursor = first.ok ? first.value.cursor : null;
    for (let poll = 1; poll <= 4; poll++) {
      const now = NOW + poll * POLL;
      const next = await syncBilling(backend, { cursor, now });
      if (!next.ok) throw new Error(next.error.message);
      expect(next.value).toMatchObject({
        costs: { fromDay: '2024-11-01' },
        usage: { fromDay: '2024-11-01' },
        balance: null,
        cursor: { costsAt: now, usageAt: now },
      });
      expect(take(server)).toEqual([COSTS_PATH, USAGE_PATH]);
      cursor = next.value.cursor;
    }
  });

  it('steady state with a balance: costs + one more, usage and the balance in turn', async () => {
    const { server, backend } = await serve(byPath({ status: 200, body: GRANTS }));
    const first = await syncBilling(backend, { cursor: null, now: NOW });
    if (!first.ok) throw new Error(first.error.message);
    take(server);
    let cursor = first.value.cursor;
    const asked: string[][] = [];
    for (let poll = 1; poll <= 4; poll++) {
      const now = NOW + poll * POLL;
      const next = await syncBilling(backend, { cursor, now });
      if (!next.ok) throw new Error(next.error.message);
      const paths = take(server);
      asked.push(paths);
      // Only what was fetched moves on; the rest keeps its instant (and its stored days).
      const usageFetched = paths.includes(USAGE_PATH);
      expect(next.value.usage === null).toBe(!usageFetched);
      expect(next.value.balance === null).toBe(usageFetched);
      expect(next.value.cursor).toEqual({
        costsAt: now,
        usageAt: usageFetched ? now : cursor.usageAt,
        balanceAt: usageFetched ? cursor.balanceAt : now,
        spendLimitAt: NOW,
      });
      cursor = next.value.cursor;
    }
    expect(asked).toEqual([
      [COSTS_PATH, USAGE_PATH],
      [COSTS_PATH, BALANCE_PATH],
      [COSTS_PATH, USAGE_PATH],
      [COSTS_PATH, BALANCE_PATH],
    ]);
  });

  it('a failure returns the error only — no partial data to store', async () => {
    const { backend } = await serve((request) =>
      request.path.endsWith('/costs')
        ? { body: COSTS }
        : { status: 401, body: fixture('openai-error-invalid-api-key.json') },
    );
    const result = await syncBilling(backend, { cursor: null, now: NOW });
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({ kind: 'auth', reason: 'invalid-key' }),
    });
    expectNoKey(result);
  });

  it('a failing usage in steady state returns the error only, and nothing after it is asked', async () => {
    const calls: string[] = [];
    const cursor: SyncCursor = { costsAt: NOW - POLL, usageAt: NOW - 2 * POLL, balanceAt: NOW - POLL };
    const result = await syncBilling(fakeBackend('api', calls, 'usage'), { cursor, now: NOW });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ kind: 'server' }) });
    expect(calls).toEqual(['costs 2024-11-01', 'usage 2024-11-01']);
  });

  it('a failing balance does not hold back costs and usage, and takes its turn again after usage', async () => {
    const { server, backend } = await serve(byPath({ status: 500, body: '' }));
    const result = await syncBilling(backend, { cursor: null, now: NOW });
    expect(result).toMatchObject({
      ok: true,
      value: {
        costs: { days: [{ amountMicros: 60_000 }] },
        balance: null,
        balanceError: { kind: 'server', status: 500 },
        cursor: { costsAt: NOW, usageAt: NOW, balanceAt: NOW },
      },
    });
    expect(backend.capabilities().balance).toBe('unknown');
    if (!result.ok) throw new Error(result.error.message);
    take(server);
    // Tied (both fetched at NOW): usage's turn; then the failed balance's turn comes round again.
    const next = await syncBilling(backend, { cursor: result.value.cursor, now: NOW + POLL });
    expect(next).toMatchObject({ ok: true, value: { balanceError: null, cursor: { usageAt: NOW + POLL } } });
    if (!next.ok) throw new Error(next.error.message);
    expect(new Set(take(server))).toEqual(new Set([COSTS_PATH, USAGE_PATH]));
    const third = await syncBilling(backend, { cursor: next.value.cursor, now: NOW + 2 * POLL });
    expect(third).toMatchObject({ ok: true, value: { usage: null, balanceError: { kind: 'server' } } });
    // The 500 is retried within the request (backoff on the fake clock), then given up.
    const [costs, ...balance] = take(server);
    expect(costs).toBe(COSTS_PATH);
    expect(new Set(balance)).toEqual(new Set([BALANCE_PATH]));
  });

  it('asks for the balance only while it may exist', async () => {
    const calls: string[] = [];
    for (const balance of ['unknown', 'api', 'absent'] as const) {
      await syncBilling(fakeBackend(balance, calls), { cursor: null, now: NOW, backfillDays: 1 });
    }
    expect(calls).toEqual([
      'costs 2024-11-01',
      'usage 2024-11-01',
      'balance',
      'costs 2024-11-01',
      'usage 2024-11-01',
      'balance',
      'costs 2024-11-01',
      'usage 2024-11-01',
    ]);
  });

  it('stops at the first failure', async () => {
    const { server, backend } = await serve(
      always({ status: 429, body: fixture('openai-error-insufficient-quota.json') }),
    );
    expect(await syncBilling(backend, { cursor: null, now: NOW })).toMatchObject({
      ok: false,
      error: { kind: 'quota' },
    });
    expect(server.requests).toHaveLength(1);
  });
});
