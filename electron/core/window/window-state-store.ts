/**
 * Where the dashboard window was (`window.json` in the data directory), so it opens where the user
 * left it. A file of its own: it changes on every close, and the settings file should not.
 */
import { z } from 'zod';
import type { VersionedFormat } from '../../../shared/storage/versioned';
import { confStoreClass, ConfJsonFile, type StoreClass } from '../stores/json-file';
import type { Opened, StoreResult } from '../stores/store-result';
import { StoredDocument } from '../stores/stored-document';

const size = z.number().int().min(1).max(100_000);
const coordinate = z.number().int().min(-100_000).max(100_000);

const rectangleSchema = z.strictObject({ x: coordinate, y: coordinate, width: size, height: size });
export type Rectangle = z.output<typeof rectangleSchema>;

const windowStateSchema = z.strictObject({
  schemaVersion: z.literal(1),
  /** The window's normal (not maximised) bounds when it last closed; null before it ever did. */
  bounds: rectangleSchema.nullable(),
  maximized: z.boolean(),
});
export type WindowState = z.output<typeof windowStateSchema>;

const FORMAT: VersionedFormat<WindowState> = { current: 1, steps: {}, schema: windowStateSchema };

export interface WindowStateStore {
  read(): WindowState;
  save(bounds: Rectangle, maximized: boolean): StoreResult<WindowState>;
}

export function openWindowStateStore(options: {
  dir: string;
  storeClass?: StoreClass;
  now?: () => number;
}): Opened<WindowStateStore> {
  const file = new ConfJsonFile(options.storeClass ?? confStoreClass, options.dir, 'window');
  const kind = {
    format: FORMAT,
    empty: (): WindowState => ({ schemaVersion: 1, bounds: null, maximized: false }),
    freshStart: 'the default window size',
  };
  const opened = StoredDocument.open(file, kind, (options.now ?? Date.now)());
  if (!opened.ok) return opened;
  const document = opened.store;
  return {
    ok: true,
    notice: opened.notice,
    store: {
      read: () => document.value,
      save: (bounds, maximized) =>
        document.change((state) => ({ ok: true, value: { ...state, bounds, maximized } })),
    },
  };
}
