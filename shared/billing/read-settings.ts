/**
 * Reads a case file's settings (spec §2, §3, §7, §10). A bad setting makes the whole case
 * malformed: the result is a `CaseError` naming the field, never an exception.
 */
import { parseInstant } from './instant';
import {
  decimalText,
  isDecimalTextNumber,
  isWholeDecimal,
  microsToDecimalText,
  parseAmount,
  type Micros,
} from './money';
import type { AccountKind, AutoRecharge, BillingSettings, ForecastSettings, Policy } from './types';

export interface CaseError {
  /** Dotted path of the offending field, e.g. `policy.maxPurchase`; `case` for the file itself. */
  field: string;
  message: string;
}

class CaseErrorSignal {
  constructor(readonly error: CaseError) {}
}

type Fields = Record<string, unknown>;

/**
 * A JSON object. A JSON number read by `lossless-json` is an object too (its text kept), but it is a
 * number: `events: [5]` is `not-an-object` and `policy: 5` a bad setting (spec §4, §10).
 */
export function isPlainObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isDecimalTextNumber(value);
}

/** A field's value, with `null` counting as absent (spec §1). */
export function field(object: Fields, name: string): unknown {
  const value = object[name];
  return value === null ? undefined : value;
}

function fail(path: string, message: string): never {
  // Settings are read in one pass and the first bad field ends it; `readSettings` catches this
  // signal and returns the error as a value, so no exception leaves the engine.
  throw new CaseErrorSignal({ field: path, message });
}

function section(root: Fields, name: string): Fields {
  const value = field(root, name);
  if (value === undefined) return {};
  if (!isPlainObject(value)) fail(name, 'must be an object');
  return value;
}

function amountSetting(object: Fields, path: string, name: string): Micros | undefined {
  const value = field(object, name);
  if (value === undefined) return undefined;
  const micros = parseAmount(value);
  if (micros === undefined) {
    fail(`${path}.${name}`, 'must be an amount in USD (a number or a decimal string), below 10^9');
  }
  return micros;
}

function requiredAmount(object: Fields, path: string, name: string): Micros {
  const micros = amountSetting(object, path, name);
  if (micros === undefined) fail(`${path}.${name}`, 'is required when auto-recharge is enabled');
  return micros;
}

/** A whole-number setting: a JSON number with no fractional part (`12` or `12.0`, not `"12"`). */
function wholeSetting(object: Fields, path: string, name: string, min: number, fallback: number): number {
  const value = field(object, name);
  if (value === undefined) return fallback;
  const text = typeof value === 'string' ? undefined : decimalText(value);
  // Judged on the exact text: `12.0000000000000001` has a fractional part, though Number() drops it.
  const number = text === undefined || isWholeDecimal(text) !== true ? NaN : Number(text);
  if (!Number.isInteger(number)) fail(`${path}.${name}`, 'must be a whole number');
  if (number < min) fail(`${path}.${name}`, `must be at least ${min}`);
  return number;
}

function usd(micros: Micros): string {
  return `$${microsToDecimalText(micros)}`;
}

/** What OpenAI sells a purchase for when the case names no policy (spec §3). */
export const DEFAULT_PURCHASE_LIMITS: Pick<Policy, 'minPurchase' | 'maxPurchase'> = {
  minPurchase: 5_000_000n,
  maxPurchase: 50_000_000n,
};

/** The rule's wording wherever an amount is checked against the purchase limits. */
export function purchaseLimitsMessage(limits: Pick<Policy, 'minPurchase' | 'maxPurchase'>): string {
  return `must be within the purchase limits (${usd(limits.minPurchase)} to ${usd(limits.maxPurchase)})`;
}

function readPolicy(root: Fields): Policy {
  const raw = section(root, 'policy');
  const minPurchase = amountSetting(raw, 'policy', 'minPurchase') ?? DEFAULT_PURCHASE_LIMITS.minPurchase;
  if (minPurchase <= 0n) fail('policy.minPurchase', 'must be greater than 0');
  const maxPurchase = amountSetting(raw, 'policy', 'maxPurchase') ?? DEFAULT_PURCHASE_LIMITS.maxPurchase;
  if (maxPurchase < minPurchase) {
    fail('policy.maxPurchase', `must be at least policy.minPurchase (${usd(minPurchase)})`);
  }
  return {
    minPurchase,
    maxPurchase,
    expiryMonths: wholeSetting(raw, 'policy', 'expiryMonths', 1, 12),
    creditDelayMinutes: wholeSetting(raw, 'policy', 'creditDelayMinutes', 0, 0),
  };
}

function readAutoRecharge(root: Fields, policy: Policy): AutoRecharge | null {
  const raw = section(root, 'autoRecharge');
  const enabled = field(raw, 'enabled');
  if (enabled !== undefined && typeof enabled !== 'boolean') {
    fail('autoRecharge.enabled', 'must be true or false');
  }
  if (enabled !== true) return null; // a disabled auto-recharge's settings are not checked
  const threshold = requiredAmount(raw, 'autoRecharge', 'threshold');
  if (threshold < 0n) fail('autoRecharge.threshold', 'must be at least 0');
  const mode = field(raw, 'mode') ?? 'add';
  if (mode !== 'add' && mode !== 'topUp') fail('autoRecharge.mode', 'must be "add" or "topUp"');
  let amount = 0n;
  let target = 0n;
  if (mode === 'add') {
    amount = requiredAmount(raw, 'autoRecharge', 'amount');
    if (amount < policy.minPurchase || amount > policy.maxPurchase) {
      fail('autoRecharge.amount', purchaseLimitsMessage(policy));
    }
  } else {
    target = requiredAmount(raw, 'autoRecharge', 'target');
    if (target <= threshold) {
      fail('autoRecharge.target', `must be greater than autoRecharge.threshold (${usd(threshold)})`);
    }
  }
  const monthlyLimit = amountSetting(raw, 'autoRecharge', 'monthlyLimit') ?? null;
  if (monthlyLimit !== null && monthlyLimit <= 0n) {
    fail('autoRecharge.monthlyLimit', 'must be greater than 0');
  }
  return { threshold, mode, amount, target, monthlyLimit };
}

function readForecast(root: Fields): ForecastSettings {
  const raw = section(root, 'forecast');
  return {
    windowDays: wholeSetting(raw, 'forecast', 'windowDays', 1, 7),
    expiryWarningDays: wholeSetting(raw, 'forecast', 'expiryWarningDays', 0, 30),
  };
}

function readAccount(root: Fields): AccountKind {
  const account = field(root, 'account') ?? 'prepaid';
  if (account !== 'prepaid' && account !== 'monthly_invoice') {
    fail('account', 'must be "prepaid" or "monthly_invoice"');
  }
  return account;
}

/** Reads everything of a case but its events; `events` must be an array. */
export function readSettings(root: unknown): BillingSettings | CaseError {
  try {
    if (!isPlainObject(root)) fail('case', 'must be a JSON object');
    const nowText = field(root, 'now');
    if (nowText === undefined) fail('now', 'is required');
    const now = parseInstant(nowText);
    if (now === undefined) {
      fail('now', 'must be an instant like 2026-03-01T00:00:00Z (UTC year 0001 to 9999)');
    }
    const events = field(root, 'events');
    if (events === undefined) fail('events', 'is required');
    if (!Array.isArray(events)) fail('events', 'must be an array');
    const account = readAccount(root);
    const policy = readPolicy(root);
    return {
      now,
      account,
      policy,
      autoRecharge: readAutoRecharge(root, policy),
      forecast: readForecast(root),
    };
  } catch (signal) {
    if (signal instanceof CaseErrorSignal) return signal.error;
    throw signal;
  }
}
