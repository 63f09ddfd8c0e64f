/**
 * Reads an amount the user typed into the USD text the bridge takes ("12.50"): accepts "$" / "US$",
 * spaces, a decimal comma, and thousands grouped the UI language's way ("1,234.50" / "1.234,50").
 */
import type { Language } from './format';

const GROUPED: Record<Language, RegExp> = {
  en: /^\d{1,3}(,\d{3})+(\.\d+)?$/,
  nl: /^\d{1,3}(\.\d{3})+(,\d+)?$/,
};
const GROUP_SEPARATOR: Record<Language, string> = { en: ',', nl: '.' };
/** The shape of shared/storage/usd-text.ts: below 10^9, at most 6 decimals. */
const USD_TEXT = /^\d{1,9}(\.\d{1,6})?$/;

/** The amount as USD text, or null when it is not one; `signed` also accepts a minus ("-1,37", "-$1.37"). */
export function readUsdInput(
  typed: string,
  language: Language,
  options: { signed?: boolean } = {},
): string | null {
  const compact = typed.replace(/\s/g, '');
  const match = /^(-?)(?:US\$|\$)?(-?)(.*)$/i.exec(compact);
  if (match === null) return null;
  const [, before = '', after = '', rest = ''] = match;
  const negative = before !== '' || after !== '';
  if (before !== '' && after !== '') return null;
  if (negative && !options.signed) return null;
  const digits = GROUPED[language].test(rest) ? rest.split(GROUP_SEPARATOR[language]).join('') : rest;
  const text = digits.replace(',', '.');
  if (!USD_TEXT.test(text)) return null;
  return negative ? `-${text}` : text;
}

/** USD text ("-12.5") as integer micro-dollars, exactly, for the formatters. */
export function microsOfUsdText(text: string): number {
  const negative = text.startsWith('-');
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  const micros = Number(whole) * 1_000_000 + Number(fraction.padEnd(6, '0'));
  return negative ? -micros : micros;
}

/** Stored USD text ("12.5") as the user would type it in the UI language ("12,5" in Dutch). */
export function usdInputText(text: string, language: Language): string {
  return language === 'nl' ? text.replace('.', ',') : text;
}
