/**
 * The reading for scripts (`status --json`, the JSON export): amounts as exact USD numbers, instants
 * as UTC text, the same figures the screens show.
 */
import { LosslessNumber } from 'lossless-json';
import { formatInstant } from '../billing/instant';
import { microsToDecimalText } from '../billing/money';
import type { AccountReading } from './account-reading';

const usd = (micros: number): LosslessNumber => new LosslessNumber(microsToDecimalText(BigInt(micros)));
const iso = (instant: number | null): string | null => (instant === null ? null : formatInstant(instant));
const amountAt = (value: { at: number; amount: number } | null) =>
  value === null ? null : { at: iso(value.at), amount: usd(value.amount) };

export function readingToJson(reading: AccountReading): Record<string, unknown> {
  const { lastCalibration, creditOnly, rechargeBlocked, nextExpiry } = reading;
  return {
    now: iso(reading.now),
    balance: usd(reading.balance),
    available: usd(reading.available),
    pending: usd(reading.pending),
    debt: usd(reading.debt),
    quotaExhausted: reading.quotaExhausted,
    exhaustedSince: iso(reading.exhaustedSince),
    lastCalibration:
      lastCalibration === null
        ? null
        : {
            at: iso(lastCalibration.at),
            observed: usd(lastCalibration.observed),
            drift: usd(lastCalibration.drift),
            by: lastCalibration.by,
          },
    burnRatePerDay: usd(reading.burnRatePerDay),
    historyDays: reading.historyDays,
    paceKnown: reading.paceKnown,
    failsAt: iso(reading.failsAt),
    failsInDays: reading.failsInDays,
    horizonDays: reading.horizonDays,
    creditOnly: creditOnly === null ? null : { days: creditOnly.days, until: iso(creditOnly.until) },
    autoRecharge: reading.autoRecharge,
    nextRecharge: amountAt(reading.nextRecharge),
    rechargeBlocked:
      rechargeBlocked === null ? null : { ...amountAt(rechargeBlocked), month: rechargeBlocked.month },
    nextExpiry: nextExpiry === null ? null : { ...amountAt(nextExpiry), unused: usd(nextExpiry.unused) },
    month: { key: reading.month.key, spent: usd(reading.month.spent) },
    spendLimit:
      reading.spendLimit === null
        ? null
        : {
            limit: usd(reading.spendLimit.limit),
            spentThisMonth: usd(reading.spendLimit.spentThisMonth),
            fraction: reading.spendLimit.fraction,
          },
  };
}
