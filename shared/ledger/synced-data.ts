/**
 * What a billing backend reports and the ledger keeps: daily costs and usage, an observed balance,
 * and where the sync stands. Plain data with zod schemas, here in shared/ because the ledger file
 * holds it; electron/core/billing-backend.ts re-exports these for the backends.
 * Money is integer micro-dollars (a `number`: one day's costs stay far below 2^53 µ$).
 */
import { z } from 'zod';
import { instantTextSchema } from '../storage/instant-text';

/** A UTC calendar day, `YYYY-MM-DD`. */
export const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a UTC day YYYY-MM-DD');
const micros = z.number().int().safe();
const count = z.number().int().nonnegative().safe();

export const dailyCostSchema = z.object({
  day: daySchema,
  amountMicros: micros,
  lineItem: z.string().nullable(),
  projectId: z.string().nullable(),
});
export type DailyCost = z.infer<typeof dailyCostSchema>;

export const dailyUsageSchema = z.object({
  day: daySchema,
  model: z.string().nullable(),
  projectId: z.string().nullable(),
  inputTokens: count,
  cachedInputTokens: count,
  outputTokens: count,
  requests: count,
});
export type DailyUsage = z.infer<typeof dailyUsageSchema>;

export const observedGrantSchema = z.object({
  id: z.string(),
  amountMicros: micros,
  usedMicros: micros,
  /** UTC instants, ISO 8601. */
  effectiveAt: z.string(),
  expiresAt: z.string(),
});
export type ObservedGrant = z.infer<typeof observedGrantSchema>;

/** A balance the provider reported, with its grants: a calibration for the engine. */
export const observedBalanceSchema = z.object({
  at: z.string(),
  balanceMicros: micros,
  grants: z.array(observedGrantSchema),
});
export type ObservedBalance = z.infer<typeof observedBalanceSchema>;

/**
 * The organisation's hard monthly spend limit (OpenAI `GET /organization/spend_limit`, billing-apis.md
 * §1.7): past it, requests fail with `organization_spend_limit_exceeded`. `enforcing` false: set but
 * inactive, so nothing fails at it.
 */
export const spendLimitSchema = z.strictObject({
  /** When it was read, UTC ISO 8601. */
  at: z.string(),
  limitMicros: z.number().int().positive().safe(),
  enforcing: z.boolean(),
});
export type SpendLimit = z.infer<typeof spendLimitSchema>;

const fetchedAt = z.number().int().safe().nullable();

/**
 * The sync's cursor (electron/core/sync.ts `SyncCursor`): the instant, in UTC ms, of each kind's
 * last successful fetch, null before the first.
 */
export const syncCursorSchema = z.object({
  costsAt: fetchedAt,
  usageAt: fetchedAt,
  balanceAt: fetchedAt,
  /** Optional: files written before the spend limit was read still read. */
  spendLimitAt: fetchedAt.optional(),
});

/** Why the last sync failed, as the user is told it: key-free (the backend scrubs its messages). */
export const syncErrorSchema = z.object({
  /** Where it failed: fetching, saving, or evaluating what was saved. */
  source: z.enum(['backend', 'store', 'engine']),
  /** The backend's error kind (`auth`, `network`, …), or `invalid`/`io` for the store. */
  kind: z.string().max(40),
  /**
   * For quota errors: the provider's code (`credit_balance_exhausted`, …), or null when it gave
   * none. Optional: files written before it existed still read.
   */
  code: z.string().max(80).nullable().optional(),
  /**
   * For auth errors: whether the key was refused as invalid or is not an Admin key. Optional: files
   * written before it existed still read.
   */
  reason: z.enum(['invalid-key', 'not-admin-key', 'key-origin']).nullable().optional(),
  message: z.string().max(2000),
});
export type SyncError = z.infer<typeof syncErrorSchema>;

/**
 * What a sync that succeeded left out, and says so: a cost row without an amount, or in a currency
 * other than US dollars (`cost-without-amount`, `cost-not-usd`), or a spend limit it could not read
 * (`spend-limit-unread`). Key-free, like `SyncError`.
 */
export const syncWarningSchema = z.object({
  kind: z.string().max(40),
  message: z.string().max(2000),
});
export type SyncWarning = z.infer<typeof syncWarningSchema>;

const instant = instantTextSchema.nullable();

/**
 * How syncing goes, kept across runs so `saldo status` and a restarted app can say when the data
 * was last fresh, and the sync-health alert can count an hour of failures that spans restarts.
 */
export const syncHealthSchema = z.object({
  lastAttemptAt: instant,
  lastOkAt: instant,
  /** The first failure of the current run of failures; null after a full success. */
  failingSince: instant,
  /** The last attempt's failure, or the balance's on an otherwise good poll; null after a full success. */
  lastError: syncErrorSchema.nullable(),
  /** The last attempt fetched costs and usage but not the balance. */
  partial: z.boolean(),
  /** What the last successful sync left out. Optional: files written before it existed still read. */
  warnings: z.array(syncWarningSchema).max(20).optional(),
});
export type SyncHealth = z.infer<typeof syncHealthSchema>;

export const NO_SYNC_YET: SyncHealth = {
  lastAttemptAt: null,
  lastOkAt: null,
  failingSince: null,
  lastError: null,
  partial: false,
};
