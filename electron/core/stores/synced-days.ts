/**
 * The synced daily costs and usage, one file per UTC day (`synced/2026-11-27.json`) beside the
 * ledger. A poll re-fetches yesterday and today; kept in one file, a year of history would be
 * rewritten every 15 minutes (27 MB a day for the demo's 90 days, measured). Per day, a poll writes
 * today's few KB, and yesterday's file only while it still changes.
 *
 * The days are a copy of what the backend holds: a day file that cannot be read is moved aside and
 * reported (`damaged`), and the caller clears the cursor so the next sync fetches it again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import {
  dailyCostSchema,
  dailyUsageSchema,
  type DailyCost,
  type DailyUsage,
} from '../../../shared/ledger/synced-data';
import { ConfJsonFile, errorMessage, type JsonWrite, type StoreClass } from './json-file';

export const SYNCED_DIR = 'synced';
const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;

const dayFileSchema = z.strictObject({
  schemaVersion: z.literal(1),
  costs: z.array(dailyCostSchema),
  usage: z.array(dailyUsageSchema),
});

interface Day {
  costs: DailyCost[];
  usage: DailyUsage[];
}

export interface OpenedDays {
  days: SyncedDays;
  /** Day files moved aside, for the user; empty when all read. */
  notices: string[];
}

export class SyncedDays {
  #byDay: Map<string, Day>;
  #costs: readonly DailyCost[] | null = null;
  #usage: readonly DailyUsage[] | null = null;

  private constructor(
    private readonly storeClass: StoreClass,
    private readonly dir: string,
    byDay: Map<string, Day>,
  ) {
    this.#byDay = byDay;
  }

  /** Reads every day file in `<ledgerDir>/synced`. Only a directory that cannot be listed fails. */
  static open(
    storeClass: StoreClass,
    ledgerDir: string,
    now: number,
  ): { ok: true; value: OpenedDays } | { ok: false; message: string } {
    const dir = path.join(ledgerDir, SYNCED_DIR);
    const read = readDays(storeClass, dir, now);
    if (!read.ok) return read;
    return { ok: true, value: { days: new SyncedDays(storeClass, dir, read.byDay), notices: read.notices } };
  }

  /** Reads the files again: another process (the app beside the CLI) synced meanwhile. */
  reload(now: number): void {
    const read = readDays(this.storeClass, this.dir, now);
    if (!read.ok) return;
    this.#byDay = read.byDay;
    this.#costs = null;
    this.#usage = null;
  }

  /** Every cost row, in day order (frozen; rebuilt only after a change). */
  costs(): readonly DailyCost[] {
    this.#costs ??= Object.freeze(
      [...this.#byDay.keys()].sort().flatMap((day) => this.#byDay.get(day)!.costs),
    );
    return this.#costs;
  }

  usage(): readonly DailyUsage[] {
    this.#usage ??= Object.freeze(
      [...this.#byDay.keys()].sort().flatMap((day) => this.#byDay.get(day)!.usage),
    );
    return this.#usage;
  }

  /**
   * Makes the files hold `costs` and `usage` (each in day order): writes the days that changed,
   * removes the days that are gone. Stops at the first failure; days written before it stay written
   * — they are the backend's data, and the cursor (saved after) still asks for them again.
   */
  replace(costs: readonly DailyCost[], usage: readonly DailyUsage[]): JsonWrite {
    const next = new Map<string, Day>();
    const dayOf = (day: string): Day => {
      let found = next.get(day);
      if (found === undefined) next.set(day, (found = { costs: [], usage: [] }));
      return found;
    };
    for (const row of costs) dayOf(row.day).costs.push(row);
    for (const row of usage) dayOf(row.day).usage.push(row);
    try {
      fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    } catch (error) {
      return { ok: false, message: errorMessage(error) };
    }
    for (const day of new Set([...this.#byDay.keys(), ...next.keys()])) {
      const before = this.#byDay.get(day);
      const after = next.get(day);
      if (isDeepStrictEqual(before, after)) continue;
      const done = after === undefined ? this.#remove(day) : this.#write(day, after);
      if (!done.ok) return done;
      this.#costs = null;
      this.#usage = null;
    }
    return { ok: true };
  }

  #write(day: string, rows: Day): JsonWrite {
    const written = new ConfJsonFile(this.storeClass, this.dir, day).write({ schemaVersion: 1, ...rows });
    if (written.ok) this.#byDay.set(day, rows);
    return written;
  }

  #remove(day: string): JsonWrite {
    try {
      fs.rmSync(path.join(this.dir, `${day}.json`), { force: true });
      this.#byDay.delete(day);
      return { ok: true };
    } catch (error) {
      return { ok: false, message: errorMessage(error) };
    }
  }
}

function readDays(
  storeClass: StoreClass,
  dir: string,
  now: number,
): { ok: true; byDay: Map<string, Day>; notices: string[] } | { ok: false; message: string } {
  let names: string[];
  try {
    names = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  } catch (error) {
    return { ok: false, message: `Saldo cannot read ${dir}: ${errorMessage(error)}` };
  }
  const byDay = new Map<string, Day>();
  const notices: string[] = [];
  for (const name of names) {
    const day = DAY_FILE.exec(name)?.[1];
    if (day === undefined) continue;
    const file = new ConfJsonFile(storeClass, dir, day);
    const read = file.read();
    const parsed = read.kind === 'parsed' ? dayFileSchema.safeParse(read.value) : null;
    const rows = parsed?.success === true ? parsed.data : null;
    if (
      rows !== null &&
      rows.costs.every((row) => row.day === day) &&
      rows.usage.every((row) => row.day === day)
    ) {
      byDay.set(day, { costs: rows.costs, usage: rows.usage });
      continue;
    }
    const moved = file.moveAside(now);
    notices.push(
      moved.ok
        ? `${name} was unreadable and was moved to ${moved.path}; the next sync fetches that day again.`
        : `${name} is unreadable and could not be moved aside (${moved.message}); it is ignored.`,
    );
  }
  return { ok: true, byDay, notices };
}
