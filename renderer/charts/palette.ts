/**
 * Series colours (Okabe–Ito, colour-blind safe) in ux.md §2's order, the same hues in both themes;
 * a series keeps its colour on every chart. "Other" is grey. Never yellow on light backgrounds.
 */
export const SERIES_COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'] as const;
export const OTHER_COLOUR = '#999999';
/** At most six named series plus "Other" (ux.md §2). */
export const MAX_NAMED_SERIES = SERIES_COLOURS.length;

/** The colour of the series at `rank` (0 = largest over the range); beyond the named ones, grey. */
export function seriesColour(rank: number): string {
  return SERIES_COLOURS[rank] ?? OTHER_COLOUR;
}
