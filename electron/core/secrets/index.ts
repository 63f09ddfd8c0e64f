/** The key's home: stores, the form check of a pasted key, and the scrubber for outgoing text. */
export { EncryptedFileSecretStore, type EncryptedFileSecretStoreOptions } from './encrypted-file-store';
export { type BoundKey } from './bound-key';
export {
  EnvironmentSecretStore,
  ENV_KEY_VARIABLE,
  environmentKey,
  environmentKeyOrigin,
} from './environment-store';
export {
  ADMIN_KEYS_URL,
  classifyKey,
  hasBadCharacters,
  type KeyClassification,
  type KeyKind,
  maskKey,
  normalizeKey,
} from './key-form';
export { type KeychainSetup } from './keychain-errors';
export {
  importKeytar,
  KEYCHAIN_SERVICE,
  keychainName,
  type KeytarApi,
  type KeytarLoader,
  KeytarSecretStore,
  type KeytarSecretStoreOptions,
} from './keytar-store';
export { MemorySecretStore } from './memory-store';
export { type DesktopSecretStoreOptions, openDesktopSecretStore, openSecretStore } from './open-secret-store';
export { isCredentialName, redactKeyShapes, redactSecrets, redactStrings } from './redact';
export { type SafeStorageApi, type SafeStorageProtection, safeStorageProtection } from './safe-storage';
export {
  accountFor,
  ApiKey,
  DEFAULT_ACCOUNT,
  isAccount,
  type SecretBackend,
  type SecretError,
  type SecretErrorCode,
  type SecretResult,
  type SecretStore,
  type SecretStoreDescription,
} from './secret-store';
export { UnavailableSecretStore } from './unavailable-store';
