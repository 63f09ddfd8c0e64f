/**
 * The file edge under both stores: one JSON document on disk, read, written atomically with mode
 * 0600, or moved aside. Reading and writing go through `conf` — or, in the desktop app, through
 * electron-store, which extends it and takes the same options — so the app and the CLI write the
 * same files the same way. Conf writes through `atomically` (a temp file beside the target, fsync,
 * then rename), so a crash leaves the old file or the new one, never half of one.
 *
 * What conf does not do is done here: it throws on a corrupt file (or, with `clearInvalidConfig`,
 * silently empties it), so a corrupt file is moved or copied aside with node:fs instead; it throws on
 * a UTF-8 byte order mark (an editor's), so its reader is given one that skips it; and it writes on
 * every `store =`, so callers (stored-document.ts) skip unchanged writes.
 */
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';

/** The options Saldo gives conf / electron-store: no defaults, no schema, no migrations of theirs. */
export interface StoreFileOptions {
  /** Absolute: electron-store outside Electron, and conf, need it so (toolchain.md §3). */
  cwd: string;
  configName: string;
  /**
   * The same name again for electron-store, which takes `name` and overwrites conf's `configName`
   * with it (default `config`: every store would share `config.json`). Conf ignores it.
   */
  name: string;
  fileExtension: 'json';
  configFileMode: number;
  /** Keys are plain names; `a.b` must not mean a nested path. */
  accessPropertiesByDotNotation: false;
  /** Never: a corrupt file is moved aside and reported, not silently emptied. */
  clearInvalidConfig: false;
  watch: false;
  /** JSON.parse after a UTF-8 byte order mark, if any: the next write leaves it out. */
  deserialize: (text: string) => Record<string, unknown>;
}

/** The slice of conf (and electron-store) Saldo uses. */
export interface StoreFileInstance {
  readonly path: string;
  store: Record<string, unknown>;
}

/** `Conf`, or electron-store's class in the desktop app. */
export type StoreClass = new (options: StoreFileOptions) => StoreFileInstance;

export const STORE_FILE_MODE = 0o600;

export type JsonRead =
  | { kind: 'absent' }
  | { kind: 'parsed'; value: unknown }
  /**
   * Not JSON: the content is unusable as it stands. (Conf reads JSON that is not an object, `[1]`
   * or `null`, as an object; the document's own validation refuses those.)
   */
  | { kind: 'unparsable'; reason: string }
  /** The file could not be reached at all (permissions, a path through a regular file, …). */
  | { kind: 'io'; message: string };

export type JsonWrite = { ok: true } | { ok: false; message: string };
export type JsonMove = { ok: true; path: string } | { ok: false; message: string };

export interface JsonFile {
  readonly path: string;
  read(): JsonRead;
  /** Replaces the document atomically, mode 0600. */
  write(document: Record<string, unknown>): JsonWrite;
  /** Renames the file to `<name>.corrupt-<UTC time>.json` beside it. */
  moveAside(now: number): JsonMove;
  /** Copies the file's bytes to `<name>.corrupt-<UTC time>.json` beside it, leaving it in place. */
  copyAside(now: number): JsonMove;
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === undefined || error.message.includes(code) ? error.message : `${code}: ${error.message}`;
  }
  return String(error);
}

/** The time as it may appear in a file name on every OS: `2026-11-27T10-41-00Z`. */
export function fileTimestamp(now: number): string {
  return new Date(now)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
}

export class ConfJsonFile implements JsonFile {
  readonly path: string;
  #instance: StoreFileInstance | null = null;

  constructor(
    private readonly storeClass: StoreClass,
    private readonly dir: string,
    private readonly name: string,
  ) {
    this.path = path.join(dir, `${name}.json`);
  }

  /** Conf reads (and so may throw) in its constructor: it is made on first use, not before. */
  #open(): StoreFileInstance {
    this.#instance ??= new this.storeClass({
      cwd: this.dir,
      configName: this.name,
      name: this.name,
      fileExtension: 'json',
      configFileMode: STORE_FILE_MODE,
      accessPropertiesByDotNotation: false,
      clearInvalidConfig: false,
      watch: false,
      deserialize: (text) => JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>,
    });
    return this.#instance;
  }

  read(): JsonRead {
    // Asked first, because conf reads a missing file as an empty object, as it does a present `{}`.
    try {
      fs.accessSync(this.path, fs.constants.F_OK);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
      return { kind: 'io', message: errorMessage(error) };
    }
    try {
      // Conf reads the file on construction and again on every `store` access.
      return { kind: 'parsed', value: { ...this.#open().store } };
    } catch (error) {
      if (error instanceof SyntaxError) return { kind: 'unparsable', reason: 'not valid JSON' };
      return { kind: 'io', message: errorMessage(error) };
    }
  }

  write(document: Record<string, unknown>): JsonWrite {
    try {
      this.#open().store = document;
      return { ok: true };
    } catch (error) {
      return { ok: false, message: errorMessage(error) };
    }
  }

  moveAside(now: number): JsonMove {
    return this.#aside(now, (target) => fs.renameSync(this.path, target));
  }

  copyAside(now: number): JsonMove {
    return this.#aside(now, (target) => fs.copyFileSync(this.path, target, fs.constants.COPYFILE_EXCL));
  }

  #aside(now: number, put: (target: string) => void): JsonMove {
    const stamp = fileTimestamp(now);
    try {
      let target = path.join(this.dir, `${this.name}.corrupt-${stamp}.json`);
      // Never over an earlier corrupt copy (two in one second): that one is evidence too.
      for (let n = 2; fs.existsSync(target); n += 1) {
        target = path.join(this.dir, `${this.name}.corrupt-${stamp}-${n}.json`);
      }
      put(target);
      return { ok: true, path: target };
    } catch (error) {
      return { ok: false, message: errorMessage(error) };
    }
  }
}

/** The default store class outside Electron. */
export const confStoreClass: StoreClass = Conf;

/** The temp file conf's writer (`atomically`) makes beside its target: `<name>.json.tmp-<10 digits><6 hex>`. */
const TEMP_FILE = /\.json\.tmp-\d{10}[0-9a-f]{6}$/;
/** Older than this, no writer is still on it: a write takes milliseconds. */
const STALE_TEMP_MS = 60_000;

/**
 * Removes the temp files a killed writer left in `dir` (the rename never came, so they hold nothing
 * the store needs). Recent ones are left alone: another process may be writing through them now.
 */
export function removeStaleTemps(dir: string): void {
  // The files' own clock, not the store's (which tests and the demo may set elsewhere).
  const now = Date.now();
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!TEMP_FILE.test(name)) continue;
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs > STALE_TEMP_MS) fs.rmSync(file, { force: true });
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
}
