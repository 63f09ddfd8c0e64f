/**
 * Stacked bars of amounts per time bucket (ux.md §2): series bottom-up in the given order (largest
 * first), a 1 px line in the background colour between segments, the y-axis from zero with compact
 * ticks, and the bar still filling up (today) drawn lighter with a label. No animation.
 */
import { type ReactNode, useCallback, useMemo } from 'react';
import { Bar, BarChart, type BarShapeProps, ReferenceDot, Tooltip } from 'recharts';
import { ChartFrame } from './ChartFrame';
import { chartRows, seriesKey } from './chart-rows';
import { tooltipAt } from './ChartTooltip';
import { CHART_MARGIN } from './chart-theme';
import { TimeAxes } from './TimeAxes';
import { valueTicks } from './value-ticks';

export interface BarSeries {
  name: string;
  colour: string;
  /** One amount per bar; null where unknown (nothing is drawn). */
  values: readonly (number | null)[];
}

export interface StackedBarChartProps {
  testId: string;
  /** A sentence summarising the chart for assistive technology. */
  ariaLabel: string;
  syncId?: string;
  /** One category per bar, in time order. */
  keys: readonly string[];
  /** Bottom first. */
  series: readonly BarSeries[];
  /** Each bar's height (the sum of its series): where the partial label sits, and the axis' top. */
  totals: readonly (number | null)[];
  /** The bar still filling up, drawn lighter and labelled (ux.md §2: "so far"). */
  partial: { index: number; label: string } | null;
  xTick(key: string): string;
  yTick(amount: number): string;
  tooltip(index: number): ReactNode;
  message?: ReactNode;
}

const PARTIAL_OPACITY = 0.5;

export function StackedBarChart(props: StackedBarChartProps) {
  const { keys, series, totals, partial } = props;
  // Stable rows and string data keys let recharts skip recomputing what did not change.
  const rows = useMemo(() => chartRows(keys, series), [keys, series]);
  const partialIndex = partial?.index;
  // A plain <rect>: recharts' Rectangle carries animation and radius machinery this chart never uses.
  const shape = useCallback(
    (bar: BarShapeProps) => (
      <rect
        className="recharts-rectangle"
        x={bar.x}
        y={Math.min(bar.y, bar.y + bar.height)}
        width={bar.width}
        height={Math.abs(bar.height)}
        fill={bar.fill}
        stroke={bar.stroke}
        strokeWidth={bar.strokeWidth}
        fillOpacity={bar.index === partialIndex ? PARTIAL_OPACITY : 1}
      />
    ),
    [partialIndex],
  );
  const content = tooltipAt(props.tooltip);
  const ticks = valueTicks(0, Math.max(0, ...totals.map((total) => total ?? 0)));
  const known = totals.some((total) => total !== null);
  const partialTotal = partial === null ? null : (totals[partial.index] ?? null);
  return (
    <ChartFrame testId={props.testId} message={props.message}>
      <BarChart
        data={rows}
        syncId={props.syncId}
        margin={CHART_MARGIN}
        aria-label={props.ariaLabel}
        barCategoryGap="15%"
      >
        <TimeAxes ticks={ticks} known={known} xTick={props.xTick} yTick={props.yTick} />
        <Tooltip
          content={content}
          isAnimationActive={false}
          cursor={{ fill: 'var(--chart-grid)', fillOpacity: 0.5 }}
        />
        {series.map((one, position) => (
          <Bar
            key={position}
            name={one.name}
            dataKey={seriesKey(position)}
            stackId="spend"
            fill={one.colour}
            stroke="var(--bg)"
            strokeWidth={1}
            isAnimationActive={false}
            shape={shape}
          />
        ))}
        {partial !== null && partialTotal !== null && partialTotal > 0 ? (
          <ReferenceDot
            x={keys[partial.index]}
            y={partialTotal}
            r={0}
            label={{ value: partial.label, position: 'top', fill: 'var(--muted)', fontSize: 12 }}
          />
        ) : null}
      </BarChart>
    </ChartFrame>
  );
}
