/**
 * Child process for the concurrent-writer tests and the crash-consistency proof: opens the stores
 * in argv[2] and makes argv[4] writes of kind argv[5], ids prefixed argv[3]. Each write the store
 * acknowledged is printed as `ok <id>` the moment it returns, so a parent that kills this process
 * knows exactly what was acknowledged; a refused one is printed as `fail <id> <why>`.
 * Run bundled (child-bundle.ts) or as `node bin/run-ts.cjs test/electron/core/stores/add-loop.ts …`.
 */
import { openStores } from '../../../../electron/core/stores';

const [dir, prefix, countText, kind = 'purchase'] = process.argv.slice(2);
if (dir === undefined || prefix === undefined || countText === undefined) {
  throw new Error('usage: add-loop.ts <dir> <id prefix> <count> [purchase|grant|balance|settings|threshold]');
}
const opened = openStores({ dir });
if (!opened.ok) throw new Error(opened.error.message);
const { ledger, settings } = opened;

function write(id: string, index: number): { ok: true } | { ok: false; error: { message: string } } {
  const at = new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString();
  switch (kind) {
    case 'grant':
      return ledger.addGrant({ id, at, amount: '1.5' });
    case 'balance':
      return ledger.addBalance({ id, at, balance: `${index}.25` });
    case 'settings':
      return settings.update({ pollIntervalMinutes: 1 + (index % 50) });
    case 'threshold':
      return settings.update({ lowBalanceThreshold: String(index + 1) });
    default:
      return ledger.addPurchase({ id, at, amount: '5' });
  }
}

for (let index = 0; index < Number(countText); index += 1) {
  const id = `${prefix}-${index}`;
  const done = write(id, index);
  process.stdout.write(done.ok ? `ok ${id}\n` : `fail ${id} ${done.error.message}\n`);
}
