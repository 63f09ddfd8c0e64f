/**
 * Child process for killed-writes.test.ts: opens the ledger in argv[2] and rewrites it in a tight
 * loop, each write a different, valid ledger of a few hundred kB, until it is killed. It says
 * `writing` once the first write is done, so the parent kills it mid-loop, not while it loads.
 * Run as `node bin/run-ts.cjs test/electron/core/stores/write-loop.ts <dir>`.
 */
import { openLedgerStore } from '../../../../electron/core/stores/ledger-store';
import { confStoreClass } from '../../../../electron/core/stores/json-file';
import { NO_SYNC_YET } from '../../../../shared/ledger/synced-data';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: write-loop.ts <dir>');
const opened = openLedgerStore({ dir, storeClass: confStoreClass });
if (!opened.ok) throw new Error(opened.error.message);
if (opened.notice !== null) throw new Error(opened.notice);
const ledger = opened.store;

// A stop of its own, should the parent die before killing this child: the loop never yields, so a
// timer would never fire; the clock is checked each round instead.
const stopAt = Date.now() + 20_000;

const DAYS = 150;
// Long line items make each write large next to the validation before it, so kills land mid-write.
const PADDING = '·'.repeat(300);
const ROWS_PER_DAY = 6;
const day = (index: number) => new Date(Date.UTC(2025, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);

let round = ledger.read().cursor.costsAt ?? 0;
let told = false;
while (Date.now() < stopAt) {
  round += 1;
  const costs = [];
  for (let d = 0; d < DAYS; d += 1) {
    for (let r = 0; r < ROWS_PER_DAY; r += 1) {
      costs.push({
        day: day(d),
        amountMicros: round * 1000 + d + r,
        lineItem: `line item ${r} ${PADDING}`,
        projectId: 'proj_1',
      });
    }
  }
  const written = ledger.recordSync(
    {
      costs: { fromDay: day(0), days: costs },
      usage: null,
      balance: null,
      cursor: { costsAt: round, usageAt: null, balanceAt: null },
    },
    NO_SYNC_YET,
  );
  if (!written.ok) throw new Error(written.error.message);
  if (!told) {
    process.stdout.write('writing\n');
    told = true;
  }
}
process.exit(3);
