/**
 * A sync's progress ("3 of 15", ux.md §2): the requests a poll makes counted ahead from its ranges
 * and the client's page sizes, then told as each is answered — against the embedded simulator over
 * real HTTP, and against a backend whose pages differ from what was expected.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BackendResult, BillingBackend, PageDays } from '../../../electron/core/billing-backend';
import { startSimulator } from '../../../electron/core/simulator';
import { expectedPages, type SyncProgress, syncBilling } from '../../../electron/core/sync';
import { createFakeClock, testBackend } from './openai/openai-test-kit';

const START_AT = Date.UTC(2026, 10, 27, 9, 30, 0);

let sim: Awaited<ReturnType<typeof startSimulator>> | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function start(pageLimits?: { costs: number; usage: number }) {
  sim = await startSimulator({ port: 0, scenario: 'demo', startAt: START_AT });
  const simulator = sim;
  const backend = testBackend(simulator.baseUrl, createFakeClock(), {
    now: () => simulator.now(),
    ...(pageLimits === undefined ? {} : { pageLimits }),
  });
  return { sim: simulator, backend };
}

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${sim!.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  expect(response.ok, `${method} ${path}: ${text}`).toBe(true);
  return text === '' ? null : JSON.parse(text);
}

/** The requests the simulator answered since the last reset. */
async function requestsMade(): Promise<number> {
  return ((await control('GET', '/sim/requests')) as { total: number }).total;
}

/** `{done: from..to, total}` as the list a sync tells. */
const counting = (from: number, to: number, total: number): SyncProgress[] =>
  Array.from({ length: to - from + 1 }, (_, index) => ({ done: from + index, total }));

describe('expectedPages', () => {
  const NOW = Date.UTC(2026, 10, 27, 12);
  it('counts the days up to today, today included, in pages of the given size', () => {
    // A year back is 366 buckets: 3 pages of 180 days, 12 of 31.
    expect(expectedPages('2025-11-27', NOW, 180)).toBe(3);
    expect(expectedPages('2025-11-27', NOW, 31)).toBe(12);
    expect(expectedPages('2026-11-26', NOW, 31)).toBe(1);
    expect(expectedPages('2026-10-28', NOW, 31)).toBe(1);
    expect(expectedPages('2026-10-27', NOW, 31)).toBe(2);
    expect(expectedPages('2026-11-27', NOW, 1)).toBe(1);
  });

  it('is one request when the backend does not say its page size', () => {
    expect(expectedPages('2025-11-27', NOW, undefined)).toBe(1);
  });
});

describe('syncBilling progress against the simulator', () => {
  it('a first sync tells each of its 17 requests: 15 pages for a year, the balance (refused), the spend limit', async () => {
    const { sim, backend } = await start();
    await control('DELETE', '/sim/requests');
    const told: SyncProgress[] = [];
    const synced = await syncBilling(backend, {
      cursor: null,
      now: sim.now(),
      onProgress: (progress) => told.push(progress),
    });
    expect(synced.ok).toBe(true);
    expect(told).toEqual(counting(0, 17, 17));
    expect(await requestsMade()).toBe(17);
  });

  it('without a balance to ask for (the demo refuses it, as OpenAI does): 0..16 of 16', async () => {
    const { sim, backend } = await start();
    expect(await backend.fetchBalance()).toEqual({ ok: true, value: null });
    expect(backend.capabilities().balance).toBe('absent');
    const told: SyncProgress[] = [];
    await syncBilling(backend, {
      cursor: null,
      now: sim.now(),
      onProgress: (progress) => told.push(progress),
    });
    expect(told).toEqual(counting(0, 16, 16));
  });

  it("the client's own page sizes: 30 days in 5 costs and 7 usage pages, then the balance and the spend limit", async () => {
    const { sim, backend } = await start({ costs: 7, usage: 5 });
    const told: SyncProgress[] = [];
    await syncBilling(backend, {
      cursor: null,
      now: sim.now(),
      backfillDays: 30,
      onProgress: (progress) => told.push(progress),
    });
    expect(told).toEqual(counting(0, 14, 14));
  });

  it('a steady poll is two requests', async () => {
    const { sim, backend } = await start();
    const first = await syncBilling(backend, { cursor: null, now: sim.now() });
    if (!first.ok) throw new Error(first.error.message);
    await control('POST', '/sim/clock/advance', { ms: 15 * 60_000 });
    const told: SyncProgress[] = [];
    await syncBilling(backend, {
      cursor: first.value.cursor,
      now: sim.now(),
      onProgress: (progress) => told.push(progress),
    });
    expect(told).toEqual(counting(0, 2, 2));
  });

  it('a failed request ends the count where it failed', async () => {
    const { sim, backend } = await start();
    // Usage's first page is refused (a 400 is not retried): the three costs pages were all.
    await control('POST', '/sim/faults', { count: 1, status: 400, path: '/v1/organization/usage' });
    const told: SyncProgress[] = [];
    const synced = await syncBilling(backend, {
      cursor: null,
      now: sim.now(),
      onProgress: (progress) => told.push(progress),
    });
    expect(synced.ok).toBe(false);
    expect(told).toEqual(counting(0, 3, 17));
  });
});

describe('syncBilling progress when the pages differ from what was expected', () => {
  const NOW = Date.UTC(2026, 10, 27, 12);

  /** A backend claiming `pageDays` that answers costs in `costsPages` pages and usage without telling any. */
  function backend(pageDays: PageDays, costsPages: number): BillingBackend {
    const ok = <T>(value: T): Promise<BackendResult<T>> => Promise.resolve({ ok: true, value });
    return {
      capabilities: () => ({
        provider: 'demo',
        costs: true,
        usage: true,
        balance: 'api',
        autoRechargeSettings: false,
      }),
      pageDays,
      fetchCosts: (range) => {
        for (let page = 0; page < costsPages; page++) range.onPage?.();
        return ok([]);
      },
      fetchUsage: () => ok([]),
      fetchBalance: () => ok(null),
    };
  }

  const run = async (pageDays: PageDays, costsPages: number) => {
    const told: SyncProgress[] = [];
    await syncBilling(backend(pageDays, costsPages), {
      cursor: null,
      now: NOW,
      backfillDays: 3,
      onProgress: (progress) => told.push(progress),
    });
    return told;
  };

  it('more pages than expected raise the total: done never passes it', async () => {
    // One page of each expected (4 days fit in 31), three costs pages come.
    expect(await run({ costs: 31, usage: 31 }, 3)).toEqual([
      { done: 0, total: 3 },
      { done: 1, total: 3 },
      { done: 2, total: 4 },
      { done: 3, total: 5 },
      // Usage told no pages: its one expected request counts once it is done.
      { done: 4, total: 5 },
      { done: 5, total: 5 },
    ]);
  });

  it('fewer pages than expected lower the total once the range is done', async () => {
    // Four pages of costs and four of usage expected (a day each), one costs page comes.
    expect(await run({ costs: 1, usage: 1 }, 1)).toEqual([
      { done: 0, total: 9 },
      { done: 1, total: 9 },
      { done: 1, total: 6 },
      { done: 5, total: 6 },
      { done: 6, total: 6 },
    ]);
  });
});
