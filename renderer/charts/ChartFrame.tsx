/**
 * The box a chart draws in: a stable test id for end-to-end tests, a responsive width, and room for
 * a line of text over the axes (loading, empty range) so the frame never jumps.
 */
import type { ReactElement, ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';
import { CHART_HEIGHT, INITIAL_WIDTH } from './chart-theme';

export function ChartFrame({
  testId,
  message,
  children,
}: {
  testId: string;
  /** Shown over the chart's axes when it has nothing to draw. */
  message?: ReactNode;
  children: ReactElement;
}) {
  return (
    <div className="chart-frame" data-testid={testId}>
      <ResponsiveContainer
        width="100%"
        height={CHART_HEIGHT}
        initialDimension={{ width: INITIAL_WIDTH, height: CHART_HEIGHT }}
      >
        {children}
      </ResponsiveContainer>
      {message ? <div className="chart-frame__message">{message}</div> : null}
    </div>
  );
}
