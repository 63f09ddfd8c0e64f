/**
 * "Show as table" under the charts (ux.md §1 Spend 4, §5): the same numbers, always daily, as real
 * tables with captions and column headers — the main accessible path — and "Export CSV" beside it.
 */
import { useId, useMemo, useState } from 'react';
import type { Marker } from '../../../shared/bridge';
import { useApp, useMessages } from '../../app-context';
import { date, money } from '../../i18n/format';
import { commonMessages } from '../../i18n/messages/common';
import { spendMessages } from '../../i18n/messages/spend';
import { markersByBucket } from './bucket-markers';
import { dailyBuckets } from './buckets';
import { ExportCsvButton } from './ExportCsvButton';
import type { LabelledSeries } from './labelled-series';
import type { DayWindow } from './spend-range';

export interface SpendTableData {
  /** The range's days, oldest first; the last is today. */
  days: readonly string[];
  totals: readonly number[];
  /** Daily values, in the legend's order. */
  series: readonly LabelledSeries[];
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
  return (
    <>
      <div className="spend-table-scroll">
        <table data-testid="spend-table">
          <caption>{m.table.spendCaption(period)}</caption>
          <thead>
            <tr>
              <th scope="col">{m.table.day}</th>
              <th scope="col" className="num">
                {m.table.total}
              </th>
              {data.series.map((one, index) => (
                <th key={`${index}:${one.name}`} scope="col" className="num">
                  {one.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.days.map((day, row) => (
              <tr key={day}>
                <th scope="row">{dayLabel(day, row)}</th>
                <td className="num">{money(data.totals[row]!, language)}</td>
                {data.series.map((one, index) => (
                  <td key={`${index}:${one.name}`} className="num">
                    {money(one.values[row]!, language)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{m.table.rangeTotal}</th>
              <td className="num">{money(sum(data.totals), language)}</td>
              {data.series.map((one, index) => (
                <td key={`${index}:${one.name}`} className="num">
                  {money(sum(one.values), language)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
      <div className="spend-table-scroll">
        <table data-testid="balance-table">
          <caption>{m.table.balanceCaption(period)}</caption>
          <thead>
            <tr>
              <th scope="col">{m.table.day}</th>
              <th scope="col" className="num">
                {m.balance.atDayEnd}
              </th>
              <th scope="col">{m.balance.events}</th>
            </tr>
          </thead>
          <tbody>
            {data.days.map((day, row) => (
              <tr key={day}>
                <th scope="row">{dayLabel(day, row)}</th>
                <td className="num">{money(data.balance[row]!, language)}</td>
                <td>
                  {markers[row]!.map((marker) => (
                    <div key={marker.id}>
                      {m.balance.event(m.balance.kinds[marker.kind], money(marker.amount, language))}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
