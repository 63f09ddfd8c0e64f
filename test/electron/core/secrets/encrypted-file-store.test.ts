/**
 * EncryptedFileSecretStore against a real temp directory. Electron's safeStorage cannot run here, so
 * `fakeSafeStorage` (a reversible transform that is not the identity) stands in for it: the file
 * must then hold neither the key nor anything of it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeyKeeper } from '../../../../shared/keychain/keychain-words';
import {
  DEFAULT_ACCOUNT,
  EncryptedFileSecretStore,
  type SafeStorageApi,
} from '../../../../electron/core/secrets';
import { expectNoKey, FAKE_ADMIN_KEY, FAKE_PROJECT_KEY, fakeSafeStorage, KEY_MARK } from './secrets-test-kit';

const WORK = 'openai:work';
let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-secrets-'));
  file = path.join(dir, 'secrets.json');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(safeStorage: SafeStorageApi = fakeSafeStorage(), platform: NodeJS.Platform = 'linux') {
  return new EncryptedFileSecretStore({ dir, safeStorage, platform });
}

async function revealed(store: EncryptedFileSecretStore, account = DEFAULT_ACCOUNT) {
  const got = await store.get(account);
  expectNoKey(got);
  return got.ok ? (got.value?.reveal() ?? null) : got.error;
}

/** The file, parsed, checked to hold no key: neither in its text nor inside the decoded base64. */
function onDisk(): { schemaVersion: number; keys: Record<string, string> } {
  const text = fs.readFileSync(file, 'utf8');
  const json = JSON.parse(text) as ReturnType<typeof onDisk>;
  const decoded = Object.values(json.keys).map((entry) => Buffer.from(entry, 'base64').toString('latin1'));
  for (const seen of [text, ...decoded]) {
    expect(seen).not.toContain(KEY_MARK);
    for (const key of [FAKE_ADMIN_KEY, FAKE_PROJECT_KEY]) expect(seen).not.toContain(key.slice(-16));
  }
  return json;
}

describe('EncryptedFileSecretStore', () => {
  it('round-trips, replaces and deletes per account, holding only ciphertext on disk', async () => {
    const store = open();
    expect(await store.get(DEFAULT_ACCOUNT)).toEqual({ ok: true, value: null });
    expect(fs.existsSync(file)).toBe(false);

    expect(await store.set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY)).toEqual({ ok: true, value: undefined });
    expect(await store.set(WORK, FAKE_PROJECT_KEY)).toEqual({ ok: true, value: undefined });
    expect(await revealed(store)).toBe(FAKE_ADMIN_KEY);
    expect(await revealed(store, WORK)).toBe(FAKE_PROJECT_KEY);
    const json = onDisk();
    expect(json).toEqual({
      schemaVersion: 1,
      keys: { [DEFAULT_ACCOUNT]: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/), [WORK]: expect.any(String) },
    });
    // A second store (the next start) reads what the first wrote.
    expect(await revealed(open())).toBe(FAKE_ADMIN_KEY);

    expect((await store.set(DEFAULT_ACCOUNT, FAKE_PROJECT_KEY)).ok).toBe(true);
    expect(await revealed(store)).toBe(FAKE_PROJECT_KEY);
    expect(onDisk().keys[WORK]).toBe(json.keys[WORK]);

    expect(await store.delete(DEFAULT_ACCOUNT)).toEqual({ ok: true, value: true });
    expect(await store.delete(DEFAULT_ACCOUNT)).toEqual({ ok: true, value: false });
    expect(await store.get(DEFAULT_ACCOUNT)).toEqual({ ok: true, value: null });
    expect(Object.keys(onDisk().keys)).toEqual([WORK]);
  });

  it('removes the file with the last key, so the keychain is preferred again', async () => {
    const store = open();
    await store.set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY);
    expect(fs.existsSync(file)).toBe(true);
    expect(await store.delete(DEFAULT_ACCOUNT)).toEqual({ ok: true, value: true });
    expect(fs.existsSync(file)).toBe(false);
    expect(await store.set(DEFAULT_ACCOUNT, FAKE_PROJECT_KEY)).toMatchObject({ ok: true });
    expect(await revealed(store)).toBe(FAKE_PROJECT_KEY);
  });

  it.runIf(process.platform !== 'win32')('writes the file for its owner only (mode 0600)', async () => {
    await open().set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });

  it.each<[NodeJS.Platform, string | undefined, KeyKeeper, string]>([
    ['darwin', undefined, 'macos-keychain', 'the macOS Keychain'],
    ['win32', undefined, 'windows-dpapi', "Windows' DPAPI"],
    ['linux', 'gnome_libsecret', 'secret-service', 'the Secret Service keyring (GNOME Keyring or KWallet)'],
    ['linux', 'kwallet6', 'kwallet', 'KWallet'],
    ['linux', 'a_future_store', 'system-keyring', "your system's keyring"],
  ])('says where the key is on %s (%s)', (platform, linuxBackend, keeper, by) => {
    const store = open(fakeSafeStorage({ linuxBackend }), platform);
    expect(store.describe()).toEqual({
      backend: 'encrypted-file',
      detail: `${file}, encrypted by Electron's safeStorage with ${by}`,
      keeper,
      path: file,
    });
  });

  it.each([
    ['encryption is unavailable', fakeSafeStorage({ available: false }), /cannot encrypt on this computer/],
    [
      "Linux's only backend is basic_text (a password built into Electron)",
      fakeSafeStorage({ linuxBackend: 'basic_text' }),
      /basic_text\), which anyone who can read the file can undo, so Saldo does not store the key that way/,
    ],
    [
      'safeStorage is asked before the app is ready',
      fakeSafeStorage({ linuxBackend: 'unknown' }),
      /before the app was ready/,
    ],
  ])('refuses to keep a key when %s, and writes nothing', async (_, safeStorage, why) => {
    const store = open(safeStorage);
    const { backend, detail } = store.describe();
    expect(backend).toBe('unavailable');
    expect(detail).toMatch(why);
    const unavailable = { ok: false, error: { code: 'unavailable', message: detail } };
    expect(await store.set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY)).toEqual(unavailable);
    expect(await store.get(DEFAULT_ACCOUNT)).toEqual(unavailable);
    expect(fs.existsSync(file)).toBe(false);
  });

  it.each([
    ['not JSON', '{"schemaVersion": 1, "keys": {', /is unreadable \(not valid JSON\)/],
    ['no schemaVersion', '{"keys": {}}', /is unreadable \(schemaVersion: must be a whole number/],
    [
      'an entry that is not ciphertext',
      JSON.stringify({ schemaVersion: 1, keys: { [DEFAULT_ACCOUNT]: 'not base64!' } }),
      /is unreadable \(keys\.openai:default: must be base64 ciphertext\)/,
    ],
  ])(
    'reports a corrupt file (%s), keeps it, and moves it aside only to store a key again',
    async (_, text, why) => {
      fs.writeFileSync(file, text);
      const store = open();
      const got = await store.get(DEFAULT_ACCOUNT);
      expect(got).toMatchObject({
        ok: false,
        error: { code: 'failed', message: expect.stringMatching(why) },
      });
      expect(got.ok || got.error.message).toContain(file);
      expect(await store.delete(DEFAULT_ACCOUNT)).toMatchObject({ ok: false, error: { code: 'failed' } });
      expect(fs.readFileSync(file, 'utf8')).toBe(text);

      expect(await store.set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY)).toEqual({ ok: true, value: undefined });
      expect(await revealed(store)).toBe(FAKE_ADMIN_KEY);
      const aside = fs.readdirSync(dir).filter((name) => /^secrets\.corrupt-.*\.json$/.test(name));
      expect(aside).toHaveLength(1);
      expect(fs.readFileSync(path.join(dir, aside[0]!), 'utf8')).toBe(text);
    },
  );

  it('leaves a newer Saldo’s file alone: neither read nor overwritten', async () => {
    const text = JSON.stringify({ schemaVersion: 2, keys: {} });
    fs.writeFileSync(file, text);
    const store = open();
    const newer = { ok: false, error: { code: 'failed', message: expect.stringContaining('newer Saldo') } };
    expect(await store.get(DEFAULT_ACCOUNT)).toMatchObject(newer);
    expect(await store.set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY)).toMatchObject(newer);
    expect(fs.readFileSync(file, 'utf8')).toBe(text);
    expect(fs.readdirSync(dir)).toEqual(['secrets.json']);
  });

  it('reports an entry it cannot decrypt, keeps the others, and replaces it only when asked', async () => {
    await open().set(WORK, FAKE_PROJECT_KEY);
    const foreign = Buffer.from('v10 made by another computer').toString('base64');
    const json = onDisk();
    fs.writeFileSync(file, JSON.stringify({ ...json, keys: { ...json.keys, [DEFAULT_ACCOUNT]: foreign } }));
    const before = fs.readFileSync(file, 'utf8');

    const store = open();
    expect(await store.get(DEFAULT_ACCOUNT)).toEqual({
      ok: false,
      error: {
        code: 'failed',
        message: expect.stringMatching(
          new RegExp(
            `^The key of openai:default in ${file} cannot be decrypted \\(Error while decrypting .*Store the key again`,
          ),
        ),
      },
    });
    expect(await revealed(store, WORK)).toBe(FAKE_PROJECT_KEY);
    expect(fs.readFileSync(file, 'utf8')).toBe(before);

    expect((await store.set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY)).ok).toBe(true);
    expect(await revealed(store)).toBe(FAKE_ADMIN_KEY);
    expect(await revealed(store, WORK)).toBe(FAKE_PROJECT_KEY);
  });

  it('does not take what decrypts to something no key looks like', async () => {
    const garbage: SafeStorageApi = { ...fakeSafeStorage(), decryptString: () => 'line one\nline two' };
    await open().set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY);
    expect(await open(garbage).get(DEFAULT_ACCOUNT)).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringContaining('it does not decrypt to a key') },
    });
  });

  it('says when safeStorage fails to encrypt, without the key it was given', async () => {
    const echoing: SafeStorageApi = {
      ...fakeSafeStorage(),
      encryptString: (text) => {
        throw new Error(`cannot encrypt ${text}`);
      },
    };
    const set = await open(echoing).set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY);
    expect(set).toEqual({
      ok: false,
      error: {
        code: 'failed',
        message:
          "Electron's safeStorage could not encrypt the key (cannot encrypt [key]); nothing was stored.",
      },
    });
    expectNoKey(set);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('says it cannot reach a file behind a regular file, and stores nothing', async () => {
    fs.writeFileSync(path.join(dir, 'plain'), 'not a directory');
    const store = new EncryptedFileSecretStore({
      dir: path.join(dir, 'plain'),
      safeStorage: fakeSafeStorage(),
      platform: 'linux',
    });
    expect(await store.get(DEFAULT_ACCOUNT)).toMatchObject({
      ok: false,
      error: { code: 'failed', message: expect.stringMatching(/^Saldo cannot read .*ENOTDIR/) },
    });
    expect(await store.set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY)).toMatchObject({
      ok: false,
      error: { code: 'failed' },
    });
  });

  it('refuses a bad account or a broken key before touching the file', async () => {
    const store = open();
    for (const refused of [
      await store.get('default'),
      await store.set(FAKE_ADMIN_KEY, DEFAULT_ACCOUNT),
      await store.set(DEFAULT_ACCOUNT, `${FAKE_ADMIN_KEY} x`),
      await store.delete('default'),
    ]) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid' } });
      expectNoKey(refused);
    }
    expect(fs.existsSync(file)).toBe(false);
  });
});
