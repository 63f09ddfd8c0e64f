/** exportJson: the records as a deterministic, exact JSON document. */
import { describe, expect, it } from 'vitest';
import { exportJson, exportRecords } from '../../../../electron/core/export';
import { emptyLedger } from '../../../../shared/ledger/ledger-schema';
import { FULL_EXPORT } from './expected';
import { evaluateLedger, fullLedger } from './fixture';

describe('exportJson', () => {
  it('parses back to the same records, amounts kept as exact decimal text', () => {
    const ledger = fullLedger();
    const json = exportJson(exportRecords(ledger, evaluateLedger(ledger), null));
    expect(JSON.parse(json)).toEqual(FULL_EXPORT);
    expect(json).toContain('"amount": "0.000001"');
    expect(json).toContain('"drift": "-1.75"');
  });

  it('is two-space indented, in a fixed key order, ending in one newline', () => {
    const ledger = fullLedger();
    const json = exportJson(exportRecords(ledger, evaluateLedger(ledger), null));
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.endsWith('\n\n')).toBe(false);
    expect(Object.keys(JSON.parse(json) as object)).toEqual([
      'currency',
      'account',
      'grants',
      'purchases',
      'calibrations',
      'dailySpend',
    ]);
    expect(json.split('\n').slice(0, 4)).toEqual([
      '{',
      '  "currency": "USD",',
      '  "account": null,',
      '  "grants": [',
    ]);
  });

  it('is deterministic: the same inputs give the same text', () => {
    const first = fullLedger();
    const second = fullLedger();
    expect(exportJson(exportRecords(first, evaluateLedger(first), null))).toBe(
      exportJson(exportRecords(second, evaluateLedger(second), null)),
    );
  });

  it('an empty ledger gives empty lists', () => {
    const ledger = emptyLedger();
    expect(exportJson(exportRecords(ledger, evaluateLedger(ledger), null))).toBe(
      '{\n  "currency": "USD",\n  "account": null,\n  "grants": [],\n  "purchases": [],\n  "calibrations": [],\n  "dailySpend": []\n}\n',
    );
  });
});
