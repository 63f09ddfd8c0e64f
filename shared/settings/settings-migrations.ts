/**
 * Reading `settings.json` of any known version into the current shape (settings-schema.ts).
 *
 * Version 1 is the draft layout: the poll interval in seconds (`pollIntervalSeconds`) and money as
 * JSON numbers. It stays readable so the migration path is exercised from the first release on.
 * Fields a version lacks take their defaults; that fills gaps, it never overwrites a stored value.
 */
import { microsToDecimalText, parseAmount } from '../billing/money';
import { fieldError, type Checked } from '../storage/field-error';
import { migrateDocument, type Migrated, type VersionedFormat } from '../storage/versioned';
import { SETTINGS_VERSION, settingsSchema, type Settings } from './settings-schema';

type Fields = Record<string, unknown>;

function usdText(value: unknown, field: string): Checked<string | null | undefined> {
  if (value === undefined || value === null) return { ok: true, value };
  const micros = typeof value === 'number' || typeof value === 'string' ? parseAmount(value) : undefined;
  if (micros === undefined) return fieldError(field, 'must be an amount in USD');
  return { ok: true, value: microsToDecimalText(micros) };
}

/** v1 → v2: seconds become whole minutes (rounded up, at least 1); amounts become USD text. */
export function migrateSettingsV1toV2(document: Fields): Checked<Fields> {
  const next: Fields = { ...document };
  delete next.pollIntervalSeconds;
  const seconds = document.pollIntervalSeconds;
  if (seconds !== undefined) {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) {
      return fieldError('pollIntervalSeconds', 'must be a number of seconds greater than 0');
    }
    next.pollIntervalMinutes = Math.max(1, Math.ceil(seconds / 60));
  }
  for (const name of ['lowBalanceThreshold', 'monthlyBudget']) {
    const text = usdText(document[name], name);
    if (!text.ok) return text;
    if (text.value !== undefined) next[name] = text.value;
  }
  return { ok: true, value: next };
}

/**
 * v2 → v3: `notificationSound` and `trayTitle` are new and take their defaults. The version moves so
 * an older Saldo, which would refuse the unknown fields, leaves the file alone instead.
 */
export function migrateSettingsV2toV3(document: Fields): Checked<Fields> {
  return { ok: true, value: { ...document } };
}

export const SETTINGS_FORMAT: VersionedFormat<Settings> = {
  current: SETTINGS_VERSION,
  steps: { 1: migrateSettingsV1toV2, 2: migrateSettingsV2toV3 },
  schema: settingsSchema,
};

/** Stored settings of any known version, in the current shape, or why they cannot be read. */
export function migrateSettings(raw: unknown): Migrated<Settings> {
  return migrateDocument(raw, SETTINGS_FORMAT);
}
