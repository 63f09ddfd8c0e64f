/** The stores that need no keychain: memory (tests, the app's last resort) and the environment. */
import { describe, expect, it } from 'vitest';
import {
  ApiKey,
  DEFAULT_ACCOUNT,
  EnvironmentSecretStore,
  MemorySecretStore,
  UnavailableSecretStore,
  accountFor,
} from '../../../../electron/core/secrets';
import { expectNoKey, FAKE_ADMIN_KEY, FAKE_PROJECT_KEY } from './secrets-test-kit';

describe('MemorySecretStore', () => {
  it('round-trips, overwrites and deletes per account', async () => {
    const store = new MemorySecretStore();
    expect(await store.get(DEFAULT_ACCOUNT)).toEqual({ ok: true, value: null });
    expect(await store.set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY)).toEqual({ ok: true, value: undefined });
    expect(await store.set(accountFor('openai', 'work'), FAKE_PROJECT_KEY)).toMatchObject({ ok: true });
    const got = await store.get(DEFAULT_ACCOUNT);
    expect(got.ok && got.value?.reveal()).toBe(FAKE_ADMIN_KEY);
    expectNoKey(got);
    await store.set(DEFAULT_ACCOUNT, FAKE_PROJECT_KEY);
    const replaced = await store.get(DEFAULT_ACCOUNT);
    expect(replaced.ok && replaced.value?.reveal()).toBe(FAKE_PROJECT_KEY);
    expect(await store.delete(DEFAULT_ACCOUNT)).toEqual({ ok: true, value: true });
    expect(await store.delete(DEFAULT_ACCOUNT)).toEqual({ ok: true, value: false });
    expect(await store.get(DEFAULT_ACCOUNT)).toEqual({ ok: true, value: null });
    expect(store.describe()).toEqual({ backend: 'memory', detail: expect.stringContaining('this run only') });
  });

  it('refuses a bad account or a broken key', async () => {
    const store = new MemorySecretStore();
    expect(await store.get('default')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await store.set(DEFAULT_ACCOUNT, ' ')).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });
});

describe('EnvironmentSecretStore', () => {
  it('serves the trimmed OPENAI_ADMIN_KEY to OpenAI profiles only', async () => {
    const store = new EnvironmentSecretStore({ OPENAI_ADMIN_KEY: ` ${FAKE_ADMIN_KEY}\n` });
    const got = await store.get(DEFAULT_ACCOUNT);
    expect(got.ok && got.value?.reveal()).toBe(FAKE_ADMIN_KEY);
    const work = await store.get('openai:work');
    expect(work.ok && work.value?.reveal()).toBe(FAKE_ADMIN_KEY);
    expect(await store.get('anthropic:default')).toEqual({ ok: true, value: null });
    expect(store.describe()).toEqual({
      backend: 'environment',
      detail: 'OPENAI_ADMIN_KEY (sk-admin-…abcd), for this run only: it is not stored.',
    });
    expectNoKey([got, store.describe()]);
  });

  it('reads the variable once: a later change does not count', async () => {
    const env: Record<string, string | undefined> = { OPENAI_ADMIN_KEY: FAKE_ADMIN_KEY };
    const store = new EnvironmentSecretStore(env);
    env.OPENAI_ADMIN_KEY = FAKE_PROJECT_KEY;
    const got = await store.get(DEFAULT_ACCOUNT);
    expect(got.ok && got.value?.reveal()).toBe(FAKE_ADMIN_KEY);
  });

  it('never writes: set and delete refuse and say why', async () => {
    const store = new EnvironmentSecretStore({ OPENAI_ADMIN_KEY: FAKE_ADMIN_KEY });
    const set = await store.set(DEFAULT_ACCOUNT, FAKE_PROJECT_KEY);
    expect(set).toMatchObject({
      ok: false,
      error: { code: 'read-only', message: expect.stringContaining('this run only') },
    });
    expect(await store.delete(DEFAULT_ACCOUNT)).toMatchObject({ ok: false, error: { code: 'read-only' } });
    expectNoKey(set);
  });

  it.each([{}, { OPENAI_ADMIN_KEY: '' }, { OPENAI_ADMIN_KEY: ' \n' }])(
    'has no key when unset or blank (%o)',
    async (env) => {
      const store = new EnvironmentSecretStore(env);
      expect(await store.get(DEFAULT_ACCOUNT)).toEqual({ ok: true, value: null });
      expect(store.describe().detail).toBe('OPENAI_ADMIN_KEY is not set.');
    },
  );
});

describe('UnavailableSecretStore', () => {
  it('answers every operation with its detail', async () => {
    const store = new UnavailableSecretStore('Install it.');
    const unavailable = { ok: false, error: { code: 'unavailable', message: 'Install it.' } };
    expect(await store.get(DEFAULT_ACCOUNT)).toEqual(unavailable);
    expect(await store.set(DEFAULT_ACCOUNT, FAKE_ADMIN_KEY)).toEqual(unavailable);
    expect(await store.delete(DEFAULT_ACCOUNT)).toEqual(unavailable);
    expect(store.describe()).toEqual({ backend: 'unavailable', detail: 'Install it.' });
  });
});

describe('ApiKey', () => {
  it('gives the key only through reveal(); every other rendering is masked', () => {
    const key = new ApiKey(FAKE_ADMIN_KEY);
    expect(key.reveal()).toBe(FAKE_ADMIN_KEY);
    expect(JSON.stringify({ key })).toBe('{"key":"sk-admin-…abcd"}');
    expect(`${key}`).toBe('sk-admin-…abcd');
    expect(structuredClone({ key })).toEqual({ key: {} });
    expectNoKey(key);
    expectNoKey(new Error(`failed with ${key}`));
  });
});
