/**
 * A real keychain round trip through keytar and the Secret Service. `npm run test:unit` runs inside
 * scripts/with-keyring.sh (a private D-Bus session, an unlocked gnome-keyring, SALDO_TEST_KEYRING=1):
 * there the keychain must work, and these tests fail rather than skip when it does not. Run bare
 * (no SALDO_TEST_KEYRING), the store must either work or say it is unavailable and what to install.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  KeytarSecretStore,
  openSecretStore,
  type SecretStoreDescription,
} from '../../../../electron/core/secrets';
import { expectNoKey, FAKE_ADMIN_KEY, FAKE_PROJECT_KEY } from './secrets-test-kit';

const KEYRING_EXPECTED = process.env.SALDO_TEST_KEYRING === '1';
/** A service of the test's own: a developer's real `Saldo` entries are never touched. */
const SERVICE = `Saldo-test-${randomUUID()}`;
const ACCOUNT = 'openai:keyring-test';

/** Bare runs on a machine without a keychain: unavailable, and saying what to install. */
function expectHelpfullyUnavailable(found: SecretStoreDescription): void {
  expect(found.backend).toBe('unavailable');
  expect(found.detail).toMatch(
    /sudo apt install libsecret-1-0 gnome-keyring|npm install|npm rebuild keytar|Reinstall Saldo/,
  );
  expect(found.advice).toBeDefined();
}

describe('KeytarSecretStore against the real keychain', () => {
  const store = new KeytarSecretStore({ service: SERVICE });

  afterAll(async () => {
    await store.delete(ACCOUNT);
  });

  it(`is available${KEYRING_EXPECTED ? ' (SALDO_TEST_KEYRING=1: required)' : ' or says what to install'}`, async () => {
    const found = await store.probe();
    if (KEYRING_EXPECTED || found.backend !== 'unavailable') {
      expect(found, 'with-keyring.sh provides an unlocked gnome-keyring').toEqual({
        backend: 'keychain',
        detail: expect.stringContaining(`service "${SERVICE}"`),
        keeper: expect.any(String),
      });
    } else {
      expectHelpfullyUnavailable(found);
      const got = await store.get(ACCOUNT);
      expect(got).toMatchObject({ ok: false, error: { code: 'unavailable', message: found.detail } });
    }
  });

  it('sets, gets, overwrites, deletes, and then gets nothing', async () => {
    const found = await store.probe();
    if (!KEYRING_EXPECTED && found.backend === 'unavailable') {
      // No keychain here and none promised: the set must be refused with the same helpful detail.
      expectHelpfullyUnavailable(found);
      const set = await store.set(ACCOUNT, FAKE_ADMIN_KEY);
      expect(set).toEqual({ ok: false, error: { code: 'unavailable', message: found.detail } });
      expectNoKey(set);
      return;
    }
    expect(await store.get(ACCOUNT)).toEqual({ ok: true, value: null });
    expect(await store.set(ACCOUNT, FAKE_ADMIN_KEY)).toEqual({ ok: true, value: undefined });

    const first = await store.get(ACCOUNT);
    expect(first.ok && first.value?.reveal()).toBe(FAKE_ADMIN_KEY);
    expectNoKey(first);

    expect((await store.set(ACCOUNT, FAKE_PROJECT_KEY)).ok).toBe(true);
    const second = await store.get(ACCOUNT);
    expect(second.ok && second.value?.reveal()).toBe(FAKE_PROJECT_KEY);

    expect(await store.delete(ACCOUNT)).toEqual({ ok: true, value: true });
    expect(await store.get(ACCOUNT)).toEqual({ ok: true, value: null });
    expect(await store.delete(ACCOUNT)).toEqual({ ok: true, value: false });
  });

  it('keeps each profile under its own account', async () => {
    const found = await store.probe();
    if (!KEYRING_EXPECTED && found.backend === 'unavailable') return expectHelpfullyUnavailable(found);
    const other = 'openai:keyring-test-2';
    expect((await store.set(ACCOUNT, FAKE_ADMIN_KEY)).ok).toBe(true);
    expect((await store.set(other, FAKE_PROJECT_KEY)).ok).toBe(true);
    const [a, b] = [await store.get(ACCOUNT), await store.get(other)];
    expect(a.ok && a.value?.reveal()).toBe(FAKE_ADMIN_KEY);
    expect(b.ok && b.value?.reveal()).toBe(FAKE_PROJECT_KEY);
    expect((await store.delete(other)).ok).toBe(true);
    expect((await store.delete(ACCOUNT)).ok).toBe(true);
  });

  it('is what openSecretStore picks, even with OPENAI_ADMIN_KEY set', async () => {
    const opened = await openSecretStore({ OPENAI_ADMIN_KEY: FAKE_ADMIN_KEY }, { service: SERVICE });
    const found = opened.describe();
    if (!KEYRING_EXPECTED && found.backend !== 'keychain') {
      expect(found.backend).toBe('environment');
      return;
    }
    expect(found.backend).toBe('keychain');
    expect(opened).toBeInstanceOf(KeytarSecretStore);
    expectNoKey(found);
  });
});
