/**
 * Everything the dashboard shows, in one snapshot the main process computes from the monitor, so
 * every view and the tray read the same numbers (ux.md §6.7: "alerts computed from the same snapshot
 * the UI shows"). Plain JSON: money is integer micro-dollars (safe integers: far below 2^53 µ$),
 * instants are UTC milliseconds, days are UTC `YYYY-MM-DD`.
 */
import { z } from 'zod';
import { settingsSchema } from '../settings/settings-schema';
import { autoRechargeSettingsSchema, ledgerEntrySchema } from '../ledger/ledger-schema';
import { alertSchema } from '../alerts/alert-schema';
import { KEY_KEEPERS, KEYCHAIN_ADVICE } from '../keychain/keychain-words';
import { CREDIT_KINDS } from '../account/credit-kind';
import { accountReadingSchema, instantSchema, microsSchema } from '../account/account-reading';
import { projectionStartWireSchema } from '../billing/projection-json';

export { instantSchema, microsSchema };

const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** An alert that fired, kept 90 days for the Alerts view's history (ux.md §1 Alerts 3). */
export const pastAlertSchema = z.strictObject({ alert: alertSchema, firedAt: instantSchema });

export const capabilitiesSchema = z.strictObject({
  /** `api`: the backend reports the balance; `absent`: calibrate by hand; `unknown`: not asked yet. */
  balance: z.enum(['api', 'absent', 'unknown']),
  /** Whether "Apply" can send auto-recharge settings to the backend (the simulator can, OpenAI cannot). */
  autoRechargeSettings: z.boolean(),
});

export const backendInfoSchema = z.strictObject({
  name: z.enum(['demo', 'openai']),
  /** Why this backend, in one sentence (e.g. no key stored yet). */
  reason: z.string(),
  /** The OpenAI (or relay) address in use; null for the demo. */
  baseUrl: z.string().nullable(),
  capabilities: capabilitiesSchema,
});

export const keyInfoSchema = z.strictObject({
  /**
   * Where a key would be kept: the system keychain; a file Saldo encrypts with Electron's
   * safeStorage (the desktop app, where the keychain does not answer); or nowhere usable here.
   */
  store: z.enum(['keychain', 'encrypted-file', 'unavailable']),
  /**
   * Codes, not sentences, so the dashboard says them in its language: what keeps the key (the
   * keychain, or what keeps the encrypted file's key), the encrypted file, and where no keychain
   * answers, what would give Saldo one.
   */
  keeper: z.enum(KEY_KEEPERS).nullable(),
  file: z.string().nullable(),
  advice: z.enum(KEYCHAIN_ADVICE).nullable(),
  /** The key in use: its kind and last four characters only — never the key. */
  stored: z
    .strictObject({
      kind: z.enum(['admin', 'project', 'service-account', 'user-legacy', 'not-openai']),
      last4: z.string().max(4),
      /** `environment`: OPENAI_ADMIN_KEY, for this run only. */
      source: z.enum(['keychain', 'environment']),
      /** The origin the key was given for (`https://api.openai.com`): it is sent nowhere else. */
      origin: z.string(),
    })
    .nullable(),
  /**
   * The address a key entered now is given for (OPENAI_BASE_URL when set, else the settings'): the
   * dashboard shows it beside the key field and sends it with `key:set`.
   */
  address: z.string(),
  /** The last `key:test` since the key last changed (kept for this run only); null before one. */
  lastCheck: z.strictObject({ at: instantSchema, ok: z.boolean(), message: z.string() }).nullable(),
});

export const syncStatusSchema = z.strictObject({
  /**
   * `syncing` while a poll runs; `never` before the first one finished; `paused` while the computer
   * sleeps or its screen is locked; `offline` while it has no network (nothing is fetched then).
   */
  state: z.enum(['never', 'syncing', 'ok', 'partial', 'failing', 'paused', 'offline']),
  lastAttemptAt: instantSchema.nullable(),
  lastOkAt: instantSchema.nullable(),
  failingSince: instantSchema.nullable(),
  error: z
    .strictObject({
      source: z.enum(['backend', 'store', 'engine']),
      kind: z.string(),
      /** For quota errors: OpenAI's code (`credit_balance_exhausted`, `organization_spend_limit_exceeded`, …). */
      code: z.string().nullable(),
      /** For auth errors: the key was refused as invalid, or it is not an Admin key. */
      reason: z.enum(['invalid-key', 'not-admin-key', 'key-origin']).nullable(),
      message: z.string(),
    })
    .nullable(),
  /**
   * What the last successful sync left out and says so (`cost-without-amount`, `cost-not-usd`: cost
   * rows Saldo could not count in dollars); empty when nothing.
   */
  warnings: z.array(z.strictObject({ kind: z.string(), message: z.string() })),
  /** When the next poll is due; null while paused or stopped. */
  nextAt: instantSchema.nullable(),
  /** During the first sync of an account: how many of the steps are done (ux.md §2 "3 of 15"). */
  progress: z.strictObject({ done: z.number().int(), total: z.number().int() }).nullable(),
});

export const grantRowSchema = z.strictObject({
  id: z.string(),
  /**
   * The engine's source, except `provider`: a credit the provider listed itself (its grants API),
   * which does not say whether it was bought, granted or recharged.
   */
  source: z.enum(['manual', 'auto', 'import', 'grant', 'calibration', 'provider']),
  amount: microsSchema,
  used: microsSchema,
  remaining: microsSchema,
  forfeited: microsSchema,
  /** When it was bought or granted (the real date). */
  at: instantSchema,
  effectiveAt: instantSchema,
  expiresAt: instantSchema,
  status: z.enum(['pending', 'active', 'depleted', 'expired']),
  /** What the forecast says will be left unused at expiry (0 if none). */
  forfeitRisk: microsSchema,
});

/** The account as people read it: the one model every surface renders (shared/account). */
export const accountSchema = accountReadingSchema;

/** One named series of a grouping, a value per day of `spend.days` (a missing row is 0). */
export const seriesSchema = z.strictObject({ name: z.string(), values: z.array(microsSchema) });

export const spendSchema = z.strictObject({
  /** Every UTC day from the first synced day (at most a year back) to today, in order. */
  days: z.array(daySchema),
  /** The day total, per day (all groupings sum to it). */
  totals: z.array(microsSchema),
  byModel: z.array(seriesSchema),
  byProject: z.array(seriesSchema),
  byLineItem: z.array(seriesSchema),
  /** The balance at the end of each day (today: now), from the engine. */
  balance: z.array(microsSchema),
});

export const markerSchema = z.strictObject({
  /** What the credit is (shared/account/credit-kind.ts), or an expiry that forfeited credit. */
  kind: z.enum([...CREDIT_KINDS, 'expiry']),
  at: instantSchema,
  amount: microsSchema,
  id: z.string(),
});

export const autoRechargeStateSchema = z.strictObject({
  /** As mirrored from the provider's billing page (or applied to the demo); null: never set. */
  settings: autoRechargeSettingsSchema.nullable(),
  /** Every credit that is an auto-recharge, the engine's and those the user recorded, oldest first. */
  made: z.array(
    z.strictObject({
      id: z.string(),
      at: instantSchema,
      amount: microsSchema,
      /**
       * The balance that triggered it, just before it was bought (ux.md §6.6); null for one the user
       * recorded, which the engine did not make and cannot say.
       */
      balanceBefore: microsSchema.nullable(),
    }),
  ),
  /** Months in which the monthly limit blocked a recharge. */
  blocked: z.array(z.strictObject({ month: z.string(), at: instantSchema, amount: microsSchema })),
  /** Bought by auto-recharge in the current UTC month. */
  usedThisMonth: microsSchema,
  /** The purchase limits every recharge must respect. */
  limits: z.strictObject({ min: microsSchema, max: microsSchema }),
  /**
   * Where the engine's projection starts (the account at now); null without data. The view projects
   * a draft of settings from it with the engine's own projection, so its preview and every other
   * surface agree.
   */
  start: projectionStartWireSchema.nullable(),
});

export const dashboardStateSchema = z.strictObject({
  /** The instant this snapshot describes (the backend's clock: the simulator's for the demo). */
  now: instantSchema,
  backend: backendInfoSchema,
  key: keyInfoSchema,
  sync: syncStatusSchema,
  /** Null until the ledger holds anything (no data yet). */
  account: accountSchema.nullable(),
  grants: z.array(grantRowSchema),
  /** What the user recorded, for listing and removing. */
  entries: z.array(ledgerEntrySchema),
  spend: spendSchema,
  markers: z.array(markerSchema),
  autoRecharge: autoRechargeStateSchema,
  alerts: z.strictObject({ current: z.array(alertSchema), past: z.array(pastAlertSchema) }),
  settings: settingsSchema,
  /** Where Saldo keeps its files on this machine (ux.md §1 Settings 5: "where files live"). */
  dataDir: z.string(),
});

export type DashboardState = z.output<typeof dashboardStateSchema>;
export type SyncStatus = z.output<typeof syncStatusSchema>;
export type GrantRow = z.output<typeof grantRowSchema>;
export type Series = z.output<typeof seriesSchema>;
export type Spend = z.output<typeof spendSchema>;
export type Marker = z.output<typeof markerSchema>;
export type KeyInfo = z.output<typeof keyInfoSchema>;
export type KeyCheck = NonNullable<KeyInfo['lastCheck']>;
export type BackendInfo = z.output<typeof backendInfoSchema>;
export type AccountView = z.output<typeof accountSchema>;
export type AutoRechargeState = z.output<typeof autoRechargeStateSchema>;
export type BridgeAlert = z.output<typeof alertSchema>;
export type PastAlert = z.output<typeof pastAlertSchema>;
