/**
 * KeytarSecretStore with keytar injected: how each way of failing is reported (the real keychain
 * round trip is in keytar-store.keyring.test.ts, the real no-bus case in keytar-no-bus.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT, KEYCHAIN_SERVICE, KeytarSecretStore } from '../../../../electron/core/secrets';
import { keychainAdvice, keychainKeeper } from '../../../../electron/core/secrets/keychain-errors';
import {
  expectNoKey,
  FAKE_ADMIN_KEY,
  moduleNotFound,
  recordingKeytar,
  throwingKeytar,
} from './secrets-test-kit';

const BUILD_TOOLS =
  'Install libsecret-1-dev and the build tools (Debian/Ubuntu: sudo apt install libsecret-1-dev build-essential python3)';

describe('KeytarSecretStore when keytar cannot load', () => {
  it.each([
    [
      'is not installed',
      () => Promise.reject(moduleNotFound()),
      /keytar\) is not installed/,
      'install-keytar',
      `${BUILD_TOOLS}, then run npm install in Saldo's folder`,
    ],
    [
      'has a native part that cannot load',
      () =>
        Promise.reject(
          new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory'),
        ),
      /could not load \(libsecret-1\.so\.0: cannot open shared object file/,
      'build-keytar',
      `${BUILD_TOOLS}, then run npm rebuild keytar in Saldo's folder.`,
    ],
    [
      'throws synchronously',
      () => {
        throw new Error('dlopen failed');
      },
      /could not load \(dlopen failed\)/,
      'build-keytar',
      'npm rebuild keytar',
    ],
  ])(
    'is unavailable when keytar %s, and every operation says why',
    async (_, loadKeytar, said, advice, words) => {
      // A source checkout (the command line's default): keytar is built on this machine.
      const store = new KeytarSecretStore({ loadKeytar });
      const found = await store.probe();
      expect(found.backend).toBe('unavailable');
      expect(found.detail).toMatch(said);
      if (process.platform === 'linux') {
        expect(found.advice).toBe(advice);
        expect(found.detail).toContain(words);
      }
      const unavailable = { ok: false, error: { code: 'unavailable', message: found.detail } };
      expect(await store.get(DEFAULT_ACCOUNT)).toEqual(unavailable);
      expect(await store.set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY)).toEqual(unavailable);
      expect(await store.delete(DEFAULT_ACCOUNT)).toEqual(unavailable);
    },
  );

  it('loads keytar once, lazily, on first use', async () => {
    let loads = 0;
    const keytar = recordingKeytar();
    const store = new KeytarSecretStore({
      loadKeytar: async () => {
        loads += 1;
        return keytar;
      },
    });
    expect(loads).toBe(0);
    expect(store.describe()).toMatchObject({
      backend: 'keychain',
      detail: expect.stringContaining('not checked'),
    });
    await Promise.all([store.get(DEFAULT_ACCOUNT), store.get(DEFAULT_ACCOUNT), store.probe()]);
    expect(loads).toBe(1);
  });
});

describe('the advice where there is no keychain', () => {
  it.each([
    ['keytar-missing', 'source', 'linux', 'install-keytar'],
    ['keytar-broken', 'source', 'linux', 'build-keytar'],
    ['no-service', 'source', 'linux', 'install-keyring'],
    ['keytar-missing', 'installed', 'linux', 'install-keyring'],
    ['keytar-broken', 'installed', 'linux', 'install-keyring'],
    ['no-service', 'installed', 'linux', 'install-keyring'],
    ['keytar-broken', 'source', 'darwin', 'rebuild-keytar'],
    ['keytar-missing', 'installed', 'win32', 'reinstall'],
  ] as const)('%s in a %s setup on %s → %s', (gap, setup, platform, advice) => {
    expect(keychainAdvice(gap, setup, platform)).toBe(advice);
  });

  it("tells an installed app's user to install the system's keyring, not to build anything", async () => {
    const store = new KeytarSecretStore({
      loadKeytar: () => Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file')),
      setup: 'installed',
    });
    const found = await store.probe();
    if (process.platform !== 'linux') return;
    expect(found.advice).toBe('install-keyring');
    expect(found.detail).toContain('sudo apt install libsecret-1-0 gnome-keyring');
    expect(found.detail).not.toContain('npm');
  });

  it('describes a working keychain by a code as well as in words', async () => {
    const store = new KeytarSecretStore({ loadKeytar: async () => recordingKeytar() });
    expect(await store.probe()).toMatchObject({ backend: 'keychain', keeper: keychainKeeper() });
  });
});

describe('KeytarSecretStore when the keychain fails', () => {
  it.each([
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'unavailable'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'unavailable'],
    ['Cannot create an item in a locked collection', 'locked'],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'locked'],
    ['Something else went wrong', 'failed'],
  ])('"%s" → %s', async (message, code) => {
    const store = new KeytarSecretStore({ loadKeytar: async () => throwingKeytar(new Error(message)) });
    const set = await store.set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY);
    expect(set).toMatchObject({ ok: false, error: { code, message: expect.stringContaining(message) } });
    // No keychain at all makes the store unavailable from then on; a locked one stays a keychain.
    expect(store.describe().backend).toBe(code === 'unavailable' ? 'unavailable' : 'keychain');
    if (code === 'unavailable' && process.platform === 'linux') {
      expect(store.describe().advice).toBe('install-keyring');
    }
  });

  it('probes without writing, and a locked keychain is still a keychain (unlocking needs no install)', async () => {
    const store = new KeytarSecretStore({
      loadKeytar: async () => throwingKeytar(new Error('Cannot create an item in a locked collection')),
    });
    expect((await store.probe()).backend).toBe('keychain');
  });

  it.each([
    [`refused ${FAKE_ADMIN_KEY}\nsecond line`, 'The keychain refused (refused [key]).'],
    [`cut ${FAKE_ADMIN_KEY.slice(0, 30)}`, 'The keychain refused (cut sk-***).'],
    // Past the 200 characters kept of a message: redaction must come before shortening.
    [`${'x'.repeat(180)} ${FAKE_ADMIN_KEY}`, `The keychain refused (${'x'.repeat(180)} [key]).`],
  ])(
    'removes the key from whatever the keychain says, even when it quotes it (%#)',
    async (said, message) => {
      const store = new KeytarSecretStore({ loadKeytar: async () => throwingKeytar(new Error(said)) });
      const set = await store.set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY);
      expect(set).toEqual({ ok: false, error: { code: 'failed', message } });
      expectNoKey(set);
    },
  );
});

describe('KeytarSecretStore accounts', () => {
  it(`uses service "${KEYCHAIN_SERVICE}" and one account per profile`, async () => {
    const keytar = recordingKeytar();
    const store = new KeytarSecretStore({ loadKeytar: async () => keytar });
    await store.set('openai:default', FAKE_ADMIN_KEY);
    await store.get('openai:work');
    await store.delete('openai:default');
    expect(keytar.calls).toEqual([
      'set Saldo/openai:default',
      'get Saldo/openai:work',
      'delete Saldo/openai:default',
    ]);
  });

  it('refuses malformed accounts and keys without asking the keychain, and without echoing them', async () => {
    const keytar = recordingKeytar();
    const store = new KeytarSecretStore({ loadKeytar: async () => keytar });
    // Arguments swapped by mistake: the "account" is the key, and must not come back in the message.
    const swapped = await store.set(FAKE_ADMIN_KEY, 'openai:default');
    expect(swapped).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expectNoKey(swapped);
    for (const key of ['', `${FAKE_ADMIN_KEY} x`, `${FAKE_ADMIN_KEY}\n`]) {
      const refused = await store.set(DEFAULT_ACCOUNT, key);
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid' } });
      expectNoKey(refused);
    }
    expect(keytar.calls).toEqual([]);
  });
});
