import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StackedBarChart, type StackedBarChartProps } from '../../../renderer/charts/StackedBarChart';

const props: StackedBarChartProps = {
  testId: 'bars',
  ariaLabel: 'Daily spend, last 3 days, total $9.00',
  keys: ['2026-11-25', '2026-11-26', '2026-11-27'],
  series: [
    { name: 'big', colour: '#0072B2', values: [2_000_000, 3_000_000, 1_000_000] },
    { name: 'small', colour: '#999999', values: [1_000_000, 1_000_000, 1_000_000] },
  ],
  totals: [3_000_000, 4_000_000, 2_000_000],
  partial: { index: 2, label: 'so far' },
  xTick: (key) => key.slice(5),
  yTick: (value) => `$${value / 1_000_000}`,
  tooltip: () => null,
};

describe('stacked bars', () => {
  it('draws one segment per series and day, separated by a line in the background colour', () => {
    const { getByTestId } = render(<StackedBarChart {...props} />);
    const segments = getByTestId('bars').querySelectorAll('.recharts-bar-rectangle rect');
    expect(segments).toHaveLength(6);
    segments.forEach((segment) => {
      expect(segment).toHaveAttribute('stroke', 'var(--bg)');
      expect(segment).toHaveAttribute('stroke-width', '1');
    });
  });

  it('stacks the first series at the bottom, in its colour', () => {
    const { getByTestId } = render(<StackedBarChart {...props} />);
    const [first, second] = getByTestId('bars').querySelectorAll('.recharts-bar');
    const bottom = first!.querySelector('rect')!;
    const top = second!.querySelector('rect')!;
    expect(bottom).toHaveAttribute('fill', '#0072B2');
    expect(Number(top.getAttribute('y'))).toBeLessThan(Number(bottom.getAttribute('y')));
  });

  it("draws today's bar lighter and labels it", () => {
    const { getByTestId } = render(<StackedBarChart {...props} />);
    const chart = getByTestId('bars');
    const opacities = [...chart.querySelectorAll('.recharts-bar')].map((bar) =>
      [...bar.querySelectorAll('rect')].map((rect) => rect.getAttribute('fill-opacity')),
    );
    expect(opacities).toEqual([
      ['1', '1', '0.5'],
      ['1', '1', '0.5'],
    ]);
    expect(chart).toHaveTextContent('so far');
  });

  it('names the chart with its summary and starts the y-axis at zero', () => {
    const { getByTestId } = render(<StackedBarChart {...props} />);
    const chart = getByTestId('bars');
    expect(chart.querySelector('svg[role="application"]')).toHaveAttribute('aria-label', props.ariaLabel);
    const ticks = [...chart.querySelectorAll('.recharts-yAxis-tick-labels text')].map(
      (tick) => tick.textContent,
    );
    expect(ticks).toEqual(['$0', '$1', '$2', '$3', '$4']);
  });

  it('keeps its axes without data, with a message over them', () => {
    const { getByTestId } = render(
      <StackedBarChart
        {...props}
        series={[]}
        totals={[null, null, null]}
        partial={null}
        message={<p>Loading 3 days of spend…</p>}
      />,
    );
    const chart = getByTestId('bars');
    expect(chart.querySelector('.recharts-xAxis')).not.toBeNull();
    expect(chart.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(0);
    // No "$0" tick that would read as a real zero.
    expect(chart.querySelectorAll('.recharts-yAxis-tick-labels text')).toHaveLength(0);
    expect(chart).toHaveTextContent('Loading 3 days of spend…');
  });
});
