/**
 * Which grants count and in what order (ux.md §1 Credits 2–3): OpenAI draws free credit first, then
 * the soonest expiry (OpenAI help 8264644); expired and used-up grants stay out of every total.
 */
import type { GrantRow } from '../../../shared/bridge';

const MS_PER_DAY = 86_400_000;
/** "Expiring soon" means within this window, the summary's "next 30 days". */
export const SOON_MS = 30 * MS_PER_DAY;

/** Usable now or soon: the grants that count. */
export function isCurrent(grant: GrantRow): boolean {
  return grant.status === 'active' || grant.status === 'pending';
}

/**
 * Active and pending grants in drawing order: free credit first, then the soonest expiry. The engine
 * holds a credit the provider listed as a grant (its list does not say what was bought), so it is
 * drawn with the free credit, and shown in that place.
 */
export function inDrawingOrder(grants: readonly GrantRow[]): GrantRow[] {
  const rank = (grant: GrantRow) => (grant.source === 'grant' || grant.source === 'provider' ? 0 : 1);
  return grants
    .filter(isCurrent)
    .sort(
      (a, b) => rank(a) - rank(b) || a.expiresAt - b.expiresAt || a.at - b.at || a.id.localeCompare(b.id),
    );
}

/** Expired and used-up grants, the latest expiry first. */
export function historyOf(grants: readonly GrantRow[]): GrantRow[] {
  return grants.filter((grant) => !isCurrent(grant)).sort((a, b) => b.expiresAt - a.expiresAt);
}

export function expiresSoon(grant: GrantRow, now: number): boolean {
  return grant.expiresAt - now <= SOON_MS;
}

/** The summary strip's figures, from the grants that count. */
export function creditTotals(grants: readonly GrantRow[], now: number) {
  const current = grants.filter(isCurrent);
  return {
    expiringSoon: current
      .filter((grant) => expiresSoon(grant, now))
      .reduce((sum, grant) => sum + grant.remaining, 0),
    likelyUnused: current.reduce((sum, grant) => sum + grant.forfeitRisk, 0),
  };
}
