/**
 * The grid and axes of a chart over time (ux.md §2): days along the bottom, amounts up the side on
 * the given ticks, and no amount labels while nothing is known — a "$0" tick would read as a real zero.
 */
import { CartesianGrid, XAxis, YAxis } from 'recharts';
import { AXIS_LINE, AXIS_TICK, GRID_STROKE, Y_AXIS_WIDTH } from './chart-theme';

/** Horizontal grid lines, the day axis and the amount axis, for a recharts chart whose rows have `key`. */
export function TimeAxes(props: {
  /** The amount axis' ticks, lowest first: its domain runs from the first to the last. */
  ticks: readonly number[];
  /** Whether any amount is known. */
  known: boolean;
  xTick(key: string): string;
  yTick(amount: number): string;
}) {
  const { ticks } = props;
  return (
    <>
      <CartesianGrid vertical={false} stroke={GRID_STROKE} />
      <XAxis
        dataKey="key"
        tickFormatter={props.xTick}
        tick={AXIS_TICK}
        axisLine={AXIS_LINE}
        tickLine={false}
        interval="preserveEnd"
        minTickGap={12}
      />
      <YAxis
        domain={[ticks[0]!, ticks.at(-1)!]}
        ticks={ticks}
        tickFormatter={props.yTick}
        tick={props.known ? AXIS_TICK : false}
        axisLine={AXIS_LINE}
        tickLine={false}
        width={Y_AXIS_WIDTH}
      />
    </>
  );
}
