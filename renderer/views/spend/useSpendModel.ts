/**
 * Everything the Spend view draws, shaped once per choice: each step is memoised on what it reads,
 * so switching the grouping re-folds the series without re-slicing the range, and vice versa.
 */
import { useMemo } from 'react';
import type { Marker, Spend } from '../../../shared/bridge';
import { markersByBucket } from './bucket-markers';
import { bucketEnds, bucketSums } from './buckets';
import { foldSeries } from './fold-series';
import { lastMonthToDate, monthToDate, partialMonthStart } from './month-to-date';
import { rangeFigures } from './range-figures';
import { type Grouping, isWeekly, rangeDays, seriesOf, type SpendMode, timeAxis } from './spend-model';
import type { SpendRange } from './spend-range';

export function useSpendModel(
  spend: Spend,
  markers: readonly Marker[],
  choice: { range: SpendRange; grouping: Grouping; mode: SpendMode; today: string },
) {
  const { range, grouping, mode, today } = choice;
  const days = useMemo(() => rangeDays(spend.days, range, today), [spend.days, range, today]);
  const { window } = days;
  const totals = useMemo(() => spend.totals.slice(window.start, window.end), [spend.totals, window]);
  const figures = useMemo(
    () => rangeFigures(spend.days, spend.totals, window, days.previous),
    [spend.days, spend.totals, window, days.previous],
  );
  const series = useMemo(() => foldSeries(seriesOf(spend, grouping), window), [spend, grouping, window]);
  const axis = useMemo(() => timeAxis(days.days, isWeekly(range, mode)), [days.days, range, mode]);
  const bars = useMemo(
    () => ({
      totals: bucketSums(totals, axis.buckets),
      series: series.map((one) => ({ ...one, values: bucketSums(one.values, axis.buckets) })),
    }),
    [totals, series, axis],
  );
  const monthly = useMemo(() => {
    const all = monthToDate(spend.days, spend.totals);
    return { thisMonth: all, lastMonth: lastMonthToDate(spend.days, all) };
  }, [spend.days, spend.totals]);
  const cumulative = useMemo(() => {
    const partial = partialMonthStart(spend.days);
    return {
      thisMonth: monthly.thisMonth.slice(window.start, window.end),
      lastMonth: monthly.lastMonth.slice(window.start, window.end),
      /** The history's first day, when the range shows part of the month it starts in. */
      countedFrom: partial !== null && days.days[0]?.slice(0, 7) === partial.slice(0, 7) ? partial : null,
    };
  }, [monthly, window, spend.days, days.days]);
  const balance = useMemo(
    () => ({
      values: bucketEnds(spend.balance.slice(window.start, window.end), axis.buckets),
      markers: markersByBucket(markers, spend.days[0] ?? today, window, axis.buckets),
    }),
    [spend.balance, spend.days, markers, today, window, axis],
  );
  return { days, totals, figures, series, axis, bars, cumulative, balance };
}

export type SpendModel = ReturnType<typeof useSpendModel>;
