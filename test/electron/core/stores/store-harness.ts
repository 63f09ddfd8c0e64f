/** Temp directories and store openers for the store tests: real files, real conf. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import Conf from 'conf';
import { confStoreClass, type StoreClass } from '../../../../electron/core/stores';
import { openLedgerStore, type LedgerStore } from '../../../../electron/core/stores/ledger-store';
import { openSettingsStore, type SettingsStore } from '../../../../electron/core/stores/settings-store';

export const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'support', 'store-fixtures');
export const NOW = Date.parse('2026-11-27T10:41:00Z');

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory under the OS temp dir, removed after the test. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-store-'));
  made.push(dir);
  return dir;
}

/** Conf, counting the writes it is asked for. */
export function countingStoreClass(): { storeClass: StoreClass; writes: () => number } {
  let writes = 0;
  class CountingConf extends Conf {
    override get store(): Record<string, unknown> {
      return super.store;
    }
    override set store(value: Record<string, unknown>) {
      writes += 1;
      super.store = value;
    }
  }
  return { storeClass: CountingConf, writes: () => writes };
}

export function mustOpenLedger(dir: string, storeClass: StoreClass = confStoreClass): LedgerStore {
  let id = 0;
  const opened = openLedgerStore({ dir, storeClass, now: () => NOW, newId: () => `entry-${++id}` });
  if (!opened.ok) throw new Error(opened.error.message);
  expect(opened.notice).toBeNull();
  return opened.store;
}

export function mustOpenSettings(dir: string, storeClass: StoreClass = confStoreClass): SettingsStore {
  const opened = openSettingsStore({ dir, storeClass, now: () => NOW });
  if (!opened.ok) throw new Error(opened.error.message);
  expect(opened.notice).toBeNull();
  return opened.store;
}

export function fileMode(file: string): number {
  return fs.statSync(file).mode & 0o777;
}
