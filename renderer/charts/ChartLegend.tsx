/**
 * A chart's legend as an HTML list in the series' order (ux.md §2: legend and tooltip agree), each
 * entry a swatch of the mark's shape and its name, so nothing rests on colour alone.
 */
import { MarkerGlyph, type MarkerKind } from './MarkerGlyph';

export type SwatchShape =
  | { type: 'box'; colour: string }
  | { type: 'line'; colour: string; dashed?: boolean }
  | { type: 'marker'; kind: MarkerKind };

const SIZE = 14;

/** A small picture of a mark, beside its name in a legend or a tooltip. */
export function Swatch({ shape }: { shape: SwatchShape }) {
  return (
    <svg className="swatch" width={SIZE} height={SIZE} viewBox={`0 0 ${SIZE} ${SIZE}`} aria-hidden="true">
      {shape.type === 'box' ? (
        <rect x={1} y={1} width={SIZE - 2} height={SIZE - 2} fill={shape.colour} />
      ) : shape.type === 'line' ? (
        <line
          x1={0}
          y1={SIZE / 2}
          x2={SIZE}
          y2={SIZE / 2}
          stroke={shape.colour}
          strokeWidth={2}
          strokeDasharray={shape.dashed ? '4 2' : undefined}
        />
      ) : (
        <MarkerGlyph kind={shape.kind} cx={SIZE / 2} cy={SIZE / 2} />
      )}
    </svg>
  );
}

export interface LegendItem {
  label: string;
  shape: SwatchShape;
}

export function ChartLegend({ label, items }: { label: string; items: readonly LegendItem[] }) {
  return (
    <ul className="chart-legend" aria-label={label}>
      {items.map((item, index) => (
        <li key={`${index}:${item.label}`} className="chart-legend__item">
          <Swatch shape={item.shape} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
