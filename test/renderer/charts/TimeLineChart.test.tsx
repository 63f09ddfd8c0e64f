import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TimeLineChart, type TimeLineChartProps } from '../../../renderer/charts/TimeLineChart';

const props: TimeLineChartProps = {
  testId: 'balance',
  ariaLabel: 'Balance at the end of each day, last 4 days, now $21.00',
  keys: ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'],
  lines: [
    { name: 'Balance', colour: 'var(--accent)', values: [10_000_000, 8_000_000, 28_000_000, 21_000_000] },
  ],
  curve: 'stepAfter',
  references: [{ value: 10_000_000, label: 'Auto-recharge threshold $10.00' }],
  markers: [
    { index: 2, kind: 'auto-recharge' },
    { index: 2, kind: 'purchase' },
    { index: 2, kind: 'purchase' },
  ],
  xTick: (key) => key,
  yTick: (value) => `$${value / 1_000_000}`,
  tooltip: () => null,
};

describe('lines over time', () => {
  it('draws a step line, never a smoothed curve', () => {
    const { getByTestId } = render(<TimeLineChart {...props} />);
    const path = getByTestId('balance').querySelector('.recharts-line-curve')!;
    // stepAfter: only horizontal and vertical moves.
    expect(path.getAttribute('d')).toMatch(/^M[\d.,]+(?:[HV][\d.]+|L[\d.,]+)+$/);
    expect(path.getAttribute('d')).not.toContain('C');
  });

  it('dashes and labels a reference line', () => {
    const { getByTestId } = render(<TimeLineChart {...props} />);
    const chart = getByTestId('balance');
    expect(chart.querySelector('.recharts-reference-line-line')).toHaveAttribute('stroke-dasharray', '6 4');
    expect(chart).toHaveTextContent('Auto-recharge threshold $10.00');
  });

  it('marks events by shape, one glyph per kind and day', () => {
    const { getByTestId } = render(<TimeLineChart {...props} />);
    const glyphs = [...getByTestId('balance').querySelectorAll('.marker-glyph')].map((glyph) =>
      glyph.getAttribute('class'),
    );
    expect(glyphs).toEqual([
      'marker-glyph marker-glyph--auto-recharge',
      'marker-glyph marker-glyph--purchase',
    ]);
  });

  it('leaves a gap where a value is unknown', () => {
    const { getByTestId } = render(
      <TimeLineChart {...props} curve="linear" lines={[{ ...props.lines[0]!, values: [1, 2, null, 4] }]} />,
    );
    expect(getByTestId('balance').querySelector('.recharts-line-curve')!.getAttribute('d')).toMatch(/M.*M/);
  });
});
