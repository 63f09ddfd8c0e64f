/**
 * The key never leaves through a store: for every store and every operation, the result, its error
 * and describe() are checked as JSON, as util.inspect output and as a string.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_ACCOUNT,
  EncryptedFileSecretStore,
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
  fakeSafeStorage,
  moduleNotFound,
  recordingKeytar,
  throwingKeytar,
} from './secrets-test-kit';

/** A keychain that quotes everything it was given back in its error, the worst case. */
const echoing = throwingKeytar(new Error(`could not store ${FAKE_ADMIN_KEY} or ${FAKE_PROJECT_KEY}`));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-no-leak-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
/** An encrypted file store in a directory of its own, over `safeStorage`. */
const encrypted =
  (safeStorage = fakeSafeStorage()) =>
  () =>
    new EncryptedFileSecretStore({
      dir: fs.mkdtempSync(path.join(tmp, 'store-')),
      safeStorage,
      platform: 'linux',
    });

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
  ['encrypted file', encrypted()],
  [
    'encrypted file whose safeStorage echoes the key in errors',
    encrypted({
      ...fakeSafeStorage(),
      encryptString: (text) => {
        throw new Error(`could not encrypt ${text}`);
      },
    }),
  ],
  ['encrypted file on basic_text', encrypted(fakeSafeStorage({ linuxBackend: 'basic_text' }))],
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
