/** One CSV cell: RFC 4180 quoting, and a guard against spreadsheet formula injection. */

/** A cell: text (ids, names, dates) is guarded; an amount is written as it is, so it stays a number. */
export type Cell = { text: string } | { amount: string } | null;

/** Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
/** What `microsToDecimalText` writes; anything else claiming to be an amount is treated as text. */
const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;

/**
 * The cell as CSV text. A text cell that a spreadsheet would evaluate gets a leading apostrophe, so
 * it is taken as text (some applications show the apostrophe, none run the formula). Amounts are
 * never guarded: "-1.5" must import as a negative number, and plain decimals cannot hold a formula.
 */
export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  const raw = 'amount' in cell ? cell.amount : cell.text;
  const guarded = 'amount' in cell && DECIMAL.test(raw) ? raw : guard(raw);
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

function guard(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
