/** Shared fakes and checks for the secrets tests: distinctive keys that must never show up anywhere. */
import { inspect } from 'node:util';
import { expect } from 'vitest';
import type { KeytarApi, SafeStorageApi } from '../../../../electron/core/secrets';

/** Admin-key shaped (gitleaks' 58-character halves around `T3BlbkFJ`), but obviously fake. */
export const FAKE_ADMIN_KEY = `sk-admin-TESTONLY${'x7Y9z'.repeat(8)}T3BlbkFJ${'Q2w4E'.repeat(8)}abcd`;
export const FAKE_PROJECT_KEY = `sk-proj-TESTONLY${'p8R6t'.repeat(12)}T3BlbkFJ${'M3n5B'.repeat(12)}wxyz`;
/** The distinctive middle of every fake key: finding it means a key (or most of one) leaked. */
export const KEY_MARK = 'TESTONLY';

/** Fails when any rendering of `value` a log line, crash report or IPC message could use holds a key. */
export function expectNoKey(
  value: unknown,
  keys: readonly string[] = [FAKE_ADMIN_KEY, FAKE_PROJECT_KEY],
): void {
  const renderings = [
    JSON.stringify(value) ?? '',
    inspect(value, { depth: Infinity, showHidden: true, getters: true }),
    String(value),
  ];
  for (const text of renderings) {
    expect(text).not.toContain(KEY_MARK);
    for (const key of keys) expect(text).not.toContain(key.slice(-16));
  }
}

/** A keytar whose every call throws `error`; records nothing. */
export function throwingKeytar(error: Error): KeytarApi {
  const fail = () => Promise.reject(error);
  return { getPassword: fail, setPassword: fail, deletePassword: fail };
}

/** A keytar in a Map, recording the (service, account) of each call: checks what Saldo asks for. */
export function recordingKeytar(): KeytarApi & { calls: string[] } {
  const items = new Map<string, string>();
  const calls: string[] = [];
  const at = (service: string, account: string) => `${service}/${account}`;
  return {
    calls,
    async getPassword(service, account) {
      calls.push(`get ${at(service, account)}`);
      return items.get(at(service, account)) ?? null;
    },
    async setPassword(service, account, password) {
      calls.push(`set ${at(service, account)}`);
      items.set(at(service, account), password);
    },
    async deletePassword(service, account) {
      calls.push(`delete ${at(service, account)}`);
      return items.delete(at(service, account));
    },
  };
}

/** What Node throws for a package that is not installed. */
export function moduleNotFound(): Error {
  return Object.assign(new Error("Cannot find module 'keytar'"), { code: 'MODULE_NOT_FOUND' });
}

const FAKE_CIPHER_MARK = 'fake-safeStorage:';

/**
 * A stand-in for Electron's safeStorage, which cannot run without the Electron binary: a reversible
 * transform that is not the identity (bytes reversed and XORed, behind a marker), so a test can see
 * that a file does not hold the key. It protects nothing. Like Electron's, it throws when
 * encryption is unavailable and on ciphertext it did not make.
 */
export function fakeSafeStorage(
  options: { available?: boolean; linuxBackend?: string } = {},
): SafeStorageApi {
  const { available = true, linuxBackend = 'gnome_libsecret' } = options;
  const flip = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ 0x5a).reverse());
  return {
    isEncryptionAvailable: () => available,
    encryptString(plainText) {
      if (!available) throw new Error('Encryption is not available.');
      return Buffer.concat([Buffer.from(FAKE_CIPHER_MARK), flip(Buffer.from(plainText, 'utf8'))]);
    },
    decryptString(encrypted) {
      const mark = Buffer.from(FAKE_CIPHER_MARK);
      if (!available || !encrypted.subarray(0, mark.length).equals(mark)) {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      }
      return flip(encrypted.subarray(mark.length)).toString('utf8');
    },
    getSelectedStorageBackend: () => linuxBackend,
  };
}
