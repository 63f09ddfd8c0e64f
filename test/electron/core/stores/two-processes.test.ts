/**
 * The app and the CLI on one data directory: two stores on the same files, as two processes
 * would hold them. Each edit lands on the newest document, so neither undoes the other's.
 */
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { describe, expect, it } from 'vitest';
import { NO_SYNC_YET } from '../../../../shared/ledger/synced-data';
import { mustOpenLedger, mustOpenSettings, NOW, tempDir } from './store-harness';

describe('two processes on one data directory', () => {
  it('keeps both entries when each records one from a stale copy', () => {
    const dir = tempDir();
    const app = mustOpenLedger(dir);
    const cli = mustOpenLedger(dir);
    expect(app.addPurchase({ at: '2026-11-20T09:00:00Z', amount: '20', id: 'from-app' }).ok).toBe(true);
    expect(cli.addGrant({ at: '2026-11-21T09:00:00Z', amount: '5', id: 'from-cli' }).ok).toBe(true);
    expect(app.setAlertMemory({ 'low-balance': { active: true, firedAt: null } }).ok).toBe(true);
    for (const store of [app, cli, mustOpenLedger(dir)]) {
      expect(store.read().entries.map((entry) => entry.id)).toEqual(['from-app', 'from-cli']);
    }
  });

  it('keeps what the other wrote between this one reading the file and noting which version it read', () => {
    const dir = tempDir();
    expect(
      mustOpenLedger(dir).addPurchase({ at: '2026-11-20T09:00:00Z', amount: '20', id: 'first' }).ok,
    ).toBe(true);
    // The other process writes just after this one's open has read the file (a real race of two CLIs).
    let other: (() => void) | null = () => {
      const added = mustOpenLedger(dir).addGrant({ at: '2026-11-21T09:00:00Z', amount: '5', id: 'other' });
      expect(added.ok).toBe(true);
    };
    let reads = 0;
    class ReadThenOtherWrites extends Conf {
      override get store(): Record<string, unknown> {
        const value = super.store;
        // Conf reads once while it is made, then the store reads what it opens with.
        if ((reads += 1) === 2) {
          other?.();
          other = null;
        }
        return value;
      }
      override set store(value: Record<string, unknown>) {
        super.store = value;
      }
    }
    const mine = mustOpenLedger(dir, ReadThenOtherWrites);
    expect(other).toBeNull();
    expect(mine.addPurchase({ at: '2026-11-22T09:00:00Z', amount: '10', id: 'mine' }).ok).toBe(true);
    expect(
      mustOpenLedger(dir)
        .read()
        .entries.map((entry) => entry.id),
    ).toEqual(['first', 'other', 'mine']);
  });

  it("reads the other's sync: its days and its cursor", () => {
    const dir = tempDir();
    const app = mustOpenLedger(dir);
    const cli = mustOpenLedger(dir);
    expect(app.read().costs).toEqual([]);
    const day = { day: '2026-11-26', amountMicros: 7, lineItem: null, projectId: null };
    const synced = cli.recordSync(
      {
        costs: { fromDay: '2026-11-26', days: [day] },
        usage: null,
        balance: null,
        cursor: { costsAt: NOW, usageAt: null, balanceAt: null },
      },
      NO_SYNC_YET,
    );
    expect(synced.ok).toBe(true);
    expect(app.read().costs).toEqual([day]);
    expect(app.read().cursor.costsAt).toBe(NOW);
  });

  it('sees settings changed elsewhere, and refuses to write over a file it cannot read', () => {
    const dir = tempDir();
    const app = mustOpenSettings(dir);
    const cli = mustOpenSettings(dir);
    expect(cli.update({ backend: 'openai' }).ok).toBe(true);
    expect(app.read().backend).toBe('openai');
    expect(app.update({ theme: 'dark' }).ok).toBe(true);
    expect(mustOpenSettings(dir).read()).toMatchObject({ backend: 'openai', theme: 'dark' });

    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, '{ broken by another program');
    expect(app.update({ theme: 'light' })).toMatchObject({
      ok: false,
      error: {
        kind: 'io',
        message: expect.stringContaining('changed by another program and cannot be read'),
      },
    });
    expect(fs.readFileSync(file, 'utf8')).toBe('{ broken by another program');
  });
});
