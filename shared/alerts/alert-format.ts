/**
 * Numbers, dates and durations in alert copy, always through Intl with the UI language (ux.md §3):
 * en → en-US, nl → nl-NL; amounts stay in USD ("US$" in Dutch so nobody reads euro).
 */
import type { Instant } from '../billing/instant';
import type { Micros } from '../billing/money';
import type { Language } from './alert';

const LOCALE: Record<Language, string> = { en: 'en-US', nl: 'nl-NL' };
const CENT = 10_000n;
const WHOLE_DOLLARS_FROM = 10_000_000n;

/** Micro-dollars as exact decimal text, so Intl rounds the true amount and not a double's. */
function decimal(micros: Micros): `${number}` {
  const sign = micros < 0n ? '-' : '';
  const magnitude = micros < 0n ? -micros : micros;
  const fraction = (magnitude % 1_000_000n).toString().padStart(6, '0');
  return `${sign}${magnitude / 1_000_000n}.${fraction}` as `${number}`;
}

/**
 * One number formatter per language for these options, made on first use: building one costs far
 * more than formatting.
 */
function numberFormats(options: Intl.NumberFormatOptions): (language: Language) => Intl.NumberFormat {
  const made: Partial<Record<Language, Intl.NumberFormat>> = {};
  return (language) => (made[language] ??= new Intl.NumberFormat(LOCALE[language], options));
}

/** Every amount's currency sign: "$" in English, "US$" in Dutch, on text and chart ticks alike. */
const USD = { style: 'currency', currency: 'USD' } as const;
const CENTS = {
  ...USD,
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  roundingMode: 'halfExpand',
} as Intl.NumberFormatOptions;
const moneyFormat = numberFormats(CENTS);
const narrowCentsFormat = numberFormats({ ...CENTS, currencyDisplay: 'narrowSymbol' });
// Rounded down: a balance in whole dollars never reads as more than there is.
const narrowWholeFormat = numberFormats({
  ...CENTS,
  currencyDisplay: 'narrowSymbol',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
  roundingMode: 'floor',
} as Intl.NumberFormatOptions);

/** Money with cents; a non-zero amount never shows as zero: "< $0.01". */
function centsText(micros: Micros, format: Intl.NumberFormat): string {
  const magnitude = micros < 0n ? -micros : micros;
  if (magnitude > 0n && magnitude * 2n < CENT) {
    return `< ${format.format(decimal(micros < 0n ? -CENT : CENT))}`;
  }
  return format.format(decimal(micros));
}

/** "$4.20", "-$1.37"; nl "US$ 4,20", "US$ -1,37". A non-zero amount never shows as zero: "< $0.01". */
export function formatMoney(micros: Micros, language: Language): string {
  return centsText(micros, moneyFormat(language));
}

const compactFormat = numberFormats({ ...USD, notation: 'compact', maximumFractionDigits: 1 });

/** Chart ticks, from micro-dollars: "$1.2K" / "US$ 1,2K", the sign `formatMoney` uses. */
export function formatCompactMoney(micros: number, language: Language): string {
  return compactFormat(language).format(micros / 1_000_000);
}

// Up to the micro-dollar: every digit an amount can carry.
const exactFormat = numberFormats({ ...CENTS, maximumFractionDigits: 6 });

/**
 * An amount as recorded — what someone entered or the provider reported — with every significant
 * digit down to the micro-dollar and at least cents: "$20.001", "$20.00"; nl "US$ 20,001". Computed
 * figures (balance, spend) go through `formatMoney`: estimates, to the cent.
 */
export function formatExactMoney(micros: Micros, language: Language): string {
  return exactFormat(language).format(decimal(micros));
}

/**
 * The tray title's balance (ux.md §1 Tray, §3): the narrow "$", whole dollars (rounded down) from
 * $10 and cents below: "$42", "$4.20", "-$13"; nl "$ 42", "$ 4,20", "$ -13".
 */
export function formatShortMoney(micros: Micros, language: Language): string {
  const magnitude = micros < 0n ? -micros : micros;
  if (magnitude >= WHOLE_DOLLARS_FROM) return narrowWholeFormat(language).format(decimal(micros));
  return centsText(micros, narrowCentsFormat(language));
}

/** A calendar date of a UTC instant: "Mar 1, 2027" / "1 mrt 2027". Expiries and months are UTC days. */
export function formatDate(instant: Instant, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'medium', timeZone: 'UTC' }).format(instant);
}

/** "3 days" / "3 dagen", "1 day" / "1 dag": plural rules through Intl, never built by hand. */
export function formatDays(days: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language], {
    style: 'unit',
    unit: 'day',
    unitDisplay: 'long',
    maximumFractionDigits: 0,
  }).format(days);
}

/** A runway in whole days: "about 18 days" / "ongeveer 18 dagen"; under one day "less than a day". */
export function formatRunwayDays(runwayDays: number, language: Language): string {
  if (runwayDays < 1) return language === 'en' ? 'less than a day' : 'minder dan een dag';
  const days = formatDays(Math.floor(runwayDays), language);
  return language === 'en' ? `about ${days}` : `ongeveer ${days}`;
}

/** "2 hours" / "2 uur". */
export function formatHours(hours: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language], {
    style: 'unit',
    unit: 'hour',
    unitDisplay: 'long',
    maximumFractionDigits: 0,
  }).format(hours);
}

/** "in 7 days", "tomorrow", "today" / "over 7 dagen", "morgen", "vandaag". */
export function formatDaysAhead(days: number, language: Language): string {
  return new Intl.RelativeTimeFormat(LOCALE[language], { numeric: 'auto' }).format(days, 'day');
}

/** "90%" / "90%". */
export function formatPercent(percent: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language], { style: 'percent' }).format(percent / 100);
}

/**
 * A share of a whole as a percentage rounded down ("89%" for 89.9 %), so a figure never shows a
 * threshold it has not reached; the tolerance keeps 0.29 (28.999… × 100 in binary) at "29%".
 */
export function formatShare(fraction: number, language: Language): string {
  return formatPercent(Math.floor(fraction * 100 + 1e-9), language);
}

// Times of day are local (ux.md §3); made per call, so a change of the system's time zone shows.

/** Local time of day: "10:42 AM" / "10:42". */
export function formatTime(instant: Instant, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], { timeStyle: 'short' }).format(instant);
}

/** Local date and time: "Nov 27, 2026, 10:42 AM" / "27 nov 2026, 10:42". */
export function formatDateTime(instant: Instant, language: Language): string {
  return new Intl.DateTimeFormat(LOCALE[language], { dateStyle: 'medium', timeStyle: 'short' }).format(
    instant,
  );
}
