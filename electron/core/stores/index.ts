/**
 * The ledger and settings stores, opened together in the data directory. The desktop app passes
 * electron-store's class as `storeClass`; the CLI and tests use `conf` (the default).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dataDir } from './data-dir';
import { confStoreClass, errorMessage, removeStaleTemps, type StoreClass } from './json-file';
import { openLedgerStore, type LedgerStore } from './ledger-store';
import { openSettingsStore, type SettingsStore } from './settings-store';
import { SYNCED_DIR } from './synced-days';
import type { OpenError } from './store-result';

export { dataDir } from './data-dir';
export { confStoreClass, type StoreClass, type StoreFileOptions } from './json-file';
export type { LedgerStore, StoreOptions } from './ledger-store';
export type { SettingsStore } from './settings-store';
export type { OpenError, Opened, StoreError, StoreResult } from './store-result';

export interface OpenStoresOptions {
  /** Default: `dataDir(process.env, process.platform, os.homedir())`. */
  dir?: string;
  /** Where the ledger lives, if not in `dir`: the demo keeps its own (its data is not the user's). */
  ledgerDir?: string;
  storeClass?: StoreClass;
  now?: () => number;
  newId?: () => string;
}

export type OpenedStores =
  | { ok: true; ledger: LedgerStore; settings: SettingsStore; dir: string; notices: string[] }
  | { ok: false; error: OpenError };

/**
 * Makes the data directory (owner only: it holds what the user spent) and opens both stores.
 * `notices` are lines to show the user, e.g. that a corrupt file was moved aside.
 */
export function openStores(options: OpenStoresOptions = {}): OpenedStores {
  const dir = options.dir ?? dataDir(process.env, process.platform, os.homedir());
  const ledgerDir = options.ledgerDir ?? dir;
  for (const needed of new Set([dir, ledgerDir])) {
    try {
      fs.mkdirSync(needed, { recursive: true, mode: 0o700 });
    } catch (error) {
      return {
        ok: false,
        error: { kind: 'io', message: `Saldo cannot use ${needed}: ${errorMessage(error)}` },
      };
    }
  }
  for (const folder of new Set([dir, ledgerDir, path.join(ledgerDir, SYNCED_DIR)])) removeStaleTemps(folder);
  const common = {
    dir,
    storeClass: options.storeClass ?? confStoreClass,
    now: options.now,
    newId: options.newId,
  };
  const settings = openSettingsStore(common);
  if (!settings.ok) return settings;
  const ledger = openLedgerStore({ ...common, dir: ledgerDir });
  if (!ledger.ok) return ledger;
  const notices = [settings.notice, ledger.notice].filter((notice) => notice !== null);
  return { ok: true, ledger: ledger.store, settings: settings.store, dir, notices };
}
