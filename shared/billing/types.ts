/** Domain types of the billing engine (spec §2–§9). Money in micro-dollars, instants in UTC ms. */
import type { Instant } from './instant';
import type { Micros } from './money';
import type { ProjectionRun, ProjectionStart } from './projection';

export type AccountKind = 'prepaid' | 'monthly_invoice';

export interface Policy {
  minPurchase: Micros;
  maxPurchase: Micros;
  expiryMonths: number;
  creditDelayMinutes: number;
}

export type AutoRechargeMode = 'add' | 'topUp';

/** Auto-recharge as the engine applies it; `null` when disabled. */
export interface AutoRecharge {
  threshold: Micros;
  mode: AutoRechargeMode;
  /** `add`: what each recharge buys. */
  amount: Micros;
  /** `topUp`: the balance a recharge brings the account back up to. */
  target: Micros;
  monthlyLimit: Micros | null;
}

export interface ForecastSettings {
  windowDays: number;
  expiryWarningDays: number;
}

export interface BillingSettings {
  now: Instant;
  account: AccountKind;
  policy: Policy;
  autoRecharge: AutoRecharge | null;
  forecast: ForecastSettings;
}

export type PurchaseSource = 'manual' | 'auto' | 'import';
export type GrantSource = PurchaseSource | 'grant' | 'calibration';
export type GrantStatus = 'pending' | 'active' | 'depleted' | 'expired';

/** An event that passed every check that does not depend on processing order. */
export type ValidEvent =
  | { kind: 'purchase'; index: number; at: Instant; id: string; amount: Micros; source: PurchaseSource }
  | { kind: 'grant'; index: number; at: Instant; id: string; amount: Micros; expiresAt: Instant | null }
  | { kind: 'usage'; index: number; at: Instant; amount: Micros }
  | { kind: 'balance'; index: number; at: Instant; amount: Micros };

export const REJECTION_REASONS = [
  'not-an-object',
  'unknown-type',
  'unreadable-instant',
  'after-now',
  'missing-id',
  'reserved-id',
  'unreadable-amount',
  'non-positive-amount',
  'out-of-limits',
  'unknown-source',
  'unreadable-expiresAt',
  'expiresAt-not-after-at',
  'negative-amount',
  'duplicate-id',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface Rejection {
  index: number;
  reason: RejectionReason;
}

export interface GrantView {
  id: string;
  source: GrantSource;
  amount: Micros;
  at: Instant;
  effectiveAt: Instant;
  expiresAt: Instant;
  used: Micros;
  debtSettled: Micros;
  forfeited: Micros;
  remaining: Micros;
  status: GrantStatus;
}

export interface AutoRechargeMade {
  id: string;
  at: Instant;
  amount: Micros;
  /** The balance that triggered it (below the threshold), before the recharge. */
  balanceBefore: Micros;
}

export interface AutoRechargeBlocked {
  /** UTC month, `YYYY-MM`. */
  month: string;
  at: Instant;
  amount: Micros;
}

export interface Calibration {
  at: Instant;
  observed: Micros;
  computed: Micros;
  drift: Micros;
}

export interface MonthUsage {
  total: Micros;
  covered: Micros;
  uncovered: Micros;
}

export interface Totals {
  purchased: Micros;
  granted: Micros;
  used: Micros;
  forfeited: Micros;
}

export interface ForfeitRisk {
  id: string;
  expiresAt: Instant;
  amount: Micros;
}

export interface ExpiringSoon {
  id: string;
  expiresAt: Instant;
  remaining: Micros;
}

/** The account at `now` (spec §8). */
export interface AccountState {
  available: Micros;
  pending: Micros;
  debt: Micros;
  balance: Micros;
  quotaExhausted: boolean;
  exhaustedSince: Instant | null;
  grants: GrantView[];
  autoRecharges: AutoRechargeMade[];
  autoRechargeBlocked: AutoRechargeBlocked[];
  calibrations: Calibration[];
  /** Keyed `YYYY-MM`, in month order. */
  usageByMonth: Map<string, MonthUsage>;
  totals: Totals;
  rejected: Rejection[];
}

/** The forecast at `now` (spec §9). */
export interface Forecast {
  burnRatePerDay: Micros;
  runwayDays: number | null;
  /** UTC ms, as `bigint`: at a tiny burn rate depletion lies beyond a double's exact range. */
  depletionAt: bigint | null;
  forfeitRisk: ForfeitRisk[];
  expiringSoon: ExpiringSoon[];
  /** The projection's first auto purchase (spec §9.1). */
  nextAutoRechargeAt: Instant | null;
  /** When requests start to fail if usage goes on (spec §9.1); always null for `monthly_invoice`. */
  failsAt: Instant | null;
  /** Where the projection started, to project it again with other auto-recharge settings. */
  projectionStart: ProjectionStart;
  /** The projection with the settings in force, which the two fields above come from. */
  projection: ProjectionRun;
}

export type BillingResult = AccountState & Forecast;
