/** Shared fakes and checks for the secrets tests: distinctive keys that must never show up anywhere. */
import { inspect } from 'node:util';
import { expect } from 'vitest';
import type { KeytarApi } from '../../../../electron/core/secrets';

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
