/**
 * The `/sim` control API over real HTTP: state, purchases, auto-recharge, the clock, request
 * counts — each with its validation errors — and the empty and exhausted accounts through it.
 */
import { stringify } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { resultToSpecObject } from '../../../../shared/billing/result-json';
import { parseAmount } from '../../../../shared/billing/money';
import { errorBodySchema } from '../../../../electron/core/openai/wire';
import { startSimulator } from '../../../../electron/core/simulator/index';
import { buildScenario } from '../../../../electron/core/simulator/scenarios';
import { evaluateAt, prepare } from './scenario-case';
import {
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
const sim = (path: string): string => `${demo().url}/sim/${path}`;

/** A 400 whose message starts with the field. */
function expectFieldError(answer: { status: number; json: unknown }, field: string): void {
  expect(answer.status).toBe(400);
  const { error } = errorBodySchema.parse(answer.json);
  expect(error.message?.startsWith(`${field}: `)).toBe(true);
}

/** The account's available credit, µ$, as `/sim/state` says it (the demo lists no credit grants). */
const balance = async (url: string): Promise<bigint> =>
  parseAmount(
    ((await request(`${url}/sim/state`)).json as { account: { available: { value: string } } }).account
      .available.value,
  )!;

const stateBalance = async (): Promise<string> =>
  ((await request(sim('state'))).json as { account: { balance: { value: string } } }).account.balance.value;

describe('GET /sim/state', () => {
  it('is the engine’s result at the simulated now, with the scenario and its auto-recharge', async () => {
    const answer = await request(sim('state'));
    expect(answer.status).toBe(200);
    const state = answer.plain as Record<string, unknown>;
    expect(state).toMatchObject({
      now: '2026-03-01T10:30:00Z',
      scenario: 'demo',
      autoRecharge: { enabled: true, threshold: 10, mode: 'add', amount: 20, monthlyLimit: 80 },
    });
    const expected = resultToSpecObject(evaluateAt(prepare(buildScenario('demo', START_AT)), START_AT));
    expect(state.account).toEqual(JSON.parse(stringify(expected) ?? ''));
  });
});

describe('POST /sim/purchases', () => {
  it('buys credit now, returns the new grant, and the account holds it', async () => {
    const before = await balance(demo().url);
    const answer = await request(sim('purchases'), { method: 'POST', body: { amount: '12.50' } });
    expect(answer.status).toBe(201);
    expect(answer.plain).toMatchObject({
      source: 'manual',
      amount: 12.5,
      at: '2026-03-01T10:30:00Z',
      expiresAt: '2027-03-01T10:30:00Z',
      status: 'active',
      remaining: 12.5,
    });
    expect(await balance(demo().url)).toBe(before + 12_500_000n);
  });

  it('takes a purchase back-dated with at', async () => {
    const answer = await request(sim('purchases'), {
      method: 'POST',
      body: { amount: 5, at: '2026-02-27T09:00:00+01:00' },
    });
    expect(answer.status).toBe(201);
    expect(answer.plain).toMatchObject({ at: '2026-02-27T08:00:00Z', amount: 5 });
  });

  it.each([
    ['below the limits', { amount: 4.99 }, 'amount', /out-of-limits.*\$5 to \$50/],
    ['above the limits', { amount: '50.01' }, 'amount', /out-of-limits/],
    ['zero', { amount: 0 }, 'amount', /non-positive-amount/],
    ['not an amount', { amount: 'ten' }, 'amount', /amount in USD/],
    ['no amount', {}, 'amount', /./],
    ['a boolean amount', { amount: true }, 'amount', /./],
    ['after the simulated now', { amount: 10, at: '2026-03-02T00:00:00Z' }, 'at', /after the simulated now/],
    ['an unreadable instant', { amount: 10, at: 'yesterday' }, 'at', /instant/],
    ['an unknown field', { amount: 10, currency: 'usd' }, 'currency', /unknown field/],
  ])('refuses a purchase %s', async (_what, body, field, message) => {
    const answer = await request(sim('purchases'), { method: 'POST', body });
    expectFieldError(answer, field);
    expect((answer.plain as { error: { message: string } }).error.message).toMatch(message);
  });

  it('keeps a chosen id for the grant, and makes its own ids around the ones callers took', async () => {
    const chosen = await request(sim('purchases'), { method: 'POST', body: { amount: 20, id: 'INV-7' } });
    expect(chosen.status).toBe(201);
    expect(chosen.plain).toMatchObject({ id: 'INV-7', amount: 20, source: 'manual' });
    // The scenario's purchases are purchase-1…N: a caller taking the next one moves the simulator on.
    const ids = async () =>
      ((await request(sim('state'))).plain as { account: { grants: { id: string }[] } }).account.grants.map(
        (grant) => grant.id,
      );
    const next = `purchase-${(await ids()).filter((id) => id.startsWith('purchase-')).length + 1}`;
    expect((await request(sim('purchases'), { method: 'POST', body: { amount: 5, id: next } })).status).toBe(
      201,
    );
    const made = await request(sim('purchases'), { method: 'POST', body: { amount: 5 } });
    expect(made.status).toBe(201);
    const madeId = (made.plain as { id: string }).id;
    expect(madeId).toMatch(/^purchase-\d+$/);
    expect(madeId).not.toBe(next);
    const all = await ids();
    expect(all.filter((id) => id === 'INV-7' || id === next || id === madeId)).toHaveLength(3);
  });

  it.each([
    ['an id already used', { amount: 10, id: 'grant-welcome' }, /duplicate-id/],
    ['an id the engine keeps for its recharges', { amount: 10, id: 'auto-1' }, /reserved-id/],
    ['an id the engine keeps for calibrations', { amount: 10, id: 'cal-x' }, /reserved-id/],
    ['an empty id', { amount: 10, id: '' }, /missing-id/],
    ['an id that is not a string', { amount: 10, id: 7 }, /string/],
  ])('refuses %s by the id field, buying nothing', async (_what, body, message) => {
    const before = await balance(demo().url);
    const answer = await request(sim('purchases'), { method: 'POST', body });
    expectFieldError(answer, 'id');
    expect((answer.plain as { error: { message: string } }).error.message).toMatch(message);
    expect(await balance(demo().url)).toBe(before);
  });

  it('refuses a body that is not JSON', async () => {
    expectFieldError(await request(sim('purchases'), { method: 'POST', body: '{"amount":' }), 'body');
  });
});

describe('POST /sim/grants', () => {
  it('grants free credit, with the usual expiry or a given one, under a chosen id', async () => {
    const before = await balance(demo().url);
    const usual = await request(sim('grants'), { method: 'POST', body: { amount: '7.5' } });
    expect(usual.status).toBe(201);
    expect(usual.plain).toMatchObject({
      source: 'grant',
      amount: 7.5,
      at: '2026-03-01T10:30:00Z',
      status: 'active',
    });
    const chosen = await request(sim('grants'), {
      method: 'POST',
      body: { amount: 3, at: '2026-02-20T00:00:00Z', expiresAt: '2026-04-01T00:00:00Z', id: 'PROMO-1' },
    });
    expect(chosen.status).toBe(201);
    expect(chosen.plain).toMatchObject({ id: 'PROMO-1', source: 'grant', expiresAt: '2026-04-01T00:00:00Z' });
    expect(await balance(demo().url)).toBe(before + 10_500_000n);
  });

  it.each([
    [
      'an expiry not after it',
      { amount: 3, at: '2026-02-20T00:00:00Z', expiresAt: '2026-02-20T00:00:00Z' },
      'expiresAt',
    ],
    ['an unreadable expiry', { amount: 3, expiresAt: 'soon' }, 'expiresAt'],
    ['a zero amount', { amount: 0 }, 'amount'],
    ['an id already used', { amount: 3, id: 'grant-welcome' }, 'id'],
  ])('refuses a grant with %s by that field, granting nothing', async (_what, body, field) => {
    const before = await balance(demo().url);
    expectFieldError(await request(sim('grants'), { method: 'POST', body }), field);
    expect(await balance(demo().url)).toBe(before);
  });
});

describe('POST /sim/balances', () => {
  it('sets the balance read off the billing page at its instant: a calibration', async () => {
    const answer = await request(sim('balances'), { method: 'POST', body: { balance: '42.5' } });
    expect(answer.status).toBe(201);
    expect(answer.plain).toMatchObject({ at: '2026-03-01T10:30:00Z', observed: 42.5 });
    expect(await stateBalance()).toBe('42.5');
  });

  it.each([
    ['no balance', {}, 'balance'],
    ['an unreadable balance', { balance: 'lots' }, 'balance'],
    ['an instant after the simulated now', { balance: 1, at: '2026-03-02T00:00:00Z' }, 'at'],
  ])('refuses %s', async (_what, body, field) => {
    expectFieldError(await request(sim('balances'), { method: 'POST', body }), field);
  });
});

describe('GET /sim/ledger-seed', () => {
  it('is what the owner recorded: the planned purchases and free credit, and the balance at the end of yesterday in cents, which the account takes too', async () => {
    const fresh = await startSimulator({ scenario: 'demo', startAt: START_AT, speed: 1e-6 });
    try {
      // Bought and granted through the control API: the caller's own, not part of the seed.
      await request(`${fresh.url}/sim/purchases`, {
        method: 'POST',
        body: { amount: 20, at: '2026-02-27T00:00:00Z' },
      });
      const seed = (await request(`${fresh.url}/sim/ledger-seed`)).plain as {
        credits: unknown[];
        balance: { at: string; balance: string };
      };
      const scenario = buildScenario('demo', START_AT);
      expect(seed.credits).toEqual(scenario.credits);
      expect(seed.credits.some((credit) => (credit as { type: string }).type === 'grant')).toBe(true);
      const endOfYesterday = Math.floor(START_AT / DAY_MS) * DAY_MS - 1;
      expect(seed.balance.at).toBe('2026-02-28T23:59:59.999Z');
      const prepared = prepare(scenario);
      prepared.credits.push({
        at: Date.parse('2026-02-27T00:00:00Z'),
        event: { type: 'purchase', id: 'x', at: '2026-02-27T00:00:00Z', amount: '20' },
      });
      prepared.credits.sort((a, b) => a.at - b.at);
      // The billing page shows cents: the reading is the account's balance rounded to the cent.
      const exact = evaluateAt(prepared, endOfYesterday).balance;
      const cents = parseAmount(seed.balance.balance)!;
      expect(cents % 10_000n).toBe(0n);
      expect(cents - exact >= -5_000n && cents - exact < 5_000n).toBe(true);
      // The account took the reading (once: asking again reads the same).
      expect((await request(`${fresh.url}/sim/ledger-seed`)).plain).toEqual(seed);
    } finally {
      await fresh.close();
    }
  });
});

describe('/sim/auto-recharge', () => {
  it('changes the settings from now on: the balance stays, a recharge due now is made now', async () => {
    const before = Number(await stateBalance());
    // A higher threshold would have bought in the past too: the past stays as it was.
    const settings = { enabled: true, threshold: 15, mode: 'add', amount: 20, monthlyLimit: '200' };
    const answer = await request(sim('auto-recharge'), { method: 'PUT', body: settings });
    expect(answer.status).toBe(200);
    expect(answer.plain).toEqual(settings);
    expect((await request(sim('auto-recharge'))).plain).toEqual(settings);
    expect(Number(await stateBalance())).toBe(before);

    // Above the balance: auto-recharge buys at once (top-up, at most $50), at the simulated now.
    const topUp = { enabled: true, threshold: before + 1, mode: 'topUp', target: before + 30 };
    expect((await request(sim('auto-recharge'), { method: 'PUT', body: topUp })).status).toBe(200);
    const state = (await request(sim('state'))).plain as {
      now: string;
      account: { autoRecharges: { at: string; amount: number }[] };
    };
    expect(state.account.autoRecharges.at(-1)).toMatchObject({ at: state.now, amount: 30 });
    expect(Number(await stateBalance())).toBeCloseTo(before + 30, 6);

    const off = await request(sim('auto-recharge'), {
      method: 'PUT',
      body: { enabled: false, threshold: null },
    });
    expect(off.plain).toEqual({ enabled: false });
    expect(Number(await stateBalance())).toBeCloseTo(before + 30, 6);
  });

  it.each([
    ['no enabled', { threshold: 5 }, 'enabled'],
    ['enabled without threshold', { enabled: true, amount: 20 }, 'threshold'],
    ['a negative threshold', { enabled: true, threshold: -1, amount: 20 }, 'threshold'],
    ['add without amount', { enabled: true, threshold: 5 }, 'amount'],
    ['an amount out of the purchase limits', { enabled: true, threshold: 5, amount: 60 }, 'amount'],
    ['an unknown mode', { enabled: true, threshold: 5, mode: 'double', amount: 20 }, 'mode'],
    [
      'topUp with a target not above the threshold',
      { enabled: true, threshold: 5, mode: 'topUp', target: 5 },
      'target',
    ],
    ['a zero monthly limit', { enabled: true, threshold: 5, amount: 20, monthlyLimit: 0 }, 'monthlyLimit'],
    [
      'an unreadable monthly limit',
      { enabled: true, threshold: 5, amount: 20, monthlyLimit: '1,000' },
      'monthlyLimit',
    ],
    ['an unknown field', { enabled: false, limit: 3 }, 'limit'],
    ['a body that is no object', [1, 2], 'body'],
  ])('refuses %s, naming the field', async (_what, body, field) => {
    expectFieldError(await request(sim('auto-recharge'), { method: 'PUT', body }), field);
  });
});

describe('/sim/requests', () => {
  it('counts /v1 requests by path, with bytes, until reset', async () => {
    await request(sim('requests'), { method: 'DELETE' });
    const costs = await adminGet(
      `${demo().baseUrl}/organization/costs?start_time=${unix(START_AT - DAY_MS)}`,
    );
    await adminGet(`${demo().baseUrl}/organization/costs?start_time=${unix(START_AT - DAY_MS)}`);
    const unauthorized = await request(`${demo().baseUrl}/dashboard/billing/credit_grants`);
    await request(sim('state'));
    const counts = (await request(sim('requests'))).plain;
    expect(counts).toEqual({
      total: 3,
      byPath: { '/v1/organization/costs': 2, '/v1/dashboard/billing/credit_grants': 1 },
      bytes: 2 * Buffer.byteLength(costs.text) + Buffer.byteLength(unauthorized.text),
    });
    expect((await request(sim('requests'), { method: 'DELETE' })).plain).toEqual({
      total: 0,
      byPath: {},
      bytes: 0,
    });
  });
});

describe('the control API', () => {
  it('answers unknown paths 404 and wrong methods 405', async () => {
    expect((await request(sim('nothing'))).status).toBe(404);
    expect((await request(sim('state'), { method: 'POST', body: {} })).status).toBe(405);
  });

  it('refuses a web page’s cross-site request and a foreign Host', async () => {
    expect((await request(sim('state'), { headers: { origin: 'https://evil.example' } })).status).toBe(403);
    const answer = await request(sim('purchases'), {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: { amount: 50 },
    });
    expect(answer.status).toBe(403);
  });
});

describe('the clock', () => {
  it('runs at the given speed and moves on /sim/clock/advance, producing new usage', async () => {
    const fast = await startSimulator({ scenario: 'demo', startAt: START_AT, speed: 3600 });
    try {
      const real0 = performance.now();
      const t0 = fast.now();
      await new Promise((resolve) => setTimeout(resolve, 250));
      const elapsed = fast.now() - t0;
      const real = performance.now() - real0;
      // Simulated time is real time × 3600, whatever the timer's slack on a busy machine.
      expect(elapsed).toBeGreaterThanOrEqual(200 * 3600);
      expect(elapsed).toBeLessThanOrEqual(real * 3600 + 1);

      const tomorrow = Math.floor(START_AT / DAY_MS) * DAY_MS + DAY_MS;
      const url = `${fast.baseUrl}/organization/costs?start_time=${unix(tomorrow)}&limit=5`;
      expect(((await adminGet(url)).plain as PlainPage<unknown>).data).toEqual([]);

      const moved = await request(`${fast.url}/sim/clock/advance`, { method: 'POST', body: { days: 2 } });
      expect(moved.status).toBe(200);
      const now = Date.parse((moved.plain as { now: string }).now);
      expect(now - START_AT).toBeGreaterThanOrEqual(2 * DAY_MS);
      expect(fast.now()).toBeGreaterThanOrEqual(now);
      const page = (await adminGet(url)).plain as PlainPage<unknown>;
      expect(page.data).toHaveLength(2);
      expect(page.data.every((bucket) => bucket.results.length > 0)).toBe(true);

      const before = fast.now();
      expect(
        (await request(`${fast.url}/sim/clock/advance`, { method: 'POST', body: { ms: 60_000 } })).status,
      ).toBe(200);
      expect(fast.now() - before).toBeGreaterThanOrEqual(60_000);
    } finally {
      await fast.close();
    }
  });

  it.each([
    ['nothing', {}, 'ms'],
    ['both ms and days', { ms: 1, days: 1 }, 'ms'],
    ['a negative ms', { ms: -1 }, 'ms'],
    ['a fractional ms', { ms: 1.5 }, 'ms'],
    ['days as text', { days: '2' }, 'days'],
    ['more than ten years', { days: 4000 }, 'days'],
  ])('refuses %s', async (_what, body, field) => {
    expectFieldError(await request(sim('clock/advance'), { method: 'POST', body }), field);
  });
});

describe('the exhausted and empty accounts', () => {
  it('exhausted: quota errors until credit is bought', async () => {
    const exhausted = await startSimulator({ scenario: 'exhausted', startAt: START_AT, speed: 1e-6 });
    try {
      const chat = (): Promise<{ status: number; json: unknown }> =>
        request(`${exhausted.baseUrl}/chat/completions`, {
          method: 'POST',
          key: PROJECT_KEY,
          body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] },
        });
      const refused = await chat();
      expect(refused.status).toBe(429);
      expect(errorBodySchema.parse(refused.json).error).toMatchObject({
        type: 'insufficient_quota',
        code: 'credit_balance_exhausted',
        param: null,
      });
      expect(errorBodySchema.parse(refused.json).error.message).toMatch(/^You exceeded your current quota/);
      const state = (await request(`${exhausted.url}/sim/state`)).plain as {
        account: Record<string, unknown>;
      };
      expect(state.account).toMatchObject({ available: 0, quotaExhausted: true, autoRechargeBlocked: [] });
      expect(state.account.debt).toBeGreaterThan(0);
      expect(await balance(exhausted.url)).toBe(0n);

      expect(
        (await request(`${exhausted.url}/sim/purchases`, { method: 'POST', body: { amount: 10 } })).status,
      ).toBe(201);
      expect((await chat()).status).toBe(200);
      expect(await balance(exhausted.url)).toBeGreaterThan(9_000_000n);
    } finally {
      await exhausted.close();
    }
  });

  it('empty: no grants, empty buckets, and no credit to call with', async () => {
    const empty = await startSimulator({ scenario: 'empty', startAt: START_AT, speed: 1e-6 });
    try {
      const state = (await request(`${empty.url}/sim/state`)).plain as { account: Record<string, unknown> };
      expect(state.account).toMatchObject({ available: 0, grants: [], quotaExhausted: true });
      for (const path of ['organization/costs', 'organization/usage/completions']) {
        const page = (await adminGet(`${empty.baseUrl}/${path}?start_time=${unix(START_AT - 6 * DAY_MS)}`))
          .plain as PlainPage<unknown>;
        expect(page.data).toHaveLength(7);
        expect(page.data.every((bucket) => bucket.results.length === 0)).toBe(true);
      }
      const chat = await request(`${empty.baseUrl}/chat/completions`, {
        method: 'POST',
        key: PROJECT_KEY,
        body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] },
      });
      expect(chat.status).toBe(429);
    } finally {
      await empty.close();
    }
  });
});
