/**
 * The 30-day balance preview (ux.md §1 Auto-recharge 2, §2): a step line, never smoothed, the
 * threshold dashed and each recharge marked, with the same numbers as a table one click away.
 */
import { useId, useState } from 'react';
import type { Projection } from '../../../shared/dashboard/recharge-projection';
import { useApp, useMessages } from '../../app-context';
import { ChartLegend, Swatch, type LegendItem } from '../../charts/ChartLegend';
import { ChartTooltip } from '../../charts/ChartTooltip';
import { REFERENCE_COLOUR } from '../../charts/chart-theme';
import { TimeLineChart } from '../../charts/TimeLineChart';
import { DataTable } from '../../components/DataTable';
import { compactMoney, count, dayWithWeekday, money, shortDay } from '../../i18n/format';
import { autoRechargeMessages } from '../../i18n/messages/auto-recharge';
import { commonMessages } from '../../i18n/messages/common';
import { lowestBalance, previewDays, previewRecharges } from './recharge-preview';

const BALANCE_COLOUR = 'var(--accent)';

export function ProjectionChart({
  projection,
  threshold,
}: {
  projection: Projection;
  threshold: number | null;
}) {
  const { state, language } = useApp();
  const m = useMessages(autoRechargeMessages).projection;
  const common = useMessages(commonMessages);
  const [showTable, setShowTable] = useState(false);
  const tableId = useId();
  const days = previewDays(projection, state.now);
  const recharges = previewRecharges(projection, state.now);
  const balances = days.map((day) => day.balance);
  const usd = (micros: number) => money(micros, language);
  const summary = m.chartLabel(
    usd(balances[0]!),
    usd(balances.at(-1)!),
    usd(lowestBalance(projection, state.now)),
    count(recharges.length, language),
  );
  const legend: LegendItem[] = [
    { label: m.balance, shape: { type: 'line', colour: BALANCE_COLOUR } },
    ...(threshold === null
      ? []
      : [
          {
            label: m.threshold(usd(threshold)),
            shape: { type: 'line', colour: REFERENCE_COLOUR, dashed: true },
          } as const,
        ]),
    ...(recharges.length === 0
      ? []
      : [{ label: m.recharge, shape: { type: 'marker', kind: 'auto-recharge' } } as const]),
  ];

  return (
    <div className="projection-chart">
      <h3>{m.chartTitle}</h3>
      <p className="visually-hidden">{summary}</p>
      <ChartLegend label={m.legend} items={legend} />
      <TimeLineChart
        testId="projection-chart"
        ariaLabel={m.chartTitle}
        keys={days.map((day) => day.day)}
        curve="stepAfter"
        lines={[{ name: m.balance, colour: BALANCE_COLOUR, values: balances }]}
        references={threshold === null ? [] : [{ value: threshold, label: m.threshold(usd(threshold)) }]}
        markers={days.flatMap((day, index) =>
          day.recharged > 0 ? [{ index, kind: 'auto-recharge' as const }] : [],
        )}
        xTick={(key) => shortDay(key, language)}
        yTick={(value) => compactMoney(value, language)}
        tooltip={(index) => {
          const day = days[index];
          if (day === undefined) return null;
          return (
            <ChartTooltip
              title={dayWithWeekday(day.day, language)}
              lines={[
                { label: m.balance, value: usd(day.balance) },
                ...(day.recharged > 0
                  ? [
                      {
                        label: m.recharge,
                        value: usd(day.recharged),
                        swatch: <Swatch shape={{ type: 'marker', kind: 'auto-recharge' }} />,
                      },
                    ]
                  : []),
              ]}
            />
          );
        }}
      />
      <button
        type="button"
        className="secondary"
        aria-expanded={showTable}
        aria-controls={tableId}
        onClick={() => setShowTable((shown) => !shown)}
      >
        {showTable ? common.hideTable : common.showTable}
      </button>
      <div id={tableId} hidden={!showTable}>
        <DataTable
          caption={m.tableCaption}
          rowHeader={{ header: m.day, cell: (day) => dayWithWeekday(day.day, language) }}
          columns={[
            { header: m.balance, numeric: true, cell: (day) => usd(day.balance) },
            {
              header: m.recharged,
              numeric: true,
              cell: (day) => (day.recharged > 0 ? usd(day.recharged) : common.dash),
            },
          ]}
          rows={days}
          rowKey={(day) => day.day}
        />
      </div>
    </div>
  );
}
