/** csvCell: RFC 4180 quoting and the formula-injection guard, cell by cell. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../../electron/core/export/csv-cell';
import { parseCsv } from './parse-csv';

const text = (value: string) => csvCell({ text: value });
const amount = (value: string) => csvCell({ amount: value });

describe('csvCell', () => {
  it('writes plain text and empty cells as they are', () => {
    expect([text('p1'), text('2026-11-27T00:00:00Z'), text(''), csvCell(null)]).toEqual([
      'p1',
      '2026-11-27T00:00:00Z',
      '',
      '',
    ]);
  });

  it('quotes a field with a comma, quote, CR or LF, doubling its quotes', () => {
    expect([text('a,b'), text('say "hi"'), text('a\rb'), text('a\nb')]).toEqual([
      '"a,b"',
      '"say ""hi"""',
      '"a\rb"',
      '"a\nb"',
    ]);
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])(
    'guards text starting like a formula: %j',
    (value) => {
      const written = text(value);
      expect(parseCsv(`${written}\r\n`)).toEqual([[`'${value}`]]);
    },
  );

  it('never guards an amount, so spreadsheets read it as a number', () => {
    expect([amount('-1.5'), amount('-0.000001'), amount('0'), amount('123456789.123456')]).toEqual([
      '-1.5',
      '-0.000001',
      '0',
      '123456789.123456',
    ]);
  });

  it('treats an "amount" that is no plain decimal as text, guard and all', () => {
    expect([amount('=1+1'), amount('-1e3'), amount('1,5')]).toEqual(["'=1+1", "'-1e3", '"1,5"']);
  });

  it('any text reads back as itself, or apostrophe-guarded, and never starts a formula', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', '=', '+', '-', '@', '\t', "'") }),
        (value) => {
          const [[read]] = parseCsv(`${text(value)}\r\n`) as [[string]];
          const guarded = /^[=+\-@\t\r]/.test(value);
          return read === (guarded ? `'${value}` : value) && !/^[=+\-@\t\r]/.test(read);
        },
      ),
    );
  });
});
