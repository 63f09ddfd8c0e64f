/**
 * Series colours (Okabe–Ito, colour-blind safe) in ux.md §2's order, the same hues in both themes;
 * a series keeps its colour on every chart. "Other" is grey. Never yellow on light backgrounds.
 */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'] as const;
export const OTHER_COLOUR = '#999999';
/** At most six named series plus "Other" (ux.md §2). */
export const MAX_NAMED_SERIES = SERIES_COLOURS.length;

/**
 * The colours of one chart's named series, given each one's rank over the whole history (0 = the
 * largest; -1 or beyond the list: unranked). A series among the top six keeps its rank's colour on
 * every chart and range; another takes the first colour no series of this chart has, the series
 * taking them in order of rank, so the same chart always colours them alike.
 */
export function seriesColours(historyRanks: readonly number[]): string[] {
  const fixed = historyRanks.map((rank) => (rank >= 0 ? SERIES_COLOURS[rank] : undefined));
  const free = SERIES_COLOURS.filter((colour) => !fixed.includes(colour));
  const others = historyRanks
    .map((rank, index) => ({ rank: rank < 0 ? Number.POSITIVE_INFINITY : rank, index }))
    .filter(({ index }) => fixed[index] === undefined)
    .sort((a, b) => a.rank - b.rank || a.index - b.index);
  const colours = fixed.map((colour) => colour ?? OTHER_COLOUR);
  others.forEach(({ index }, k) => {
    colours[index] = free[k] ?? OTHER_COLOUR;
  });
  return colours;
}
