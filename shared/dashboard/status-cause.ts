/**
 * The one thing worth interrupting the Overview (and the tray's menu) for (ux.md §1 Overview 1): why
 * API calls fail or are about to, decoded into a cause each can name with its fix (OpenAI help
 * 6614457). The most urgent cause wins; null when all is well.
 */
import type { DashboardState } from '../bridge';

export type StatusCause =
  | { kind: 'credit-used-up' }
  | { kind: 'spend-limit'; scope: 'organization' | 'project' }
  | { kind: 'usage-limit' }
  | { kind: 'negative-balance'; debt: number }
  | { kind: 'key-rejected' }
  | { kind: 'not-admin-key' }
  /** The address in use is not the one the key was given for: nothing is sent until it is entered again. */
  | { kind: 'key-elsewhere'; keyOrigin: string; address: string }
  | { kind: 'unreachable'; lastOkAt: number; nextAt: number | null };

/** Errors a retry may fix, where the last good data is still shown (ux.md sentence 10). */
const TRANSIENT = new Set(['network', 'timeout', 'server', 'rate-limit', 'bad-response']);

export function statusCause(state: DashboardState): StatusCause | null {
  const { account, sync } = state;
  const error = sync.error;
  if (error?.kind === 'quota') {
    switch (error.code) {
      case 'organization_spend_limit_exceeded':
        return { kind: 'spend-limit', scope: 'organization' };
      case 'project_spend_limit_exceeded':
        return { kind: 'spend-limit', scope: 'project' };
      case 'organization_usage_limit_exceeded':
        return { kind: 'usage-limit' };
      default:
        // credit_balance_exhausted, insufficient_quota, or no code: OpenAI's generic "out of credit".
        return { kind: 'credit-used-up' };
    }
  }
  if (account?.quotaExhausted) return { kind: 'credit-used-up' };
  if (account !== null && account.debt > 0) return { kind: 'negative-balance', debt: account.debt };
  if (error?.kind === 'auth' && error.reason === 'key-origin') {
    return {
      kind: 'key-elsewhere',
      keyOrigin: state.key.stored?.origin ?? '',
      address: state.backend.baseUrl ?? '',
    };
  }
  // An error stored before reasons were kept reads as rejected: the wording fits either reason.
  if (error?.kind === 'auth')
    return { kind: error.reason === 'not-admin-key' ? 'not-admin-key' : 'key-rejected' };
  if (sync.state === 'failing' && error !== null && TRANSIENT.has(error.kind) && sync.lastOkAt !== null) {
    return { kind: 'unreachable', lastOkAt: sync.lastOkAt, nextAt: sync.nextAt };
  }
  return null;
}
