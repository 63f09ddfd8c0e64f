import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  formatInstant,
  parseInstant,
  startOfUtcDay,
  utcMonthOf,
} from '../../../shared/billing/instant';
import { ms } from './billing-test-helpers';

const FIRST = ms('0001-01-01T00:00:00Z');
const LAST = ms('9999-12-31T23:59:59.999Z');

describe('parseInstant (spec §1)', () => {
  it.each([
    ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'],
    ['2026-01-01T10:20Z', '2026-01-01T10:20:00Z'],
    ['2026-03-01T00:30:00+01:00', '2026-02-28T23:30:00Z'],
    ['2026-02-28T20:00:00-05:30', '2026-03-01T01:30:00Z'],
    ['2026-01-01T00:00:00-00:00', '2026-01-01T00:00:00Z'],
    ['2026-01-01T00:00:00+23:59', '2025-12-31T00:01:00Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00Z'],
    ['2000-02-29T00:00:00Z', '2000-02-29T00:00:00Z'],
    ['2026-12-31T23:59:59Z', '2026-12-31T23:59:59Z'],
  ])('%s is %s', (text, utc) => {
    expect(parseInstant(text)).toBe(ms(utc));
  });

  it('keeps milliseconds and drops fraction digits past the third, without rounding', () => {
    expect(parseInstant('2026-01-01T00:00:00.5Z')).toBe(ms('2026-01-01T00:00:00.500Z'));
    expect(parseInstant('2026-01-01T00:00:00.12Z')).toBe(ms('2026-01-01T00:00:00.120Z'));
    expect(parseInstant('2026-01-01T00:00:00.1234567Z')).toBe(ms('2026-01-01T00:00:00.123Z'));
    expect(parseInstant('2026-01-01T00:00:00.9999999Z')).toBe(ms('2026-01-01T00:00:00.999Z'));
    expect(parseInstant('2026-01-01T00:00:00.0009Z')).toBe(ms('2026-01-01T00:00:00Z'));
    expect(parseInstant('2026-01-01T00:00:00.5-05:30')).toBe(ms('2026-01-01T05:30:00.500Z'));
  });

  it.each([
    ['2026-02-30T00:00:00Z', 'Feb 30'],
    ['2025-02-29T00:00:00Z', 'Feb 29 of a common year'],
    ['1900-02-29T00:00:00Z', 'Feb 29 of a century that is not a leap year'],
    ['2026-04-31T00:00:00Z', 'Apr 31'],
    ['2026-13-01T00:00:00Z', 'month 13'],
    ['2026-00-10T00:00:00Z', 'month 0'],
    ['2026-01-00T00:00:00Z', 'day 0'],
    ['2026-01-01T24:00:00Z', 'hour 24'],
    ['2026-01-01T23:60:00Z', 'minute 60'],
    ['2026-01-01T23:59:60Z', 'second 60'],
    ['2026-01-01t00:00:00Z', 'lower-case t'],
    ['2026-01-01T00:00:00z', 'lower-case z'],
    ['2026-01-01T00:00:00', 'no zone'],
    ['2026-01-01', 'date only'],
    ['2026-01-01 00:00:00Z', 'space for T'],
    ['2026-01-01T00:00:00+01', 'offset without minutes'],
    ['2026-01-01T00:00:00+0100', 'offset without colon'],
    ['2026-01-01T00:00:00+24:00', 'offset hour 24'],
    ['2026-01-01T00:00:00+01:60', 'offset minute 60'],
    ['2026-01-01T00:00:00.Z', 'empty fraction'],
    ['2026-01-01T00:00.5Z', 'fraction without seconds'],
    ['2026-1-01T00:00:00Z', 'one-digit month'],
    [' 2026-01-01T00:00:00Z', 'leading space'],
    ['10000-01-01T00:00:00Z', 'five-digit year'],
    ['+010000-01-01T00:00:00Z', 'extended year'],
    ['-0001-01-01T00:00:00Z', 'negative year'],
    ['0000-06-01T00:00:00Z', 'year 0'],
  ])('%s is unreadable (%s)', (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });

  it('reads only strings', () => {
    for (const value of [null, undefined, 0, Date.now(), new Date(), {}, ['2026-01-01T00:00:00Z']]) {
      expect(parseInstant(value)).toBeUndefined();
    }
  });

  it('accepts UTC years 0001 to 9999, judged after the offset', () => {
    expect(parseInstant('0001-01-01T00:00:00Z')).toBe(FIRST);
    expect(parseInstant('9999-12-31T23:59:59.999Z')).toBe(LAST);
    expect(parseInstant('9999-12-31T23:59:59.9999999Z')).toBe(LAST);
    // A local year 0000 that is UTC year 0001, and the reverse.
    expect(parseInstant('0000-12-31T23:00:00-01:00')).toBe(FIRST);
    expect(parseInstant('0001-01-01T00:30:00+01:00')).toBeUndefined();
    expect(parseInstant('0001-01-01T00:59:59+01:00')).toBeUndefined();
    expect(parseInstant('0001-01-01T01:00:00+01:00')).toBe(FIRST);
    // The last hour of 9999 pushed into 10000 by a negative offset.
    expect(parseInstant('9999-12-31T23:30:00-01:00')).toBeUndefined();
    expect(parseInstant('9999-12-31T22:59:59.999-01:00')).toBe(LAST);
    expect(parseInstant('9999-12-31T23:30:00+01:00')).toBe(ms('9999-12-31T22:30:00Z'));
  });

  it('reads the same instant written with any offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: ms('1000-01-02T00:00:00Z'), max: ms('9000-01-01T00:00:00Z') }),
        fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
        (instant, offsetMinutes) => {
          // Local wall-clock text = UTC + offset, written with that offset.
          const local = new Date(instant + offsetMinutes * 60_000).toISOString().slice(0, 23);
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          expect(parseInstant(`${local}${offset}`)).toBe(instant);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('formatInstant (spec §1)', () => {
  it.each([
    ['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00Z'],
    ['2026-01-01T00:00:00.005Z', '2026-01-01T00:00:00.005Z'],
    ['2026-01-01T00:00:00.120Z', '2026-01-01T00:00:00.120Z'],
    ['2026-07-04T13:05:09.999Z', '2026-07-04T13:05:09.999Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00Z'],
    ['0999-12-31T23:59:59Z', '0999-12-31T23:59:59Z'],
    ['1969-12-31T23:59:59.999Z', '1969-12-31T23:59:59.999Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
    ['+010000-01-01T00:00:00Z', '+010000-01-01T00:00:00Z'],
    ['+010000-06-15T08:00:00.250Z', '+010000-06-15T08:00:00.250Z'],
    ['+275760-09-13T00:00:00Z', '+275760-09-13T00:00:00Z'],
  ])('%s is written %s', (instant, text) => {
    expect(formatInstant(ms(instant))).toBe(text);
  });

  it('writes instants far past what Date can hold, extended', () => {
    const text = formatInstant(Number.MAX_VALUE);
    expect(text).toMatch(/^\+[0-9]{6,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{3})?Z$/);
    // Date stops at +275760-09-13; one day later is still written.
    expect(formatInstant(ms('+275760-09-13T00:00:00Z') + 86_400_000)).toBe('+275760-09-14T00:00:00Z');
  });

  it('reads back what it writes, and writes what Date writes (minus .000)', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), (instant) => {
        const text = formatInstant(instant);
        expect(parseInstant(text)).toBe(instant);
        expect(text).toBe(new Date(instant).toISOString().replace('.000Z', 'Z'));
      }),
      { numRuns: 300 },
    );
  });
});

/** The same calendar rule, written independently with Date for years 1000–9000. */
function addMonthsByDate(instant: number, months: number): number {
  const d = new Date(instant);
  const target = new Date(0);
  target.setUTCFullYear(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0); // last day of target month
  const lastDay = target.getUTCDate();
  target.setUTCFullYear(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), lastDay));
  target.setUTCHours(d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds());
  return target.getTime();
}

describe('addCalendarMonths (spec §2)', () => {
  it.each([
    ['2024-02-29T12:00:00Z', 12, '2025-02-28T12:00:00Z'],
    ['2024-02-29T12:00:00Z', 48, '2028-02-29T12:00:00Z'],
    ['2096-02-29T00:00:00Z', 48, '2100-02-28T00:00:00Z'],
    ['2026-02-28T23:30:00Z', 1, '2026-03-28T23:30:00Z'],
    ['2024-01-31T10:00:00Z', 1, '2024-02-29T10:00:00Z'],
    ['2023-01-31T10:00:00Z', 1, '2023-02-28T10:00:00Z'],
    ['2024-01-31T10:00:00Z', 2, '2024-03-31T10:00:00Z'],
    ['2024-03-31T10:00:00Z', 1, '2024-04-30T10:00:00Z'],
    ['2024-12-31T23:59:59.999Z', 2, '2025-02-28T23:59:59.999Z'],
    ['2024-11-30T00:00:00Z', 3, '2025-02-28T00:00:00Z'],
    ['2026-01-15T06:00:00Z', 12, '2027-01-15T06:00:00Z'],
    ['2026-01-15T06:00:00Z', 120, '2036-01-15T06:00:00Z'],
    ['9999-06-15T08:00:00Z', 12, '+010000-06-15T08:00:00Z'],
    ['0001-01-31T00:00:00Z', 1, '0001-02-28T00:00:00Z'],
  ])('%s + %i months = %s', (from, months, to) => {
    expect(addCalendarMonths(ms(from), months)).toBe(ms(to));
  });

  it('counts an offset instant in UTC: 2026-03-01T00:30:00+01:00 + 1 month = 2026-03-28T23:30:00Z', () => {
    const at = parseInstant('2026-03-01T00:30:00+01:00')!;
    expect(formatInstant(addCalendarMonths(at, 1))).toBe('2026-03-28T23:30:00Z');
  });

  it('agrees with the rule written with Date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: ms('1000-01-01T00:00:00Z'), max: ms('8000-01-01T00:00:00Z') }),
        fc.integer({ min: 1, max: 1200 }),
        (instant, months) => {
          expect(addCalendarMonths(instant, months)).toBe(addMonthsByDate(instant, months));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays finite for absurd month counts', () => {
    const far = addCalendarMonths(ms('2026-01-01T00:00:00Z'), 1e300);
    expect(Number.isFinite(far)).toBe(true);
    expect(far).toBeGreaterThan(ms('+275760-01-01T00:00:00Z'));
  });
});

describe('UTC days and months', () => {
  it('starts the day at 00:00 UTC', () => {
    expect(startOfUtcDay(ms('2026-03-10T23:59:59.999Z'))).toBe(ms('2026-03-10T00:00:00Z'));
    expect(startOfUtcDay(ms('1969-12-31T12:00:00Z'))).toBe(ms('1969-12-31T00:00:00Z'));
  });

  it('names the UTC month and its bounds', () => {
    expect(utcMonthOf(ms('2024-02-29T23:59:59.999Z'))).toEqual({
      key: '2024-02',
      start: ms('2024-02-01T00:00:00Z'),
      end: ms('2024-03-01T00:00:00Z'),
    });
    expect(utcMonthOf(ms('2026-12-31T00:00:00Z')).end).toBe(ms('2027-01-01T00:00:00Z'));
    expect(utcMonthOf(ms('0042-07-04T00:00:00Z')).key).toBe('0042-07');
  });
});
