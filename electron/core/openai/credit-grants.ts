/**
 * The legacy `GET /dashboard/billing/credit_grants` (billing-apis.md §2). OpenAI has refused it to
 * secret keys since 2023 ("must be made with a session key"); relays and the simulator still
 * answer it. Pure: deciding whether a refusal means "this backend has no balance", and mapping the
 * summary to an `ObservedBalance`.
 */
import { formatInstant } from '../../../shared/billing/instant';
import { looksLikeSecret } from '../../../shared/storage/secret-shape';
import type { ObservedBalance } from '../billing-backend';
import { readErrorBody } from './classify-error';
import type { CreditGrants } from './wire';

/**
 * Whether an answer says the endpoint is not available to this key at all — not that the key is
 * bad: a 404 (a relay without it), a 401/403 asking for a browser session key, or any 401/403 once
 * the same key has been accepted by the admin endpoints (the refusal's wording is not a contract).
 */
export function isBalanceUnavailable(status: number, bodyText: string, keyAccepted: boolean): boolean {
  if (status === 404) return true;
  if (status !== 401 && status !== 403) return false;
  return keyAccepted || /session key/i.test(readErrorBody(bodyText)?.message ?? '');
}

export function observedBalanceFrom(summary: CreditGrants, nowMs: number): ObservedBalance {
  return {
    at: formatInstant(nowMs),
    balanceMicros: Number(summary.total_available),
    grants: (summary.grants?.data ?? []).map((grant, index) => ({
      // Old bodies always carry an id; a stable stand-in keeps grants apart if one does not, or if
      // it is shaped like an API key (the store refuses those).
      id:
        grant.id === null || grant.id === undefined || looksLikeSecret(grant.id)
          ? `grant-${grant.effective_at}-${index}`
          : grant.id,
      amountMicros: Number(grant.grant_amount),
      usedMicros: Number(grant.used_amount),
      effectiveAt: formatInstant(grant.effective_at * 1000),
      expiresAt: formatInstant(grant.expires_at * 1000),
    })),
  };
}
