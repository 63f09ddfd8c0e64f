/**
 * Picks where the key lives for this run: the OS keychain when it answers, else `OPENAI_ADMIN_KEY`
 * when set (this run only, never stored), else a store that says what to install. `describe()` on
 * the result tells the user which one it is.
 */
import { EnvironmentSecretStore, ENV_KEY_VARIABLE, environmentKey } from './environment-store';
import { KeytarSecretStore, type KeytarSecretStoreOptions } from './keytar-store';
import type { SecretStore } from './secret-store';
import { UnavailableSecretStore } from './unavailable-store';

export async function openSecretStore(
  env: Readonly<Record<string, string | undefined>>,
  options: KeytarSecretStoreOptions = {},
): Promise<SecretStore> {
  const keychain = new KeytarSecretStore(options);
  const found = await keychain.probe();
  // The keychain wins even when the variable is set: the issue makes the variable the fallback.
  if (found.backend === 'keychain') return keychain;
  if (environmentKey(env) !== null) return new EnvironmentSecretStore(env);
  return new UnavailableSecretStore(
    `${found.detail} Or set ${ENV_KEY_VARIABLE} to use an Admin key for one run without storing it.`,
  );
}
