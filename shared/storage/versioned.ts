/**
 * Store files carry a `schemaVersion`; older files are brought forward by pure `migrateVnToVn+1`
 * steps, one at a time, and the result is validated against the current schema. Conf's own
 * `migrations` option is not used: it keys on the app version and carries a maintainer warning.
 */
import type { z } from 'zod';
import { checkWith, fieldError, type Checked } from './field-error';
import { findSecretShapedField, SECRET_REFUSED } from './secret-shape';

/** One step: a document of version n in, version n + 1 out. Pure; may fail naming a field. */
export type MigrationStep = (document: Record<string, unknown>) => Checked<Record<string, unknown>>;

export interface VersionedFormat<T> {
  current: number;
  /** `steps[n]` migrates version n to n + 1, for every n from the oldest readable to current − 1. */
  steps: Readonly<Record<number, MigrationStep>>;
  schema: z.ZodType<T>;
}

export type Migrated<T> =
  | { ok: true; value: T; migratedFrom: number | null }
  | { ok: false; reason: 'invalid'; field: string; message: string }
  /** Written by a newer Saldo: neither readable nor to be moved aside (updating Saldo reads it). */
  | { ok: false; reason: 'newer'; version: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Stepped =
  { ok: true; document: Record<string, unknown>; version: number } | Exclude<Migrated<never>, { ok: true }>;

/** Brings a stored document of any known version to the current version's layout, unchecked. */
export function stepForward<T>(raw: unknown, format: VersionedFormat<T>): Stepped {
  if (!isRecord(raw))
    return { ok: false, reason: 'invalid', field: 'file', message: 'must be a JSON object' };
  const version = raw.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, reason: 'invalid', field: 'schemaVersion', message: 'must be a whole number ≥ 1' };
  }
  if (version > format.current) return { ok: false, reason: 'newer', version };
  let document = raw;
  for (let from = version; from < format.current; from += 1) {
    const step = format.steps[from];
    if (step === undefined) {
      return {
        ok: false,
        reason: 'invalid',
        field: 'schemaVersion',
        message: `${version} is no longer readable`,
      };
    }
    const stepped = step(document);
    if (!stepped.ok) return { ok: false, reason: 'invalid', ...stepped.error };
    document = { ...stepped.value, schemaVersion: from + 1 };
  }
  return { ok: true, document, version };
}

/** Reads a stored document of any known version into the current shape. */
export function migrateDocument<T>(raw: unknown, format: VersionedFormat<T>): Migrated<T> {
  const stepped = stepForward(raw, format);
  if (!stepped.ok) return stepped;
  const checked = checkCurrent(stepped.document, format.schema);
  if (!checked.ok) return { ok: false, reason: 'invalid', ...checked.error };
  const { version } = stepped;
  return { ok: true, value: checked.value, migratedFrom: version === format.current ? null : version };
}

/**
 * Validates a document in the current shape (or a part of one, its fields named under `prefix`),
 * refusing anything shaped like an API key.
 */
export function checkCurrent<T>(document: unknown, schema: z.ZodType<T>, prefix = ''): Checked<T> {
  const secret = findSecretShapedField(document);
  if (secret !== null) {
    const field = prefix === '' ? secret : secret === 'file' ? prefix : `${prefix}.${secret}`;
    return fieldError(field, SECRET_REFUSED);
  }
  return checkWith(schema, document, prefix);
}
