/**
 * The simulated clock: `startAt + real elapsed × speed + advanced`. Real time comes from a
 * monotonic source, so a wall-clock jump (NTP, sleep) never moves simulated time backwards —
 * usage is generated in time order and would break if it did.
 */
export class SimClock {
  private readonly realStart: number;
  private advanced = 0;

  constructor(
    private readonly startAt: number,
    private readonly speed: number,
    private readonly realNow: () => number = () => performance.now(),
  ) {
    this.realStart = realNow();
  }

  /** Simulated UTC ms, whole (the engine's instants are milliseconds). */
  now(): number {
    return Math.floor(this.startAt + (this.realNow() - this.realStart) * this.speed + this.advanced);
  }

  /** Moves simulated time forward; never back. */
  advance(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError('the clock only moves forward');
    this.advanced += ms;
  }
}
