/**
 * What every chart shares: size, axis and grid styling through the theme's CSS variables (so both
 * themes follow styles.css), and the synchronisation group of charts on one time axis.
 */
export const CHART_HEIGHT = 240;
/** ResponsiveContainer measures its parent; until it has, draw at a typical width (and in jsdom). */
export const INITIAL_WIDTH = 720;
/**
 * Room on the right for half the "so far" label centred over the last bar ("tot nu toe" is about
 * 60 px at 12 px), so it is not cut at the chart's edge.
 */
export const CHART_MARGIN = { top: 20, right: 32, bottom: 4, left: 4 };
export const AXIS_TICK = { fill: 'var(--muted)', fontSize: 12 };
export const AXIS_LINE = { stroke: 'var(--border)' };
export const GRID_STROKE = 'var(--chart-grid)';
export const Y_AXIS_WIDTH = 56;
/** Reference lines (budget, threshold): dashed, labelled, in the muted text colour. */
export const REFERENCE_COLOUR = 'var(--muted)';
/** Dashes of last month's curve and of reference lines. */
export const DASHES = '6 4';
