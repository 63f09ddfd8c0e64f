/**
 * The Admin key's life cycle, shared by `saldo key set|clear|test` and the dashboard's bridge:
 * check the form, keep it in the keychain and choose the OpenAI account; remove it and go back to
 * the demo; try it with one small request. Errors are values naming the field at fault, and
 * nothing here returns, logs or puts in an error more of a key than its kind and last four.
 */
import { apiOriginOf, keyOriginRefusal } from '../../../shared/security/key-origin';
import { createOpenAiBackend, DEFAULT_BASE_URL, type OpenAiBackendOptions } from '../openai';
import {
  classifyKey,
  DEFAULT_ACCOUNT,
  environmentKey,
  environmentKeyOrigin,
  maskKey,
  normalizeKey,
  type KeyKind,
  type SecretStore,
} from '../secrets';
import type { SettingsStore, StoreError } from '../stores';
import { utcDayOf } from '../utc-day';
import { baseUrlFor } from './open-monitor';

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * `field`: `key`, `keychain`, `store` or `OPENAI_BASE_URL`; `missing`: there is no key at all (the
 * caller says how to give one).
 */
export type KeyActionResult<T> = { ok: true; value: T } | KeyActionRefusal;
export interface KeyActionRefusal {
  ok: false;
  field: string;
  message: string;
  missing?: true;
  /** The key was given for another address than the one in use: nothing was sent. */
  elsewhere?: true;
}

function refused(field: string, message: string): KeyActionRefusal {
  return { ok: false, field, message };
}

/** A store that cannot keep a key: no keychain, or only this run's `OPENAI_ADMIN_KEY`. */
function cannotKeep(secrets: SecretStore): boolean {
  const { backend } = secrets.describe();
  return backend === 'unavailable' || backend === 'environment';
}

export interface StoredKey {
  kind: 'admin';
  last4: string;
  /** `sk-admin-…abcd`. */
  masked: string;
  /** The origin the key was stored for. */
  origin: string;
}

/**
 * Where a key action keeps things, opened only when needed: a key refused for its form never
 * touches the keychain, and a refused keychain never opens the settings.
 */
export interface KeyStores {
  secrets: () => Promise<SecretStore>;
  settings: () => SettingsStore;
}

function storeRefusal(error: StoreError): KeyActionRefusal {
  return refused(error.kind === 'invalid' ? error.field : 'store', error.message);
}

/**
 * Stores `text` as the Admin key for `baseUrl` and chooses the OpenAI account at that address. The
 * key is bound to the address's origin in the keychain: it is sent nowhere else, whatever the
 * settings say later. `baseUrl`: the address named with the key (the CLI's `--base-url`, the one the
 * dashboard shows), else `OPENAI_BASE_URL`, else OpenAI's API. Only an Admin key is kept: any other
 * is refused on field `key` with classifyKey's explanation, before the keychain is touched.
 */
export async function storeKey(
  text: string,
  stores: KeyStores,
  env: Environment,
  baseUrl?: string,
): Promise<KeyActionResult<StoredKey>> {
  const key = normalizeKey(text);
  const form = classifyKey(key);
  if (!form.ok) return refused('key', form.explanation);
  const given = givenAddress(env, baseUrl);
  if (!given.ok) return given;
  const secrets = await stores.secrets();
  if (cannotKeep(secrets)) {
    return refused('keychain', `unavailable, the key cannot be stored. ${secrets.describe().detail}`);
  }
  const stored = await secrets.set(DEFAULT_ACCOUNT, key, given.value.origin);
  if (!stored.ok) return refused('keychain', stored.error.message);
  const saved = stores.settings().update({ backend: 'openai', baseUrl: given.value.url });
  if (!saved.ok) return storeRefusal(saved.error);
  return {
    ok: true,
    value: { kind: 'admin', last4: form.last4, masked: maskKey(key), origin: given.value.origin },
  };
}

/** The address a key is set for and its origin, refused on the field it came from. */
function givenAddress(
  env: Environment,
  baseUrl: string | undefined,
): KeyActionResult<{ url: string; origin: string }> {
  const fromEnv = env.OPENAI_BASE_URL;
  const [field, url] =
    baseUrl !== undefined
      ? ['baseUrl', baseUrl.trim()]
      : fromEnv !== undefined && fromEnv !== ''
        ? ['OPENAI_BASE_URL', fromEnv]
        : ['baseUrl', DEFAULT_BASE_URL];
  const origin = apiOriginOf(url);
  return origin.ok ? { ok: true, value: { url, origin: origin.origin } } : refused(field, origin.message);
}

/** Removes the stored key and goes back to the demo account; `removed`: there was one. */
export async function clearKey(stores: KeyStores): Promise<KeyActionResult<{ removed: boolean }>> {
  const secrets = await stores.secrets();
  if (cannotKeep(secrets)) {
    return refused('keychain', `unavailable: no key is stored. ${secrets.describe().detail}`);
  }
  const removed = await secrets.delete(DEFAULT_ACCOUNT);
  if (!removed.ok) return refused('keychain', removed.error.message);
  const saved = stores.settings().update({ backend: 'demo' });
  if (!saved.ok) return storeRefusal(saved.error);
  return { ok: true, value: { removed: removed.value } };
}

export interface KeyInUse {
  key: string;
  /** The origin it was given for: the only one it is sent to. */
  origin: string;
  source: 'environment' | 'keychain';
}

/**
 * The key in use: `OPENAI_ADMIN_KEY` first (it wins for the run), else the stored one; null when
 * there is neither (no keychain counts as no key). The text goes to the HTTP client and nowhere else.
 */
export async function keyInUse(
  env: Environment,
  secrets: () => Promise<SecretStore>,
): Promise<KeyActionResult<KeyInUse | null>> {
  const fromEnv = environmentKey(env);
  if (fromEnv !== null) {
    return { ok: true, value: { key: fromEnv, origin: environmentKeyOrigin(env), source: 'environment' } };
  }
  const store = await secrets();
  if (store.describe().backend === 'unavailable') return { ok: true, value: null };
  const found = await store.get(DEFAULT_ACCOUNT);
  if (!found.ok) return refused('keychain', found.error.message);
  const stored = found.value;
  return {
    ok: true,
    value: stored === null ? null : { key: stored.reveal(), origin: stored.origin, source: 'keychain' },
  };
}

/** What is known of a key without showing it. */
export interface KeyDescription {
  kind: KeyKind;
  last4: string;
  masked: string;
}

export function describeKey(key: string): KeyDescription {
  const { kind, last4 } = classifyKey(key);
  return { kind, last4, masked: maskKey(key) };
}

export interface KeyTestOptions {
  env: Environment;
  /** Asked only when `OPENAI_ADMIN_KEY` is not set. */
  secrets: () => Promise<SecretStore>;
  settings: () => SettingsStore;
  /** UTC ms, for today's day. Default `Date.now`. */
  now?: () => number;
  client?: Pick<OpenAiBackendOptions, 'fetch' | 'sleep' | 'timeoutMs'>;
}

export interface KeyTestPassed {
  /** `sk-admin-…abcd`. */
  masked: string;
  baseUrl: string;
}

/**
 * One small request with the key in use — today's costs, retried at most once — to learn whether
 * the provider accepts it. Refused on `key` when there is none or the provider says no (the
 * message starts with the error's kind: `auth: …`).
 */
export async function testKey(options: KeyTestOptions): Promise<KeyActionResult<KeyTestPassed>> {
  const inUse = await keyInUse(options.env, options.secrets);
  if (!inUse.ok) return inUse;
  if (inUse.value === null) {
    return { ...refused('key', 'none stored and OPENAI_ADMIN_KEY is not set'), missing: true };
  }
  const { key, origin } = inUse.value;
  const base = baseUrlFor(options.env, options.settings().read().baseUrl);
  if (!base.ok) return refused('OPENAI_BASE_URL', base.message);
  const elsewhere = keyOriginRefusal(origin, base.url);
  if (elsewhere !== null) return { ...refused('key', elsewhere), elsewhere: true };
  const backend = createOpenAiBackend({
    apiKey: key,
    keyOrigin: origin,
    baseUrl: base.url,
    ...options.client,
    maxRetries: 1,
  });
  const answer = await backend.fetchCosts({ startDay: utcDayOf((options.now ?? Date.now)()) });
  if (!answer.ok) return refused('key', `${answer.error.kind}: ${answer.error.message}`);
  return { ok: true, value: { masked: maskKey(key), baseUrl: base.url } };
}
