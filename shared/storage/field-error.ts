/**
 * Errors as values for what the stores read and write: the offending field, as a dotted path, and
 * what is wrong with it in words a person can act on. Never an exception across a store's API.
 */
import type { z } from 'zod';

export interface FieldError {
  /** Dotted path, e.g. `entries.3.amount` or `pollIntervalMinutes`; `file` for the whole document. */
  field: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: FieldError };

export function fieldError(field: string, message: string): { ok: false; error: FieldError } {
  return { ok: false, error: { field, message } };
}

/** The first issue of a zod error as a FieldError; an unknown key is named as the field itself. */
export function firstFieldError(error: z.ZodError, prefix = ''): FieldError {
  const issue = error.issues[0];
  if (issue === undefined) return { field: prefix || 'file', message: 'is invalid' };
  const path = [...(prefix === '' ? [] : [prefix]), ...issue.path.map(String)];
  if (issue.code === 'unrecognized_keys') {
    // zod reports `{apiKey: …}` on the parent; the person needs to hear about `apiKey`.
    return { field: [...path, issue.keys[0] ?? ''].join('.'), message: 'is not a known field' };
  }
  return { field: path.length === 0 ? 'file' : path.join('.'), message: issue.message };
}

/** Parses with a zod schema, the error as a FieldError value. */
export function checkWith<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): Checked<z.output<S>> {
  const parsed = schema.safeParse(value);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: firstFieldError(parsed.error, prefix) };
}
