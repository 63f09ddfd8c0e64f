import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addUtcDays, isUtcDay, utcDayOf, utcDayStart } from '../../../electron/core/utc-day';

describe('UTC days', () => {
  it('an instant falls on its UTC day, whatever the time of day', () => {
    expect(utcDayOf(Date.parse('2024-11-01T00:00:00Z'))).toBe('2024-11-01');
    expect(utcDayOf(Date.parse('2024-11-01T23:59:59.999Z'))).toBe('2024-11-01');
    expect(utcDayOf(1736616660_000)).toBe('2025-01-11');
  });

  it('counts days across month, leap-day and year ends', () => {
    expect(addUtcDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addUtcDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addUtcDays('2026-11-27', -365)).toBe('2025-11-27');
    expect(addUtcDays('2025-12-31', 1)).toBe('2026-01-01');
  });

  it('rejects what is not a real date', () => {
    expect(['2026-02-29', '2026-13-01', '2026-1-1', '20261127', ''].map(isUtcDay)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(() => utcDayStart('2026-02-30')).toThrow(RangeError);
  });

  it('day start and day of agree with Date for 1970–9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => {
        const day = utcDayOf(ms);
        return (
          day === new Date(ms).toISOString().slice(0, 10) &&
          utcDayStart(day) === Date.parse(`${day}T00:00:00Z`)
        );
      }),
    );
  });
});
