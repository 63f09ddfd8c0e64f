/**
 * One versioned JSON document kept in memory and on disk: opened (migrated, validated, or moved
 * aside when corrupt — never silently reset), and changed through pure edits that are validated in
 * full before anything is written, and written only when the document really changed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Checked } from '../../../shared/storage/field-error';
import { salvageDocument, type SalvageRules, type Salvaged } from '../../../shared/storage/salvage';
import { checkCurrent, migrateDocument, type VersionedFormat } from '../../../shared/storage/versioned';
import { LOCK_WAIT_MS, withFileLock } from './file-lock';
import type { JsonFile } from './json-file';
import type { Opened, StoreResult } from './store-result';

export interface DocumentKind<T> {
  format: VersionedFormat<T>;
  empty(): T;
  /** How the user hears what Saldo starts with after moving a corrupt file aside. */
  freshStart: string;
  /** How to keep what reads of a file that does not read as a whole; without it, it is moved aside. */
  salvage?: SalvageRules<T>;
}

/** What identifies one version of a file on disk; another process's atomic rename changes it. */
function stampOf(file: string): string | null {
  try {
    const stat = fs.statSync(file, { bigint: true });
    return `${stat.ino}:${stat.size}:${stat.mtimeNs}`;
  } catch {
    return null;
  }
}

export class StoredDocument<T> {
  #value: T;
  /** The file as last read or written here; null while there is none. */
  #stamp: string | null;

  /**
   * `stamp`: the file's version as it was BEFORE `value` was read from it. Taken after, it could
   * name a version another process wrote meanwhile, which `refresh` would then never read, and the
   * next change would write the older value over it.
   */
  private constructor(
    private readonly file: JsonFile,
    private readonly kind: DocumentKind<T>,
    value: T,
    stamp: string | null,
    private readonly lockWaitMs: number,
  ) {
    this.#value = deepFreeze(value);
    this.#stamp = stamp;
  }

  /**
   * Reads the file. A migrated document is not written back here: it is written with the first
   * change, so merely opening never writes — except a salvaged one, which is written at once (with
   * its original bytes copied aside first), so the parts set aside are named once, not every start.
   */
  static open<T>(
    file: JsonFile,
    kind: DocumentKind<T>,
    now: number,
    lockWaitMs = LOCK_WAIT_MS,
  ): Opened<StoredDocument<T>> {
    const name = path.basename(file.path);
    const stampRead = stampOf(file.path);
    const make = (value: T) => new StoredDocument(file, kind, value, stampRead, lockWaitMs);
    const read = file.read();
    if (read.kind === 'absent') return opened(make(kind.empty()), null);
    if (read.kind === 'io') {
      return { ok: false, error: { kind: 'io', message: `Saldo cannot read ${file.path}: ${read.message}` } };
    }
    let reason: string;
    if (read.kind === 'unparsable') {
      reason = read.reason;
    } else {
      const migrated = migrateDocument(read.value, kind.format);
      if (migrated.ok) return opened(make(migrated.value), null);
      if (migrated.reason === 'newer') {
        const message =
          `${name} was written by a newer Saldo (schema version ${migrated.version}, this one reads ` +
          `up to ${kind.format.current}); update Saldo to use it. The file was left as it is.`;
        return { ok: false, error: { kind: 'newer-version', message } };
      }
      reason = `${migrated.field}: ${migrated.message}`;
      const salvaged = kind.salvage === undefined ? null : salvageDocument(read.value, kind.salvage);
      if (salvaged !== null) {
        const repaired = make(kind.empty()).#keepSalvaged(salvaged, stampRead, now);
        // Another process repaired (or replaced) it meanwhile: read what it wrote.
        if (repaired === 'changed') return StoredDocument.open(file, kind, now, lockWaitMs);
        return repaired;
      }
    }
    const moved = file.moveAside(now);
    if (!moved.ok) {
      const message = `${name} is unreadable (${reason}) and could not be moved aside: ${moved.message}`;
      return { ok: false, error: { kind: 'io', message } };
    }
    const notice =
      `${name} was unreadable (${reason}) and was moved to ${moved.path}; ` +
      `Saldo starts with ${kind.freshStart}.`;
    return opened(make(kind.empty()), notice);
  }

  get path(): string {
    return this.file.path;
  }

  get value(): T {
    return this.#value;
  }

  /**
   * Takes up what another process (the app beside the CLI) wrote since this one last read or wrote
   * the file, so an edit is applied to the newest document, not a stale copy that would undo the
   * other's change. True when the value changed. A newer file that cannot be read is left alone
   * (and not written over: `change` refuses until it reads again).
   */
  refresh(): boolean {
    const stamp = stampOf(this.file.path);
    if (stamp === this.#stamp || stamp === null) return false;
    const read = this.file.read();
    const migrated = read.kind === 'parsed' ? migrateDocument(read.value, this.kind.format) : null;
    if (migrated === null || !migrated.ok) return false;
    this.#stamp = stamp;
    if (isDeepStrictEqual(migrated.value, this.#value)) return false;
    this.#value = deepFreeze(migrated.value);
    return true;
  }

  /**
   * Runs `write` as the only writer of this document across processes (file-lock.ts): `write`
   * refreshes first, so what it reads is what it writes over. Nests: `change` inside it holds the
   * same lock. When the lock cannot be had, `write` never runs.
   */
  exclusive<R>(write: () => StoreResult<R>): StoreResult<R> {
    const lockPath = this.file.path.replace(/\.json$/, '.lock');
    const held = withFileLock(lockPath, this.file.path, write, this.lockWaitMs);
    return held.ok ? held.value : { ok: false, error: { kind: 'io', message: held.message } };
  }

  /**
   * Applies a pure edit to the newest document, under the lock. The whole result is validated (and
   * refused if any field looks like an API key) before it is written; on any failure neither the
   * file nor the value in memory changes.
   */
  change(edit: (current: T) => Checked<T>): StoreResult<T> {
    return this.exclusive(() => {
      this.refresh();
      return this.#changeHeld(edit);
    });
  }

  /** Writes a salvaged document in place of the file read with `stampRead`, its bytes copied aside. */
  #keepSalvaged(
    salvaged: Salvaged<T>,
    stampRead: string | null,
    now: number,
  ): Opened<StoredDocument<T>> | 'changed' {
    const name = path.basename(this.file.path);
    let copy = '';
    const written = this.exclusive<T | 'changed'>(() => {
      if (stampOf(this.file.path) !== stampRead) return { ok: true, value: 'changed' as const };
      const copied = this.file.copyAside(now);
      if (!copied.ok) return { ok: false, error: { kind: 'io', message: copied.message } };
      copy = copied.path;
      // Written even when it equals what is in memory (all set aside): the file must change.
      return this.#write(salvaged.value, true);
    });
    if (!written.ok) {
      const message = `${name} is partly unreadable and could not be repaired: ${written.error.message}`;
      return { ok: false, error: { kind: 'io', message } };
    }
    if (written.value === 'changed') return 'changed';
    const kept = salvaged.kept.length === 0 ? '' : ` (${salvaged.kept.join(', ')})`;
    const notice =
      `${name} had parts Saldo cannot read: ${salvaged.setAside.join('; ')}. They were set aside and ` +
      `everything else kept${kept}; the original file is kept as ${copy}.`;
    return opened(this, notice);
  }

  #changeHeld(edit: (current: T) => Checked<T>): StoreResult<T> {
    const onDisk = stampOf(this.file.path);
    // A file removed meanwhile is written anew; one replaced by something unreadable is evidence.
    if (onDisk !== null && onDisk !== this.#stamp) {
      const message = `${this.file.path} was changed by another program and cannot be read; nothing was changed.`;
      return { ok: false, error: { kind: 'io', message } };
    }
    const edited = edit(this.#value);
    if (!edited.ok) return { ok: false, error: { kind: 'invalid', ...edited.error } };
    return this.#write(edited.value);
  }

  /** Validates `value` in full and writes it, unless (`always` aside) it is what the file holds already. */
  #write(value: T, always = false): StoreResult<T> {
    const checked = checkCurrent(value, this.kind.format.schema);
    if (!checked.ok) return { ok: false, error: { kind: 'invalid', ...checked.error } };
    if (!always && isDeepStrictEqual(checked.value, this.#value)) return { ok: true, value: this.#value };
    const written = this.file.write(checked.value as Record<string, unknown>);
    if (!written.ok) {
      const message = `Saldo could not save ${this.file.path} (${written.message}); nothing was changed.`;
      return { ok: false, error: { kind: 'io', message } };
    }
    this.#value = deepFreeze(checked.value);
    this.#stamp = stampOf(this.file.path);
    return { ok: true, value: this.#value };
  }
}

/**
 * The value in memory is what the file holds; callers get it by reference, so it is frozen: a caller
 * editing it in place would otherwise change the store without a write (and fool the unchanged check).
 */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

function opened<T>(document: StoredDocument<T>, notice: string | null): Opened<StoredDocument<T>> {
  return { ok: true, store: document, notice };
}
