/**
 * The settings (`settings.json` in the data directory): backend, base URL, poll interval,
 * thresholds, language and the like. Never the key: that lives in the system keychain.
 */
import { SETTINGS_FORMAT } from '../../../shared/settings/settings-migrations';
import {
  settingsSchema,
  defaultSettings,
  type Settings,
  type SettingsChanges,
} from '../../../shared/settings/settings-schema';
import { fieldError } from '../../../shared/storage/field-error';
import { ConfJsonFile } from './json-file';
import type { StoreOptions } from './ledger-store';
import type { Opened, StoreResult } from './store-result';
import { StoredDocument } from './stored-document';

export type { Settings, SettingsChanges };

export interface SettingsStore {
  readonly path: string;
  /** The settings as stored, defaults filled in (frozen). */
  read(): Settings;
  /**
   * Changes some settings at once: all are applied or none. An unknown or invalid field is refused
   * by name (`{field: 'pollIntervalMinutes', message: 'must be at least 1'}`).
   */
  update(changes: SettingsChanges): StoreResult<Settings>;
}

class FileSettingsStore implements SettingsStore {
  constructor(private readonly document: StoredDocument<Settings>) {}

  get path(): string {
    return this.document.path;
  }

  read(): Settings {
    // The CLI may have changed them beside the app (saldo key set chooses the backend).
    this.document.refresh();
    return this.document.value;
  }

  update(changes: SettingsChanges): StoreResult<Settings> {
    return this.document.change((settings) => {
      // Changes come from the UI over IPC, typed or not: anything but a plain object is refused.
      if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
        return fieldError('settings', 'must be an object of settings');
      }
      if ('schemaVersion' in changes) return fieldError('schemaVersion', 'is not a setting');
      return { ok: true, value: { ...settings, ...changes } };
    });
  }
}

/** Opens `<dir>/settings.json`; a corrupt file is moved aside and `notice` says so. */
export function openSettingsStore(
  options: Pick<StoreOptions, 'dir' | 'storeClass' | 'now' | 'lockWaitMs'>,
): Opened<SettingsStore> {
  const now = options.now ?? Date.now;
  const file = new ConfJsonFile(options.storeClass, options.dir, 'settings');
  const kind = {
    format: SETTINGS_FORMAT,
    empty: defaultSettings,
    freshStart: 'default settings',
    // A bad or unknown setting goes back to its default alone, not every setting with it.
    salvage: { format: SETTINGS_FORMAT, fields: settingsSchema.shape, empty: defaultSettings, lists: {} },
  };
  const opened = StoredDocument.open(file, kind, now(), options.lockWaitMs);
  if (!opened.ok) return opened;
  return { ok: true, store: new FileSettingsStore(opened.store), notice: opened.notice };
}
