/** openSecretStore's choice, with keytar injected (the real keychain's turn is in the keyring test). */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ACCOUNT,
  EnvironmentSecretStore,
  KeytarSecretStore,
  openSecretStore,
  UnavailableSecretStore,
} from '../../../../electron/core/secrets';
import {
  expectNoKey,
  FAKE_ADMIN_KEY,
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
    expect(detail).toMatch(/Install libsecret|reinstall Saldo/);
    expect(detail).toContain('Or set OPENAI_ADMIN_KEY to use an Admin key for one run without storing it.');
    expect(await store.set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY)).toEqual({
      ok: false,
      error: { code: 'unavailable', message: detail },
    });
  });
});
