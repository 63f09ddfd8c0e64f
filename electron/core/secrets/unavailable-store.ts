/**
 * The store when no keychain exists and no key came from the environment: every operation answers
 * `unavailable` with what to install, so the CLI and the app can say it instead of crashing.
 */
import type { KeychainAdvice } from '../../../shared/keychain/keychain-words';
import {
  type ApiKey,
  fail,
  invalidAccount,
  invalidKey,
  type SecretResult,
  type SecretStore,
  type SecretStoreDescription,
} from './secret-store';

export class UnavailableSecretStore implements SecretStore {
  readonly #detail: string;
  readonly #advice: KeychainAdvice | undefined;

  constructor(detail: string, advice?: KeychainAdvice) {
    this.#detail = detail;
    this.#advice = advice;
  }

  // Malformed input is still reported as such: the caller's mistake is not the machine's.
  async get(account: string): Promise<SecretResult<ApiKey | null>> {
    return invalidAccount(account) ?? fail('unavailable', this.#detail);
  }

  async set(account: string, key: string): Promise<SecretResult<undefined>> {
    return invalidAccount(account) ?? invalidKey(key) ?? fail('unavailable', this.#detail);
  }

  async delete(account: string): Promise<SecretResult<boolean>> {
    return invalidAccount(account) ?? fail('unavailable', this.#detail);
  }

  describe(): SecretStoreDescription {
    return { backend: 'unavailable', detail: this.#detail, advice: this.#advice };
  }
}
