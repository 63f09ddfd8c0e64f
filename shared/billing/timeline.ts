/**
 * The engine's balance over time, for charts: sampled during the one pass that also makes the state
 * at `now`, instead of one evaluation per sample (a year of daily points costs about one evaluation).
 */
import type { Instant } from './instant';
import type { Ledger } from './ledger';
import type { Micros } from './money';
import { replay } from './replay';
import type { BillingSettings } from './types';

/**
 * The balance (available − debt) at each of `samples` (ascending, none after `now`): the state after
 * every event at or before the sample and every change of effectiveness or expiry up to it.
 */
export function balanceAt(
  settings: BillingSettings,
  events: readonly unknown[],
  samples: readonly Instant[],
): Micros[] {
  samples.forEach((sample, i) => {
    // A sample out of order or after `now` would silently get a later balance: refuse it instead.
    if (sample > settings.now || (i > 0 && sample < samples[i - 1]!)) {
      throw new RangeError('balanceAt: samples must be ascending and not after now');
    }
  });
  const balances: Micros[] = [];
  const take = (ledger: Ledger): void => {
    balances.push(ledger.available - ledger.debt);
  };
  const { ledger } = replay(settings, events, (t, running) => {
    // Events at exactly a sample's instant belong to it: only samples before `t` are taken now.
    while (balances.length < samples.length && samples[balances.length]! < t) {
      running.advanceTo(samples[balances.length]!);
      take(running);
    }
  });
  // The samples left are at `now`, where the replay ended.
  while (balances.length < samples.length) take(ledger);
  return balances;
}
