import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BackendError } from '../../../../electron/core/billing-backend';
import {
  DEFAULT_INTERVAL_MS,
  INITIAL_SCHEDULE,
  MAX_BACKOFF_MS,
  MAX_RETRY_AFTER_MS,
  MIN_INTERVAL_MS,
  nextDelay,
  type PollError,
  type PollOutcome,
  type ScheduleState,
} from '../../../../electron/core/poller/next-delay';

const MIN = 60_000;
const settings = { intervalMs: DEFAULT_INTERVAL_MS };
/** random() = 0.5 is no jitter at all. */
const noJitter = () => 0.5;
const network: PollOutcome = { ok: false, error: { kind: 'network', message: 'ECONNRESET' } };
const ok: PollOutcome = { ok: true };

function failures(outcome: PollOutcome, count: number): number[] {
  let state: ScheduleState = INITIAL_SCHEDULE;
  const delays: number[] = [];
  for (let i = 0; i < count; i++) {
    const next = nextDelay(state, outcome, settings, noJitter);
    state = next.state;
    delays.push(next.delayMs!);
  }
  return delays;
}

describe('nextDelay', () => {
  it('after a success: the interval, 15 min by default', () => {
    expect(nextDelay(INITIAL_SCHEDULE, ok, settings, noJitter)).toEqual({
      state: INITIAL_SCHEDULE,
      delayMs: 15 * MIN,
    });
  });

  it('never polls more often than once a minute, whatever the setting', () => {
    for (const intervalMs of [0, 1, 59_999, -5, Number.NaN]) {
      const { delayMs } = nextDelay(INITIAL_SCHEDULE, ok, { intervalMs }, () => 0);
      expect(delayMs).toBeGreaterThanOrEqual(MIN_INTERVAL_MS);
    }
  });

  it('transient failures back off 1, 2, 4, 8, 16 min, then stay at 30 min', () => {
    expect(failures(network, 8).map((ms) => ms / MIN)).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
  });

  it('a success after failures returns to the interval and forgets the count', () => {
    const failed = nextDelay({ consecutiveFailures: 4, stopped: false }, network, settings, noJitter);
    expect(failed.state.consecutiveFailures).toBe(5);
    expect(nextDelay(failed.state, ok, settings, noJitter)).toEqual({
      state: INITIAL_SCHEDULE,
      delayMs: 15 * MIN,
    });
  });

  it.each<[string, PollError]>([
    ['server error', { kind: 'server', status: 503, message: 'x' }],
    ['timeout', { kind: 'timeout', message: 'x' }],
    ['bad response', { kind: 'bad-response', message: 'x' }],
    ['a ledger that cannot be saved', { kind: 'local', message: 'ENOSPC' }],
    ['rate limit without retry-after', { kind: 'rate-limit', retryAfterMs: null, message: 'x' }],
  ])('%s is transient: backoff', (_name, error) => {
    expect(nextDelay(INITIAL_SCHEDULE, { ok: false, error }, settings, noJitter)).toEqual({
      state: { consecutiveFailures: 1, stopped: false },
      delayMs: MIN,
    });
  });

  it.each<[string, BackendError]>([
    ['invalid key', { kind: 'auth', reason: 'invalid-key', status: 401, message: 'x' }],
    ['project key', { kind: 'auth', reason: 'not-admin-key', status: 403, message: 'x' }],
    ['quota', { kind: 'quota', code: 'insufficient_quota', message: 'x' }],
  ])('%s is permanent: stopped, no next poll', (_name, error) => {
    expect(nextDelay(INITIAL_SCHEDULE, { ok: false, error }, settings, noJitter)).toEqual({
      state: { consecutiveFailures: 1, stopped: true },
      delayMs: null,
    });
  });

  it('honours Retry-After: at least that long, even past the backoff cap', () => {
    const limited = (retryAfterMs: number): PollOutcome => ({
      ok: false,
      error: { kind: 'rate-limit', retryAfterMs, message: 'x' },
    });
    expect(nextDelay(INITIAL_SCHEDULE, limited(5 * MIN), settings, noJitter).delayMs).toBe(5 * MIN);
    // Shorter than the backoff: the backoff wins (Retry-After is a minimum).
    expect(nextDelay(INITIAL_SCHEDULE, limited(10_000), settings, noJitter).delayMs).toBe(MIN);
    expect(nextDelay(INITIAL_SCHEDULE, limited(45 * MIN), settings, noJitter).delayMs).toBe(45 * MIN);
    // Fractions round up, never inside the asked delay.
    expect(nextDelay(INITIAL_SCHEDULE, limited(90_000.2), settings, noJitter).delayMs).toBe(90_001);
    // A bogus week is held to a day.
    expect(nextDelay(INITIAL_SCHEDULE, limited(7 * 24 * 60 * MIN), settings, noJitter).delayMs).toBe(
      MAX_RETRY_AFTER_MS,
    );
  });

  it('takes a Retry-After passed beside any error (a 503 with the header)', () => {
    const outcome: PollOutcome = {
      ok: false,
      error: { kind: 'server', status: 503, message: 'x' },
      retryAfterMs: 3 * MIN,
    };
    expect(nextDelay(INITIAL_SCHEDULE, outcome, settings, noJitter).delayMs).toBe(3 * MIN);
  });

  it('takes the Retry-After a server error carries (a 503 asking for an hour ended the poll)', () => {
    const outcome: PollOutcome = {
      ok: false,
      error: { kind: 'server', status: 503, retryAfterMs: 60 * MIN, message: 'x' },
    };
    expect(nextDelay(INITIAL_SCHEDULE, outcome, settings, noJitter).delayMs).toBe(60 * MIN);
  });

  it('jitter stays within ±10 % of the interval and within [1 min, 30 min] of the backoff', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: MIN, max: 24 * 60 * MIN }),
        (r, failed, intervalMs) => {
          const random = () => r;
          const success = nextDelay(
            { consecutiveFailures: failed, stopped: false },
            ok,
            { intervalMs },
            random,
          );
          expect(success.delayMs!).toBeGreaterThanOrEqual(Math.max(intervalMs * 0.9, MIN));
          expect(success.delayMs!).toBeLessThanOrEqual(Math.ceil(intervalMs * 1.1));
          const failure = nextDelay(
            { consecutiveFailures: failed, stopped: false },
            network,
            settings,
            random,
          );
          const base = Math.min(MIN * 2 ** failed, MAX_BACKOFF_MS);
          expect(failure.delayMs!).toBeGreaterThanOrEqual(Math.max(Math.floor(base * 0.9), MIN));
          expect(failure.delayMs!).toBeLessThanOrEqual(Math.min(Math.ceil(base * 1.1), MAX_BACKOFF_MS));
        },
      ),
    );
  });

  it('jitter spreads: the extremes of random() give interval −10 % and +10 %', () => {
    expect(nextDelay(INITIAL_SCHEDULE, ok, settings, () => 0).delayMs).toBe(13.5 * MIN);
    expect(nextDelay(INITIAL_SCHEDULE, ok, settings, () => 0.999999).delayMs).toBeCloseTo(16.5 * MIN, -2);
  });
});
