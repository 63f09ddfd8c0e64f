/**
 * When to poll next — pure, so the schedule is tested without a clock (architecture.md: poll
 * scheduling belongs to the functional core). After a success: the interval (default 15 min, at
 * least 60 s) ±10 % jitter, so many Saldos started together drift apart. After a transient
 * failure: 1 min doubling to 30 min, the same jitter, and never sooner than the server's
 * Retry-After. After a permanent failure (bad key, not an Admin key, quota): no next poll until
 * the key or settings change, because asking again cannot succeed.
 */
import { type BackendError, isPermanent } from '../billing-backend';

export const DEFAULT_INTERVAL_MS = 15 * 60_000;
export const MIN_INTERVAL_MS = 60_000;
export const FIRST_BACKOFF_MS = 60_000;
export const MAX_BACKOFF_MS = 30 * 60_000;
/** ±10 %. */
export const JITTER = 0.1;
/**
 * A Retry-After is honoured up to a day: a server asking for longer is more likely wrong than
 * meant, and a day keeps the wait inside what a Node timer can hold (clock.ts).
 */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60_000;

export interface PollSettings {
  /** The steady interval; below MIN_INTERVAL_MS counts as MIN_INTERVAL_MS. */
  intervalMs: number;
}

export const DEFAULT_POLL_SETTINGS: PollSettings = { intervalMs: DEFAULT_INTERVAL_MS };

/**
 * Why a poll failed: the backend's error, or `local` — Saldo could not save or read what it fetched
 * (a full disk, a ledger the engine refuses), which backs off like any passing failure.
 */
export type PollError = BackendError | { kind: 'local'; message: string };

/** What one poll came to. `retryAfterMs`: a delay the server asked for, where the error type has none. */
export type PollOutcome = { ok: true } | { ok: false; error: PollError; retryAfterMs?: number | null };

export interface ScheduleState {
  consecutiveFailures: number;
  /** A permanent failure stopped polling; only a reset starts it again. */
  stopped: boolean;
}

export const INITIAL_SCHEDULE: ScheduleState = { consecutiveFailures: 0, stopped: false };

export interface NextPoll {
  state: ScheduleState;
  /** Null: stopped. */
  delayMs: number | null;
}

/** The steady interval, never below the minimum. */
export function intervalOf(settings: PollSettings): number {
  return Number.isFinite(settings.intervalMs)
    ? Math.max(settings.intervalMs, MIN_INTERVAL_MS)
    : DEFAULT_INTERVAL_MS;
}

/** `base` ±10 %, from `random()` in [0, 1). */
function jittered(base: number, random: () => number): number {
  return base * (1 + (2 * random() - 1) * JITTER);
}

/** The backoff before the next try after `failures` failures in a row (1 → 1 min, 2 → 2 min, …, 30 min). */
export function backoffMs(failures: number): number {
  return Math.min(FIRST_BACKOFF_MS * 2 ** Math.max(failures - 1, 0), MAX_BACKOFF_MS);
}

/** The delay the server asked for: the outcome's own, else a rate limit's or server error's `retry-after`. */
function retryAfterOf(outcome: Extract<PollOutcome, { ok: false }>): number | null {
  const { error } = outcome;
  const asked =
    outcome.retryAfterMs ??
    (error.kind === 'rate-limit' || error.kind === 'server' ? (error.retryAfterMs ?? null) : null);
  return asked !== null && Number.isFinite(asked) && asked > 0 ? Math.min(asked, MAX_RETRY_AFTER_MS) : null;
}

export function nextDelay(
  state: ScheduleState,
  outcome: PollOutcome,
  settings: PollSettings,
  random: () => number,
): NextPoll {
  if (outcome.ok) {
    const delayMs = Math.max(jittered(intervalOf(settings), random), MIN_INTERVAL_MS);
    return { state: INITIAL_SCHEDULE, delayMs: Math.ceil(delayMs) };
  }
  const consecutiveFailures = state.consecutiveFailures + 1;
  if (outcome.error.kind !== 'local' && isPermanent(outcome.error)) {
    return { state: { consecutiveFailures, stopped: true }, delayMs: null };
  }
  // Jitter stays inside [1 min, 30 min]: the bounds are promises (the minimum interval, the cap).
  const backoff = Math.min(
    Math.max(jittered(backoffMs(consecutiveFailures), random), MIN_INTERVAL_MS),
    MAX_BACKOFF_MS,
  );
  const delayMs = Math.max(backoff, retryAfterOf(outcome) ?? 0);
  // Rounded up: a fraction of a millisecond must not bring the poll inside the Retry-After.
  return { state: { consecutiveFailures, stopped: false }, delayMs: Math.ceil(delayMs) };
}
