/**
 * One pass of the engine over a case's events (spec §5), up to `now`. `evaluate` and the balance
 * timeline both run it, so a sampled balance follows exactly the rules of the state at `now`.
 */
import { EventKind, readEvents } from './event-table';
import { burnWindow } from './forecast';
import type { Instant } from './instant';
import { Ledger } from './ledger';
import type { Micros } from './money';
import type { BillingSettings, Rejection } from './types';

/**
 * Looks at the ledger before time is brought forward to `t` (before each accepted event, and before
 * `now`); it may bring time forward itself, up to any instant before `t`.
 */
export type BeforeInstant = (t: Instant, ledger: Ledger) => void;

/** The ledger at `now` and what the pass noted on the way. */
export interface Replay {
  ledger: Ledger;
  /** Sorted by index (spec §4). */
  rejected: Rejection[];
  firstAcceptedAt: Instant | null;
  /** Usage in the burn-rate window (spec §9). */
  windowUsage: Micros;
}

/** Applies `events` (JSON-shaped, each checked and possibly rejected) under `settings`, up to `now`. */
export function replay(
  settings: BillingSettings,
  events: readonly unknown[],
  onBefore?: BeforeInstant,
): Replay {
  const { order, kinds, at, amounts, credits, rejected } = readEvents(events, settings);
  const ledger = new Ledger(settings);
  const window = burnWindow(settings.now, settings.forecast);
  const ids = new Set<string>();
  let windowUsage = 0n;
  let firstAcceptedAt: number | null = null;
  for (const index of order) {
    const t = at[index]!;
    const credit = credits.get(index);
    if (credit !== undefined) {
      if (ids.has(credit.id)) {
        rejected.push({ index, reason: 'duplicate-id' });
        continue;
      }
      ids.add(credit.id);
    }
    firstAcceptedAt ??= t;
    onBefore?.(t, ledger);
    ledger.advanceTo(t);
    if (credit?.kind === 'purchase') {
      ledger.purchase(credit.id, t, credit.amount, credit.source);
    } else if (credit?.kind === 'grant') {
      ledger.grant(credit.id, t, credit.amount, credit.expiresAt);
    } else if (kinds[index] === EventKind.Usage) {
      const amount = amounts[index]!;
      ledger.usage(t, amount);
      if (t >= window.start && t < window.end) windowUsage += amount;
    } else {
      ledger.calibrate(t, amounts[index]!);
    }
  }
  onBefore?.(settings.now, ledger);
  ledger.advanceTo(settings.now);
  rejected.sort((a, b) => a.index - b.index);
  return { ledger, rejected, firstAcceptedAt, windowUsage };
}
