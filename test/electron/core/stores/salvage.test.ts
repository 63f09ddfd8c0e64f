/**
 * A ledger that does not read as a whole keeps every entry that reads: the bad ones are set aside
 * by name, the original bytes are copied aside, and the salvaged ledger is written in place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confStoreClass } from '../../../../electron/core/stores';
import { openLedgerStore } from '../../../../electron/core/stores/ledger-store';
import { emptyLedgerFile } from '../../../../shared/ledger/ledger-schema';
import { mustOpenLedger, NOW, tempDir } from './store-harness';

const COPY = 'ledger.corrupt-2026-11-27T10-41-00Z.json';

function purchase(id: string, amount: unknown = '20') {
  return {
    type: 'purchase',
    id,
    at: '2026-11-20T09:00:00Z',
    createdAt: '2026-11-20T09:00:00Z',
    amount,
    source: 'manual',
  };
}

function openWith(content: string) {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'ledger.json'), content);
  const opened = openLedgerStore({ dir, storeClass: confStoreClass, now: () => NOW });
  if (!opened.ok) throw new Error(opened.error.message);
  return { dir, store: opened.store, notice: opened.notice };
}

const ids = (store: { read(): { entries: readonly { id: string }[] } }) =>
  store.read().entries.map((e) => e.id);

describe('a ledger with parts that do not read', () => {
  it('one bad entry: set aside by index and id, every other entry kept, the original bytes copied', () => {
    const content = JSON.stringify({
      ...emptyLedgerFile(),
      entries: [purchase('a'), purchase('b', 'twenty'), purchase('c'), purchase('a')],
    });
    const { dir, store, notice } = openWith(content);
    expect(ids(store)).toEqual(['a', 'c']);
    expect(notice).toBe(
      'ledger.json had parts Saldo cannot read: entries.1 (id "b"): amount: must be a decimal string of USD, e.g. "10" or "12.50" ' +
        '(at most 6 decimals, below 10^9); ' +
        'entries.3 (id "a"): id: is used twice. They were set aside and everything else kept (2 of 4 entries); ' +
        `the original file is kept as ${path.join(dir, COPY)}.`,
    );
    expect(fs.readFileSync(path.join(dir, COPY), 'utf8')).toBe(content);
    // Repaired in place: the next start reads it without a word.
    expect(ids(mustOpenLedger(dir))).toEqual(['a', 'c']);
  });

  it('an unknown top-level field is ignored, named, and no entry goes', () => {
    const { store, notice } = openWith(
      JSON.stringify({ ...emptyLedgerFile(), entries: [purchase('a')], fromTheFuture: { x: 1 } }),
    );
    expect(ids(store)).toEqual(['a']);
    expect(notice).toMatch(
      /^ledger\.json had parts Saldo cannot read: fromTheFuture: is not a known field \(ignored\)\./,
    );
  });

  it('a bad top-level field goes back to its default alone', () => {
    const { store, notice } = openWith(
      JSON.stringify({ ...emptyLedgerFile(), entries: [purchase('a')], cursor: { costsAt: 'today' } }),
    );
    expect(ids(store)).toEqual(['a']);
    expect(store.read().cursor).toEqual(emptyLedgerFile().cursor);
    expect(notice).toContain(
      'cursor.costsAt: Invalid input: expected number, received string (reset to the default)',
    );
  });

  it('a UTF-8 byte order mark is skipped: every entry reads, and the next write leaves it out', () => {
    const { dir, store, notice } = openWith(
      `\uFEFF${JSON.stringify({ ...emptyLedgerFile(), entries: [purchase('a')] })}`,
    );
    expect(notice).toBeNull();
    expect(ids(store)).toEqual(['a']);
    expect(store.addPurchase({ at: '2026-11-21T09:00:00Z', amount: '10', id: 'b' }).ok).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'ledger.json'), 'utf8').startsWith('{')).toBe(true);
    expect(ids(mustOpenLedger(dir))).toEqual(['a', 'b']);
  });

  it('an entry nested 100,000 deep is set aside like any bad entry, not a stack overflow', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const file = JSON.stringify(emptyLedgerFile())
      .replace('"entries":[]', `"entries":[${JSON.stringify(purchase('a'))},${deep}]`)
      .replace(/}$/, `,"odd":${deep}}`);
    const { store, notice } = openWith(file);
    expect(ids(store)).toEqual(['a']);
    expect(notice).toContain('entries.1: must be a purchase, a grant or a balance');
    expect(notice).toContain('odd: is not a known field (ignored)');
    expect(notice).toContain('(1 of 2 entries)');
  });
});
