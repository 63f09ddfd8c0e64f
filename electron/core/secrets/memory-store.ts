/**
 * Keys held in this process's memory only, gone when it exits: for tests. (Where neither a keychain
 * nor Electron's safeStorage can keep a key, the desktop app says so rather than keep it here.)
 */
import {
  ApiKey,
  invalidAccount,
  invalidKey,
  type SecretResult,
  type SecretStore,
  type SecretStoreDescription,
  succeed,
} from './secret-store';

export class MemorySecretStore implements SecretStore {
  readonly #keys = new Map<string, ApiKey>();

  async get(account: string): Promise<SecretResult<ApiKey | null>> {
    return invalidAccount(account) ?? succeed(this.#keys.get(account) ?? null);
  }

  async set(account: string, key: string, origin?: string): Promise<SecretResult<undefined>> {
    const refused = invalidAccount<undefined>(account) ?? invalidKey<undefined>(key);
    if (refused) return refused;
    this.#keys.set(account, new ApiKey(key, origin));
    return succeed(undefined);
  }

  async delete(account: string): Promise<SecretResult<boolean>> {
    return invalidAccount(account) ?? succeed(this.#keys.delete(account));
  }

  describe(): SecretStoreDescription {
    return { backend: 'memory', detail: 'Held in memory for this run only: nothing is written to disk.' };
  }
}
