/**
 * The ledger file (`ledger.json`), current version: what the user recorded, the auto-recharge
 * settings mirrored from the provider, the synced daily costs and usage, the sync cursor, the
 * alert memory and the alerts that fired. User entries are billing-engine events as they are (`{type, id, at, amount|balance,
 * source?, expiresAt?}`) plus `createdAt`, so the monitor feeds `entries` straight to `evaluate`.
 */
import { z } from 'zod';
import { alertHistorySchema } from '../alerts/alert-history';
import { alertMemorySchema } from '../alerts/alert-memory';
import { parseInstant } from '../billing/instant';
import { readSettings } from '../billing/read-settings';
import { instantTextSchema } from '../storage/instant-text';
import { positiveUsdTextSchema, signedUsdTextSchema, usdTextSchema } from '../storage/usd-text';
import {
  dailyCostSchema,
  dailyUsageSchema,
  NO_SYNC_YET,
  observedBalanceSchema,
  spendLimitSchema,
  syncCursorSchema,
  syncHealthSchema,
  type DailyCost,
  type DailyUsage,
} from './synced-data';

export const LEDGER_VERSION = 4;

/** The engine reserves `auto-` and `cal-` for the credits it makes itself (spec §4). */
export const entryIdSchema = z
  .string({ error: 'must be a text id' })
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .refine((id) => !/^(auto-|cal-)/.test(id), 'must not start with "auto-" or "cal-" (the engine uses those)');

const recorded = {
  id: entryIdSchema,
  /** When it happened (the billing page's date), UTC. */
  at: instantTextSchema,
  /** When the user recorded it, UTC. */
  createdAt: instantTextSchema,
};

export const purchaseEntrySchema = z.strictObject({
  type: z.literal('purchase'),
  ...recorded,
  amount: positiveUsdTextSchema,
  source: z.enum(['manual', 'auto', 'import'], { error: 'must be "manual", "auto" or "import"' }),
});

export const grantEntrySchema = z
  .strictObject({
    type: z.literal('grant'),
    ...recorded,
    amount: positiveUsdTextSchema,
    /** Absent: the engine's default expiry applies. */
    expiresAt: instantTextSchema.optional(),
  })
  .refine(
    (grant) => grant.expiresAt === undefined || parseInstant(grant.expiresAt)! > parseInstant(grant.at)!,
    {
      path: ['expiresAt'],
      message: 'must be after at',
    },
  );

/** A balance read off the billing page: a calibration for the engine. */
export const balanceEntrySchema = z.strictObject({
  type: z.literal('balance'),
  ...recorded,
  balance: signedUsdTextSchema,
});

export const ledgerEntrySchema = z.discriminatedUnion(
  'type',
  [purchaseEntrySchema, grantEntrySchema, balanceEntrySchema],
  {
    error: 'must be a purchase, a grant or a balance',
  },
);

export type PurchaseEntry = z.output<typeof purchaseEntrySchema>;
export type GrantEntry = z.output<typeof grantEntrySchema>;
export type BalanceEntry = z.output<typeof balanceEntrySchema>;
export type LedgerEntry = z.output<typeof ledgerEntrySchema>;

/**
 * Auto-recharge as the provider's settings page shows it, in the engine's setting shape. Checked by
 * the engine's own reader, so the ledger never holds settings `evaluate` would refuse.
 */
export const autoRechargeSettingsSchema = z
  .strictObject({
    enabled: z.boolean({ error: 'must be true or false' }),
    threshold: usdTextSchema.nullable(),
    mode: z.enum(['add', 'topUp'], { error: 'must be "add" or "topUp"' }),
    amount: positiveUsdTextSchema.nullable(),
    target: positiveUsdTextSchema.nullable(),
    monthlyLimit: positiveUsdTextSchema.nullable(),
  })
  .superRefine((settings, context) => {
    const read = readSettings({ now: '2000-01-01T00:00:00Z', events: [], autoRecharge: settings });
    if ('field' in read) {
      // The engine names `autoRecharge.amount`; the issue sits on this object, so drop the prefix.
      context.addIssue({ code: 'custom', path: read.field.split('.').slice(1), message: read.message });
    }
  });
export type AutoRechargeSettings = z.output<typeof autoRechargeSettingsSchema>;

function inDayOrder(rows: readonly { day: string }[]): boolean {
  return rows.every((row, index) => index === 0 || rows[index - 1]!.day <= row.day);
}

const syncedDays = {
  /** Sorted by day, so a sync replaces a tail: every day from its first fetched day on. */
  costs: z.array(dailyCostSchema).refine(inDayOrder, 'must be in day order'),
  usage: z.array(dailyUsageSchema).refine(inDayOrder, 'must be in day order'),
};

/** The synced days alone: checked only when an edit changed them (a year of rows is not free). */
export const syncedDaysSchema = z.strictObject(syncedDays);

/**
 * `ledger.json` itself: everything but the synced days, which live one file per UTC day
 * (electron/core/stores/synced-days.ts) so that a poll rewrites a few KB, not a year of history.
 */
export const ledgerFileSchema = z.strictObject({
  schemaVersion: z.literal(LEDGER_VERSION),
  entries: z.array(ledgerEntrySchema).superRefine((entries, context) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      if (seen.has(entry.id))
        context.addIssue({ code: 'custom', path: [index, 'id'], message: 'is used twice' });
      seen.add(entry.id);
    });
  }),
  autoRecharge: autoRechargeSettingsSchema.nullable(),
  /** The last balance the provider reported (a relay with the legacy endpoint), or null. */
  observedBalance: observedBalanceSchema.nullable(),
  /**
   * The organisation's hard monthly spend limit as last read; null: none is set. Optional: absent
   * before it was first read, and in files written before Saldo read it.
   */
  spendLimit: spendLimitSchema.nullable().optional(),
  cursor: syncCursorSchema,
  syncHealth: syncHealthSchema,
  alertMemory: alertMemorySchema,
  /** Alerts that fired, oldest first: 90 days, at most 500 (shared/alerts/alert-history.ts). */
  alertHistory: alertHistorySchema,
});
export type LedgerFile = z.output<typeof ledgerFileSchema>;

/** The ledger as everyone reads it: the file and the synced days, one value. */
export type Ledger = LedgerFile & z.output<typeof syncedDaysSchema>;
export type { DailyCost, DailyUsage };

/** The ledger file before anything is recorded or synced. */
export function emptyLedgerFile(): LedgerFile {
  return {
    schemaVersion: LEDGER_VERSION,
    entries: [],
    autoRecharge: null,
    observedBalance: null,
    cursor: { costsAt: null, usageAt: null, balanceAt: null },
    syncHealth: NO_SYNC_YET,
    alertMemory: {},
    alertHistory: [],
  };
}

/** The ledger before anything is recorded or synced. */
export function emptyLedger(): Ledger {
  return { ...emptyLedgerFile(), costs: [], usage: [] };
}
