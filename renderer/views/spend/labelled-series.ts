/** Folded series with the name and colour every chart, legend, tooltip and table column shows. */
import { OTHER_COLOUR, seriesColour } from '../../charts/palette';
import type { FoldedSeries } from './fold-series';

export interface LabelledSeries {
  name: string;
  colour: string;
  values: number[];
}

/** Colours by rank over the range; "Other" is grey and named `other`. */
export function labelSeries(series: readonly FoldedSeries[], other: string): LabelledSeries[] {
  return series.map((one, rank) => ({
    name: one.name ?? other,
    colour: one.name === null ? OTHER_COLOUR : seriesColour(rank),
    values: one.values,
  }));
}
