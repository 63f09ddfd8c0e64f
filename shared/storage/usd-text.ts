/**
 * Money in the store files: USD as decimal strings ("12.50"), exact to the micro-dollar — the text
 * the billing engine reads exactly (shared/billing/money.ts) and a person can read in the file.
 * Synced daily costs stay integer micro-dollars, as the billing backends hand them over.
 */
import { z } from 'zod';

const USD = /^\d{1,9}(\.\d{1,6})?$/;
const SIGNED_USD = /^-?\d{1,9}(\.\d{1,6})?$/;
const FORMAT = 'a decimal string of USD, e.g. "10" or "12.50" (at most 6 decimals, below 10^9)';

/** An amount ≥ 0. */
export const usdTextSchema = z.string({ error: `must be ${FORMAT}` }).regex(USD, `must be ${FORMAT}`);

/** An amount > 0: a purchase, a grant, a budget. */
export const positiveUsdTextSchema = usdTextSchema.refine(
  (text) => /[1-9]/.test(text),
  'must be greater than 0',
);

/** A balance: below zero when usage ran past the credit (debt, spec §6). */
export const signedUsdTextSchema = z
  .string({ error: `must be ${FORMAT}, or below 0` })
  .regex(SIGNED_USD, `must be ${FORMAT}, or below 0`);
