/**
 * Checks one input event against everything of spec §4 that does not depend on processing order
 * (all reasons but `duplicate-id`). The first reason that applies, in the spec's order, wins.
 */
import { parseInstant, type Instant } from './instant';
import { parseAmount } from './money';
import { field, isPlainObject } from './read-settings';
import type { BillingSettings, PurchaseSource, RejectionReason, ValidEvent } from './types';

const PURCHASE_SOURCES: ReadonlySet<unknown> = new Set<PurchaseSource>(['manual', 'auto', 'import']);
const RESERVED_ID = /^(auto-|cal-)/;

export function readEvent(
  raw: unknown,
  index: number,
  settings: BillingSettings,
): ValidEvent | RejectionReason {
  if (!isPlainObject(raw)) return 'not-an-object';
  const type = raw.type;
  if (type !== 'purchase' && type !== 'grant' && type !== 'usage' && type !== 'balance') {
    return 'unknown-type';
  }
  const at = parseInstant(raw.at);
  if (at === undefined) return 'unreadable-instant';
  if (at > settings.now) return 'after-now';

  if (type === 'usage' || type === 'balance') {
    const amount = parseAmount(field(raw, type === 'usage' ? 'amount' : 'balance'));
    if (amount === undefined) return 'unreadable-amount';
    if (type === 'usage' && amount < 0n) return 'negative-amount';
    return { kind: type, index, at, amount };
  }

  const id = field(raw, 'id');
  if (typeof id !== 'string' || id === '') return 'missing-id';
  if (RESERVED_ID.test(id)) return 'reserved-id';
  const amount = parseAmount(field(raw, 'amount'));
  if (amount === undefined) return 'unreadable-amount';
  if (amount <= 0n) return 'non-positive-amount';

  if (type === 'purchase') {
    const { minPurchase, maxPurchase } = settings.policy;
    if (amount < minPurchase || amount > maxPurchase) return 'out-of-limits';
    const source = field(raw, 'source') ?? 'manual';
    if (!PURCHASE_SOURCES.has(source)) return 'unknown-source';
    return { kind: 'purchase', index, at, id, amount, source: source as PurchaseSource };
  }

  const expiresText = field(raw, 'expiresAt');
  let expiresAt: Instant | null = null;
  if (expiresText !== undefined) {
    const parsed = parseInstant(expiresText);
    if (parsed === undefined) return 'unreadable-expiresAt';
    if (parsed <= at) return 'expiresAt-not-after-at';
    expiresAt = parsed;
  }
  return { kind: 'grant', index, at, id, amount, expiresAt };
}
