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

type OpenedOne<K extends string, S> =
  ({ ok: true; dir: string; notices: string[] } & Record<K, S>) | { ok: false; error: OpenError };

/**
 * Makes a store directory (owner only: it holds what the user spent) and clears what a killed
 * writer left in it.
 */
function prepare(dir: string, folders: readonly string[]): OpenError | null {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    return { kind: 'io', message: `Saldo cannot use ${dir}: ${errorMessage(error)}` };
  }
  for (const folder of folders) removeStaleTemps(folder);
  return null;
}

/** The settings alone (`saldo key set` chooses the backend; the monitor reads them first). */
export function openSettingsIn(
  options: Omit<OpenStoresOptions, 'ledgerDir' | 'newId'> = {},
): OpenedOne<'settings', SettingsStore> {
  const dir = options.dir ?? dataDir(process.env, process.platform, os.homedir());
  const failed = prepare(dir, [dir]);
  if (failed !== null) return { ok: false, error: failed };
  const storeClass = options.storeClass ?? confStoreClass;
  const opened = openSettingsStore({ dir, storeClass, now: options.now });
  if (!opened.ok) return opened;
  return { ok: true, settings: opened.store, dir, notices: opened.notice === null ? [] : [opened.notice] };
}

/** The ledger in `dir` (the data directory, or the demo's own). */
export function openLedgerIn(
  options: Omit<OpenStoresOptions, 'ledgerDir'> & { dir: string },
): OpenedOne<'ledger', LedgerStore> {
  const { dir } = options;
  const failed = prepare(dir, [dir, path.join(dir, SYNCED_DIR)]);
  if (failed !== null) return { ok: false, error: failed };
  const storeClass = options.storeClass ?? confStoreClass;
  const opened = openLedgerStore({ dir, storeClass, now: options.now, newId: options.newId });
  if (!opened.ok) return opened;
  return { ok: true, ledger: opened.store, dir, notices: opened.notice === null ? [] : [opened.notice] };
}

/** Both stores; `notices` are lines to show the user, e.g. that a corrupt file was moved aside. */
export function openStores(options: OpenStoresOptions = {}): OpenedStores {
  const settings = openSettingsIn(options);
  if (!settings.ok) return settings;
  const ledger = openLedgerIn({ ...options, dir: options.ledgerDir ?? settings.dir });
  if (!ledger.ok) return ledger;
  return {
    ok: true,
    ledger: ledger.ledger,
    settings: settings.settings,
    dir: settings.dir,
    notices: [...settings.notices, ...ledger.notices],
  };
}
