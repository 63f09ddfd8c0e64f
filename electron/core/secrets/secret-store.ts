/**
 * Where Saldo keeps the provider key, behind one interface (GitHub Desktop's `ISecureStore`): the OS
 * keychain, a file encrypted by Electron's safeStorage (desktop app), the environment for one run,
 * or memory. Operations answer with values and never throw, and nothing they return — errors,
 * descriptions, even a successful `get` when serialised or logged — contains the key: it stays in
 * the main process, out of logs, stores, crash output and errors.
 */
import type { KeychainAdvice, KeyKeeper } from '../../../shared/keychain/keychain-words';
import { DEFAULT_KEY_ORIGIN } from '../../../shared/security/key-origin';
import { hasBadCharacters, maskKey } from './key-form';

export type SecretBackend = 'keychain' | 'encrypted-file' | 'environment' | 'memory' | 'unavailable';

/**
 * Which store holds the key, told to the user ("the key is in the GNOME keyring"): in English for
 * the command line and the logs (`detail`), and as codes the dashboard words in its language.
 */
export interface SecretStoreDescription {
  readonly backend: SecretBackend;
  /** Which keychain or file; for `unavailable`, what is missing and what to do. */
  readonly detail: string;
  /** What keeps the key: the keychain, or what keeps the encrypted file's key. */
  readonly keeper?: KeyKeeper;
  /** The encrypted file. */
  readonly path?: string;
  /** Where no keychain answers (`unavailable`, or the environment's key for want of one): what to do. */
  readonly advice?: KeychainAdvice;
}

export type SecretErrorCode =
  /** No keychain on this machine or session (see `describe().detail`). */
  | 'unavailable'
  /** A keychain is there but locked, or has no default collection to write to. */
  | 'locked'
  /** The store cannot write (the environment key). */
  | 'read-only'
  /** The account name or the key is malformed; nothing was asked of the keychain. */
  | 'invalid'
  /** Anything else the keychain said, key-free. */
  | 'failed';

export interface SecretError {
  readonly code: SecretErrorCode;
  readonly message: string;
}

export type SecretResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SecretError };

/**
 * A key as read from a store. The text is in a private field and comes out only through `reveal()`,
 * at the one place that builds the Authorization header; `JSON.stringify`, string conversion and
 * `console.log`/`util.inspect` all show the masked form, so a stray log line cannot leak it.
 * `origin`: where it was given for (shared/security/key-origin.ts), the one origin it may be sent to.
 */
export class ApiKey {
  readonly #text: string;
  readonly #origin: string;

  constructor(text: string, origin: string = DEFAULT_KEY_ORIGIN) {
    this.#text = text;
    this.#origin = origin;
  }

  get origin(): string {
    return this.#origin;
  }

  /** The key itself: pass it to the HTTP client and nowhere else. */
  reveal(): string {
    return this.#text;
  }

  /** `sk-admin-…abcd`. */
  get masked(): string {
    return maskKey(this.#text);
  }

  toJSON(): string {
    return this.masked;
  }

  toString(): string {
    return this.masked;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `ApiKey(${this.masked})`;
  }
}

export interface SecretStore {
  /** The key of `account` (`openai:default`), or `null` when none is stored. */
  get(account: string): Promise<SecretResult<ApiKey | null>>;
  /**
   * Stores (or replaces) the key of `account`, bound to `origin` (default OpenAI's API): the key is
   * sent nowhere else, whatever the settings later say.
   */
  set(account: string, key: string, origin?: string): Promise<SecretResult<undefined>>;
  /** Removes the key of `account`; the value says whether there was one. */
  delete(account: string): Promise<SecretResult<boolean>>;
  /** Which backend holds the keys, and for `unavailable` what to install. */
  describe(): SecretStoreDescription;
}

/** One keychain account per provider profile: `openai:default`, `openai:work`. */
export function accountFor(provider: string, profile = 'default'): string {
  return `${provider}:${profile}`;
}

export const DEFAULT_ACCOUNT = accountFor('openai');

const ACCOUNT = /^[a-z][a-z0-9-]*:[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isAccount(account: string): boolean {
  return ACCOUNT.test(account);
}

/** The provider part of an account (`openai` of `openai:work`). */
export function providerOf(account: string): string {
  return account.slice(0, account.indexOf(':'));
}

export function succeed<T>(value: T): SecretResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: SecretErrorCode, message: string): SecretResult<T> {
  return { ok: false, error: { code, message } };
}

/** The account check every store makes first, so a typo never reaches the keychain. */
export function invalidAccount<T>(account: string): SecretResult<T> | null {
  return isAccount(account)
    ? null
    : fail('invalid', 'The account name must look like provider:profile, e.g. openai:default.');
}

/** The key check before a write: an empty or broken paste is refused, never stored. */
export function invalidKey<T>(key: string): SecretResult<T> | null {
  if (key.length === 0) return fail('invalid', 'The key is empty.');
  return hasBadCharacters(key)
    ? fail('invalid', 'The key has spaces, line breaks or control characters in it: nothing was stored.')
    : null;
}
