/**
 * All usage of the simulated account: generated traffic, extended lazily hour by hour as the
 * simulated clock moves, and the calls made through `/v1/chat/completions`. Generated hours are
 * kept, so a request never regenerates 90 days; engine events are made once per record.
 */
import { MS_PER_HOUR } from './traffic';
import { lowerBound, toUsageEvent, type UsageEvent, type UsageRecord } from './usage-record';

export interface GeneratedUsage {
  /** An hour's records, sorted by `at`, all within `[hourStart, hourStart + 1h)`. */
  hour: (hourStart: number) => UsageRecord[];
  /** Hours before this one have nothing (or are in `initial`). */
  from: number;
  /** Hours from this one on have nothing; `null`: traffic goes on forever. */
  until: number | null;
}

/** The usage that has happened up to an instant, in time order. */
class RecordList {
  readonly records: UsageRecord[] = [];
  private readonly events: (UsageEvent | undefined)[] = [];

  push(records: readonly UsageRecord[]): void {
    for (const record of records) {
      const last = this.records[this.records.length - 1];
      if (last !== undefined && record.at < last.at) throw new Error('usage records out of time order');
      this.records.push(record);
    }
  }

  /** Engine events of the records with `at <= t`. */
  eventsThrough(t: number): UsageEvent[] {
    const end = lowerBound(this.records, t + 1);
    const events: UsageEvent[] = new Array<UsageEvent>(end);
    for (let i = 0; i < end; i++) events[i] = this.events[i] ??= toUsageEvent(this.records[i]!);
    return events;
  }
}

export class UsageLog {
  private readonly generated = new RecordList();
  private readonly calls = new RecordList();
  /** Hours before this boundary have been generated. */
  private generatedUntil: number;
  /** Changes whenever usage is added by hand (not by generation: that follows the clock). */
  version = 0;

  /**
   * `initial`: records already generated (a scenario's history), covering the hours before
   * `initialUntil`; they are taken as they are, sorted by `at`.
   */
  constructor(
    private readonly traffic: GeneratedUsage,
    initial: readonly UsageRecord[] = [],
    initialUntil = traffic.from,
  ) {
    this.generated.push(initial);
    this.generatedUntil = Math.max(initialUntil, traffic.from);
  }

  /** Generates every hour that has begun by `t` (the whole hour: records after `t` stay hidden). */
  ensureThrough(t: number): void {
    const lastHour = Math.floor(t / MS_PER_HOUR) * MS_PER_HOUR;
    const stop =
      this.traffic.until === null ? lastHour : Math.min(lastHour, this.traffic.until - MS_PER_HOUR);
    while (this.generatedUntil <= stop) {
      this.generated.push(this.traffic.hour(this.generatedUntil));
      this.generatedUntil += MS_PER_HOUR;
    }
  }

  /** Records a call made at `records[i].at` (never before an earlier call). */
  addCall(records: readonly UsageRecord[]): void {
    this.calls.push(records);
    this.version++;
  }

  /** Calls `visit` for each record with `from <= at < to`, generating what is needed first. */
  forEachBetween(from: number, to: number, visit: (record: UsageRecord) => void): void {
    if (to <= from) return;
    this.ensureThrough(to - 1);
    for (const list of [this.generated, this.calls]) {
      const records = list.records;
      for (let i = lowerBound(records, from); i < records.length && records[i]!.at < to; i++) {
        visit(records[i]!);
      }
    }
  }

  /**
   * Engine events of all usage up to and including `t`: generated traffic, then calls. Not merged:
   * the engine orders events by instant itself, keeping input order on a tie.
   */
  eventsThrough(t: number): UsageEvent[] {
    this.ensureThrough(t);
    return [...this.generated.eventsThrough(t), ...this.calls.eventsThrough(t)];
  }

  /**
   * The first instant after `t` at which usage happens, looking at most `horizon` ms ahead
   * (`null`: none that soon). Cached account states stay valid until then.
   */
  nextAfter(t: number, horizon: number): number | null {
    this.ensureThrough(t + horizon);
    let next: number | null = null;
    for (const list of [this.generated, this.calls]) {
      const record = list.records[lowerBound(list.records, t + 1)];
      if (record !== undefined && record.at <= t + horizon && (next === null || record.at < next)) {
        next = record.at;
      }
    }
    return next;
  }
}
