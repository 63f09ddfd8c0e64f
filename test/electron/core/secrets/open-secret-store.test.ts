/**
 * openSecretStore's and openDesktopSecretStore's choice, with keytar injected and `fakeSafeStorage`
 * for Electron's (the real keychain's turn is in the keyring tests).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_ACCOUNT,
  EncryptedFileSecretStore,
  EnvironmentSecretStore,
  KeytarSecretStore,
  type KeytarSecretStoreOptions,
  openDesktopSecretStore,
  openSecretStore,
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

const noKeytar = { loadKeytar: () => Promise.reject(moduleNotFound()) };
const noBus = {
  loadKeytar: async () => throwingKeytar(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
};

describe('openSecretStore', () => {
  it('takes the keychain when it answers, even with OPENAI_ADMIN_KEY set', async () => {
    const store = await openSecretStore(
      { OPENAI_ADMIN_KEY: FAKE_ADMIN_KEY },
      { loadKeytar: async () => recordingKeytar() },
    );
    expect(store).toBeInstanceOf(KeytarSecretStore);
    expect(store.describe()).toEqual({
      backend: 'keychain',
      detail: expect.stringContaining('service "Saldo"'),
      keeper: expect.any(String),
    });
  });

  it.each([
    ['keytar is not installed', noKeytar],
    ['there is no session bus', noBus],
  ])('falls back to OPENAI_ADMIN_KEY when %s', async (_, options) => {
    const store = await openSecretStore({ OPENAI_ADMIN_KEY: FAKE_ADMIN_KEY }, options);
    expect(store).toBeInstanceOf(EnvironmentSecretStore);
    const got = await store.get(DEFAULT_ACCOUNT);
    expect(got.ok && got.value?.reveal()).toBe(FAKE_ADMIN_KEY);
    expectNoKey([store.describe(), got]);
  });

  it.each([
    ['keytar is not installed', noKeytar, /keytar\) is not installed/],
    ['there is no session bus', noBus, /Cannot autolaunch D-Bus/],
  ])('is unavailable without either when %s, saying what to install or set', async (_, options, why) => {
    const store = await openSecretStore({ OPENAI_ADMIN_KEY: ' ' }, options);
    expect(store).toBeInstanceOf(UnavailableSecretStore);
    const { backend, detail } = store.describe();
    expect(backend).toBe('unavailable');
    expect(detail).toMatch(why);
    expect(detail).toMatch(
      /sudo apt install libsecret-1-0 gnome-keyring|npm install|npm rebuild keytar|Reinstall Saldo/,
    );
    expect(detail).toContain('Or set OPENAI_ADMIN_KEY to use an Admin key for one run without storing it.');
    expect(await store.set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY)).toEqual({
      ok: false,
      error: { code: 'unavailable', message: detail },
    });
  });
});

describe('openDesktopSecretStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-desktop-secrets-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const keychain = { loadKeytar: async () => recordingKeytar() };
  const open = (
    keytar: KeytarSecretStoreOptions,
    safeStorage = fakeSafeStorage(),
    env: Record<string, string> = {},
  ) => openDesktopSecretStore({ env, dir, safeStorage, platform: 'linux', keytar });

  it('takes the keychain when it answers and no key is in the encrypted file', async () => {
    const store = await open(keychain, fakeSafeStorage(), { OPENAI_ADMIN_KEY: FAKE_ADMIN_KEY });
    expect(store).toBeInstanceOf(KeytarSecretStore);
  });

  it.each([
    ['keytar is not installed', noKeytar],
    ['there is no session bus', noBus],
  ])('takes the encrypted file when %s, even with OPENAI_ADMIN_KEY set', async (_, keytar) => {
    const store = await open(keytar, fakeSafeStorage(), { OPENAI_ADMIN_KEY: FAKE_PROJECT_KEY });
    expect(store).toBeInstanceOf(EncryptedFileSecretStore);
    expect(store.describe()).toEqual({
      backend: 'encrypted-file',
      detail: `${path.join(dir, 'secrets.json')}, encrypted by Electron's safeStorage with the Secret Service keyring (GNOME Keyring or KWallet)`,
      keeper: 'secret-service',
      path: path.join(dir, 'secrets.json'),
    });
    expect(await store.set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY)).toEqual({ ok: true, value: undefined });
    const got = await store.get(DEFAULT_ACCOUNT);
    expect(got.ok && got.value?.reveal()).toBe(FAKE_ADMIN_KEY);
  });

  it('keeps a key where it is: the encrypted file stays in use once the keychain answers, until it is removed', async () => {
    const before = await open(noKeytar);
    expect((await before.set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY)).ok).toBe(true);

    const after = await open(keychain);
    expect(after).toBeInstanceOf(EncryptedFileSecretStore);
    const got = await after.get(DEFAULT_ACCOUNT);
    expect(got.ok && got.value?.reveal()).toBe(FAKE_ADMIN_KEY);

    expect(await after.delete(DEFAULT_ACCOUNT)).toEqual({ ok: true, value: true });
    expect(await open(keychain)).toBeInstanceOf(KeytarSecretStore);
  });

  it('takes the keychain over an encrypted file safeStorage cannot read here, and leaves the file alone', async () => {
    await (await open(noKeytar)).set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY);
    const text = fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8');
    expect(await open(keychain, fakeSafeStorage({ available: false }))).toBeInstanceOf(KeytarSecretStore);
    expect(fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8')).toBe(text);
  });

  it('falls back to OPENAI_ADMIN_KEY when neither the keychain nor safeStorage can keep a key', async () => {
    const store = await open(noBus, fakeSafeStorage({ available: false }), {
      OPENAI_ADMIN_KEY: FAKE_ADMIN_KEY,
    });
    expect(store).toBeInstanceOf(EnvironmentSecretStore);
  });

  it('is unavailable on basic_text without the variable, giving every reason and what to do', async () => {
    const store = await open(noBus, fakeSafeStorage({ linuxBackend: 'basic_text' }));
    expect(store).toBeInstanceOf(UnavailableSecretStore);
    const { detail } = store.describe();
    expect(detail).toMatch(/^No keychain service answered on this session \(Cannot autolaunch D-Bus/);
    expect(detail).toMatch(
      /sudo apt install libsecret-1-0 gnome-keyring|npm install|npm rebuild keytar|Reinstall Saldo/,
    );
    expect(detail).toContain('(basic_text), which anyone who can read the file can undo');
    expect(detail).toMatch(/Or set OPENAI_ADMIN_KEY to use an Admin key for one run without storing it\.$/);
    expect(fs.existsSync(path.join(dir, 'secrets.json'))).toBe(false);
  });
});
