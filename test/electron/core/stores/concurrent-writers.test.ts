/**
 * Writers in separate processes at the same moment (the app polling while the CLI records): every
 * write a store acknowledged is in the file afterwards. Before the lock, each writer built its
 * document from a copy read before the other's write and wrote it over the newer file.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedgerStore } from '../../../../electron/core/stores/ledger-store';
import { confStoreClass } from '../../../../electron/core/stores/json-file';
import { acknowledged, bundleChild, ended, type ChildBundle } from './child-bundle';
import { mustOpenLedger, mustOpenSettings, NOW, tempDir } from './store-harness';

let addLoop: ChildBundle;
beforeAll(async () => {
  addLoop = await bundleChild(path.join(__dirname, 'add-loop.ts'));
});
afterAll(() => addLoop.remove());

const WRITERS = 3;
const EACH = 40;

describe('writers in separate processes at once', () => {
  it(`keep every acknowledged entry (${WRITERS} × ${EACH} purchases, grants and balances)`, async () => {
    const dir = tempDir();
    const kinds = ['purchase', 'grant', 'balance'];
    const runs = await Promise.all(
      kinds.slice(0, WRITERS).map((kind, n) => ended(addLoop.spawn([dir, `w${n}`, String(EACH), kind]))),
    );
    for (const run of runs) expect(run).toMatchObject({ code: 0, stderr: '' });
    const acked = runs.flatMap((run) => acknowledged(run.stdout));
    const kept = new Set(
      mustOpenLedger(dir)
        .read()
        .entries.map((entry) => entry.id),
    );
    expect(acked.filter((id) => !kept.has(id))).toEqual([]);
    // None refused either: a writer waits its turn.
    expect(acked).toHaveLength(WRITERS * EACH);
    expect(fs.existsSync(path.join(dir, 'ledger.lock'))).toBe(false);
  }, 30_000);

  it('settings written by two processes at once: neither undoes the other', async () => {
    const dir = tempDir();
    const runs = await Promise.all([
      ended(addLoop.spawn([dir, 's', '30', 'settings'])),
      ended(addLoop.spawn([dir, 't', '30', 'threshold'])),
    ]);
    for (const run of runs) expect(run).toMatchObject({ code: 0, stderr: '' });
    for (const run of runs) expect(acknowledged(run.stdout)).toHaveLength(30);
    // Each process's last write: 1 + 29 % 50 minutes, and a $30 threshold.
    expect(mustOpenSettings(dir).read()).toMatchObject({
      pollIntervalMinutes: 30,
      lowBalanceThreshold: '30',
    });
  }, 30_000);
});

describe('the ledger lock', () => {
  function lockBy(dir: string, pid: number, at = Date.now()): string {
    const lock = path.join(dir, 'ledger.lock');
    fs.writeFileSync(lock, JSON.stringify({ pid, hostname: os.hostname(), at }));
    return lock;
  }

  it('held by a live process: the writer waits, then fails naming it, and keeps nothing', async () => {
    const dir = tempDir();
    const holder = spawn('sleep', ['30']);
    try {
      const lock = lockBy(dir, holder.pid!);
      const opened = openLedgerStore({ dir, storeClass: confStoreClass, now: () => NOW, lockWaitMs: 300 });
      if (!opened.ok) throw new Error(opened.error.message);
      const started = Date.now();
      const added = opened.store.addPurchase({ at: '2026-11-20T09:00:00Z', amount: '20', id: 'waited' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(added).toEqual({
        ok: false,
        error: {
          kind: 'io',
          message:
            `another Saldo (pid ${holder.pid}) is writing ${path.join(dir, 'ledger.json')}; ` +
            `nothing was changed, try again (the lock is ${lock}).`,
        },
      });
      expect(opened.store.read().entries).toEqual([]);
      expect(fs.existsSync(path.join(dir, 'ledger.json'))).toBe(false);
      expect(fs.existsSync(lock)).toBe(true);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('left by a killed process (its pid gone), by nobody (empty, old) or long ago: broken, and the write goes on', async () => {
    const dir = tempDir();
    const gone = spawn(process.execPath, ['-e', '']);
    await ended(gone as never);
    const lock = path.join(dir, 'ledger.lock');
    const ledger = mustOpenLedger(dir);
    const leftovers = [
      () => lockBy(dir, gone.pid!),
      () => {
        fs.writeFileSync(lock, '');
        const old = new Date(Date.now() - 5_000);
        fs.utimesSync(lock, old, old);
      },
      () => {
        lockBy(dir, process.ppid);
        const old = new Date(Date.now() - 120_000);
        fs.utimesSync(lock, old, old);
      },
    ];
    for (const [index, leave] of leftovers.entries()) {
      leave();
      const added = ledger.addPurchase({ at: '2026-11-20T09:00:00Z', amount: '5', id: `after-${index}` });
      expect(added.ok ? null : added.error).toBeNull();
      expect(fs.existsSync(lock)).toBe(false);
    }
    expect(mustOpenLedger(dir).read().entries).toHaveLength(3);
  });

  it('is taken once per process: a write inside a write (opening clears a cursor) does not wait on itself', () => {
    const dir = tempDir();
    const synced = path.join(dir, 'synced');
    fs.mkdirSync(synced);
    fs.writeFileSync(path.join(synced, '2026-11-26.json'), '{broken');
    const opened = openLedgerStore({ dir, storeClass: confStoreClass, now: () => NOW, lockWaitMs: 200 });
    expect(opened).toMatchObject({ ok: true, notice: expect.stringContaining('2026-11-26.json') });
    expect(fs.existsSync(path.join(dir, 'ledger.lock'))).toBe(false);
  });
});
