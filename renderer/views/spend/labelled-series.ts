/** Folded series with the name and colour every chart, legend, tooltip and table column shows. */
import { OTHER_COLOUR, seriesColours } from '../../charts/palette';
import type { FoldedSeries } from './fold-series';

export interface LabelledSeries {
  name: string;
  colour: string;
  values: number[];
}

/**
 * Colours by rank over the whole history (`history`: the grouping's names, largest total over all
 * days first), so switching the range keeps each series' colour; "Other" is grey and named `other`.
 */
export function labelSeries(
  series: readonly FoldedSeries[],
  history: readonly string[],
  other: string,
): LabelledSeries[] {
  const named = series.filter((one) => one.name !== null);
  const colours = seriesColours(named.map((one) => history.indexOf(one.name!)));
  const colourOf = new Map(named.map((one, index) => [one.name, colours[index]!]));
  return series.map((one) => ({
    name: one.name ?? other,
    colour: one.name === null ? OTHER_COLOUR : colourOf.get(one.name)!,
    values: one.values,
  }));
}
