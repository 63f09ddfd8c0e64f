/**
 * What a billing backend reports and the ledger keeps: daily costs and usage, an observed balance,
 * and where the sync stands. Plain data with zod schemas, here in shared/ because the ledger file
 * holds it; electron/core/billing-backend.ts re-exports these for the backends.
 * Money is integer micro-dollars (a `number`: one day's costs stay far below 2^53 µ$).
 */
import { z } from 'zod';

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

const fetchedAt = z.number().int().safe().nullable();

/**
 * The sync's cursor (electron/core/sync.ts `SyncCursor`): the instant, in UTC ms, of each kind's
 * last successful fetch, null before the first.
 */
export const syncCursorSchema = z.object({ costsAt: fetchedAt, usageAt: fetchedAt, balanceAt: fetchedAt });
