/**
 * Runs the sync in the background, one poll at a time (architecture.md, after GitHub Desktop's
 * background-fetcher): the next poll is scheduled with a one-shot timer only after the last one
 * settled, so polls cannot overlap however slow the network; `nextDelay` decides the wait. Every
 * await is followed by a check of the stop and pause flags, so nothing is scheduled after `stop()`.
 */
import { type Clock, realClock, type TimerHandle } from './clock';
import {
  DEFAULT_POLL_SETTINGS,
  INITIAL_SCHEDULE,
  nextDelay,
  type PollError,
  type PollOutcome,
  type PollSettings,
  type ScheduleState,
} from './next-delay';

export type PollerState = 'idle' | 'polling' | 'waiting' | 'paused' | 'offline' | 'stopped';

/** What the UI shows of the poller ("Refresh now", "trying again in 4 min", "key rejected"). */
export interface PollerStatus {
  state: PollerState;
  /** When the next poll is due (UTC ms), while waiting. */
  nextAt: number | null;
  /** Why the last poll failed; null after a success or a reset. */
  lastError: PollError | null;
  consecutiveFailures: number;
}

export interface PollerOptions {
  /** One sync. It should return failures as outcomes; a throw counts as a transient failure. */
  poll: () => Promise<PollOutcome>;
  clock?: Clock;
  settings?: PollSettings;
  /** [0, 1), for the jitter. */
  random?: () => number;
}

export class Poller {
  private readonly poll: () => Promise<PollOutcome>;
  private readonly clock: Clock;
  private readonly random: () => number;
  private settings: PollSettings;
  private schedule: ScheduleState = INITIAL_SCHEDULE;
  private lastError: PollError | null = null;
  private timer: TimerHandle | null = null;
  private nextAt: number | null = null;
  /** The poll in flight; every caller who asks meanwhile shares it. */
  private inFlight: Promise<void> | null = null;
  private busy = false;
  /** Bumped by `reset`: a poll in flight for the old key or settings is discarded and run again. */
  private generation = 0;
  private started = false;
  private paused = false;
  private online = true;
  private disposed = false;
  private readonly listeners = new Set<(status: PollerStatus) => void>();
  /** The status last told, so listeners hear changes only. */
  private told: PollerStatus | null = null;

  constructor(options: PollerOptions) {
    this.poll = options.poll;
    this.clock = options.clock ?? realClock;
    this.settings = options.settings ?? DEFAULT_POLL_SETTINGS;
    this.random = options.random ?? Math.random;
  }

  /** Polls at once, then on schedule. */
  start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    this.pollIfAllowed();
    this.emit();
  }

  /**
   * Polls now, unless a poll is in flight — then that one is the refresh (a storm of clicks costs
   * one poll). Does nothing while paused, offline or stopped. Resolves when the poll settled.
   */
  refreshNow(): Promise<void> {
    if (this.busy) return this.inFlight ?? Promise.resolve();
    if (!this.mayPoll()) return Promise.resolve();
    return this.pollNow();
  }

  /** For sleep or a locked screen: no polls until `resume`. A poll in flight finishes; nothing follows it. */
  pause(): void {
    if (this.disposed || this.paused) return;
    this.paused = true;
    this.clearTimer();
    this.emit();
  }

  /** After wake or unlock: polls at once (the figures are as old as the sleep). */
  resume(): void {
    if (this.disposed || !this.paused) return;
    this.paused = false;
    this.pollIfAllowed();
    this.emit();
  }

  /** Offline pauses; back online polls at once. */
  setOnline(online: boolean): void {
    if (this.disposed || this.online === online) return;
    this.online = online;
    if (online) this.pollIfAllowed();
    else this.clearTimer();
    this.emit();
  }

  /**
   * After the key or the settings changed: forgets failures (a permanent one included, so a
   * stopped poller starts again) and polls at once with the new settings. A poll in flight for
   * the old ones is discarded when it settles, and polled again.
   */
  reset(settings: PollSettings = this.settings): void {
    if (this.disposed) return;
    this.settings = settings;
    this.schedule = INITIAL_SCHEDULE;
    this.lastError = null;
    this.generation += 1;
    if (!this.busy) this.pollIfAllowed();
    this.emit();
  }

  /** For good (quit): clears the timer; a poll in flight settles without scheduling another. */
  stop(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.clearTimer();
    this.emit();
  }

  status(): PollerStatus {
    return {
      state: this.state(),
      nextAt: this.nextAt,
      lastError: this.lastError,
      consecutiveFailures: this.schedule.consecutiveFailures,
    };
  }

  /** Called on every change of status; returns the unsubscribe. */
  onStatus(listener: (status: PollerStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private state(): PollerState {
    if (this.disposed) return 'stopped';
    if (this.busy) return 'polling';
    if (!this.online) return 'offline';
    if (this.paused) return 'paused';
    if (this.schedule.stopped) return 'stopped';
    return this.timer === null ? 'idle' : 'waiting';
  }

  private mayPoll(): boolean {
    return this.started && !this.disposed && !this.paused && this.online && !this.schedule.stopped;
  }

  private pollIfAllowed(): void {
    if (this.mayPoll()) void this.pollNow();
  }

  private pollNow(): Promise<void> {
    this.clearTimer();
    // Set before the task runs: a task that calls back into refreshNow synchronously must see it.
    this.busy = true;
    this.inFlight = this.runOnce(this.generation);
    this.emit();
    return this.inFlight;
  }

  private async runOnce(generation: number): Promise<void> {
    let outcome: PollOutcome;
    try {
      outcome = await this.poll();
    } catch (error) {
      // A bug in the task must not end background polling: back off and try again.
      const message = error instanceof Error ? error.message : String(error);
      outcome = { ok: false, error: { kind: 'local', message } };
    }
    this.busy = false;
    this.inFlight = null;
    if (this.disposed) return this.emit();
    if (generation !== this.generation) {
      // Reset while polling: this outcome is about the old key or settings.
      this.pollIfAllowed();
      return this.emit();
    }
    const next = nextDelay(this.schedule, outcome, this.settings, this.random);
    this.schedule = next.state;
    this.lastError = outcome.ok ? null : outcome.error;
    if (next.delayMs !== null && this.mayPoll()) this.arm(next.delayMs);
    this.emit();
  }

  private arm(delayMs: number): void {
    this.clearTimer();
    this.nextAt = this.clock.now() + delayMs;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.nextAt = null;
      this.pollIfAllowed();
    }, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.nextAt = null;
  }

  private emit(): void {
    const status = this.status();
    const told = this.told;
    this.told = status;
    if (
      told !== null &&
      told.state === status.state &&
      told.nextAt === status.nextAt &&
      told.lastError === status.lastError &&
      told.consecutiveFailures === status.consecutiveFailures
    ) {
      return;
    }
    for (const listener of this.listeners) {
      try {
        listener(status);
      } catch {
        // A failing listener (a closed window) must not stop the polling the others rely on.
      }
    }
  }
}
