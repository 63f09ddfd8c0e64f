/**
 * UTC calendar days as `YYYY-MM-DD` text, the unit OpenAI's 1d buckets and Saldo's stored days
 * share. Built on the engine's own calendar arithmetic (shared/billing/instant.ts).
 */
import { daysFromCivil, formatInstant, MS_PER_DAY } from '../../shared/billing/instant';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day count since 1970-01-01 of a `YYYY-MM-DD` that names a real date, else undefined. */
function dayNumber(day: string): number | undefined {
  const match = DAY.exec(day);
  if (match === null) return undefined;
  const days = daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
  // 2026-02-30 would silently become 2026-03-02: only a date that reads back the same is real.
  return formatInstant(days * MS_PER_DAY).startsWith(day) ? days : undefined;
}

export function isUtcDay(day: string): boolean {
  return dayNumber(day) !== undefined;
}

/** The UTC day an instant (ms since the epoch, year 0001–9999) falls on. */
export function utcDayOf(instant: number): string {
  return formatInstant(Math.floor(instant / MS_PER_DAY) * MS_PER_DAY).slice(0, 10);
}

/** 00:00 UTC of a day, in ms since the epoch; throws on a malformed day (a caller's bug). */
export function utcDayStart(day: string): number {
  const days = dayNumber(day);
  if (days === undefined) throw new RangeError(`not a UTC day YYYY-MM-DD: ${JSON.stringify(day)}`);
  return days * MS_PER_DAY;
}

export function addUtcDays(day: string, days: number): string {
  return utcDayOf(utcDayStart(day) + days * MS_PER_DAY);
}
