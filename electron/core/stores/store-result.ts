/** What the stores hand back: values or errors as values, never exceptions. */

export type StoreError =
  /** The input (or the change it makes) is not valid; nothing was written. */
  | { kind: 'invalid'; field: string; message: string }
  /** The file could not be written; nothing changed, on disk or in memory. */
  | { kind: 'io'; message: string };

export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: StoreError };

export type OpenError =
  /** The data directory or file cannot be reached. */
  | { kind: 'io'; message: string }
  /** Written by a newer Saldo: left as it is, so updating Saldo reads it again. */
  | { kind: 'newer-version'; message: string };

export type Opened<S> =
  /** `notice`: one line to show the user (a corrupt file was moved aside), or null. */
  { ok: true; store: S; notice: string | null } | { ok: false; error: OpenError };
