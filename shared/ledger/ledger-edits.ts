/**
 * Changes to a ledger, as pure functions: the current ledger and the change in, the next ledger or
 * a FieldError naming the bad input out. The store applies them and writes the result; nothing here
 * touches a file or the clock (the caller passes `now` and the new entry's id).
 */
import { z } from 'zod';
import { formatInstant, parseInstant } from '../billing/instant';
import { parseAmount } from '../billing/money';
import { DEFAULT_PURCHASE_LIMITS, purchaseLimitsMessage } from '../billing/read-settings';
import type { Alert } from '../alerts/alert';
import { alertHistorySchema, appendAlertHistory } from '../alerts/alert-history';
import { alertMemorySchema, type AlertMemory } from '../alerts/alert-memory';
import { checkWith, fieldError, type Checked } from '../storage/field-error';
import { findSecretShapedField, SECRET_REFUSED } from '../storage/secret-shape';
import {
  autoRechargeSettingsSchema,
  balanceEntrySchema,
  grantEntrySchema,
  purchaseEntrySchema,
  type AutoRechargeSettings,
  type BalanceEntry,
  type GrantEntry,
  type Ledger,
  type LedgerEntry,
  type PurchaseEntry,
} from './ledger-schema';
import {
  dailyCostSchema,
  dailyUsageSchema,
  daySchema,
  observedBalanceSchema,
  spendLimitSchema,
  syncCursorSchema,
  syncHealthSchema,
  type DailyCost,
  type DailyUsage,
  type ObservedBalance,
  type SpendLimit,
  type SyncHealth,
} from './synced-data';

/** An id the user chose (an invoice number); absent: the store makes one. */
interface ChosenId {
  id?: string;
}

export interface PurchaseInput extends ChosenId {
  at: string;
  amount: string;
  /** Default `manual`: typed in by the user. */
  source?: 'manual' | 'auto' | 'import';
}
export interface GrantInput extends ChosenId {
  at: string;
  amount: string;
  expiresAt?: string;
}
export interface BalanceInput extends ChosenId {
  at: string;
  balance: string;
}

/** What the store supplies to every new entry. */
export interface NewEntryContext {
  id: string;
  /** UTC ms: the entry's `createdAt`, and the latest `at` it may have. */
  now: number;
}

type Edit = Checked<Ledger>;

/**
 * A new entry, checked, at the end of the list. Only the fields of its kind are taken from `input`:
 * anything else is refused by name, so a caller cannot smuggle a field (say, a key) into the file.
 */
function addEntry<T extends LedgerEntry>(
  ledger: Ledger,
  schema: z.ZodType<T>,
  type: T['type'],
  input: object,
  context: NewEntryContext,
): Checked<{ ledger: Ledger; entry: T }> {
  const secret = findSecretShapedField(input);
  if (secret !== null) return fieldError(secret, SECRET_REFUSED);
  const createdAt = formatInstant(context.now);
  const checked = checkWith(schema, { id: context.id, ...input, type, createdAt });
  if (!checked.ok) return checked;
  const entry = checked.value;
  if (parseInstant(entry.at)! > context.now) return fieldError('at', 'is in the future');
  if (ledger.entries.some((existing) => existing.id === entry.id)) return fieldError('id', 'is used twice');
  return { ok: true, value: { ledger: { ...ledger, entries: [...ledger.entries, entry] }, entry } };
}

export function addPurchase(
  ledger: Ledger,
  input: PurchaseInput,
  context: NewEntryContext,
): Checked<{ ledger: Ledger; entry: PurchaseEntry }> {
  const added = addEntry(ledger, purchaseEntrySchema, 'purchase', { source: 'manual', ...input }, context);
  if (!added.ok) return added;
  // The engine rejects a purchase outside the provider's limits (spec: out-of-limits): refuse it here,
  // by name, instead of keeping an entry that silently counts for nothing.
  const { minPurchase, maxPurchase } = DEFAULT_PURCHASE_LIMITS;
  const amount = parseAmount(added.value.entry.amount)!;
  if (amount < minPurchase || amount > maxPurchase) {
    return fieldError('amount', purchaseLimitsMessage(DEFAULT_PURCHASE_LIMITS));
  }
  return added;
}

export function addGrant(
  ledger: Ledger,
  input: GrantInput,
  context: NewEntryContext,
): Checked<{ ledger: Ledger; entry: GrantEntry }> {
  return addEntry(ledger, grantEntrySchema, 'grant', input, context);
}

export function addBalance(
  ledger: Ledger,
  input: BalanceInput,
  context: NewEntryContext,
): Checked<{ ledger: Ledger; entry: BalanceEntry }> {
  return addEntry(ledger, balanceEntrySchema, 'balance', input, context);
}

export function removeEntry(ledger: Ledger, id: string): Edit {
  const entries = ledger.entries.filter((entry) => entry.id !== id);
  if (entries.length === ledger.entries.length) return fieldError('id', 'no entry has this id');
  return { ok: true, value: { ...ledger, entries } };
}

export function setAutoRecharge(ledger: Ledger, settings: AutoRechargeSettings | null): Edit {
  if (settings === null) return { ok: true, value: { ...ledger, autoRecharge: null } };
  const checked = checkWith(autoRechargeSettingsSchema, settings, 'autoRecharge');
  return checked.ok ? { ok: true, value: { ...ledger, autoRecharge: checked.value } } : checked;
}

/**
 * Stored rows of days before `fromDay`, then `rows` (every one on or after `fromDay`) in day order:
 * what a sync fetched replaces the days it covers wholesale, as sync.ts requires.
 */
function replaceDaysFrom<T extends { day: string }>(
  stored: readonly T[],
  fromDay: string,
  rows: readonly unknown[],
  schema: z.ZodType<T>,
  field: string,
): Checked<T[]> {
  const day = checkWith(daySchema, fromDay, 'fromDay');
  if (!day.ok) return day;
  const checked = checkWith(z.array(schema), rows, field);
  if (!checked.ok) return checked;
  const early = checked.value.findIndex((row) => row.day < fromDay);
  if (early >= 0) return fieldError(`${field}.${early}.day`, `must be on or after fromDay (${fromDay})`);
  // A stable sort keeps the backend's order within a day.
  const fresh = [...checked.value].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return { ok: true, value: [...stored.filter((row) => row.day < fromDay), ...fresh] };
}

export function replaceCosts(ledger: Ledger, fromDay: string, days: readonly DailyCost[]): Edit {
  const costs = replaceDaysFrom(ledger.costs, fromDay, days, dailyCostSchema, 'costs');
  return costs.ok ? { ok: true, value: { ...ledger, costs: costs.value } } : costs;
}

export function replaceUsage(ledger: Ledger, fromDay: string, days: readonly DailyUsage[]): Edit {
  const usage = replaceDaysFrom(ledger.usage, fromDay, days, dailyUsageSchema, 'usage');
  return usage.ok ? { ok: true, value: { ...ledger, usage: usage.value } } : usage;
}

export function setObservedBalance(ledger: Ledger, balance: ObservedBalance | null): Edit {
  if (balance === null) return { ok: true, value: { ...ledger, observedBalance: null } };
  const checked = checkWith(observedBalanceSchema, balance, 'observedBalance');
  return checked.ok ? { ok: true, value: { ...ledger, observedBalance: checked.value } } : checked;
}

export function setSpendLimit(ledger: Ledger, limit: SpendLimit | null): Edit {
  if (limit === null) return { ok: true, value: { ...ledger, spendLimit: null } };
  const checked = checkWith(spendLimitSchema, limit, 'spendLimit');
  return checked.ok ? { ok: true, value: { ...ledger, spendLimit: checked.value } } : checked;
}

export function setCursor(ledger: Ledger, cursor: Ledger['cursor']): Edit {
  const checked = checkWith(syncCursorSchema, cursor, 'cursor');
  return checked.ok ? { ok: true, value: { ...ledger, cursor: checked.value } } : checked;
}

export function setSyncHealth(ledger: Ledger, health: SyncHealth): Edit {
  const checked = checkWith(syncHealthSchema, health, 'syncHealth');
  return checked.ok ? { ok: true, value: { ...ledger, syncHealth: checked.value } } : checked;
}

export function setAlertMemory(ledger: Ledger, memory: AlertMemory): Edit {
  const checked = checkWith(alertMemorySchema, memory, 'alertMemory');
  return checked.ok ? { ok: true, value: { ...ledger, alertMemory: checked.value } } : checked;
}

/**
 * What the alert rules decided on a sync, in one change: their memory, and the alerts that newly
 * fired appended to the history at `now` (the evaluation's instant), which is pruned to 90 days and
 * 500 entries. One write, so an alert is never remembered as told but missing from the history.
 */
export function recordAlerts(
  ledger: Ledger,
  memory: AlertMemory,
  fired: readonly Alert[],
  now: number,
): Edit {
  const remembered = setAlertMemory(ledger, memory);
  if (!remembered.ok) return remembered;
  const history = appendAlertHistory(ledger.alertHistory, fired, now);
  if (history === ledger.alertHistory) return remembered;
  const checked = checkWith(alertHistorySchema, history, 'alertHistory');
  return checked.ok ? { ok: true, value: { ...remembered.value, alertHistory: checked.value } } : checked;
}

/** What one successful poll brings home (electron/core/sync.ts `SyncResult`, structurally). */
export interface SyncOutcome {
  costs: { fromDay: string; days: readonly DailyCost[] };
  /** Null: usage was not fetched this poll; stored usage stays. */
  usage: { fromDay: string; days: readonly DailyUsage[] } | null;
  /** Null: not asked, or not known; the stored observation stays. */
  balance: ObservedBalance | null;
  /** Absent: not read this poll; the stored limit stays. `limit` null: none is set. */
  spendLimit?: { limit: SpendLimit | null };
  cursor: Ledger['cursor'];
}

/**
 * A whole poll in one change, so one write: the cursor can never be saved ahead of the days it
 * vouches for (a crash between two writes would otherwise skip those days until the next backfill).
 */
export function recordSync(ledger: Ledger, outcome: SyncOutcome, health: SyncHealth): Edit {
  let next = replaceCosts(ledger, outcome.costs.fromDay, outcome.costs.days);
  if (next.ok && outcome.usage !== null)
    next = replaceUsage(next.value, outcome.usage.fromDay, outcome.usage.days);
  if (next.ok && outcome.balance !== null) next = setObservedBalance(next.value, outcome.balance);
  if (next.ok && outcome.spendLimit !== undefined) next = setSpendLimit(next.value, outcome.spendLimit.limit);
  if (next.ok) next = setCursor(next.value, outcome.cursor);
  if (next.ok) next = setSyncHealth(next.value, health);
  return next;
}
