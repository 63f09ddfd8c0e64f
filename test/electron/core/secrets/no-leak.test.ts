/**
 * The key never leaves through a store: for every store and every operation, the result, its error
 * and describe() are checked as JSON, as util.inspect output and as a string.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ACCOUNT,
  EnvironmentSecretStore,
  KeytarSecretStore,
  MemorySecretStore,
  type SecretStore,
  UnavailableSecretStore,
} from '../../../../electron/core/secrets';
import {
  expectNoKey,
  FAKE_ADMIN_KEY,
  FAKE_PROJECT_KEY,
  moduleNotFound,
  recordingKeytar,
  throwingKeytar,
} from './secrets-test-kit';

/** A keychain that quotes everything it was given back in its error, the worst case. */
const echoing = throwingKeytar(new Error(`could not store ${FAKE_ADMIN_KEY} or ${FAKE_PROJECT_KEY}`));

const stores: [string, () => SecretStore][] = [
  ['memory', () => new MemorySecretStore()],
  ['environment', () => new EnvironmentSecretStore({ OPENAI_ADMIN_KEY: FAKE_ADMIN_KEY })],
  ['unavailable', () => new UnavailableSecretStore('Install libsecret.')],
  ['keychain', () => new KeytarSecretStore({ loadKeytar: async () => recordingKeytar() })],
  [
    'keychain that echoes the key in errors',
    () => new KeytarSecretStore({ loadKeytar: async () => echoing }),
  ],
  [
    'keychain without keytar',
    () => new KeytarSecretStore({ loadKeytar: () => Promise.reject(moduleNotFound()) }),
  ],
];

describe.each(stores)('the %s store', (_, open) => {
  it('says nothing of the key in any result, error or description', async () => {
    const store = open();
    const seen: unknown[] = [store.describe()];
    for (const key of [FAKE_ADMIN_KEY, FAKE_PROJECT_KEY, ` ${FAKE_ADMIN_KEY}\n`, `${FAKE_ADMIN_KEY} x`]) {
      seen.push(await store.set(DEFAULT_ACCOUNT, key));
      seen.push(await store.get(DEFAULT_ACCOUNT));
      seen.push(await store.set(key, key));
      seen.push(await store.get(key));
    }
    seen.push(await store.delete(DEFAULT_ACCOUNT), store.describe());
    expect(seen.length).toBe(19);
    for (const value of seen) expectNoKey(value);
  });
});
