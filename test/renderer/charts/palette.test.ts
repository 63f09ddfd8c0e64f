import { describe, expect, it } from 'vitest';
import { OTHER_COLOUR, SERIES_COLOURS, seriesColours } from '../../../renderer/charts/palette';

const [blue, vermillion, green, purple, orange, sky] = SERIES_COLOURS;

describe('seriesColours', () => {
  it('gives each of the top six over the history its own colour, whatever the chart order', () => {
    expect(seriesColours([0, 1, 2, 3, 4, 5])).toEqual([blue, vermillion, green, purple, orange, sky]);
    expect(seriesColours([3, 0, 5])).toEqual([purple, blue, sky]);
  });

  it('gives a series beyond the top six a colour no other series of the chart has', () => {
    // Ranks 0 and 2 are not in this chart: their colours are free, taken in order of rank.
    expect(seriesColours([1, 9, 3, 7, 4, 5])).toEqual([vermillion, green, purple, blue, orange, sky]);
    // The same series in another order keep the same colours.
    expect(seriesColours([9, 7, 5, 4, 3, 1])).toEqual([green, blue, sky, orange, purple, vermillion]);
  });

  it('treats a series the history does not list as ranked last', () => {
    expect(seriesColours([-1, 8, 0])).toEqual([green, vermillion, blue]);
  });

  it('never repeats a colour among six named series', () => {
    for (const ranks of [
      [6, 7, 8, 9, 10, 11],
      [0, 6, 1, 7, 2, 8],
      [5, 4, 12, -1, 0, 6],
    ]) {
      const colours = seriesColours(ranks);
      expect(new Set(colours).size).toBe(6);
      expect(colours).not.toContain(OTHER_COLOUR);
    }
  });
});
