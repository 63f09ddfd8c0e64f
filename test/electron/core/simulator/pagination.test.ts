/** Bucket windows and cursors (pure): the first bucket unaligned, limits, the partial last bucket. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeCursor,
  encodeCursor,
  fingerprintOf,
  pageWindows,
  WIDTH_MS,
} from '../../../../electron/core/simulator/pagination';

const DAY = WIDTH_MS['1d'];
const HOUR = WIDTH_MS['1h'];
const MIDNIGHT = Date.parse('2026-02-01T00:00:00Z');

describe('pageWindows', () => {
  it('starts the first bucket at an unaligned start, then follows UTC midnights', () => {
    const start = MIDNIGHT + 10 * HOUR + 17_000;
    const { windows, next } = pageWindows(start, null, MIDNIGHT + 3 * DAY + HOUR, DAY, 10);
    expect(windows).toEqual([
      { start, end: MIDNIGHT + DAY },
      { start: MIDNIGHT + DAY, end: MIDNIGHT + 2 * DAY },
      { start: MIDNIGHT + 2 * DAY, end: MIDNIGHT + 3 * DAY },
      // Today: partial, but written as the whole day, as OpenAI writes it.
      { start: MIDNIGHT + 3 * DAY, end: MIDNIGHT + 4 * DAY },
    ]);
    expect(next).toBeNull();
  });

  it('stops at the limit and says where the next page starts', () => {
    const { windows, next } = pageWindows(MIDNIGHT, null, MIDNIGHT + 10 * DAY, DAY, 3);
    expect(windows).toHaveLength(3);
    expect(next).toBe(MIDNIGHT + 3 * DAY);
  });

  it('ends the last bucket at an unaligned end_time, and lists nothing not yet begun', () => {
    const end = MIDNIGHT + DAY + 5 * HOUR;
    expect(pageWindows(MIDNIGHT, end, MIDNIGHT + 9 * DAY, DAY, 7).windows.at(-1)).toEqual({
      start: MIDNIGHT + DAY,
      end,
    });
    expect(pageWindows(MIDNIGHT + DAY, null, MIDNIGHT, DAY, 7)).toEqual({ windows: [], next: null });
  });

  it('walks any range exactly once, page by page, with any limit and width', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 * DAY }),
        fc.integer({ min: 1, max: 40 * DAY }),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom(DAY, HOUR),
        (offset, length, limit, width) => {
          const from = MIDNIGHT + offset;
          const now = from + length;
          const seen: { start: number; end: number }[] = [];
          let cursor: number | null = from;
          while (cursor !== null) {
            const page = pageWindows(cursor, null, now, width, limit);
            expect(page.windows.length).toBeLessThanOrEqual(limit);
            seen.push(...page.windows);
            cursor = page.next;
          }
          expect(seen[0]!.start).toBe(from);
          for (let i = 1; i < seen.length; i++) {
            expect(seen[i]!.start).toBe(seen[i - 1]!.end);
            expect(seen[i]!.start % width).toBe(0);
          }
          expect(seen.at(-1)!.start).toBeLessThanOrEqual(now);
          expect(seen.at(-1)!.end).toBeGreaterThan(now);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('cursors', () => {
  const fingerprint = fingerprintOf('query');

  it('round-trip, and look like OpenAI’s (page_ + base64)', () => {
    const cursor = encodeCursor(MIDNIGHT + DAY, fingerprint);
    expect(cursor).toMatch(/^page_[A-Za-z0-9+/]+=*$/);
    expect(decodeCursor(cursor, fingerprint)).toBe(MIDNIGHT + DAY);
  });

  it.each([
    ['not ours', 'page_AAAAAGdGxdEiJdKOAAAAAGcqsYA='],
    ['no prefix', Buffer.from(`1:${fingerprint}`).toString('base64')],
    ['garbage', 'page_!!!'],
    ['another query', encodeCursor(MIDNIGHT, fingerprintOf('other'))],
    ['empty', ''],
  ])('refuse a cursor that is %s', (_what, cursor) => {
    expect(decodeCursor(cursor, fingerprint)).toBeNull();
  });
});
