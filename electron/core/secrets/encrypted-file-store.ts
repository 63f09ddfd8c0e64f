/**
 * Keys encrypted with Electron's `safeStorage` in `secrets.json` in the data directory: the desktop
 * app's store where the keychain does not answer (keytar missing or not loadable, KWallet without a
 * Secret Service, …). One base64 ciphertext per account, written atomically with mode 0600 through
 * the stores' file edge. Like every store it answers with values, never throws, and returns nothing
 * that holds the key; the file holds none either, only ciphertext.
 *
 * A file that cannot be read is left as it is and reported; storing a key again moves it aside
 * (`secrets.corrupt-<time>.json`, kept as the other stores keep theirs) and starts a new one. An
 * entry that cannot be decrypted is reported too, and replaced only when that account's key is stored.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { migrateDocument, type VersionedFormat } from '../../../shared/storage/versioned';
import { KEYCHAIN_WORDS } from '../../../shared/keychain/keychain-words';
import { ConfJsonFile, confStoreClass, errorMessage } from '../stores/json-file';
import { errorText } from './keychain-errors';
import { decodeBoundKey, encodeBoundKey } from './bound-key';
import { DEFAULT_KEY_ORIGIN } from '../../../shared/security/key-origin';
import { type SafeStorageApi, type SafeStorageProtection, safeStorageProtection } from './safe-storage';
import {
  ApiKey,
  fail,
  invalidAccount,
  invalidKey,
  isAccount,
  type SecretError,
  type SecretResult,
  type SecretStore,
  type SecretStoreDescription,
  succeed,
} from './secret-store';

const FILE_NAME = 'secrets';

const secretsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** Account (`openai:default`) → its key encrypted by safeStorage, base64. */
  keys: z.record(
    z.string().refine(isAccount, 'must look like provider:profile'),
    z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64 ciphertext'),
  ),
});
type Keys = z.output<typeof secretsSchema>['keys'];
const SECRETS_FORMAT: VersionedFormat<z.output<typeof secretsSchema>> = {
  current: 1,
  steps: {},
  schema: secretsSchema,
};

type Loaded =
  | { ok: true; keys: Keys }
  /** `corrupt`: unusable as it stands, so storing a key may move it aside (not so a newer Saldo's file). */
  | { ok: false; error: SecretError; corrupt: boolean };

export interface EncryptedFileSecretStoreOptions {
  /** The data directory; the keys go to `secrets.json` in it. */
  dir: string;
  /** Electron's `safeStorage`, asked after the app is ready. */
  safeStorage: SafeStorageApi;
  platform?: NodeJS.Platform;
}

export class EncryptedFileSecretStore implements SecretStore {
  readonly #file: ConfJsonFile;
  readonly #safeStorage: SafeStorageApi;
  /** Judged once: safeStorage's backend is chosen at `ready` and stays for the run. */
  readonly #protection: SafeStorageProtection;

  constructor(options: EncryptedFileSecretStoreOptions) {
    this.#file = new ConfJsonFile(confStoreClass, options.dir, FILE_NAME);
    this.#safeStorage = options.safeStorage;
    this.#protection = safeStorageProtection(options.safeStorage, options.platform);
  }

  /** `<dir>/secrets.json`. */
  get path(): string {
    return this.#file.path;
  }

  async get(account: string): Promise<SecretResult<ApiKey | null>> {
    const refused = invalidAccount<ApiKey | null>(account) ?? this.#unusable<ApiKey | null>();
    if (refused) return refused;
    const loaded = this.#load();
    if (!loaded.ok) return { ok: false, error: loaded.error };
    const ciphertext = loaded.keys[account];
    return ciphertext === undefined ? succeed(null) : this.#decrypt(account, ciphertext);
  }

  async set(account: string, key: string, origin = DEFAULT_KEY_ORIGIN): Promise<SecretResult<undefined>> {
    const refused =
      invalidAccount<undefined>(account) ?? invalidKey<undefined>(key) ?? this.#unusable<undefined>();
    if (refused) return refused;
    const stored = encodeBoundKey({ key, origin });
    let ciphertext: string;
    try {
      ciphertext = this.#safeStorage.encryptString(stored).toString('base64');
    } catch (error) {
      return fail(
        'failed',
        `Electron's safeStorage could not encrypt the key (${errorText(error, [stored, key])}); nothing was stored.`,
      );
    }
    const loaded = this.#load();
    if (!loaded.ok && !loaded.corrupt) return { ok: false, error: loaded.error };
    if (!loaded.ok) {
      const moved = this.#file.moveAside(Date.now());
      if (!moved.ok)
        return fail(
          'failed',
          `${loaded.error.message} Moving it aside failed (${moved.message}): nothing was stored.`,
        );
    }
    return this.#write({ ...(loaded.ok ? loaded.keys : {}), [account]: ciphertext });
  }

  /** Needs no decryption, so it works even where safeStorage no longer can. */
  async delete(account: string): Promise<SecretResult<boolean>> {
    const refused = invalidAccount<boolean>(account);
    if (refused) return refused;
    const loaded = this.#load();
    if (!loaded.ok) return { ok: false, error: loaded.error };
    if (loaded.keys[account] === undefined) return succeed(false);
    const rest = Object.fromEntries(Object.entries(loaded.keys).filter(([name]) => name !== account));
    if (Object.keys(rest).length > 0) {
      const written = this.#write(rest);
      return written.ok ? succeed(true) : written;
    }
    // With the last key the file goes: the desktop app then prefers the keychain again (open-secret-store.ts).
    try {
      fs.rmSync(this.path);
      return succeed(true);
    } catch (error) {
      return fail('failed', `Saldo cannot remove ${this.path}: ${errorMessage(error)}`);
    }
  }

  describe(): SecretStoreDescription {
    return this.#protection.ok
      ? {
          backend: 'encrypted-file',
          detail: `${this.path}, encrypted by Electron's safeStorage with ${KEYCHAIN_WORDS.en.keeper[this.#protection.keeper]}`,
          keeper: this.#protection.keeper,
          path: this.path,
        }
      : { backend: 'unavailable', detail: this.#protection.detail };
  }

  #unusable<T>(): SecretResult<T> | null {
    return this.#protection.ok ? null : fail('unavailable', this.#protection.detail);
  }

  #load(): Loaded {
    const read = this.#file.read();
    if (read.kind === 'absent') return { ok: true, keys: {} };
    if (read.kind === 'io') return this.#failure(`Saldo cannot read ${this.path}: ${read.message}`, false);
    if (read.kind === 'unparsable') return this.#unreadable(read.reason);
    const migrated = migrateDocument(read.value, SECRETS_FORMAT);
    if (migrated.ok) return { ok: true, keys: migrated.value.keys };
    if (migrated.reason === 'newer') {
      return this.#failure(
        `${this.path} was written by a newer Saldo (schema version ${migrated.version}); update Saldo to use it. The file was left as it is.`,
        false,
      );
    }
    return this.#unreadable(`${migrated.field}: ${migrated.message}`);
  }

  #unreadable(reason: string): Loaded {
    return this.#failure(
      `${this.path} is unreadable (${reason}) and was left as it is: store the key again to start a new file (the old one is kept beside it).`,
      true,
    );
  }

  #failure(message: string, corrupt: boolean): Loaded {
    return { ok: false, error: { code: 'failed', message }, corrupt };
  }

  #decrypt(account: string, ciphertext: string): SecretResult<ApiKey> {
    const undecryptable = (why: string) =>
      fail<ApiKey>(
        'failed',
        `The key of ${account} in ${this.path} cannot be decrypted (${why}): it was encrypted for another user or ` +
          "computer, or the keyring holding safeStorage's key was reset. Store the key again; the file was left as it is.",
      );
    let text: string;
    try {
      text = this.#safeStorage.decryptString(Buffer.from(ciphertext, 'base64'));
    } catch (error) {
      return undecryptable(errorText(error));
    }
    // Decrypting someone else's ciphertext can "succeed" with garbage: that is no key either.
    const bound = decodeBoundKey(text);
    return bound !== null && invalidKey(bound.key) === null
      ? succeed(new ApiKey(bound.key, bound.origin))
      : undecryptable('it does not decrypt to a key');
  }

  #write(keys: Keys): SecretResult<undefined> {
    const written = this.#file.write({ schemaVersion: SECRETS_FORMAT.current, keys });
    return written.ok
      ? succeed(undefined)
      : fail('failed', `Saldo cannot write ${this.path}: ${written.message}`);
  }
}
