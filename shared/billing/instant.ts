/**
 * Instants in the core: milliseconds since 1970-01-01T00:00:00Z as a `number`, with our own
 * proleptic-Gregorian calendar arithmetic (spec §1). `Date.UTC` maps years 0–99 to the 1900s and
 * stops at year 275760, so it is not used.
 */
export type Instant = number;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

/** Where a computed instant (an expiry or a delay far in the future) stops growing, so it stays finite. */
const FAR_FUTURE: Instant = Number.MAX_VALUE;

const INSTANT =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?(Z|([+-])([0-9]{2}):([0-9]{2}))$/;

const FIRST_READABLE = daysFromCivil(1, 1, 1) * MS_PER_DAY;
const LAST_READABLE = daysFromCivil(10000, 1, 1) * MS_PER_DAY - 1;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic-Gregorian date (H. Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

interface CivilDate {
  year: bigint;
  month: number;
  day: number;
}

/** The date of a day count; in `bigint` so that any far-future instant is written exactly. */
function civilFromDays(days: bigint): CivilDate {
  const z = days + 719468n;
  const era = (z >= 0n ? z : z - 146096n) / 146097n;
  const dayOfEra = Number(z - era * 146097n);
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: BigInt(yearOfEra) + era * 400n + (month <= 2 ? 1n : 0n), month, day };
}

/**
 * Reads `YYYY-MM-DDTHH:MM[:SS[.fraction]]` + `Z` or `±HH:MM`: a real calendar date whose UTC year is
 * 0001–9999, held to the millisecond (fraction digits past the third are dropped).
 */
export function parseInstant(value: unknown): Instant | undefined {
  if (typeof value !== 'string') return undefined;
  const m = INSTANT.exec(value);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millis = m[7] === undefined ? 0 : Number((m[7] + '00').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offsetMinutes = 0;
  if (m[9] !== undefined) {
    const offsetHours = Number(m[10]);
    const offsetMins = Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
  }
  const instant =
    daysFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    millis;
  return instant >= FIRST_READABLE && instant <= LAST_READABLE ? instant : undefined;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `YYYY-MM-DDTHH:MM:SS[.sss]Z`; a year after 9999 is written extended (`+010000-…`). */
export function formatInstant(instant: Instant | bigint): string {
  const ms = typeof instant === 'bigint' ? instant : BigInt(Math.floor(instant));
  const msPerDay = BigInt(MS_PER_DAY);
  let days = ms / msPerDay;
  let msOfDay = ms % msPerDay;
  if (msOfDay < 0n) {
    msOfDay += msPerDay;
    days -= 1n;
  }
  const { year, month, day } = civilFromDays(days);
  const time = Number(msOfDay);
  const millis = time % 1000;
  const seconds = Math.floor(time / 1000);
  const yearText = year > 9999n ? `+${year.toString().padStart(6, '0')}` : year.toString().padStart(4, '0');
  return (
    `${yearText}-${pad(month, 2)}-${pad(day, 2)}T${pad(Math.floor(seconds / 3600), 2)}:` +
    `${pad(Math.floor(seconds / 60) % 60, 2)}:${pad(seconds % 60, 2)}` +
    `${millis === 0 ? '' : `.${pad(millis, 3)}`}Z`
  );
}

/** `instant + delta`, kept finite for any delta. */
export function addMs(instant: Instant, delta: number): Instant {
  return Math.min(instant + delta, FAR_FUTURE);
}

/** The same time of day `months` calendar months later, the day clamped to the target month's last day. */
export function addCalendarMonths(instant: Instant, months: number): Instant {
  const days = Math.floor(instant / MS_PER_DAY);
  const msOfDay = instant - days * MS_PER_DAY;
  const { year, month, day } = civilFromDays(BigInt(days));
  const monthIndex = Number(year) * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  const result = daysFromCivil(targetYear, targetMonth, targetDay) * MS_PER_DAY + msOfDay;
  return Number.isFinite(result) ? Math.min(result, FAR_FUTURE) : FAR_FUTURE;
}

/** 00:00 UTC of the instant's day. */
export function startOfUtcDay(instant: Instant): Instant {
  return Math.floor(instant / MS_PER_DAY) * MS_PER_DAY;
}

/** The UTC month of an instant as `YYYY-MM`, with the bounds of that month. */
export interface UtcMonth {
  key: string;
  start: Instant;
  end: Instant;
}

export function utcMonthOf(instant: Instant): UtcMonth {
  const { year, month } = civilFromDays(BigInt(Math.floor(instant / MS_PER_DAY)));
  const y = Number(year);
  const nextYear = month === 12 ? y + 1 : y;
  const nextMonth = month === 12 ? 1 : month + 1;
  return {
    key: `${year.toString().padStart(4, '0')}-${pad(month, 2)}`,
    start: daysFromCivil(y, month, 1) * MS_PER_DAY,
    end: daysFromCivil(nextYear, nextMonth, 1) * MS_PER_DAY,
  };
}
