/** exportCsv: one RFC 4180 table of every record, safe to open in a spreadsheet. */
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, exportCsv, exportRecords } from '../../../../electron/core/export';
import { emptyLedger } from '../../../../shared/ledger/ledger-schema';
import { FULL_EXPORT } from './expected';
import { evaluateLedger, FORMULA_ID, fullLedger, TRICKY_ID } from './fixture';
import { parseCsv } from './parse-csv';

const HEADER =
  'record,id,date,amount,source,kind,effective_at,expires_at,used,forfeited,remaining,status,observed,computed,drift';

function fullCsv(): string {
  const ledger = fullLedger();
  return exportCsv(exportRecords(ledger, evaluateLedger(ledger), null));
}

describe('exportCsv', () => {
  it('writes every record, one row each, exactly', () => {
    expect(fullCsv()).toBe(
      [
        HEADER,
        'grant,p1,2025-10-01T00:00:00Z,10,manual,purchase,2025-10-01T00:00:00Z,2026-10-01T00:00:00Z,3.000002,6.999998,0,expired,,,',
        'grant,auto-1,2026-10-01T00:00:00Z,10,auto,auto-recharge,2026-10-01T00:00:00Z,2027-10-01T00:00:00Z,0.250001,0,9.749999,active,,,',
        'grant,g1,2026-10-10T00:00:00Z,5,grant,free-credit,2026-10-10T00:00:00Z,2027-10-10T00:00:00Z,5,0,0,depleted,,,',
        'grant,"inv ""A"", no.1\nline 2",2026-10-15T12:00:00Z,20.5,manual,purchase,2026-10-15T12:00:00Z,2027-10-15T12:00:00Z,0,0,20.5,active,,,',
        'grant,cal-1,2026-11-26T00:00:00Z,1.75,calibration,correction,2026-11-26T00:00:00Z,2027-11-26T00:00:00Z,0,0,1.75,active,,,',
        `grant,"'=HYPERLINK(""http://evil.example"")",2026-11-26T12:00:00Z,5,import,purchase,2026-11-26T12:00:00Z,2027-11-26T12:00:00Z,0,0,5,active,,,`,
        'purchase,p1,2025-10-01T00:00:00Z,10,manual,purchase,,,,,,,,,',
        'purchase,auto-1,2026-10-01T00:00:00Z,10,auto,auto-recharge,,,,,,,,,',
        'purchase,"inv ""A"", no.1\nline 2",2026-10-15T12:00:00Z,20.5,manual,purchase,,,,,,,,,',
        `purchase,"'=HYPERLINK(""http://evil.example"")",2026-11-26T12:00:00Z,5,import,purchase,,,,,,,,,`,
        'calibration,,2026-11-20T00:00:00Z,,,correction,,,,,,,31.25,33,-1.75',
        'calibration,,2026-11-26T00:00:00Z,,,correction,,,,,,,32,30.25,1.75',
        'daily_spend,,2025-10-02,3.000001,,,,,,,,,,,',
        'daily_spend,,2025-10-03,0.000001,,,,,,,,,,,',
        'daily_spend,,2026-11-01,2.5,,,,,,,,,,,',
        'daily_spend,,2026-11-25,1,,,,,,,,,,,',
        'daily_spend,,2026-11-26,0,,,,,,,,,,,',
        'daily_spend,,2026-11-27,0.000001,,,,,,,,,,,',
      ]
        .map((line) => `${line}\r\n`)
        .join(''),
    );
  });

  it('reads back as one well-formed table: a header and a row of 15 cells per record', () => {
    const [header, ...rows] = parseCsv(fullCsv());
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
    const count = (kind: string) => rows.filter((row) => row[0] === kind).length;
    expect([count('grant'), count('purchase'), count('calibration'), count('daily_spend')]).toEqual([
      FULL_EXPORT.grants.length,
      FULL_EXPORT.purchases.length,
      FULL_EXPORT.calibrations.length,
      FULL_EXPORT.dailySpend.length,
    ]);
  });

  it('quotes an id with a comma, quotes and a newline, and it reads back unchanged', () => {
    const rows = parseCsv(fullCsv()).filter((row) => row[0] === 'purchase');
    expect(rows.map((row) => row[1])).toEqual(['p1', 'auto-1', TRICKY_ID, `'${FORMULA_ID}`]);
  });

  it('guards a formula-like id with an apostrophe, but never an amount: negative drift stays a number', () => {
    const rows = parseCsv(fullCsv());
    const textCells = rows.flatMap((row) => [row[1], row[2], row[4], row[5], row[6], row[7], row[11]]);
    expect(textCells.filter((cell) => /^[=+\-@\t\r]/.test(cell ?? ''))).toEqual([]);
    const drifts = rows.filter((row) => row[0] === 'calibration').map((row) => row[14]);
    expect(drifts).toEqual(['-1.75', '1.75']);
  });

  it('an empty ledger gives the header alone', () => {
    const ledger = emptyLedger();
    expect(exportCsv(exportRecords(ledger, evaluateLedger(ledger), null))).toBe(`${HEADER}\r\n`);
  });
});
