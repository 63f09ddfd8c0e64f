/**
 * The text of a chart tooltip (ux.md §2): a title (weekday and date), then label–amount lines, the
 * first one (the total) emphasised. A live region like recharts' default tooltip, so keyboard users
 * of the accessibility layer hear it.
 */
import type { ReactNode } from 'react';
import type { TooltipContentProps } from 'recharts';

export interface TooltipLine {
  label: string;
  value: string;
  swatch?: ReactNode;
}

export function ChartTooltip({ title, lines }: { title: string; lines: readonly TooltipLine[] }) {
  return (
    <div className="chart-tooltip" role="status">
      <p className="chart-tooltip__title">{title}</p>
      <dl className="chart-tooltip__lines">
        {lines.map((line, index) => (
          <div key={index} className="chart-tooltip__line">
            <dt>
              {line.swatch}
              {line.label}
            </dt>
            <dd className="num">{line.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Recharts' `content` for a tooltip that the caller renders from the active row's index. */
export function tooltipAt(render: (index: number) => ReactNode) {
  return function TooltipContent({ active, activeIndex }: TooltipContentProps) {
    return active && activeIndex !== null && activeIndex !== undefined ? render(Number(activeIndex)) : null;
  };
}
