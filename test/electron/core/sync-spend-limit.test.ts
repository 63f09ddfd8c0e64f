/**
 * The spend limit in a sync: read on the first one, then once every SPEND_LIMIT_EVERY_MS in place
 * of the poll's one extra request (so a poll stays at two), and optional — its failure is a warning
 * beside fresh costs, never a failed sync.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { planPoll, SPEND_LIMIT_EVERY_MS, type SyncCursor, syncBilling } from '../../../electron/core/sync';
import { type Reply, startTestServer, type TestServer } from './openai/http-test-server';
import { createFakeClock, fixture, testBackend } from './openai/openai-test-kit';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('planPoll with a spend limit', () => {
  const absent = { balance: 'absent', spendLimit: true } as const;
  const cursorAt = (usageAt: number, spendLimitAt: number | null | undefined): SyncCursor => ({
    costsAt: NOW - 15 * MINUTE,
    usageAt,
    balanceAt: null,
    ...(spendLimitAt === undefined ? {} : { spendLimitAt }),
  });
  const extra = (plan: ReturnType<typeof planPoll>) =>
    plan.spendLimit ? 'spend limit' : plan.balance ? 'balance' : 'usage';

  it('the first sync reads it beside everything else', () => {
    expect(planPoll(null, NOW, absent)).toMatchObject({ balance: false, spendLimit: true });
  });

  it('takes the one extra request once due, and not before', () => {
    const usageAt = NOW - 15 * MINUTE;
    expect(extra(planPoll(cursorAt(usageAt, NOW - SPEND_LIMIT_EVERY_MS + MINUTE), NOW, absent))).toBe(
      'usage',
    );
    expect(planPoll(cursorAt(usageAt, NOW - SPEND_LIMIT_EVERY_MS), NOW, absent)).toMatchObject({
      usage: null,
      balance: false,
      spendLimit: true,
    });
  });

  it('a cursor saved before spend limits were read (no spendLimitAt) has it due', () => {
    expect(extra(planPoll(cursorAt(NOW - 15 * MINUTE, undefined), NOW, absent))).toBe('spend limit');
  });

  it('never for a backend without one', () => {
    expect(extra(planPoll(cursorAt(NOW - 15 * MINUTE, null), NOW, { balance: 'absent' }))).toBe('usage');
  });

  it('polls further apart than the interval take turns with usage instead of starving it', () => {
    let cursor: SyncCursor = { costsAt: NOW, usageAt: NOW, balanceAt: null, spendLimitAt: NOW };
    const turns: string[] = [];
    for (let poll = 1; poll <= 4; poll++) {
      const now = NOW + poll * 8 * HOUR;
      const plan = planPoll(cursor, now, absent);
      turns.push(extra(plan));
      cursor = {
        ...cursor,
        costsAt: now,
        ...(plan.usage === null ? {} : { usageAt: now }),
        ...(plan.spendLimit ? { spendLimitAt: now } : {}),
      };
    }
    expect(turns).toEqual(['usage', 'spend limit', 'usage', 'spend limit']);
  });
});

describe('syncBilling and the spend limit', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const EMPTY_PAGE = '{"object":"page","data":[],"has_more":false,"next_page":null}';
  const REFUSED = { status: 403, body: fixture('openai-error-session-key-required.json') };

  async function sync(spendLimit: Reply) {
    server = await startTestServer((request) =>
      request.path.endsWith('/spend_limit')
        ? spendLimit
        : request.path.endsWith('/credit_grants')
          ? REFUSED
          : { body: EMPTY_PAGE },
    );
    const backend = testBackend(server.baseUrl, createFakeClock(), { maxRetries: 0 });
    return syncBilling(backend, { cursor: null, now: NOW, backfillDays: 3 });
  }

  it('brings the limit home with the first sync', async () => {
    expect(await sync({ body: fixture('openai-spend-limit.json') })).toMatchObject({
      ok: true,
      value: { spendLimit: { limit: { limitMicros: 100_000_000 } }, warnings: [] },
    });
  });

  it('a 404 brings home "none set"', async () => {
    expect(await sync({ status: 404, body: '{"error":{"message":"Not found"}}' })).toMatchObject({
      ok: true,
      value: { spendLimit: { limit: null }, warnings: [] },
    });
  });

  it('a failing spend limit is a warning: costs and usage are kept, the stored limit is left alone', async () => {
    const synced = await sync({ status: 500, body: '{"error":{"message":"boom"}}' });
    if (!synced.ok) throw new Error(synced.error.message);
    expect(synced.value.spendLimit).toBeUndefined();
    expect(synced.value.balanceError).toBeNull();
    expect(synced.value.usage).not.toBeNull();
    expect(synced.value.warnings).toEqual([
      { kind: 'spend-limit-unread', message: expect.stringContaining('spend limit') as unknown },
    ]);
    // Counted as asked: it waits its turn again instead of taking every poll's extra request.
    expect(synced.value.cursor.spendLimitAt).toBe(NOW);
  });
});
