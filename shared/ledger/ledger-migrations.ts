/**
 * Reading `ledger.json` of any known version into the current shape (ledger-schema.ts).
 *
 * Version 1 is the draft layout: purchases, grants and balances in three lists, amounts as JSON
 * numbers, no `createdAt`, alert memory under `alerts`, no cursor before the first sync. It stays
 * readable so the migration path is exercised from the first release on.
 */
import { microsToDecimalText, parseAmount } from '../billing/money';
import { fieldError, type Checked } from '../storage/field-error';
import type { SalvageRules } from '../storage/salvage';
import { migrateDocument, type Migrated, type VersionedFormat } from '../storage/versioned';
import {
  emptyLedgerFile,
  LEDGER_VERSION,
  ledgerEntrySchema,
  ledgerFileSchema,
  type LedgerFile,
} from './ledger-schema';

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A v1 amount (a JSON number, or already a string) as exact USD text. The number is read from its
 * shortest round-trip text, as the engine reads a JSON number, so 0.1 stays "0.1".
 */
function usdText(value: unknown, field: string): Checked<string> {
  const micros = typeof value === 'number' || typeof value === 'string' ? parseAmount(value) : undefined;
  if (micros === undefined) return fieldError(field, 'must be an amount in USD');
  return { ok: true, value: microsToDecimalText(micros) };
}

/** A copy of `fields` without `names`. */
function without(fields: Fields, names: readonly string[]): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => !names.includes(name)));
}

function list(document: Fields, name: string): Checked<unknown[]> {
  const value = document[name] ?? [];
  return Array.isArray(value) ? { ok: true, value } : fieldError(name, 'must be a list');
}

/**
 * v1 → v2: the three lists become one list of engine-shaped entries with string amounts. Entries
 * already in that list (a file marked v1 but written in the later layout) stay as they are, first.
 */
export function migrateLedgerV1toV2(document: Fields): Checked<Fields> {
  const present = list(document, 'entries');
  if (!present.ok) return present;
  const entries: unknown[] = [...present.value];
  const kinds = [
    { list: 'purchases', type: 'purchase', amount: 'amount' },
    { list: 'grants', type: 'grant', amount: 'amount' },
    { list: 'balances', type: 'balance', amount: 'balance' },
  ] as const;
  for (const kind of kinds) {
    const items = list(document, kind.list);
    if (!items.ok) return items;
    for (const [index, item] of items.value.entries()) {
      const field = `${kind.list}.${index}`;
      if (!isFields(item)) return fieldError(field, 'must be an object');
      const amount = usdText(item[kind.amount], `${field}.${kind.amount}`);
      if (!amount.ok) return amount;
      // v1 balances had no id; v1 never recorded when an entry was made, so `at` stands in.
      const rest = without(item, [kind.amount]);
      entries.push({
        ...rest,
        type: kind.type,
        id: item.id ?? `v1-${kind.type}-${index + 1}`,
        createdAt: item.createdAt ?? item.at,
        [kind.amount]: amount.value,
        ...(kind.type === 'purchase' ? { source: item.source ?? 'manual' } : {}),
      });
    }
  }
  let autoRecharge: unknown = document.autoRecharge ?? null;
  if (isFields(autoRecharge)) {
    const converted: Fields = { mode: 'add', ...autoRecharge };
    for (const name of ['threshold', 'amount', 'target', 'monthlyLimit']) {
      const value = autoRecharge[name];
      if (value === undefined || value === null) {
        converted[name] = null;
        continue;
      }
      const text = usdText(value, `autoRecharge.${name}`);
      if (!text.ok) return text;
      converted[name] = text.value;
    }
    autoRecharge = converted;
  }
  const rest = without(document, ['purchases', 'grants', 'balances', 'alerts']);
  const empty = emptyLedgerFile();
  return {
    ok: true,
    value: {
      ...rest,
      entries,
      autoRecharge,
      observedBalance: document.observedBalance ?? null,
      cursor: document.cursor ?? empty.cursor,
      alertMemory: document.alerts ?? {},
    },
  };
}

/**
 * v2 → v3: the synced days leave `ledger.json` for one file per day. A migration is pure and
 * cannot write those files, and the days are a copy of what the backend holds: they are dropped
 * and their cursors cleared, so the next sync fetches them again. The user's entries stay.
 */
export function migrateLedgerV2toV3(document: Fields): Checked<Fields> {
  const cursor = isFields(document.cursor) ? document.cursor : emptyLedgerFile().cursor;
  return {
    ok: true,
    value: {
      ...without(document, ['costs', 'usage']),
      cursor: { ...cursor, costsAt: null, usageAt: null },
      syncHealth: document.syncHealth ?? emptyLedgerFile().syncHealth,
    },
  };
}

/** v3 → v4: the alerts that fired are kept for the Alerts view's history; none were kept before. */
export function migrateLedgerV3toV4(document: Fields): Checked<Fields> {
  return { ok: true, value: { ...document, alertHistory: [] } };
}

export const LEDGER_FORMAT: VersionedFormat<LedgerFile> = {
  current: LEDGER_VERSION,
  steps: { 1: migrateLedgerV1toV2, 2: migrateLedgerV2toV3, 3: migrateLedgerV3toV4 },
  schema: ledgerFileSchema,
};

/** What is kept of a ledger that does not read as a whole: every entry that reads, by itself. */
export const LEDGER_SALVAGE: SalvageRules<LedgerFile> = {
  format: LEDGER_FORMAT,
  fields: ledgerFileSchema.shape,
  empty: emptyLedgerFile,
  lists: { entries: ledgerEntrySchema },
};

/** A stored ledger file of any known version, in the current shape, or why it cannot be read. */
export function migrateLedger(raw: unknown): Migrated<LedgerFile> {
  return migrateDocument(raw, LEDGER_FORMAT);
}
