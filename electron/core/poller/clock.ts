/**
 * Time as the poller sees it, injected so tests run on a fake clock instead of waiting: now, and
 * one-shot timers (never an interval — the poller schedules each run after the last settles).
 */

/** Whatever the clock's `setTimeout` returns; only its own `clearTimeout` reads it. */
export type TimerHandle = unknown;

export interface Clock {
  /** UTC ms. */
  now(): number;
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/**
 * Node's timers fire at once for a delay above 2^31 − 1 ms (about 24.8 days) — "TimeoutOverflowWarning"
 * — so a longer wait is clamped; the poller never asks for one that long anyway.
 */
const MAX_TIMER_MS = 2 ** 31 - 1;

export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, delayMs) => setTimeout(callback, Math.min(Math.max(delayMs, 0), MAX_TIMER_MS)),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
