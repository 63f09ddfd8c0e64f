/**
 * The ledger and settings at an instant, assessed: the engine's result and the alert rules' input.
 * Pure: the monitor and the read-only CLI commands share it, so `saldo status` shows what the app
 * would.
 */
import { alertInputFrom, type AlertInput } from '../../../shared/alerts/alert-input';
import type { AlertSettings } from '../../../shared/alerts/alert-settings';
import { evaluate, evaluateCase } from '../../../shared/billing/evaluate';
import { formatInstant, parseInstant, type Instant } from '../../../shared/billing/instant';
import { parseAmount } from '../../../shared/billing/money';
import { project } from '../../../shared/billing/projection';
import type { AccountReading } from '../../../shared/account/account-reading';
import { readAccount } from '../../../shared/account/read-account';
import { readSettings } from '../../../shared/billing/read-settings';
import type { AutoRecharge, BillingResult, BillingSettings } from '../../../shared/billing/types';
import type { Ledger } from '../../../shared/ledger/ledger-schema';
import type { Settings } from '../../../shared/settings/settings-schema';
import { buildCase } from './build-case';

export interface Assessment {
  result: BillingResult;
  billing: BillingSettings;
  /** The account as people read it, on every surface. */
  reading: AccountReading;
  alertInput: AlertInput;
}

export type Assessed =
  { ok: true; value: Assessment | null } | { ok: false; error: { field: string; message: string } };

/** A ledger with nothing recorded or synced has no account to assess (not an empty, used-up one). */
export function hasData(ledger: Ledger): boolean {
  return ledger.entries.length > 0 || ledger.costs.length > 0 || ledger.observedBalance !== null;
}

export function assess(ledger: Ledger, now: Instant): Assessed {
  if (!hasData(ledger)) return { ok: true, value: null };
  const billingCase = buildCase(ledger, now);
  const billing = readSettings(billingCase);
  if ('field' in billing) return { ok: false, error: billing };
  const result = evaluate(billing, billingCase.events);
  // Auto-recharge still covers a low balance when the engine was not asked to infer recharges (the
  // provider lists its grants): what lies ahead is projected with the mirrored settings.
  const autoRecharge = billing.autoRecharge ?? mirroredAutoRecharge(ledger, billingCase.now);
  const projection =
    autoRecharge === billing.autoRecharge ? result.projection : project(result.projectionStart, autoRecharge);
  const reading = readAccount({
    result,
    ledger,
    now: billing.now,
    projection,
    autoRecharge: autoRecharge !== null,
  });
  const health = ledger.syncHealth;
  const alertInput = alertInputFrom(result, reading, {
    now: billing.now,
    autoRecharge,
    policy: billing.policy,
    sync: {
      complete: health.lastAttemptAt !== null && health.lastError === null,
      lastOkAt: instantOrNull(health.lastOkAt),
      failingSince: instantOrNull(health.failingSince),
      quotaCode: health.lastError?.kind === 'quota' ? (health.lastError.code ?? null) : null,
    },
  });
  return { ok: true, value: { result, billing, reading, alertInput } };
}

/** The mirrored auto-recharge settings as the engine reads them; null when off or not known. */
function mirroredAutoRecharge(ledger: Ledger, now: string): AutoRecharge | null {
  if (ledger.autoRecharge === null) return null;
  const read = readSettings({ now, events: [], autoRecharge: ledger.autoRecharge });
  return 'field' in read ? null : read.autoRecharge;
}

/** The user's settings as the alert rules read them (money as micro-dollars). */
export function alertSettingsFrom(settings: Settings): AlertSettings {
  return {
    lowBalanceThreshold: parseAmount(settings.lowBalanceThreshold)!,
    runwayDays: settings.runwayDays,
    forecastWarnings: settings.forecastWarnings,
    expiryReminderDays: settings.expiryReminderDays,
    monthlyBudget: settings.monthlyBudget === null ? null : parseAmount(settings.monthlyBudget)!,
  };
}

/** A stored instant (canonical ISO text), or null, as UTC ms. */
export function instantOrNull(text: string | null): Instant | null {
  return text === null ? null : parseInstant(text)!;
}

/** The result of an account with nothing in it: what exports and JSON show before the first sync. */
export function emptyResult(now: Instant): BillingResult {
  const evaluated = evaluateCase({ now: formatInstant(now), events: [] });
  if (!evaluated.ok) throw new Error(`empty case: ${evaluated.error.message}`);
  return evaluated.result;
}
