/**
 * Human output: money and dates through Intl in the settings' language (en → en-US, nl → nl-NL, as
 * the alerts and the app do), labels in aligned columns.
 */
import type { Language } from '../../shared/alerts/alert';
import { formatDate, formatExactMoney, formatMoney } from '../../shared/alerts/alert-format';

export { formatDate, formatExactMoney, formatMoney };

const LOCALE: Record<Language, string> = { en: 'en-US', nl: 'nl-NL' };

/** A moment in the machine's own time zone, with the zone: "Nov 27, 2026, 10:41 AM UTC". */
export function formatMoment(ms: number, language: Language): string {
  // dateStyle cannot be combined with timeZoneName, so the parts are spelled out.
  return new Intl.DateTimeFormat(LOCALE[language], {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(ms);
}

/** A UTC month `YYYY-MM` by name: "December 2026" / "december 2026". */
export function formatMonth(month: string, language: Language): string {
  const [year, monthNumber] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(LOCALE[language], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(Date.UTC(year!, monthNumber! - 1, 1));
}

/** A count of days with one decimal at most: "11.4". */
export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALE[language], { maximumFractionDigits: 1 }).format(value);
}

/** `label   value` rows, the values in one column. */
export function table(rows: readonly (readonly [string, string])[], indent = '  '): string {
  const width = Math.max(0, ...rows.map(([label]) => label.length)) + 3;
  return rows.map(([label, value]) => `${indent}${label.padEnd(width)}${value}\n`).join('');
}
