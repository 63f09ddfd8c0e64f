/**
 * The balance under the spend chart, on the same time axis and with a synchronised tooltip
 * (ux.md §2): a step line, purchases, auto-recharges and expiries marked by shape and named in the
 * legend, and the auto-recharge threshold dashed.
 */
import { memo, type ReactNode, useMemo } from 'react';
import type { Marker } from '../../../shared/bridge';
import { useApp, useMessages } from '../../app-context';
import { ChartLegend, type LegendItem, Swatch } from '../../charts/ChartLegend';
import { ChartTooltip } from '../../charts/ChartTooltip';
import { REFERENCE_COLOUR } from '../../charts/chart-theme';
import type { MarkerKind } from '../../charts/MarkerGlyph';
import { TimeLineChart } from '../../charts/TimeLineChart';
import { compactMoney, dayRange, dayWithWeekday, money, shortDay } from '../../i18n/format';
import { spendMessages } from '../../i18n/messages/spend';
import { markerLabel } from './marker-label';
import type { TimeAxis } from './spend-model';

const BALANCE_COLOUR = 'var(--accent)';
const MARKER_ORDER: readonly MarkerKind[] = [
  'purchase',
  'auto-recharge',
  'free-credit',
  'listed',
  'expiry',
  'correction',
];

/** Memoised: a switch of grouping changes nothing here, so the chart is not drawn again. */
export const BalanceSection = memo(function BalanceSection({
  axis,
  balance,
  markers,
  threshold,
  syncId,
  label,
  message,
}: {
  axis: TimeAxis;
  /** The balance at the end of each bar's last day; null while unknown. */
  balance: readonly (number | null)[];
  /** The events in each bar. */
  markers: readonly (readonly Marker[])[];
  /** The auto-recharge threshold, when auto-recharge is on. */
  threshold: number | null;
  syncId: string;
  label: string;
  message?: ReactNode;
}) {
  const { language } = useApp();
  const m = useMessages(spendMessages);
  const keys = useMemo(() => axis.spans.map((span) => span.from), [axis]);
  const present = new Set(markers.flat().map((marker) => marker.kind));
  const legend: LegendItem[] = [
    { label: m.balance.atDayEnd, shape: { type: 'line', colour: BALANCE_COLOUR } },
    ...(threshold === null
      ? []
      : [
          {
            label: m.balance.thresholdLegend,
            shape: { type: 'line', colour: REFERENCE_COLOUR, dashed: true },
          } as const,
        ]),
    ...MARKER_ORDER.filter((kind) => present.has(kind)).map((kind) => ({
      label: markerLabel(kind, language, m.balance.expired),
      shape: { type: 'marker', kind } as const,
    })),
  ];

  return (
    <section className="spend-balance" aria-labelledby="spend-balance-title">
      <h2 id="spend-balance-title">{m.balance.title}</h2>
      <ChartLegend label={m.chart.legend} items={legend} />
      <TimeLineChart
        testId="balance-chart"
        ariaLabel={label}
        syncId={syncId}
        keys={keys}
        curve="stepAfter"
        lines={[{ name: m.balance.atDayEnd, colour: BALANCE_COLOUR, values: balance }]}
        references={
          threshold === null
            ? []
            : [{ value: threshold, label: m.balance.threshold(money(threshold, language)) }]
        }
        markers={markers.flatMap((inBar, index) => inBar.map((marker) => ({ index, kind: marker.kind })))}
        xTick={(key) => shortDay(key, language)}
        yTick={(value) => compactMoney(value, language)}
        message={message}
        tooltip={(index) => {
          const span = axis.spans[index];
          const value = balance[index];
          if (span === undefined || value === null || value === undefined) return null;
          return (
            <ChartTooltip
              title={
                axis.weekly ? dayRange(span.from, span.to, language) : dayWithWeekday(span.from, language)
              }
              lines={[
                { label: m.balance.atDayEnd, value: money(value, language) },
                ...(markers[index] ?? []).map((marker) => ({
                  label: markerLabel(marker.kind, language, m.balance.expired),
                  value: money(marker.amount, language),
                  swatch: <Swatch shape={{ type: 'marker', kind: marker.kind }} />,
                })),
              ]}
            />
          );
        }}
      />
    </section>
  );
});
