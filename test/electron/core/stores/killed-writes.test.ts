/**
 * A process killed while it writes the ledger leaves the old file or the new one, never a broken
 * one. Children rewrite a large ledger in a tight loop and are SIGKILLed at random moments; after
 * each kill the file must parse, validate and open without a notice.
 *
 * Speed: the write loop is bundled once (child-bundle.ts); lanes run side by side.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLedgerStore } from '../../../../electron/core/stores/ledger-store';
import { openStores } from '../../../../electron/core/stores';
import { confStoreClass } from '../../../../electron/core/stores/json-file';
import { migrateLedger } from '../../../../shared/ledger/ledger-migrations';
import { bundleChild, type ChildBundle } from './child-bundle';
import { tempDir } from './store-harness';

let writeLoop: ChildBundle;
beforeAll(async () => {
  writeLoop = await bundleChild(path.join(__dirname, 'write-loop.ts'));
});
afterAll(() => writeLoop.remove());
const LANES = 4;
const KILLS_PER_LANE = 5;

/** Starts a writer, waits until it has written once, lets it run 0–60 ms more, then SIGKILLs it. */
function writeThenKill(dir: string): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = writeLoop.spawn([dir]);
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (chunk.includes('writing')) setTimeout(() => child.kill('SIGKILL'), Math.random() * 80);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolve(signal);
      else reject(new Error(`writer exited with ${code}: ${stderr}`));
    });
  });
}

/** The ledger file as the next start would find it: parsed, valid, opening without a notice. */
function checkLedger(dir: string): number {
  const text = fs.readFileSync(path.join(dir, 'ledger.json'), 'utf8');
  const migrated = migrateLedger(JSON.parse(text));
  if (!migrated.ok) throw new Error(`ledger.json does not validate: ${JSON.stringify(migrated)}`);
  const opened = openLedgerStore({ dir, storeClass: confStoreClass });
  expect(opened).toMatchObject({ ok: true, notice: null });
  return migrated.value.cursor.costsAt ?? 0;
}

describe('a process killed while writing the ledger', () => {
  it(`leaves the old or the new file, never a broken one (${LANES * KILLS_PER_LANE} kills)`, async () => {
    const rounds = await Promise.all(
      Array.from({ length: LANES }, async () => {
        const dir = tempDir();
        const seen: number[] = [];
        for (let kill = 0; kill < KILLS_PER_LANE; kill += 1) {
          expect(await writeThenKill(dir)).toBe('SIGKILL');
          seen.push(checkLedger(dir));
        }
        return seen;
      }),
    );
    // Old or new, never older: each writer wrote at least once, so a lane's round never goes back.
    for (const seen of rounds) {
      expect(seen.every((round, index) => round >= (index === 0 ? 1 : seen[index - 1]! + 1))).toBe(true);
    }
  }, 30_000);
});

describe('what a killed writer leaves behind', () => {
  it('removes stale temp files on open, and leaves a fresh one (another writer may be on it)', () => {
    const dir = tempDir();
    const synced = path.join(dir, 'synced');
    fs.mkdirSync(synced);
    const stale = [
      path.join(dir, 'ledger.json.tmp-1795780154abc123'),
      path.join(synced, '2026-11-26.json.tmp-1795780154def456'),
    ];
    const fresh = path.join(dir, 'settings.json.tmp-1795780999aaa111');
    const unrelated = path.join(dir, 'notes.tmp-1');
    for (const file of [...stale, fresh, unrelated]) fs.writeFileSync(file, '{"half');
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    for (const file of [...stale, unrelated]) fs.utimesSync(file, twoMinutesAgo, twoMinutesAgo);

    const opened = openStores({ dir });
    expect(opened.ok).toBe(true);
    for (const file of stale) expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    expect(fs.existsSync(unrelated)).toBe(true);
  });
});
