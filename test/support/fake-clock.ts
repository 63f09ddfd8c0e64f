/**
 * A fake `Clock` for tests: time moves only when the test says, and due timers run in order with
 * the promise chains they start settled in between, so a poller's whole loop runs in microseconds.
 */
import type { Clock, TimerHandle } from '../../electron/core/poller/clock';

interface FakeTimer {
  at: number;
  callback: () => void;
}

/** Lets every queued promise continuation run: setImmediate comes after the microtask queue drains. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class FakeClock implements Clock {
  private time: number;
  private nextId = 1;
  private readonly timers = new Map<number, FakeTimer>();

  constructor(start = Date.UTC(2026, 10, 27, 12, 0, 0)) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, delayMs: number): TimerHandle {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + Math.max(0, delayMs), callback });
    return id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers.delete(handle as number);
  }

  /** The delays of the timers now set, from now, soonest first. */
  pendingDelays(): number[] {
    return [...this.timers.values()].map((timer) => timer.at - this.time).sort((a, b) => a - b);
  }

  /** Moves time forward by `ms`, running each timer that falls due at its own instant. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()]
        .filter(([, timer]) => timer.at <= end)
        .sort(([idA, a], [idB, b]) => a.at - b.at || idA - idB)[0];
      if (due === undefined) break;
      const [id, timer] = due;
      this.timers.delete(id);
      this.time = timer.at;
      timer.callback();
      await settle();
    }
    this.time = end;
    await settle();
  }

  /** Runs the next timer, whenever it is due; returns the delay it had, or null when none is set. */
  async runNext(): Promise<number | null> {
    const [next] = this.pendingDelays();
    if (next === undefined) return null;
    await this.advance(next);
    return next;
  }
}
