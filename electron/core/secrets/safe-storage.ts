/**
 * Electron's `safeStorage` as the encrypted file store sees it, and whether what it offers on this
 * machine really protects a key. It encrypts with a key of its own kept by the OS: the macOS
 * Keychain, Windows' DPAPI, or on Linux the Secret Service or KWallet. On Linux without either it
 * falls back to `basic_text`, a password built into Electron (its docs: "hardcoded plaintext
 * password"): anyone who can read the file can decrypt it, so that is refused, not called
 * encryption.
 */
import type { KeyKeeper } from '../../../shared/keychain/keychain-words';

/** The part of Electron's `safeStorage` Saldo uses; declared here because core never imports `electron`. */
export interface SafeStorageApi {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which password store keeps safeStorage's own key. */
  getSelectedStorageBackend?(): string;
}

export type SafeStorageProtection =
  /** `keeper`: what keeps safeStorage's key, for "encrypted … with the macOS Keychain". */
  { readonly ok: true; readonly keeper: KeyKeeper } | { readonly ok: false; readonly detail: string };

const LINUX_STORES: Readonly<Record<string, KeyKeeper>> = {
  gnome_libsecret: 'secret-service',
  kwallet: 'kwallet',
  kwallet5: 'kwallet',
  kwallet6: 'kwallet',
};

/** Whether safeStorage can keep a key safe here, and with what; ask after Electron's `ready`. */
export function safeStorageProtection(
  safeStorage: SafeStorageApi,
  platform: NodeJS.Platform = process.platform,
): SafeStorageProtection {
  if (!safeStorage.isEncryptionAvailable()) {
    return { ok: false, detail: "Electron's safeStorage cannot encrypt on this computer." };
  }
  if (platform === 'darwin') return { ok: true, keeper: 'macos-keychain' };
  if (platform === 'win32') return { ok: true, keeper: 'windows-dpapi' };
  const store = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
  if (store === 'basic_text') {
    return {
      ok: false,
      detail:
        "Electron's safeStorage found no keyring: it would encrypt with a password built into " +
        'Electron (basic_text), which anyone who can read the file can undo, so Saldo does not store the key that way.',
    };
  }
  if (store === 'unknown') {
    return {
      ok: false,
      detail: "Electron's safeStorage has not chosen a keyring yet (asked before the app was ready).",
    };
  }
  return { ok: true, keeper: LINUX_STORES[store] ?? 'system-keyring' };
}
