/**
 * What the rest of the app needs from a billing provider, whoever serves it (OpenAI's Admin API,
 * the embedded simulator, later others). Plain data, validated with zod where it crosses a boundary.
 * Money is integer micro-dollars (a `number`: one day's costs stay far below 2^53 µ$).
 */
import { z } from 'zod';

// The data schemas live in shared/ because the ledger file stores them too; re-exported here so
// the backends keep importing them from their own interface.
export {
  dailyCostSchema,
  dailyUsageSchema,
  daySchema,
  observedBalanceSchema,
  observedGrantSchema,
  spendLimitSchema,
  syncWarningSchema,
  type DailyCost,
  type DailyUsage,
  type ObservedBalance,
  type ObservedGrant,
  type SpendLimit,
  type SyncWarning,
} from '../../shared/ledger/synced-data';
import type {
  DailyCost,
  DailyUsage,
  ObservedBalance,
  SpendLimit,
  SyncWarning,
} from '../../shared/ledger/synced-data';

export const capabilitiesSchema = z.object({
  provider: z.enum(['openai', 'demo']),
  costs: z.boolean(),
  usage: z.boolean(),
  /**
   * `api`: the backend reports the balance; `absent`: it refused (OpenAI since 2023: calibrate by
   * hand from the billing page); `unknown`: not asked yet.
   */
  balance: z.enum(['api', 'absent', 'unknown']),
  /** Whether auto-recharge settings can be applied through the backend (the simulator can). */
  autoRechargeSettings: z.boolean(),
});
export type BackendCapabilities = z.infer<typeof capabilitiesSchema>;

/** Why a request failed, in terms a person can act on. */
export type BackendError =
  /** `key-origin`: the address in use is not the one the key was given for; nothing was sent (status 0). */
  | { kind: 'auth'; reason: 'invalid-key' | 'not-admin-key' | 'key-origin'; status: number; message: string }
  | {
      kind: 'quota';
      code:
        | 'insufficient_quota'
        | 'credit_balance_exhausted'
        | 'organization_spend_limit_exceeded'
        | 'project_spend_limit_exceeded'
        | 'organization_usage_limit_exceeded'
        | 'billing_hard_limit_reached'
        | null;
      message: string;
    }
  | { kind: 'rate-limit'; retryAfterMs: number | null; message: string }
  /** `retryAfterMs`: a wait the server asked for past what a poll holds for (the poller honours it). */
  | { kind: 'server'; status: number; retryAfterMs?: number | null; message: string }
  | { kind: 'network'; message: string }
  | { kind: 'timeout'; message: string }
  | { kind: 'bad-response'; message: string };

export type BackendResult<T> = { ok: true; value: T } | { ok: false; error: BackendError };

/** Errors that asking again will not fix: polling stops until the key or settings change. */
export function isPermanent(error: BackendError): boolean {
  return error.kind === 'auth' || error.kind === 'quota';
}

/** Days `[startDay, endDay)`; `endDay` absent means up to now (today's bucket is partial). */
export interface DayRange {
  startDay: string;
  endDay?: string;
  /** Called after each page of the range arrived (one request each): how a sync tells its progress. */
  onPage?: () => void;
  /** Told what a successful fetch left out (rows it could not count), so the sync can say so. */
  onWarning?: (warning: SyncWarning) => void;
  /** The sync's deadline: once it aborts, the fetch ends with a `timeout` error. */
  signal?: AbortSignal;
}

/** The most days one request covers, per kind of data. */
export interface PageDays {
  costs: number;
  usage: number;
}

export interface BillingBackend {
  capabilities(): BackendCapabilities;
  /** How a sync counts its requests ahead; absent: one request per range. */
  readonly pageDays?: PageDays;
  /** Daily costs by line item and project. */
  fetchCosts(range: DayRange): Promise<BackendResult<DailyCost[]>>;
  /** Daily completion usage by model and project. */
  fetchUsage(range: DayRange): Promise<BackendResult<DailyUsage[]>>;
  /** The balance and its grants, or null where the backend cannot tell (then capabilities say so). */
  fetchBalance(request?: { signal?: AbortSignal }): Promise<BackendResult<ObservedBalance | null>>;
  /**
   * The organisation's hard monthly spend limit, null when none is set. Absent: the provider has no
   * such limit, and a sync never asks.
   */
  fetchSpendLimit?(request?: { signal?: AbortSignal }): Promise<BackendResult<SpendLimit | null>>;
}
