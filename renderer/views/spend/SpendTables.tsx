/**
 * "Show as table" under the charts (ux.md §1 Spend 4, §5): the same numbers, always daily, as real
 * tables with captions and column headers — the main accessible path — and "Export CSV" beside it.
 * In the cumulative view the spend table holds the cumulative chart's numbers, not a grouping.
 */
import { useId, useMemo, useState } from 'react';
import type { Marker } from '../../../shared/bridge';
import { useApp, useMessages } from '../../app-context';
import { DataTable, type Column } from '../../components/DataTable';
import { date, money } from '../../i18n/format';
import { commonMessages } from '../../i18n/messages/common';
import { spendMessages } from '../../i18n/messages/spend';
import { markersByBucket } from './bucket-markers';
import { dailyBuckets } from './buckets';
import { ExportCsvButton } from './ExportCsvButton';
import type { LabelledSeries } from './labelled-series';
import { markerLabel } from './marker-label';
import type { DayWindow } from './spend-range';

export interface SpendTableData {
  /** The range's days, oldest first; the last is today. */
  days: readonly string[];
  totals: readonly number[];
  /** Daily values, in the legend's order. */
  series: readonly LabelledSeries[];
  /** Set in the cumulative view: month to date and last month's same day, per day. */
  cumulative: { thisMonth: readonly (number | null)[]; lastMonth: readonly (number | null)[] } | null;
  balance: readonly number[];
  /** Every marker, with where the range lies in the full day list (they are placed by day). */
  markers: readonly Marker[];
  firstDay: string;
  window: DayWindow;
}

export function SpendTables({ data, period }: { data: SpendTableData | null; period: string }) {
  const common = useMessages(commonMessages);
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <section className="spend-tables">
      <div className="spend-tables__actions">
        <button
          type="button"
          className="secondary"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(!open)}
        >
          {open ? common.hideTable : common.showTable}
        </button>
        <ExportCsvButton />
      </div>
      <div id={id} hidden={!open}>
        {open && data !== null ? <Tables data={data} period={period} /> : null}
      </div>
    </section>
  );
}

function Tables({ data, period }: { data: SpendTableData; period: string }) {
  const { language } = useApp();
  const m = useMessages(spendMessages);
  const { dash } = useMessages(commonMessages);
  const today = data.days.length - 1;
  const dayLabel = (day: string, index: number) => {
    const text = date(Date.parse(`${day}T00:00:00Z`), language);
    return index === today ? m.chart.daySoFar(text) : text;
  };
  const markers = useMemo(
    () => markersByBucket(data.markers, data.firstDay, data.window, dailyBuckets(data.days.length)),
    [data],
  );
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  /** A column of daily amounts, its total in the footer. */
  const amounts = (header: string, values: readonly number[]): Column<string> => ({
    header,
    numeric: true,
    cell: (_, row) => money(values[row]!, language),
    total: money(sum(values), language),
  });
  /** A column of running amounts, unknown ones as a dash; a sum of them would mean nothing. */
  const running = (header: string, values: readonly (number | null)[]): Column<string> => ({
    header,
    numeric: true,
    cell: (_, row) => {
      const value = values[row];
      return value === null || value === undefined ? dash : money(value, language);
    },
  });
  const { cumulative } = data;
  // Both tables have a row per day, headed by the day.
  const byDay = {
    rowHeader: { header: m.table.day, cell: dayLabel },
    rows: data.days,
    rowKey: (day: string) => day,
  };
  return (
    <>
      <div className="spend-table">
        <DataTable
          testId="spend-table"
          caption={(cumulative === null ? m.table.spendCaption : m.table.cumulativeCaption)(period)}
          {...byDay}
          columns={
            cumulative === null
              ? [
                  amounts(m.table.total, data.totals),
                  ...data.series.map((one) => amounts(one.name, one.values)),
                ]
              : [
                  amounts(m.chart.daySpend, data.totals),
                  running(m.chart.thisMonthToDate, cumulative.thisMonth),
                  running(m.chart.lastMonthSameDay, cumulative.lastMonth),
                ]
          }
          footer={m.table.rangeTotal}
        />
      </div>
      <div className="spend-table">
        <DataTable
          testId="balance-table"
          caption={m.table.balanceCaption(period)}
          {...byDay}
          columns={[
            {
              header: m.balance.atDayEnd,
              numeric: true,
              cell: (_, row) => money(data.balance[row]!, language),
            },
            {
              header: m.balance.events,
              cell: (_, row) =>
                markers[row]!.map((marker) => (
                  <div key={marker.id}>
                    {m.balance.event(
                      markerLabel(marker.kind, language, m.balance.expired),
                      money(marker.amount, language),
                    )}
                  </div>
                )),
            },
          ]}
        />
      </div>
    </>
  );
}
