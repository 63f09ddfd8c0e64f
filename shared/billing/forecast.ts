/**
 * The forecast at `now` (spec §9): burn rate, runway, depletion, forfeit risk, expiring soon.
 * Rates stay exact rationals (micro-dollars per window) until a figure is written.
 */
import { remainingOf, type CreditGrant } from './credit-grant';
import { MS_PER_DAY, startOfUtcDay, type Instant } from './instant';
import { divideRounded, type Micros } from './money';
import type { Forecast, ForecastSettings, ForfeitRisk } from './types';

/** The forecast's fields that come from the projection (projection.ts). */
export type Projected = 'nextAutoRechargeAt' | 'failsAt' | 'projectionStart' | 'projection';

/** The half-open window of usage that makes the burn rate: the `windowDays` whole UTC days before `now`'s. */
export function burnWindow(now: Instant, settings: ForecastSettings): { start: Instant; end: Instant } {
  const end = startOfUtcDay(now);
  return { start: end - settings.windowDays * MS_PER_DAY, end };
}

export function forecast(
  now: Instant,
  settings: ForecastSettings,
  windowUsage: Micros,
  available: Micros,
  active: readonly CreditGrant[],
): Omit<Forecast, Projected> {
  const windowDays = BigInt(settings.windowDays);
  const hasRate = windowUsage > 0n;
  return {
    burnRatePerDay: divideRounded(windowUsage, windowDays),
    runwayDays: hasRate ? Number(available * windowDays) / Number(windowUsage) : null,
    depletionAt: hasRate ? BigInt(now) + (available * windowDays * BigInt(MS_PER_DAY)) / windowUsage : null,
    forfeitRisk: forfeitRisk(now, windowUsage, windowDays * BigInt(MS_PER_DAY), active),
    expiringSoon: active
      .filter((grant) => grant.expiresAt <= now + settings.expiryWarningDays * MS_PER_DAY)
      .map((grant) => ({ id: grant.id, expiresAt: grant.expiresAt, remaining: remainingOf(grant) })),
  };
}

/**
 * Usage goes on at `windowUsage / windowMs` micro-dollars per ms, drawn from the active grants one
 * at a time. Time since `now` is held in units of 1/windowUsage ms, so every step stays an integer.
 */
function forfeitRisk(
  now: Instant,
  windowUsage: Micros,
  windowMs: bigint,
  active: readonly CreditGrant[],
): ForfeitRisk[] {
  const risks: ForfeitRisk[] = [];
  let elapsed = 0n;
  for (const grant of active) {
    const remaining = remainingOf(grant);
    let forfeit = remaining;
    if (windowUsage > 0n) {
      const untilExpiry = BigInt(Math.ceil(grant.expiresAt - now)) * windowUsage;
      const drain = remaining * windowMs;
      if (elapsed + drain <= untilExpiry) {
        elapsed += drain;
        forfeit = 0n;
      } else if (elapsed < untilExpiry) {
        forfeit = divideRounded(drain - (untilExpiry - elapsed), windowMs);
        elapsed = untilExpiry;
      }
    }
    if (forfeit > 0n) risks.push({ id: grant.id, expiresAt: grant.expiresAt, amount: forfeit });
  }
  return risks;
}
