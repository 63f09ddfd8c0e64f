import fs from 'node:fs';
import path from 'node:path';
import { SETTINGS_VERSION } from '../../../../shared/settings/settings-schema';
import { describe, expect, it } from 'vitest';
import { confStoreClass } from '../../../../electron/core/stores';
import { openLedgerStore } from '../../../../electron/core/stores/ledger-store';
import { openSettingsStore } from '../../../../electron/core/stores/settings-store';
import { emptyLedger, emptyLedgerFile } from '../../../../shared/ledger/ledger-schema';
import { NOW, tempDir } from './store-harness';

function openLedgerAt(dir: string) {
  return openLedgerStore({ dir, storeClass: confStoreClass, now: () => NOW });
}

describe('a corrupt store file', () => {
  it.each([
    ['half a write', '{"schemaVersion": 2, "entries": [', 'not valid JSON'],
    ['an empty file', '', 'not valid JSON'],
    ['JSON that is not an object', '[1, 2]', 'schemaVersion: must be a whole number ≥ 1'],
    ['no version', '{"entries": []}', 'schemaVersion: must be a whole number ≥ 1'],
    [
      'a version never made',
      JSON.stringify({ ...emptyLedgerFile(), schemaVersion: 0 }),
      'schemaVersion: must be a whole number ≥ 1',
    ],
  ])(
    '(%s) is moved aside, the user told in one line, and the ledger starts empty',
    (_case, content, reason) => {
      const dir = tempDir();
      const file = path.join(dir, 'ledger.json');
      fs.writeFileSync(file, content);
      const opened = openLedgerAt(dir);
      if (!opened.ok) throw new Error(opened.error.message);

      const aside = path.join(dir, 'ledger.corrupt-2026-11-27T10-41-00Z.json');
      expect(opened.notice).toBe(
        `ledger.json was unreadable (${reason}) and was moved to ${aside}; Saldo starts with an empty ledger.`,
      );
      expect(opened.notice).not.toContain('\n');
      // Nothing silently reset: the bytes are all still there, and no new ledger.json until a change.
      expect(fs.readFileSync(aside, 'utf8')).toBe(content);
      expect(fs.existsSync(file)).toBe(false);
      expect(opened.store.read()).toEqual(emptyLedger());
    },
  );

  it('never moves one corrupt copy over another', () => {
    const dir = tempDir();
    for (const content of ['{first', '{second']) {
      fs.writeFileSync(path.join(dir, 'ledger.json'), content);
      expect(openLedgerAt(dir).ok).toBe(true);
    }
    expect(fs.readdirSync(dir).sort()).toEqual([
      'ledger.corrupt-2026-11-27T10-41-00Z-2.json',
      'ledger.corrupt-2026-11-27T10-41-00Z.json',
    ]);
    expect(fs.readFileSync(path.join(dir, 'ledger.corrupt-2026-11-27T10-41-00Z.json'), 'utf8')).toBe(
      '{first',
    );
  });

  it('from a newer Saldo is left where it is, and the store does not open', () => {
    const dir = tempDir();
    const content = JSON.stringify({ schemaVersion: 99, somethingNew: true });
    fs.writeFileSync(path.join(dir, 'settings.json'), content);
    const opened = openSettingsStore({ dir, storeClass: confStoreClass, now: () => NOW });
    expect(opened).toEqual({
      ok: false,
      error: {
        kind: 'newer-version',
        message:
          `settings.json was written by a newer Saldo (schema version 99, this one reads up to ${SETTINGS_VERSION}); ` +
          'update Saldo to use it. The file was left as it is.',
      },
    });
    expect(fs.readdirSync(dir)).toEqual(['settings.json']);
    expect(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).toBe(content);
  });

  it('holding an API key: the key is refused by name and leaves the live file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'settings.json');
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: 2, apiKey: 'sk-admin-0123456789' }));
    const opened = openSettingsStore({ dir, storeClass: confStoreClass, now: () => NOW });
    expect(opened.ok && opened.notice).toMatch(
      /^settings\.json had parts Saldo cannot read: apiKey: looks like an API key/,
    );
    expect(fs.readFileSync(file, 'utf8')).not.toContain('sk-admin');
  });
});
