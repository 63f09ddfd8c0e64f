/**
 * The spend chart (ux.md §2): stacked daily (or, for a year, weekly) bars by the chosen grouping,
 * or the cumulative month-to-date line against last month and the budget. Its tooltip follows the
 * legend's order and gives exact amounts; the table below is the accessible path to the numbers.
 */
import { type ReactNode, useMemo } from 'react';
import { useApp, useMessages } from '../../app-context';
import { ChartLegend, Swatch } from '../../charts/ChartLegend';
import { ChartTooltip, type TooltipLine } from '../../charts/ChartTooltip';
import { REFERENCE_COLOUR } from '../../charts/chart-theme';
import { SERIES_COLOURS } from '../../charts/palette';
import { StackedBarChart } from '../../charts/StackedBarChart';
import { TimeLineChart } from '../../charts/TimeLineChart';
import {
  compactMoney,
  date,
  dayRange,
  dayWithWeekday,
  money,
  monthOf,
  preciseMoney,
  shortDay,
} from '../../i18n/format';
import { commonMessages } from '../../i18n/messages/common';
import { spendMessages } from '../../i18n/messages/spend';
import type { LabelledSeries } from './labelled-series';
import { splitByMonth } from './month-to-date';
import type { SpendMode, TimeAxis } from './spend-model';

/** Both charts of the view synchronise their tooltips (ux.md §2: one time axis). */
export const SPEND_SYNC_ID = 'spend';
const THIS_MONTH_COLOUR = SERIES_COLOURS[0];

export interface SpendChartData {
  /** Per bar; null while unknown (first sync). */
  totals: readonly (number | null)[];
  series: readonly LabelledSeries[];
  /** Per day of the range: month-to-date spend and last month's at the same day. */
  thisMonth: readonly (number | null)[];
  lastMonth: readonly (number | null)[];
  /** The history's first day, when the range shows part of the month it starts in. */
  countedFrom: string | null;
}

export function SpendChart({
  mode,
  axis,
  data,
  budget,
  label,
  message,
}: {
  mode: SpendMode;
  axis: TimeAxis;
  data: SpendChartData;
  /** The monthly budget, when set. */
  budget: number | null;
  /** The chart's accessible summary. */
  label: string;
  message?: ReactNode;
}) {
  const { language } = useApp();
  const m = useMessages(spendMessages).chart;
  const { dash } = useMessages(commonMessages);
  const keys = useMemo(() => axis.spans.map((span) => span.from), [axis]);
  const last = keys.length - 1;
  const amount = (value: number | null | undefined) =>
    value === null || value === undefined ? dash : preciseMoney(value, language);
  const spanTitle = (index: number) => {
    const span = axis.spans[index]!;
    const title = axis.weekly ? dayRange(span.from, span.to, language) : dayWithWeekday(span.from, language);
    return index === last ? m.daySoFar(title) : title;
  };
  // What both charts share: one frame, one time axis, synchronised tooltips.
  const frame = {
    testId: 'spend-chart',
    ariaLabel: label,
    syncId: SPEND_SYNC_ID,
    keys,
    xTick: (key: string) => shortDay(key, language),
    yTick: (value: number) => compactMoney(value, language),
    message,
  };
  /** The tooltip of a bucket whose spend is known: its title, then `lines`. */
  const tooltip = (lines: (index: number) => TooltipLine[]) => (index: number) =>
    data.totals[index] === null || data.totals[index] === undefined ? null : (
      <ChartTooltip title={spanTitle(index)} lines={lines(index)} />
    );
  const monthLines = useMemo(
    () =>
      mode === 'cumulative'
        ? [
            ...splitByMonth(keys, data.thisMonth).map((values) => ({
              name: m.thisMonthToDate,
              colour: THIS_MONTH_COLOUR,
              values,
            })),
            ...splitByMonth(keys, data.lastMonth).map((values) => ({
              name: m.lastMonthSameDay,
              colour: THIS_MONTH_COLOUR,
              dashed: true,
              values,
            })),
          ]
        : [],
    [mode, keys, data.thisMonth, data.lastMonth, m],
  );
  const title = mode === 'cumulative' ? m.cumulativeTitle : axis.weekly ? m.weeklyTitle : m.dailyTitle;

  return (
    <section className="spend-chart" aria-labelledby="spend-chart-title">
      <h2 id="spend-chart-title">{title}</h2>
      {mode === 'daily' ? (
        <>
          <ChartLegend
            label={m.legend}
            items={data.series.map((one) => ({
              label: one.name,
              shape: { type: 'box', colour: one.colour },
            }))}
          />
          <StackedBarChart
            {...frame}
            series={data.series}
            totals={data.totals}
            partial={keys.length > 0 ? { index: last, label: m.soFar } : null}
            tooltip={tooltip((index) => [
              { label: m.total, value: amount(data.totals[index]) },
              ...data.series.map((one) => ({
                label: one.name,
                value: amount(one.values[index]),
                swatch: <Swatch shape={{ type: 'box', colour: one.colour }} />,
              })),
            ])}
          />
        </>
      ) : (
        <>
          <ChartLegend
            label={m.legend}
            items={[
              { label: m.thisMonthToDate, shape: { type: 'line', colour: THIS_MONTH_COLOUR } },
              { label: m.lastMonthSameDay, shape: { type: 'line', colour: THIS_MONTH_COLOUR, dashed: true } },
              ...(budget === null
                ? []
                : [
                    {
                      label: m.monthlyBudget,
                      shape: { type: 'line', colour: REFERENCE_COLOUR, dashed: true },
                    } as const,
                  ]),
            ]}
          />
          {data.countedFrom === null ? null : (
            <p className="spend-note">
              {m.countedFrom(
                monthOf(data.countedFrom, language),
                date(Date.parse(`${data.countedFrom}T00:00:00Z`), language),
              )}
            </p>
          )}
          <TimeLineChart
            {...frame}
            curve="linear"
            lines={monthLines}
            references={budget === null ? [] : [{ value: budget, label: m.budget(money(budget, language)) }]}
            tooltip={tooltip((index) => [
              { label: m.thisMonthToDate, value: amount(data.thisMonth[index]) },
              { label: m.lastMonthSameDay, value: amount(data.lastMonth[index]) },
              { label: m.daySpend, value: amount(data.totals[index]) },
              ...(budget === null ? [] : [{ label: m.monthlyBudget, value: money(budget, language) }]),
            ])}
          />
        </>
      )}
    </section>
  );
}
