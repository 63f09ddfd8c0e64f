/**
 * A minimal replay of the balance for scenario planning: purchases add, usage subtracts, and
 * `add`-mode auto-recharge with a monthly limit buys after a usage that leaves the balance below
 * the threshold. It mirrors spec §5/§7 only as far as planned histories need (no expiry inside
 * the history, no credit delay); the engine stays the judge — the tests check every planned
 * history with `evaluate`, and the planners check their own promises here.
 * The engine offers no balance after each event, which planning needs to place purchases.
 */
import { utcMonthOf } from '../../../shared/billing/instant';
import type { UsageRecord } from './usage-record';

export interface PlannedCredit {
  at: number;
  micros: number;
}

export interface AutoRule {
  thresholdMicros: number;
  amountMicros: number;
  monthlyLimitMicros: number;
}

export interface ReplayHooks {
  /**
   * After a usage that auto-recharge did not cover: the balance is below the threshold and the
   * monthly limit stopped the purchase. May return a purchase to schedule.
   */
  blocked?: (record: UsageRecord, balance: number) => PlannedCredit | null;
  /** After each usage and its auto-recharge, with the balance then. */
  after?: (record: UsageRecord, balance: number) => void;
}

export interface ReplayEnd {
  balance: number;
  /** Auto-recharge bought per UTC month (`YYYY-MM`). */
  autoByMonth: Map<string, number>;
  /** Credits the hooks scheduled, in the order they were made. */
  scheduled: PlannedCredit[];
}

/**
 * Replays `records` (sorted) up to `until` (exclusive) with `credits` (sorted); a credit at the
 * same instant as a usage comes first, as the simulator hands them to the engine.
 */
export function replay(
  records: readonly UsageRecord[],
  credits: readonly PlannedCredit[],
  auto: AutoRule,
  until: number,
  hooks: ReplayHooks = {},
): ReplayEnd {
  const queue = [...credits];
  const scheduled: PlannedCredit[] = [];
  const autoByMonth = new Map<string, number>();
  let balance = 0;
  const creditUpTo = (t: number): void => {
    queue.sort((a, b) => a.at - b.at);
    while (queue.length > 0 && queue[0]!.at <= t) balance += queue.shift()!.micros;
  };
  for (const record of records) {
    if (record.at >= until) break;
    creditUpTo(record.at);
    balance -= record.micros;
    if (balance < auto.thresholdMicros) {
      const month = utcMonthOf(record.at).key;
      const bought = autoByMonth.get(month) ?? 0;
      if (bought + auto.amountMicros <= auto.monthlyLimitMicros) {
        autoByMonth.set(month, bought + auto.amountMicros);
        balance += auto.amountMicros;
      } else {
        const credit = hooks.blocked?.(record, balance) ?? null;
        if (credit !== null) {
          queue.push(credit);
          scheduled.push(credit);
        }
      }
    }
    hooks.after?.(record, balance);
  }
  creditUpTo(until - 1);
  return { balance, autoByMonth, scheduled };
}
