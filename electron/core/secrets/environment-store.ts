/**
 * The key from `OPENAI_ADMIN_KEY`, for machines without a keychain (a headless server, CI). It is
 * read once, used for this run only and written nowhere: `set` and `delete` refuse, because a
 * "stored" key that silently vanishes at exit would be worse than being told.
 */
import type { KeychainAdvice } from '../../../shared/keychain/keychain-words';
import { apiOriginOf, DEFAULT_KEY_ORIGIN } from '../../../shared/security/key-origin';
import { normalizeKey } from './key-form';
import {
  ApiKey,
  fail,
  invalidAccount,
  invalidKey,
  providerOf,
  type SecretResult,
  type SecretStore,
  type SecretStoreDescription,
  succeed,
} from './secret-store';

export const ENV_KEY_VARIABLE = 'OPENAI_ADMIN_KEY';

/** The trimmed `OPENAI_ADMIN_KEY`, or null when unset or blank. */
export function environmentKey(env: Readonly<Record<string, string | undefined>>): string | null {
  const key = normalizeKey(env[ENV_KEY_VARIABLE] ?? '');
  return key === '' ? null : key;
}

/**
 * The origin `OPENAI_ADMIN_KEY` is given for: `OPENAI_BASE_URL`'s when set (and allowed), else
 * OpenAI's API — set beside the key by whoever started Saldo, never taken from the settings file.
 */
export function environmentKeyOrigin(env: Readonly<Record<string, string | undefined>>): string {
  const base = env.OPENAI_BASE_URL;
  const read = base === undefined || base === '' ? null : apiOriginOf(base);
  return read?.ok ? read.origin : DEFAULT_KEY_ORIGIN;
}

export class EnvironmentSecretStore implements SecretStore {
  readonly #key: ApiKey | null;
  readonly #advice: KeychainAdvice | undefined;

  /**
   * Reads the variable now; a later change of `env` does not count (one key per run). `advice`:
   * what would give Saldo the keychain it lacks, so the key could be stored.
   */
  constructor(env: Readonly<Record<string, string | undefined>>, advice?: KeychainAdvice) {
    const key = environmentKey(env);
    this.#key = key === null ? null : new ApiKey(key, environmentKeyOrigin(env));
    this.#advice = advice;
  }

  /** The variable names an OpenAI key, so it serves every `openai:` profile and nothing else. */
  async get(account: string): Promise<SecretResult<ApiKey | null>> {
    return invalidAccount(account) ?? succeed(providerOf(account) === 'openai' ? this.#key : null);
  }

  async set(account: string, key: string): Promise<SecretResult<undefined>> {
    const refused = invalidAccount<undefined>(account) ?? invalidKey<undefined>(key);
    if (refused) return refused;
    return fail(
      'read-only',
      `No keychain is available, so the key cannot be stored: ${ENV_KEY_VARIABLE} is used for this run only.`,
    );
  }

  async delete(account: string): Promise<SecretResult<boolean>> {
    return (
      invalidAccount(account) ??
      fail('read-only', `The key comes from ${ENV_KEY_VARIABLE}: unset the variable to stop using it.`)
    );
  }

  describe(): SecretStoreDescription {
    return {
      backend: 'environment',
      detail: this.#key
        ? `${ENV_KEY_VARIABLE} (${this.#key.masked}), for this run only: it is not stored.`
        : `${ENV_KEY_VARIABLE} is not set.`,
      advice: this.#advice,
    };
  }
}
