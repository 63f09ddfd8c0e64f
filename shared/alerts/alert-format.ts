/**
 * Numbers, dates and durations in alert copy, always through Intl with the UI language (ux.md §3):
 * en → en-US, nl → nl-NL; amounts stay in USD ("US$" in Dutch so nobody reads euro).
 */
import type { Instant } from '../billing/instant';
import type { Micros } from '../billing/money';
import type { Language } from './alert';

const LOCALE: Record<Language, string> = { en: 'en-US', nl: 'nl-NL' };
const CENT = 10_000n;

/** Micro-dollars as exact decimal text, so Intl rounds the true amount and not a double's. */
function decimal(micros: Micros): `${number}` {
  const sign = micros < 0n ? '-' : '';
  const magnitude = micros < 0n ? -micros : micros;
  const fraction = (magnitude % 1_000_000n).toString().padStart(6, '0');
  return `${sign}${magnitude / 1_000_000n}.${fraction}` as `${number}`;
}

/** One formatter per language, made on first use: building one costs far more than formatting. */
const moneyFormats: Partial<Record<Language, Intl.NumberFormat>> = {};

function moneyFormat(language: Language): Intl.NumberFormat {
  return (moneyFormats[language] ??= new Intl.NumberFormat(LOCALE[language], {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    roundingMode: 'halfExpand',
  } as Intl.NumberFormatOptions));
}

/** "$4.20", "-$1.37"; nl "US$ 4,20", "US$ -1,37". A non-zero amount never shows as zero: "< $0.01". */
export function formatMoney(micros: Micros, language: Language): string {
  const format = moneyFormat(language);
  const magnitude = micros < 0n ? -micros : micros;
  if (magnitude > 0n && magnitude * 2n < CENT) {
    return `< ${format.format(decimal(micros < 0n ? -CENT : CENT))}`;
  }
  return format.format(decimal(micros));
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
