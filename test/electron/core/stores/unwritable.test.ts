/**
 * An unwritable data directory. CI runs as root, where `chmod 0500` does not stop a write, so the
 * tests that must run everywhere put the directory where no directory can be: under a regular file
 * (ENOTDIR), or swap the directory for a file after the store opened (EEXIST / ENOTDIR on write).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { confStoreClass, openStores } from '../../../../electron/core/stores';
import { openLedgerStore } from '../../../../electron/core/stores/ledger-store';
import { mustOpenLedger, mustOpenSettings, NOW, tempDir } from './store-harness';

describe('an unwritable data directory', () => {
  it('under a regular file: the stores do not open, and say why in one line', () => {
    const blocker = path.join(tempDir(), 'not-a-dir');
    fs.writeFileSync(blocker, 'a file');
    const opened = openStores({ dir: path.join(blocker, 'Saldo'), now: () => NOW });
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.error.kind).toBe('io');
    expect(opened.error.message).toMatch(/^Saldo cannot use .*not-a-dir\/Saldo: .*(ENOTDIR|EEXIST)/);
    expect(opened.error.message).not.toContain('\n');
  });

  it('a ledger opened under a regular file reports an io error rather than throwing', () => {
    const blocker = path.join(tempDir(), 'not-a-dir');
    fs.writeFileSync(blocker, 'a file');
    const opened = openLedgerStore({ dir: blocker, storeClass: confStoreClass, now: () => NOW });
    // `<file>/ledger.json` cannot exist: read as an io error, not as "absent".
    expect(opened).toMatchObject({ ok: false, error: { kind: 'io' } });
  });

  it('gone after opening: a change fails as a value and nothing changes in memory', () => {
    const root = tempDir();
    const dir = path.join(root, 'data');
    fs.mkdirSync(dir);
    const ledger = mustOpenLedger(dir);
    const settings = mustOpenSettings(dir);
    expect(ledger.addPurchase({ at: '2026-11-20T09:00:00Z', amount: '20' }).ok).toBe(true);
    const before = ledger.read();

    fs.rmSync(dir, { recursive: true });
    fs.writeFileSync(dir, 'the directory is now a file');

    const failed = ledger.addPurchase({ at: '2026-11-21T09:00:00Z', amount: '10' });
    expect(failed).toMatchObject({ ok: false, error: { kind: 'io' } });
    if (!failed.ok)
      expect(failed.error.message).toMatch(
        /^Saldo could not save .*ledger\.json \(.+\); nothing was changed\.$/,
      );
    expect(ledger.read()).toBe(before);
    expect(settings.update({ theme: 'dark' })).toMatchObject({ ok: false, error: { kind: 'io' } });
    expect(settings.read().theme).toBe('system');
    expect(fs.readFileSync(dir, 'utf8')).toBe('the directory is now a file');
  });
});
