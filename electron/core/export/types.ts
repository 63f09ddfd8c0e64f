/**
 * The export's records: plain JSON-shaped data. Amounts are exact USD decimal text ("0.000001",
 * "-1.5") and instants ISO UTC text, so no consumer ever reads money through a double — the same
 * choice as the ledger file, which stores USD as decimal strings.
 */
import type { CreditKind, CreditSource } from '../../../shared/account/credit-kind';
import type { GrantStatus, PurchaseSource } from '../../../shared/billing/types';

/**
 * Every credit the engine holds: purchases, auto-recharges, free grants, calibration credits, and
 * those the provider listed (`source: provider`, `kind: listed`: its list does not say which).
 */
export interface GrantRecord {
  id: string;
  source: CreditSource;
  /** What it is, as every surface says it (shared/account/credit-kind.ts). */
  kind: CreditKind;
  /** When it was bought or granted. */
  at: string;
  amount: string;
  effectiveAt: string;
  expiresAt: string;
  /** Includes what settled debt: `amount = used + forfeited + remaining`. */
  used: string;
  forfeited: string;
  remaining: string;
  status: GrantStatus;
}

/**
 * Money paid for credit. The engine's own auto-recharges carry `source: 'auto'` and an `auto-N` id,
 * a prefix the ledger refuses for user entries, so they never pass for a recorded purchase.
 */
export interface PurchaseRecord {
  id: string;
  at: string;
  amount: string;
  source: PurchaseSource;
  /** `purchase`, or `auto-recharge` (the engine's and those recorded as such). */
  kind: CreditKind;
}

export interface CalibrationRecord {
  /** A balance read off the billing page is a `correction`. */
  kind: CreditKind;
  at: string;
  observed: string;
  computed: string;
  /** `observed - computed`: below zero when the account held less than the engine thought. */
  drift: string;
}

export interface DailySpendRecord {
  /** A UTC day, `YYYY-MM-DD`. */
  day: string;
  amount: string;
}

/**
 * The account as every surface shows it at the export's instant (shared/account): balance, when API
 * requests start to fail, the next expiry, the next auto-recharge and the spend limit.
 */
export interface AccountRecord {
  at: string;
  balance: string;
  /** Null: requests keep working for the projection's year. */
  failsAt: string | null;
  nextExpiry: { at: string; amount: string } | null;
  nextRecharge: { at: string; amount: string } | null;
  /** This month's spend against OpenAI's enforced monthly spend limit; null: none is set. */
  spendLimit: { limit: string; spentThisMonth: string; fraction: number } | null;
}

export interface ExportData {
  currency: 'USD';
  /** Null before anything is recorded or synced. */
  account: AccountRecord | null;
  grants: GrantRecord[];
  purchases: PurchaseRecord[];
  calibrations: CalibrationRecord[];
  dailySpend: DailySpendRecord[];
}
