import { describe, expect, it } from 'vitest';
import type { BackendError } from '../../../../electron/core/billing-backend';
import type { PollOutcome } from '../../../../electron/core/poller/next-delay';
import { Poller, type PollerStatus } from '../../../../electron/core/poller/poller';
import { FakeClock, settle } from '../../../support/fake-clock';

const MIN = 60_000;
const network: BackendError = { kind: 'network', message: 'ECONNRESET' };
const badKey: BackendError = {
  kind: 'auth',
  reason: 'invalid-key',
  status: 401,
  message: 'Incorrect API key',
};

/**
 * A poll task whose outcomes the test scripts, counting calls and the most that ran at once.
 * `hold()` makes the next polls wait until `release()`, to catch one in flight.
 */
function scriptedTask(outcomes: PollOutcome[] = []) {
  let running = 0;
  let gate: Promise<void> | null = null;
  let open: (() => void) | null = null;
  const task = {
    calls: 0,
    maxConcurrent: 0,
    outcomes,
    fallback: { ok: true } as PollOutcome,
    hold() {
      gate = new Promise((resolve) => (open = resolve));
    },
    release() {
      open?.();
      gate = null;
    },
    poll: async (): Promise<PollOutcome> => {
      task.calls += 1;
      running += 1;
      task.maxConcurrent = Math.max(task.maxConcurrent, running);
      try {
        if (gate !== null) await gate;
        return task.outcomes.shift() ?? task.fallback;
      } finally {
        running -= 1;
      }
    },
  };
  return task;
}

function setup(outcomes: PollOutcome[] = [], intervalMs = 15 * MIN) {
  const clock = new FakeClock();
  const task = scriptedTask(outcomes);
  // random() = 0.5: no jitter, so the delays are exact.
  const poller = new Poller({ poll: task.poll, clock, settings: { intervalMs }, random: () => 0.5 });
  return { clock, task, poller };
}

describe('Poller', () => {
  it('is idle until started, then polls at once and waits the interval', async () => {
    const { clock, task, poller } = setup();
    expect(poller.status().state).toBe('idle');
    poller.start();
    expect(poller.status().state).toBe('polling');
    await settle();
    expect(task.calls).toBe(1);
    expect(poller.status()).toEqual({
      state: 'waiting',
      nextAt: clock.now() + 15 * MIN,
      lastError: null,
      consecutiveFailures: 0,
    });
    await clock.advance(15 * MIN - 1);
    expect(task.calls).toBe(1);
    await clock.advance(1);
    expect(task.calls).toBe(2);
    await clock.advance(60 * MIN);
    expect(task.calls).toBe(6);
  });

  it('schedules with one timer at a time (never an interval)', async () => {
    const { clock, poller } = setup();
    poller.start();
    for (let i = 0; i < 5; i++) {
      await settle();
      expect(clock.pendingDelays()).toHaveLength(1);
      await clock.runNext();
    }
  });

  it('backs off 1, 2, 4, 8, 16, 30, 30 min on failures, then returns to the interval', async () => {
    const outcomes: PollOutcome[] = Array.from({ length: 7 }, () => ({ ok: false, error: network }));
    const { clock, task, poller } = setup(outcomes);
    poller.start();
    await settle();
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) waits.push((await clock.runNext())! / MIN);
    expect(waits).toEqual([1, 2, 4, 8, 16, 30, 30, 15]);
    expect(task.calls).toBe(9);
    expect(poller.status().consecutiveFailures).toBe(0);
    expect(poller.status().lastError).toBeNull();
  });

  it('reports the failure and its count while backing off', async () => {
    const { clock, poller } = setup([
      { ok: false, error: network },
      { ok: false, error: network },
    ]);
    poller.start();
    await settle();
    await clock.runNext();
    expect(poller.status()).toEqual({
      state: 'waiting',
      nextAt: clock.now() + 2 * MIN,
      lastError: network,
      consecutiveFailures: 2,
    });
  });

  it('honours Retry-After from a rate limit', async () => {
    const limited: PollOutcome = {
      ok: false,
      error: { kind: 'rate-limit', retryAfterMs: 7 * MIN, message: 'Rate limit reached' },
    };
    const { clock, task, poller } = setup([limited]);
    poller.start();
    await settle();
    expect(clock.pendingDelays()).toEqual([7 * MIN]);
    await clock.advance(7 * MIN - 1);
    expect(task.calls).toBe(1);
    await clock.advance(1);
    expect(task.calls).toBe(2);
  });

  it('never overlaps: a storm of refreshNow during a poll shares that poll', async () => {
    const { clock, task, poller } = setup();
    task.hold();
    poller.start();
    const refreshes = Array.from({ length: 50 }, () => poller.refreshNow());
    await clock.advance(60 * MIN); // no timer is set while polling, so time alone starts nothing
    expect(task.calls).toBe(1);
    task.release();
    await Promise.all(refreshes);
    expect(task.calls).toBe(1);
    expect(task.maxConcurrent).toBe(1);
    expect(clock.pendingDelays()).toEqual([15 * MIN]);
  });

  it('refreshNow while waiting polls at once and restarts the interval from there', async () => {
    const { clock, task, poller } = setup();
    poller.start();
    await settle();
    await clock.advance(5 * MIN);
    await poller.refreshNow();
    expect(task.calls).toBe(2);
    expect(clock.pendingDelays()).toEqual([15 * MIN]);
    for (let i = 0; i < 20; i++) {
      void poller.refreshNow();
      if (i % 3 === 0) await clock.advance(MIN);
    }
    await settle();
    expect(task.maxConcurrent).toBe(1);
  });

  it('pause stops polling; resume polls at once and resumes the schedule', async () => {
    const { clock, task, poller } = setup();
    poller.start();
    await settle();
    poller.pause();
    expect(poller.status()).toMatchObject({ state: 'paused', nextAt: null });
    expect(clock.pendingDelays()).toEqual([]);
    await clock.advance(5 * 60 * MIN);
    await poller.refreshNow();
    expect(task.calls).toBe(1);
    poller.resume();
    await settle();
    expect(task.calls).toBe(2);
    expect(poller.status().state).toBe('waiting');
  });

  it('a poll in flight when paused finishes but schedules nothing', async () => {
    const { clock, task, poller } = setup();
    task.hold();
    poller.start();
    poller.pause();
    expect(poller.status().state).toBe('polling');
    task.release();
    await settle();
    expect(poller.status().state).toBe('paused');
    expect(clock.pendingDelays()).toEqual([]);
  });

  it('offline pauses; back online polls at once', async () => {
    const { clock, task, poller } = setup();
    poller.start();
    await settle();
    poller.setOnline(false);
    expect(poller.status().state).toBe('offline');
    await clock.advance(60 * MIN);
    expect(task.calls).toBe(1);
    poller.setOnline(true);
    await settle();
    expect(task.calls).toBe(2);
    expect(poller.status().state).toBe('waiting');
    // Online again while online changes nothing.
    poller.setOnline(true);
    await settle();
    expect(task.calls).toBe(2);
  });

  it('a permanent failure stops polling until reset', async () => {
    const { clock, task, poller } = setup([{ ok: false, error: badKey }]);
    poller.start();
    await settle();
    expect(poller.status()).toEqual({
      state: 'stopped',
      nextAt: null,
      lastError: badKey,
      consecutiveFailures: 1,
    });
    await clock.advance(24 * 60 * MIN);
    poller.resume();
    poller.setOnline(false);
    poller.setOnline(true);
    await poller.refreshNow();
    expect(task.calls).toBe(1);
    poller.reset();
    await settle();
    expect(task.calls).toBe(2);
    expect(poller.status()).toEqual({
      state: 'waiting',
      nextAt: clock.now() + 15 * MIN,
      lastError: null,
      consecutiveFailures: 0,
    });
  });

  it('reset with new settings polls at once and uses the new interval', async () => {
    const { clock, task, poller } = setup();
    poller.start();
    await settle();
    poller.reset({ intervalMs: 5 * MIN });
    await settle();
    expect(task.calls).toBe(2);
    expect(clock.pendingDelays()).toEqual([5 * MIN]);
  });

  it('a reset during a poll discards that poll’s outcome and polls again after it', async () => {
    const { task, poller } = setup([{ ok: false, error: badKey }]);
    task.hold();
    poller.start();
    poller.reset();
    task.release();
    await settle();
    await settle();
    expect(task.calls).toBe(2);
    expect(task.maxConcurrent).toBe(1);
    expect(poller.status()).toMatchObject({ state: 'waiting', lastError: null, consecutiveFailures: 0 });
  });

  it('stop is final: the poll in flight settles and nothing follows', async () => {
    const { clock, task, poller } = setup();
    task.hold();
    poller.start();
    poller.stop();
    task.release();
    await settle();
    await clock.advance(24 * 60 * MIN);
    poller.resume();
    poller.reset();
    await poller.refreshNow();
    expect(task.calls).toBe(1);
    expect(poller.status().state).toBe('stopped');
    expect(clock.pendingDelays()).toEqual([]);
  });

  it('a task that throws counts as a transient failure; polling goes on', async () => {
    const clock = new FakeClock();
    let calls = 0;
    const poller = new Poller({
      clock,
      random: () => 0.5,
      poll: async () => {
        calls += 1;
        if (calls === 1) throw new Error('boom');
        return { ok: true };
      },
    });
    poller.start();
    await settle();
    expect(poller.status()).toMatchObject({ state: 'waiting', consecutiveFailures: 1 });
    expect(poller.status().lastError).toMatchObject({ kind: 'local', message: 'boom' });
    await clock.runNext();
    expect(calls).toBe(2);
    expect(poller.status().consecutiveFailures).toBe(0);
  });

  it('tells listeners each change; a throwing listener does not stop it', async () => {
    const { clock, poller } = setup();
    const seen: PollerStatus['state'][] = [];
    poller.onStatus(() => {
      throw new Error('window closed');
    });
    const unsubscribe = poller.onStatus((status) => seen.push(status.state));
    poller.start();
    await settle();
    poller.pause();
    unsubscribe();
    poller.resume();
    await settle();
    expect(seen).toEqual(['polling', 'waiting', 'paused']);
    expect(clock.pendingDelays()).toEqual([15 * MIN]);
  });
});
