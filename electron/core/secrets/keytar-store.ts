/**
 * The OS keychain through keytar: service `Saldo`, one account per provider profile
 * (`openai:default`). keytar is an optional dependency with a native part that needs libsecret on
 * Linux, so it is loaded lazily inside a try: a missing module, a failed native load or no Secret
 * Service on the bus makes the store `unavailable` with what to install, never a crash.
 */
import { type KeychainAdvice, KEYCHAIN_WORDS } from '../../../shared/keychain/keychain-words';
import {
  keychainAdvice,
  keychainError,
  keychainKeeper,
  type KeychainSetup,
  loadFailure,
} from './keychain-errors';
import { decodeBoundKey, encodeBoundKey } from './bound-key';
import { DEFAULT_KEY_ORIGIN } from '../../../shared/security/key-origin';
import {
  ApiKey,
  fail,
  invalidAccount,
  invalidKey,
  type SecretError,
  type SecretResult,
  type SecretStore,
  type SecretStoreDescription,
  succeed,
} from './secret-store';

export const KEYCHAIN_SERVICE = 'Saldo';

/** What the user knows the keychain as, for "the key is kept in …". */
export function keychainName(platform: NodeJS.Platform = process.platform): string {
  return KEYCHAIN_WORDS.en.keeper[keychainKeeper(platform)];
}

/** The part of keytar Saldo uses; declared here so type-checking works where keytar is not installed. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export type KeytarLoader = () => Promise<KeytarApi>;

/** The module name in a variable: TypeScript must not resolve an optional package at build time. */
const KEYTAR_MODULE = 'keytar';

/** Imports keytar; throws when it is absent or its native part cannot load. */
export const importKeytar: KeytarLoader = async () => {
  const loaded = (await import(KEYTAR_MODULE)) as { default?: unknown };
  // A CommonJS module imported from ESM arrives as `default`; from CommonJS (tsx), as itself.
  const api = (loaded.default ?? loaded) as Partial<KeytarApi>;
  if (typeof api.getPassword !== 'function' || typeof api.setPassword !== 'function') {
    throw new Error('the keytar module does not have getPassword/setPassword');
  }
  return api as KeytarApi;
};

/** Never stored: reading it tells whether the keychain answers at all without touching a real key. */
const PROBE_ACCOUNT = 'saldo:probe';

type State =
  | { kind: 'unchecked' }
  | { kind: 'ready'; keytar: KeytarApi }
  | { kind: 'unavailable'; detail: string; advice: KeychainAdvice };

export interface KeytarSecretStoreOptions {
  /** Tests use a service of their own so they never touch the user's `Saldo` entries. */
  service?: string;
  loadKeytar?: KeytarLoader;
  /** Decides the advice where keytar is missing or broken; default `source` (the command line). */
  setup?: KeychainSetup;
}

export class KeytarSecretStore implements SecretStore {
  readonly #service: string;
  readonly #loadKeytar: KeytarLoader;
  readonly #setup: KeychainSetup;
  #state: State = { kind: 'unchecked' };
  #loading: Promise<void> | null = null;

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.#service = options.service ?? KEYCHAIN_SERVICE;
    this.#loadKeytar = options.loadKeytar ?? importKeytar;
    this.#setup = options.setup ?? 'source';
  }

  /**
   * Loads keytar and reads a probe account, so `describe()` tells the truth before the first real
   * operation. A locked keychain still counts as available: it can be unlocked, nothing to install.
   */
  async probe(): Promise<SecretStoreDescription> {
    const keytar = await this.#keytar();
    if (keytar) {
      try {
        await keytar.getPassword(this.#service, PROBE_ACCOUNT);
      } catch (error) {
        this.#note(keychainError(error, [], this.#setup));
      }
    }
    return this.describe();
  }

  async get(account: string): Promise<SecretResult<ApiKey | null>> {
    const refused = invalidAccount<ApiKey | null>(account);
    if (refused) return refused;
    const read = await this.#run([], (keytar) => keytar.getPassword(this.#service, account));
    if (!read.ok || read.value === null) return read as SecretResult<null>;
    const bound = decodeBoundKey(read.value);
    return bound === null || invalidKey(bound.key) !== null
      ? fail('failed', `The keychain entry of ${account} is not a key Saldo stored: store the key again.`)
      : succeed(new ApiKey(bound.key, bound.origin));
  }

  async set(account: string, key: string, origin = DEFAULT_KEY_ORIGIN): Promise<SecretResult<undefined>> {
    const refused = invalidAccount<undefined>(account) ?? invalidKey<undefined>(key);
    if (refused) return refused;
    const stored = encodeBoundKey({ key, origin });
    return this.#run([stored, key], async (keytar) => {
      await keytar.setPassword(this.#service, account, stored);
      return undefined;
    });
  }

  async delete(account: string): Promise<SecretResult<boolean>> {
    const refused = invalidAccount<boolean>(account);
    if (refused) return refused;
    return this.#run([], (keytar) => keytar.deletePassword(this.#service, account));
  }

  describe(): SecretStoreDescription {
    switch (this.#state.kind) {
      case 'unavailable':
        return { backend: 'unavailable', detail: this.#state.detail, advice: this.#state.advice };
      case 'ready':
        return {
          backend: 'keychain',
          detail: `${keychainName()}, service "${this.#service}"`,
          keeper: keychainKeeper(),
        };
      case 'unchecked':
        return {
          backend: 'keychain',
          detail: `${keychainName()}, service "${this.#service}" (not checked yet)`,
          keeper: keychainKeeper(),
        };
    }
  }

  /** One keychain call: loaded first, any throw turned into a key-free error value. */
  async #run<T>(keys: readonly string[], call: (keytar: KeytarApi) => Promise<T>): Promise<SecretResult<T>> {
    const keytar = await this.#keytar();
    if (!keytar) return fail('unavailable', this.describe().detail);
    try {
      return succeed(await call(keytar));
    } catch (error) {
      const failure = keychainError(error, keys, this.#setup);
      this.#note(failure);
      return { ok: false, error: failure };
    }
  }

  /** A session bus that went away later makes the store unavailable from then on. */
  #note(error: SecretError): void {
    if (error.code === 'unavailable') {
      this.#state = {
        kind: 'unavailable',
        detail: error.message,
        advice: keychainAdvice('no-service', this.#setup),
      };
    }
  }

  /** keytar, loaded once; null (with the state saying why) when it cannot be. */
  async #keytar(): Promise<KeytarApi | null> {
    // Through a promise so that a loader throwing synchronously (a bare require) is caught as well.
    this.#loading ??= Promise.resolve()
      .then(() => this.#loadKeytar())
      .then(
        (keytar) => {
          this.#state = { kind: 'ready', keytar };
        },
        (error: unknown) => {
          this.#state = { kind: 'unavailable', ...loadFailure(error, this.#setup) };
        },
      );
    await this.#loading;
    // #note may since have turned the state to unavailable: then keytar is not asked again.
    return this.#state.kind === 'ready' ? this.#state.keytar : null;
  }
}
