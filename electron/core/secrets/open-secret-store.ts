/**
 * Picks where the key lives for this run: the OS keychain when it answers; in the desktop app, else
 * a file encrypted by Electron's safeStorage; else `OPENAI_ADMIN_KEY` when set (this run only, never
 * stored); else a store that says what to install. `describe()` on the result tells the user which.
 */
import fs from 'node:fs';
import type { KeychainAdvice } from '../../../shared/keychain/keychain-words';
import { EncryptedFileSecretStore, type EncryptedFileSecretStoreOptions } from './encrypted-file-store';
import { EnvironmentSecretStore, ENV_KEY_VARIABLE, environmentKey } from './environment-store';
import { KeytarSecretStore, type KeytarSecretStoreOptions } from './keytar-store';
import type { SecretStore } from './secret-store';
import { UnavailableSecretStore } from './unavailable-store';

type Environment = Readonly<Record<string, string | undefined>>;

/** The CLI's choice (it has no safeStorage): the keychain, else the environment, else unavailable. */
export async function openSecretStore(
  env: Environment,
  options: KeytarSecretStoreOptions = {},
): Promise<SecretStore> {
  const keychain = new KeytarSecretStore(options);
  const found = await keychain.probe();
  // The keychain wins even when the variable is set: the issue makes the variable the fallback.
  if (found.backend === 'keychain') return keychain;
  return lastResort(env, [found.detail], found.advice);
}

export interface DesktopSecretStoreOptions extends EncryptedFileSecretStoreOptions {
  env: Environment;
  keytar?: KeytarSecretStoreOptions;
}

/**
 * The desktop app's choice, made after Electron's `ready`. A key already in the encrypted file stays
 * there even once the keychain answers (keytar rebuilt, a keyring installed): both are kept safe by
 * the OS, moving it could fail halfway, and Settings says where it is. Removing it deletes the file,
 * and the next start takes the keychain.
 */
export async function openDesktopSecretStore(options: DesktopSecretStoreOptions): Promise<SecretStore> {
  const keychain = new KeytarSecretStore(options.keytar);
  const found = await keychain.probe();
  const encrypted = new EncryptedFileSecretStore(options);
  const usable = encrypted.describe().backend === 'encrypted-file';
  if (usable && (found.backend !== 'keychain' || fs.existsSync(encrypted.path))) return encrypted;
  if (found.backend === 'keychain') return keychain;
  return lastResort(options.env, [found.detail, encrypted.describe().detail], found.advice);
}

/** No store that keeps keys: the variable for this run, or every reason and what to do. */
function lastResort(
  env: Environment,
  reasons: readonly string[],
  advice: KeychainAdvice | undefined,
): SecretStore {
  if (environmentKey(env) !== null) return new EnvironmentSecretStore(env, advice);
  return new UnavailableSecretStore(
    `${reasons.join(' ')} Or set ${ENV_KEY_VARIABLE} to use an Admin key for one run without storing it.`,
    advice,
  );
}
