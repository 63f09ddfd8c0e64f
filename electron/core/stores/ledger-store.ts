/**
 * The ledger (`ledger.json` in the data directory): what the user recorded, the auto-recharge
 * settings mirrored from the provider, the synced daily costs and usage, the sync cursor and the
 * alert memory. Every change is one validated, atomic write; an unchanged result writes nothing.
 */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Alert } from '../../../shared/alerts/alert';
import type { AlertMemory } from '../../../shared/alerts/alert-memory';
import { replaceDemoSeed } from '../../../shared/ledger/demo-seed';
import * as edits from '../../../shared/ledger/ledger-edits';
import type {
  BalanceInput,
  GrantInput,
  PurchaseInput,
  SyncOutcome,
} from '../../../shared/ledger/ledger-edits';
import { LEDGER_FORMAT, LEDGER_SALVAGE } from '../../../shared/ledger/ledger-migrations';
import {
  emptyLedgerFile,
  ledgerFileSchema,
  syncedDaysSchema,
  type AutoRechargeSettings,
  type BalanceEntry,
  type GrantEntry,
  type Ledger,
  type LedgerFile,
  type PurchaseEntry,
} from '../../../shared/ledger/ledger-schema';
import { checkCurrent } from '../../../shared/storage/versioned';
import type { DailyCost, DailyUsage, ObservedBalance } from '../billing-backend';
import type { SyncHealth } from '../../../shared/ledger/synced-data';
import type { SyncCursor, SyncResult } from '../sync';
import type { Checked } from '../../../shared/storage/field-error';
import { ConfJsonFile, type StoreClass } from './json-file';
import type { Opened, StoreResult } from './store-result';
import { StoredDocument } from './stored-document';
import { SyncedDays } from './synced-days';

export type { BalanceInput, GrantInput, PurchaseInput };

export interface LedgerStore {
  /** The file, for messages. */
  readonly path: string;
  /** The whole ledger as stored (frozen). `entries` are engine events, ready for `evaluate`. */
  read(): Ledger;
  /** Records a purchase made on the billing page (`source` defaults to `manual`). */
  addPurchase(input: PurchaseInput): StoreResult<PurchaseEntry>;
  /** Records a free credit grant. */
  addGrant(input: GrantInput): StoreResult<GrantEntry>;
  /** Records a balance read off the billing page: a calibration. */
  addBalance(input: BalanceInput): StoreResult<BalanceEntry>;
  removeEntry(id: string): StoreResult<Ledger>;
  /** The demo's own entries replaced with a new simulator's (shared/ledger/demo-seed.ts). */
  replaceDemoSeed(seed: unknown, recordedAt: number): StoreResult<Ledger>;
  /** The provider's auto-recharge settings as the user mirrored them; null: not known. */
  setAutoRecharge(settings: AutoRechargeSettings | null): StoreResult<Ledger>;
  /** Replaces every stored cost day ≥ `fromDay` with `days`. */
  replaceCosts(fromDay: string, days: readonly DailyCost[]): StoreResult<Ledger>;
  /** Replaces every stored usage day ≥ `fromDay` with `days`. */
  replaceUsage(fromDay: string, days: readonly DailyUsage[]): StoreResult<Ledger>;
  setObservedBalance(balance: ObservedBalance | null): StoreResult<Ledger>;
  setCursor(cursor: SyncCursor): StoreResult<Ledger>;
  /** A whole successful poll (costs, usage, balance, cursor, and how syncing goes) in one write. */
  recordSync(
    result: Pick<SyncResult, 'costs' | 'usage' | 'balance' | 'cursor'>,
    health: SyncHealth,
  ): StoreResult<Ledger>;
  /** How syncing goes, on its own: after a failed poll, which stores nothing else. */
  setSyncHealth(health: SyncHealth): StoreResult<Ledger>;
  setAlertMemory(memory: AlertMemory): StoreResult<Ledger>;
  /** The alert rules' memory and the alerts that newly fired at `now` (UTC ms), in one write. */
  recordAlerts(memory: AlertMemory, fired: readonly Alert[], now: number): StoreResult<Ledger>;
}

export interface StoreOptions {
  /** The data directory (data-dir.ts), absolute. */
  dir: string;
  /** `Conf` from plain Node; electron-store in the desktop app. */
  storeClass: StoreClass;
  /** UTC ms; the store's only clock. */
  now?: () => number;
  /** Ids for new entries. */
  newId?: () => string;
  /** How long a write waits for another process's to finish (default file-lock.ts LOCK_WAIT_MS). */
  lockWaitMs?: number;
}

// The shared schema and sync.ts describe one cursor; this fails to compile if they drift apart.
const cursorShapesAgree: [SyncCursor, Ledger['cursor']] = [{} as Ledger['cursor'], {} as SyncCursor];
void cursorShapesAgree;

class FileLedgerStore implements LedgerStore {
  /** The file and the days as one frozen value, rebuilt after a change. */
  #view: Ledger | null = null;

  constructor(
    private readonly document: StoredDocument<LedgerFile>,
    private readonly days: SyncedDays,
    private readonly now: () => number,
    private readonly newId: () => string,
  ) {}

  get path(): string {
    return this.document.path;
  }

  read(): Ledger {
    const cursor = this.document.value.cursor;
    if (this.document.refresh()) {
      this.#view = null;
      // Another process synced: its days are on disk, and its cursor vouches for them.
      if (!isDeepStrictEqual(cursor, this.document.value.cursor)) this.days.reload(this.now());
    }
    this.#view ??= Object.freeze({
      ...this.document.value,
      costs: this.days.costs() as Ledger['costs'],
      usage: this.days.usage() as Ledger['usage'],
    });
    return this.#view;
  }

  /**
   * Applies a pure edit of the whole ledger, holding the ledger's lock (file-lock.ts) from reading
   * to writing, so the edit lands on the newest ledger, never on a copy another process has since
   * written over. Validated in full first — the days only when the edit changed them — then the
   * changed days written, then `ledger.json` (only if its part changed). Days go first, so the
   * cursor saved with the file never vouches for days not yet on disk.
   */
  #change(edit: (ledger: Ledger) => Checked<Ledger>): StoreResult<Ledger> {
    return this.document.exclusive(() => this.#changeHeld(edit));
  }

  #changeHeld(edit: (ledger: Ledger) => Checked<Ledger>): StoreResult<Ledger> {
    // Under the lock: takes up what another process wrote (and the days its cursor vouches for).
    const current = this.read();
    const edited = edit(current);
    if (!edited.ok) return { ok: false, error: { kind: 'invalid', ...edited.error } };
    const { costs, usage, ...rest } = edited.value;
    const file = checkCurrent(rest, ledgerFileSchema);
    if (!file.ok) return { ok: false, error: { kind: 'invalid', ...file.error } };
    if (costs !== current.costs || usage !== current.usage) {
      const days = checkCurrent({ costs, usage }, syncedDaysSchema);
      if (!days.ok) return { ok: false, error: { kind: 'invalid', ...days.error } };
      const written = this.days.replace(days.value.costs, days.value.usage);
      this.#view = null;
      if (!written.ok) {
        const message = `Saldo could not save the synced days (${written.message}); the ledger was not changed.`;
        return { ok: false, error: { kind: 'io', message } };
      }
    }
    const fileBefore = this.document.value;
    const changed = this.document.change(() => ({ ok: true, value: file.value }));
    if (!changed.ok) return changed;
    if (changed.value !== fileBefore) this.#view = null;
    return { ok: true, value: this.read() };
  }

  #add<E>(add: (ledger: Ledger) => Checked<{ ledger: Ledger; entry: E }>): StoreResult<E> {
    const changed = this.#change((ledger) => {
      const added = add(ledger);
      return added.ok ? { ok: true, value: added.value.ledger } : added;
    });
    if (!changed.ok) return changed;
    // The stored (frozen, canonical) copy: the last entry is the one just added.
    return { ok: true, value: changed.value.entries.at(-1) as E };
  }

  #context(): edits.NewEntryContext {
    return { id: this.newId(), now: this.now() };
  }

  addPurchase(input: PurchaseInput): StoreResult<PurchaseEntry> {
    return this.#add((ledger) => edits.addPurchase(ledger, input, this.#context()));
  }

  addGrant(input: GrantInput): StoreResult<GrantEntry> {
    return this.#add((ledger) => edits.addGrant(ledger, input, this.#context()));
  }

  addBalance(input: BalanceInput): StoreResult<BalanceEntry> {
    return this.#add((ledger) => edits.addBalance(ledger, input, this.#context()));
  }

  removeEntry(id: string): StoreResult<Ledger> {
    return this.#change((ledger) => edits.removeEntry(ledger, id));
  }

  replaceDemoSeed(seed: unknown, recordedAt: number): StoreResult<Ledger> {
    return this.#change((ledger) => replaceDemoSeed(ledger, seed, recordedAt));
  }

  setAutoRecharge(settings: AutoRechargeSettings | null): StoreResult<Ledger> {
    return this.#change((ledger) => edits.setAutoRecharge(ledger, settings));
  }

  replaceCosts(fromDay: string, days: readonly DailyCost[]): StoreResult<Ledger> {
    return this.#change((ledger) => edits.replaceCosts(ledger, fromDay, days));
  }

  replaceUsage(fromDay: string, days: readonly DailyUsage[]): StoreResult<Ledger> {
    return this.#change((ledger) => edits.replaceUsage(ledger, fromDay, days));
  }

  setObservedBalance(balance: ObservedBalance | null): StoreResult<Ledger> {
    return this.#change((ledger) => edits.setObservedBalance(ledger, balance));
  }

  setCursor(cursor: SyncCursor): StoreResult<Ledger> {
    return this.#change((ledger) => edits.setCursor(ledger, cursor));
  }

  recordSync(result: SyncOutcome, health: SyncHealth): StoreResult<Ledger> {
    return this.#change((ledger) => edits.recordSync(ledger, result, health));
  }

  setSyncHealth(health: SyncHealth): StoreResult<Ledger> {
    return this.#change((ledger) => edits.setSyncHealth(ledger, health));
  }

  setAlertMemory(memory: AlertMemory): StoreResult<Ledger> {
    return this.#change((ledger) => edits.setAlertMemory(ledger, memory));
  }

  recordAlerts(memory: AlertMemory, fired: readonly Alert[], now: number): StoreResult<Ledger> {
    return this.#change((ledger) => edits.recordAlerts(ledger, memory, fired, now));
  }
}

/**
 * Eight hex digits: short enough to type in `saldo ledger remove`, and a clash (one in four billion
 * per pair) is refused by name, never silently merged.
 */
function shortId(): string {
  return randomUUID().slice(0, 8);
}

/** Opens `<dir>/ledger.json`; a corrupt file is moved aside and `notice` says so. */
export function openLedgerStore(options: StoreOptions): Opened<LedgerStore> {
  const now = options.now ?? Date.now;
  const file = new ConfJsonFile(options.storeClass, options.dir, 'ledger');
  const kind = {
    format: LEDGER_FORMAT,
    empty: emptyLedgerFile,
    freshStart: 'an empty ledger',
    salvage: LEDGER_SALVAGE,
  };
  const opened = StoredDocument.open(file, kind, now(), options.lockWaitMs);
  if (!opened.ok) return opened;
  const days = SyncedDays.open(options.storeClass, options.dir, now());
  if (!days.ok) return { ok: false, error: { kind: 'io', message: days.message } };
  const store = new FileLedgerStore(opened.store, days.value.days, now, options.newId ?? shortId);
  const notices = [opened.notice, ...days.value.notices].filter((notice) => notice !== null);
  if (days.value.notices.length > 0) {
    // A day moved aside is fetched again only if the cursor no longer vouches for it.
    const cleared = store.setCursor({
      costsAt: null,
      usageAt: null,
      balanceAt: store.read().cursor.balanceAt,
    });
    if (!cleared.ok) return { ok: false, error: { kind: 'io', message: cleared.error.message } };
  }
  return { ok: true, store, notice: notices.length === 0 ? null : notices.join(' ') };
}
