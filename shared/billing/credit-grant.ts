/** A credit grant while the engine runs, and the drawing order over grants (spec §4, §5). */
import type { Instant } from './instant';
import type { Micros } from './money';
import type { GrantSource, GrantStatus, GrantView } from './types';

export interface CreditGrant {
  readonly id: string;
  readonly source: GrantSource;
  readonly amount: Micros;
  readonly at: Instant;
  readonly effectiveAt: Instant;
  readonly expiresAt: Instant;
  /** Position in creation order. */
  readonly seq: number;
  used: Micros;
  debtSettled: Micros;
  forfeited: Micros;
  usable: boolean;
  expired: boolean;
}

export function remainingOf(grant: CreditGrant): Micros {
  return grant.amount - grant.used - grant.forfeited;
}

export function statusOf(grant: CreditGrant): GrantStatus {
  if (!grant.usable) return 'pending';
  if (grant.expired) return 'expired';
  return remainingOf(grant) === 0n ? 'depleted' : 'active';
}

/** What the drawing and effective orders look at; the projection's grants have it too. */
export type Ordered = Pick<CreditGrant, 'source' | 'effectiveAt' | 'expiresAt' | 'seq'>;

/**
 * Drawing order: free grants (`source: grant`) first, then earliest `expiresAt`, earliest
 * `effectiveAt`, creation order.
 */
export function compareDrawingOrder(a: Ordered, b: Ordered): number {
  const aFree = a.source === 'grant';
  if (aFree !== (b.source === 'grant')) return aFree ? -1 : 1;
  return a.expiresAt - b.expiresAt || a.effectiveAt - b.effectiveAt || a.seq - b.seq;
}

/** Order in which pending grants become usable: `effectiveAt`, then creation order. */
export function compareEffectiveOrder(a: Ordered, b: Ordered): number {
  return a.effectiveAt - b.effectiveAt || a.seq - b.seq;
}

/** Inserts into an array kept sorted by `compare`, after any equal element. */
export function insertSorted<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
  let position = list.length;
  while (position > 0 && compare(list[position - 1]!, item) > 0) position--;
  list.splice(position, 0, item);
}

export function toGrantView(grant: CreditGrant): GrantView {
  return {
    id: grant.id,
    source: grant.source,
    amount: grant.amount,
    at: grant.at,
    effectiveAt: grant.effectiveAt,
    expiresAt: grant.expiresAt,
    used: grant.used,
    debtSettled: grant.debtSettled,
    forfeited: grant.forfeited,
    remaining: remainingOf(grant),
    status: statusOf(grant),
  };
}
