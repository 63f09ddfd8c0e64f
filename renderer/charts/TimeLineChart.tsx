/**
 * Lines over the time axis: the month-to-date curves of the cumulative view and the balance
 * (ux.md §2). Never smoothed — `linear` or `stepAfter`, since a curve would invent values and hide
 * the jump of a top-up; unknown values leave a gap. Horizontal reference lines (budget, threshold)
 * are dashed and labelled; markers sit on the first line, told apart by shape.
 */
import { type ReactNode, useMemo } from 'react';
import { Line, LineChart, ReferenceDot, ReferenceLine, Tooltip } from 'recharts';
import { ChartFrame } from './ChartFrame';
import { chartRows, seriesKey } from './chart-rows';
import { tooltipAt } from './ChartTooltip';
import { MarkerGlyph, type MarkerKind } from './MarkerGlyph';
import { CHART_MARGIN, DASHES, REFERENCE_COLOUR } from './chart-theme';
import { TimeAxes } from './TimeAxes';
import { valueTicks } from './value-ticks';

export interface LineSeries {
  name: string;
  colour: string;
  dashed?: boolean;
  /** One value per key; null where unknown. */
  values: readonly (number | null)[];
}

export interface TimeLineChartProps {
  testId: string;
  /** A sentence summarising the chart for assistive technology. */
  ariaLabel: string;
  syncId?: string;
  keys: readonly string[];
  lines: readonly LineSeries[];
  curve: 'linear' | 'stepAfter';
  references?: readonly { value: number; label: string }[];
  /** Events on the first line, by key index. */
  markers?: readonly { index: number; kind: MarkerKind }[];
  xTick(key: string): string;
  yTick(amount: number): string;
  tooltip(index: number): ReactNode;
  message?: ReactNode;
}

/** Markers of different kinds on one day stack upwards by this many pixels. */
const MARKER_STEP = 14;

export function TimeLineChart(props: TimeLineChartProps) {
  const { lines, references = [], markers = [] } = props;
  const rows = useMemo(() => chartRows(props.keys, lines), [props.keys, lines]);
  const content = tooltipAt(props.tooltip);
  const values = [
    ...lines.flatMap((line) => line.values.filter((value): value is number => value !== null)),
    ...references.map((reference) => reference.value),
  ];
  const ticks = valueTicks(Math.min(0, ...values), Math.max(0, ...values));
  const known = values.length > 0;
  const placed = placeMarkers(markers, lines[0]?.values ?? []);
  return (
    <ChartFrame testId={props.testId} message={props.message}>
      <LineChart data={rows} syncId={props.syncId} margin={CHART_MARGIN} aria-label={props.ariaLabel}>
        <TimeAxes ticks={ticks} known={known} xTick={props.xTick} yTick={props.yTick} />
        <Tooltip content={content} isAnimationActive={false} />
        {references.map((reference) => (
          <ReferenceLine
            key={reference.label}
            y={reference.value}
            stroke={REFERENCE_COLOUR}
            strokeDasharray={DASHES}
            label={{
              value: reference.label,
              position: 'insideTopLeft',
              fill: REFERENCE_COLOUR,
              fontSize: 12,
            }}
          />
        ))}
        {lines.map((line, position) => (
          <Line
            key={position}
            name={line.name}
            dataKey={seriesKey(position)}
            type={props.curve}
            stroke={line.colour}
            strokeWidth={2}
            strokeDasharray={line.dashed ? DASHES : undefined}
            dot={false}
            isAnimationActive={false}
          />
        ))}
        {placed.map((marker) => (
          <ReferenceDot
            key={`${marker.index}:${marker.kind}`}
            x={props.keys[marker.index]}
            y={marker.value}
            shape={(dot) => (
              <MarkerGlyph
                kind={marker.kind}
                cx={dot.cx ?? 0}
                cy={(dot.cy ?? 0) - marker.lift * MARKER_STEP}
              />
            )}
          />
        ))}
      </LineChart>
    </ChartFrame>
  );
}

/** One glyph per kind and day, on the line's value there; several kinds on a day stack up. */
function placeMarkers(
  markers: readonly { index: number; kind: MarkerKind }[],
  values: readonly (number | null)[],
): { index: number; kind: MarkerKind; value: number; lift: number }[] {
  const seen = new Map<number, MarkerKind[]>();
  const placed: { index: number; kind: MarkerKind; value: number; lift: number }[] = [];
  for (const marker of markers) {
    const value = values[marker.index];
    const kinds = seen.get(marker.index) ?? [];
    if (value === null || value === undefined || kinds.includes(marker.kind)) continue;
    placed.push({ ...marker, value, lift: kinds.length });
    seen.set(marker.index, [...kinds, marker.kind]);
  }
  return placed;
}
