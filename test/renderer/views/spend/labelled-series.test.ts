import { describe, expect, it } from 'vitest';
import { OTHER_COLOUR, SERIES_COLOURS } from '../../../../renderer/charts/palette';
import { labelSeries } from '../../../../renderer/views/spend/labelled-series';

const folded = (name: string | null) => ({ name, values: [1], total: 1 });

describe('labelSeries', () => {
  it('colours by rank over the whole history, not by order in the range; Other is grey and named', () => {
    const history = ['big', 'second', 'third'];
    expect(labelSeries([folded('third'), folded('big'), folded(null)], history, 'Other')).toEqual([
      { name: 'third', colour: SERIES_COLOURS[2], values: [1] },
      { name: 'big', colour: SERIES_COLOURS[0], values: [1] },
      { name: 'Other', colour: OTHER_COLOUR, values: [1] },
    ]);
  });
});
