/**
 * What people read about an account, in one model: the CLI, the dashboard, the tray, the
 * notifications and the exports render it and compute no figure of their own, so every surface says
 * the same balance, the same "requests fail on …", the same next expiry and next recharge.
 *
 * "Runway" as people read it is the time until API requests fail (`failsAt`, spec §9.1): usage going
 * on at the burn rate, with auto-recharge, its monthly limit and the expiries. What the credit alone
 * lasts (the engine's `runwayDays`) is kept beside it, labelled as what it is.
 */
import { z } from 'zod';
import { MS_PER_DAY } from '../billing/instant';
import type { Micros } from '../billing/money';
import { PROJECTION_HORIZON_MS } from '../billing/projection';

/** Micro-dollars as JSON numbers: exact, since every amount Saldo shows is far below 2^53 µ$. */
export const microsSchema = z.number().int().safe();

/** The engine's micro-dollars as such a number. */
export const microsNumber = (amount: Micros): number => Number(amount);
/** UTC milliseconds. */
export const instantSchema = z.number().int().safe();

/** How far ahead the projection looks, in days (the engine's horizon). */
export const PROJECTION_HORIZON_DAYS = PROJECTION_HORIZON_MS / MS_PER_DAY;

const amountAtSchema = z.strictObject({ at: instantSchema, amount: microsSchema });

export const accountReadingSchema = z.strictObject({
  /** The instant these figures are for (the backend's clock: the simulator's for the demo). */
  now: instantSchema,
  available: microsSchema,
  pending: microsSchema,
  debt: microsSchema,
  /** available − debt: what the billing page shows. */
  balance: microsSchema,
  quotaExhausted: z.boolean(),
  exhaustedSince: instantSchema.nullable(),
  /**
   * The last balance someone confirmed — the user, read off the billing page, or the provider's own
   * report — and how far the computed balance was from it then. Null: nobody confirmed one, the
   * balance is Saldo's reconciliation alone.
   */
  lastCalibration: z
    .strictObject({
      at: instantSchema,
      observed: microsSchema,
      drift: microsSchema,
      by: z.enum(['you', 'provider']),
    })
    .nullable(),
  /** Spend recorded since the last calibration (every cost synced, without one). */
  spentSinceCalibration: microsSchema,
  totals: z.strictObject({
    purchased: microsSchema,
    granted: microsSchema,
    used: microsSchema,
    forfeited: microsSchema,
  }),
  /** The average spend per day over the forecast window. */
  burnRatePerDay: microsSchema,
  /** Whole UTC days of spend history before today. */
  historyDays: z.number().int().nonnegative(),
  /** Enough history for the pace-based figures (fails at, next recharge) to be shown. */
  paceKnown: z.boolean(),
  /**
   * When API requests start to fail if usage goes on at this pace, auto-recharge included: `now` when
   * they fail already; null when they do not within the horizon.
   */
  failsAt: instantSchema.nullable(),
  /** Days from now to `failsAt` (fractional); null with it. */
  failsInDays: z.number().nonnegative().nullable(),
  horizonDays: z.number().int().positive(),
  /** What the credit alone lasts at this pace, ignoring auto-recharge, pending credit and expiry. */
  creditOnly: z.strictObject({ days: z.number(), until: instantSchema.nullable() }).nullable(),
  /** Whether auto-recharge is on in the settings the projection used. */
  autoRecharge: z.boolean(),
  /** The first auto-recharge the projection buys. */
  nextRecharge: amountAtSchema.nullable(),
  /** The first recharge the monthly limit stops within the horizon; `month` is `YYYY-MM`. */
  rechargeBlocked: z.strictObject({ at: instantSchema, amount: microsSchema, month: z.string() }).nullable(),
  /** The soonest expiry of credit still left, summed over that UTC day; `unused`: what the forecast leaves then. */
  nextExpiry: z.strictObject({ at: instantSchema, amount: microsSchema, unused: microsSchema }).nullable(),
  /** This UTC month (`YYYY-MM`) and the usage recorded in it. */
  month: z.strictObject({ key: z.string(), spent: microsSchema }),
  /**
   * The organisation's hard monthly spend limit, where the provider enforces one, and this month's
   * spend (`month.spent`) against it: past it, requests fail (`organization_spend_limit_exceeded`).
   * `fraction` is spent ÷ limit. Null: none is set, or it was never read.
   */
  spendLimit: z
    .strictObject({ limit: microsSchema, spentThisMonth: microsSchema, fraction: z.number() })
    .nullable(),
});

export type AccountReading = z.output<typeof accountReadingSchema>;
