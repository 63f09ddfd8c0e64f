/**
 * Which sentence a surface says about what lies ahead, decided once from the reading: every
 * surface words the same case, so none can say "topped up" while another says "7 days left".
 */
import { MS_PER_DAY } from '../billing/instant';
import type { AccountReading } from './account-reading';

export type RunwayCase =
  /** Requests fail now: the credit is used up. */
  | { kind: 'failing'; since: number | null }
  /** Too little spend history to project from. */
  | { kind: 'unknown'; historyDays: number }
  /** Requests start to fail at `at` (about `days` from now). */
  | { kind: 'fails'; at: number; days: number }
  /** No failure within the horizon, auto-recharge buying as needed (`until`: the horizon's end). */
  | { kind: 'topped-up'; until: number }
  /** No failure within the horizon, the credit alone lasting. */
  | { kind: 'lasts'; until: number };

export function runwayCase(reading: AccountReading): RunwayCase {
  const { now } = reading;
  if (reading.quotaExhausted || (reading.failsAt !== null && reading.failsAt <= now)) {
    return { kind: 'failing', since: reading.exhaustedSince };
  }
  if (!reading.paceKnown) return { kind: 'unknown', historyDays: reading.historyDays };
  if (reading.failsAt !== null) return { kind: 'fails', at: reading.failsAt, days: reading.failsInDays! };
  const until = now + reading.horizonDays * MS_PER_DAY;
  return reading.nextRecharge !== null ? { kind: 'topped-up', until } : { kind: 'lasts', until };
}

export type RechargeCase =
  | { kind: 'off' }
  | { kind: 'unknown'; historyDays: number }
  /** The next recharge, `amount` bought at `at` (`at` may be now: due at the next check). */
  | { kind: 'expected'; at: number; amount: number }
  /** The monthly limit stops the next recharge at `at`, before any is bought. */
  | { kind: 'blocked'; at: number; month: string }
  /** None needed within the horizon. */
  | { kind: 'none'; until: number };

export function rechargeCase(reading: AccountReading): RechargeCase {
  const { now } = reading;
  if (!reading.autoRecharge) return { kind: 'off' };
  const { nextRecharge, rechargeBlocked } = reading;
  if (nextRecharge !== null && (rechargeBlocked === null || nextRecharge.at <= rechargeBlocked.at)) {
    // A recharge due now does not wait for the pace to be known.
    if (nextRecharge.at <= now || reading.paceKnown) return { kind: 'expected', ...nextRecharge };
  }
  if (rechargeBlocked !== null && (rechargeBlocked.at <= now || reading.paceKnown)) {
    return { kind: 'blocked', at: rechargeBlocked.at, month: rechargeBlocked.month };
  }
  if (!reading.paceKnown) return { kind: 'unknown', historyDays: reading.historyDays };
  return { kind: 'none', until: now + reading.horizonDays * MS_PER_DAY };
}
