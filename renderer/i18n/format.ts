/**
 * Money, dates and durations for the UI language (ux.md §3), on top of the alert copy's formatters
 * so a notification and a view never disagree. Amounts arrive as integer micro-dollars.
 */
import {
  formatCompactMoney,
  formatDate as formatUtcDate,
  formatDateTime,
  formatDays,
  formatDaysAhead,
  formatMoney,
  formatPercent,
  formatShare,
  formatTime,
} from '../../shared/alerts/alert-format';
import type { Language } from '../../shared/alerts/alert';

export type { Language };

export const LOCALE: Record<Language, string> = { en: 'en-US', nl: 'nl-NL' };
const MS_PER_DAY = 86_400_000;

/**
 * One formatter per language, built on first use: building an Intl formatter costs far more than
 * formatting, and a chart formats hundreds of ticks per render (ux.md §2: re-render within 100 ms).
 */
function perLanguage<T>(build: (locale: string) => T): (language: Language) => T {
  const built = new Map<Language, T>();
  return (language) => {
    let formatter = built.get(language);
    if (formatter === undefined) {
      formatter = build(LOCALE[language]);
      built.set(language, formatter);
    }
    return formatter;
  };
}

/** An Intl date formatter for UTC calendar days, one per language. */
function utcDayFormat(options: Intl.DateTimeFormatOptions): (language: Language) => Intl.DateTimeFormat {
  return perLanguage((locale) => new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }));
}

/** The instant a `YYYY-MM-DD` UTC day starts. */
function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** "$1,234.56" / "US$ 1.234,56"; a non-zero amount never shows as zero ("< $0.01"). */
export function money(micros: number, language: Language): string {
  return formatMoney(BigInt(micros), language);
}

/** Amounts below a cent with up to 4 decimals (chart tooltips, ux.md §2); others as `money`. */
export function preciseMoney(micros: number, language: Language): string {
  if (micros === 0 || Math.abs(micros) >= 10_000) return money(micros, language);
  return new Intl.NumberFormat(LOCALE[language], {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 4,
  }).format(micros / 1_000_000);
}

/** Axis ticks only: "$1.2K" / "US$ 1,2K", with the text's currency sign (never in accessible names). */
export function compactMoney(micros: number, language: Language): string {
  return formatCompactMoney(micros, language);
}

/** A UTC calendar day of an instant: "Oct 6, 2026" / "6 okt 2026". */
export function date(instant: number, language: Language): string {
  return formatUtcDate(instant, language);
}

/** A `YYYY-MM-DD` UTC day with its weekday: "Tue, Oct 6, 2026" / "di 6 okt 2026". */
export function dayWithWeekday(day: string, language: Language): string {
  return dayWithWeekdayFormat(language).format(dayStart(day));
}
const dayWithWeekdayFormat = utcDayFormat({
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** A short UTC day for axes: "Oct 6" / "6 okt". */
export function shortDay(day: string, language: Language): string {
  return shortDayFormat(language).format(dayStart(day));
}
const shortDayFormat = utcDayFormat({ day: 'numeric', month: 'short' });

/** The UTC calendar month of a `YYYY-MM-DD` day: "September 2026" / "september 2026". */
export function monthOf(day: string, language: Language): string {
  return monthFormat(language).format(dayStart(day));
}
const monthFormat = utcDayFormat({ month: 'long', year: 'numeric' });

/** Local time of day: "10:42 AM" / "10:42". */
export function time(instant: number, language: Language): string {
  return formatTime(instant, language);
}

/** Local date and time: "Oct 6, 2026, 10:42 AM". */
export function dateTime(instant: number, language: Language): string {
  return formatDateTime(instant, language);
}

/** "18 days" / "18 dagen". */
export function days(count: number, language: Language): string {
  return formatDays(count, language);
}

/** Whole UTC days from `now` to `instant`, as "in 18 days" / "over 18 dagen", "tomorrow" / "morgen". */
export function daysAhead(instant: number, now: number, language: Language): string {
  const ahead = Math.floor(instant / MS_PER_DAY) - Math.floor(now / MS_PER_DAY);
  return formatDaysAhead(ahead, language);
}

/** "12%" / "12%". */
export function percent(value: number, language: Language): string {
  return formatPercent(value, language);
}

/** A share of a whole (0.7 → "70%"), rounded down. */
export function share(fraction: number, language: Language): string {
  return formatShare(fraction, language);
}

/** A plain number: "1,234" / "1.234". */
export function count(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language]).format(value);
}

/** A span of `YYYY-MM-DD` UTC days: "Nov 21 – 27, 2026" / "21–27 nov 2026" (weekly bars). */
export function dayRange(from: string, to: string, language: Language): string {
  return dayRangeFormat(language).formatRange(dayStart(from), dayStart(to));
}
const dayRangeFormat = utcDayFormat({ day: 'numeric', month: 'short', year: 'numeric' });

/** "50%, 75%, 90%, and 100%" / "50%, 75%, 90% en 100%": already formatted items as a sentence's list. */
export function list(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(LOCALE[language], { type: 'conjunction' }).format(items);
}
