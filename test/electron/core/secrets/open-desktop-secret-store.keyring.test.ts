/**
 * openDesktopSecretStore with the real keychain (keytar and the Secret Service of
 * scripts/with-keyring.sh, which sets SALDO_TEST_KEYRING=1: there it must answer) and
 * `fakeSafeStorage` for Electron's, which cannot run here. Run bare on a machine without a keychain,
 * the encrypted file must be what is chosen instead.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_ACCOUNT,
  EncryptedFileSecretStore,
  KeytarSecretStore,
  openDesktopSecretStore,
} from '../../../../electron/core/secrets';
import { expectNoKey, FAKE_ADMIN_KEY, FAKE_PROJECT_KEY, fakeSafeStorage } from './secrets-test-kit';

const KEYRING_EXPECTED = process.env.SALDO_TEST_KEYRING === '1';
/** A service of the test's own: a developer's real `Saldo` entries are never touched. */
const SERVICE = `Saldo-test-${randomUUID()}`;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-desktop-keyring-'));
});
afterEach(async () => {
  await new KeytarSecretStore({ service: SERVICE }).delete(DEFAULT_ACCOUNT);
  fs.rmSync(dir, { recursive: true, force: true });
});

const open = () =>
  openDesktopSecretStore({
    env: { OPENAI_ADMIN_KEY: FAKE_PROJECT_KEY },
    dir,
    safeStorage: fakeSafeStorage(),
    platform: 'linux',
    keytar: { service: SERVICE },
  });

describe('openDesktopSecretStore against the real keychain', () => {
  it(`prefers the keychain${KEYRING_EXPECTED ? ' (SALDO_TEST_KEYRING=1: required)' : ', or takes the encrypted file without one'}`, async () => {
    const store = await open();
    const found = store.describe();
    if (!KEYRING_EXPECTED && found.backend !== 'keychain') {
      expect(store).toBeInstanceOf(EncryptedFileSecretStore);
      return;
    }
    expect(found, 'with-keyring.sh provides an unlocked gnome-keyring').toEqual({
      backend: 'keychain',
      detail: expect.stringContaining(`service "${SERVICE}"`),
      keeper: expect.any(String),
    });
    expect(await store.set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY)).toEqual({ ok: true, value: undefined });
    const got = await store.get(DEFAULT_ACCOUNT);
    expect(got.ok && got.value?.reveal()).toBe(FAKE_ADMIN_KEY);
    expectNoKey([found, got]);
    // The keychain holds it: nothing was written beside the other stores.
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('keeps using a key already in the encrypted file, and the keychain again once it is removed', async () => {
    const earlier = new EncryptedFileSecretStore({ dir, safeStorage: fakeSafeStorage(), platform: 'linux' });
    expect((await earlier.set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY)).ok).toBe(true);

    const store = await open();
    expect(store).toBeInstanceOf(EncryptedFileSecretStore);
    const got = await store.get(DEFAULT_ACCOUNT);
    expect(got.ok && got.value?.reveal()).toBe(FAKE_ADMIN_KEY);
    expect(await store.delete(DEFAULT_ACCOUNT)).toEqual({ ok: true, value: true });

    const next = await open();
    if (!KEYRING_EXPECTED && next.describe().backend !== 'keychain') {
      expect(next).toBeInstanceOf(EncryptedFileSecretStore);
      return;
    }
    expect(next).toBeInstanceOf(KeytarSecretStore);
    expect(await next.get(DEFAULT_ACCOUNT)).toEqual({ ok: true, value: null });
  });
});
