/**
 * The organisation's hard spend limit, `GET /v1/organization/spend_limit` (billing-apis.md §1.7).
 * What OpenAI answers when no limit is set is unverified (§8.5): a 404 (or 204), a `null` body, or a
 * body without `threshold_amount` all read as "no limit", since each says there is nothing to fail at.
 */
import { formatInstant } from '../../../shared/billing/instant';
import type { SpendLimit } from '../billing-backend';
import type { SpendLimitBody } from './wire';

/** Micro-dollars in a cent. */
const MICROS_PER_CENT = 10_000;

/** An answer that says no limit is set: a 404, a 204, or a body that is JSON `null`. */
export function isNoLimitAnswer(status: number, text: string): boolean {
  return status === 404 || status === 204 || (status === 200 && text.trim() === 'null');
}

/**
 * The limit in micro-dollars, null for none; a reason when the body is one Saldo cannot count
 * (another currency or interval: the reading compares it with this month's US dollars).
 */
export function spendLimitFrom(
  body: SpendLimitBody,
  nowMs: number,
): { ok: true; value: SpendLimit | null } | { ok: false; message: string } {
  const cents = body.threshold_amount;
  if (cents === null || cents === undefined || cents === 0) return { ok: true, value: null };
  const currency = body.currency ?? 'USD';
  if (currency.toUpperCase() !== 'USD') {
    return { ok: false, message: `spend limit: currency "${currency.slice(0, 10)}" is not US dollars` };
  }
  const interval = body.interval ?? 'month';
  if (interval !== 'month') {
    return { ok: false, message: `spend limit: interval "${interval.slice(0, 20)}" is not a month` };
  }
  const limitMicros = cents * MICROS_PER_CENT;
  if (!Number.isSafeInteger(limitMicros)) {
    return { ok: false, message: 'spend limit: threshold_amount is too large' };
  }
  // An open enum (§1.7): only `inactive` is known not to enforce; anything else is taken at its word.
  const enforcing = body.enforcement?.status !== 'inactive';
  return { ok: true, value: { at: formatInstant(nowMs), limitMicros, enforcing } };
}
