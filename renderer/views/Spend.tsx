/**
 * Spend — "where did it go?" (ux.md §1 Spend, §2): the range's figures first, one row of choices,
 * the spend chart with the balance under it on the same time axis, the same numbers as tables with
 * a CSV export, and the UTC footnote.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { parseAmount } from '../../shared/billing/money';
import { useApp, useMessages } from '../app-context';
import { NoDataYet } from '../components/NoDataYet';
import { count, dateTime, days, money, time } from '../i18n/format';
import { commonMessages } from '../i18n/messages/common';
import { spendMessages } from '../i18n/messages/spend';
import { BalanceSection } from './spend/BalanceSection';
import { EmptyRange } from './spend/EmptyRange';
import { labelSeries } from './spend/labelled-series';
import { periodText } from './spend/period-text';
import { SpendChart, SPEND_SYNC_ID, type SpendChartData } from './spend/SpendChart';
import { type SpendChoice, SpendControls } from './spend/SpendControls';
import { SpendFigures } from './spend/SpendFigures';
import { isWeekly, seriesOf, timeAxis } from './spend/spend-model';
import { DEFAULT_RANGE, daysEndingOn, utcDay } from './spend/spend-range';
import { SpendTables } from './spend/SpendTables';
import { useSpendModel } from './spend/useSpendModel';

/** Settings hold USD text; the charts draw micro-dollars. */
function usdMicros(text: string | null | undefined): number | null {
  const micros = text === null || text === undefined ? undefined : parseAmount(text);
  return micros === undefined ? null : Number(micros);
}

export function SpendView() {
  const { state, language } = useApp();
  const m = useMessages(spendMessages);
  const common = useMessages(commonMessages);
  const [choice, setChoice] = useState<SpendChoice>({
    range: DEFAULT_RANGE,
    grouping: 'model',
    mode: 'daily',
  });
  const { spend, sync } = state;
  const today = spend.days.at(-1) ?? utcDay(state.now);
  const model = useSpendModel(spend, state.markers, { ...choice, today });
  const hasDays = spend.days.length > 0;
  const loading = !hasDays && sync.state === 'syncing';
  // Before the first day arrives, the axes still show the range being fetched.
  const axis = useMemo(
    () =>
      hasDays
        ? model.axis
        : timeAxis(daysEndingOn(today, model.days.requested), isWeekly(choice.range, choice.mode)),
    [hasDays, model.axis, today, model.days.requested, choice.range, choice.mode],
  );
  // The snapshot lists a grouping's series by their total over all days: their colours follow that.
  const history = useMemo(
    () => seriesOf(spend, choice.grouping).map((one) => one.name),
    [spend, choice.grouping],
  );
  const series = useMemo(
    () => labelSeries(model.series, history, m.chart.other),
    [model.series, history, m.chart.other],
  );
  const barSeries = useMemo(
    () => labelSeries(model.bars.series, history, m.chart.other),
    [model.bars.series, history, m.chart.other],
  );

  if (!hasDays && !loading) {
    return (
      <>
        <h1>{common.nav.spend}</h1>
        <NoDataYet />
      </>
    );
  }

  const period = periodText(m.period, choice.range, today, language);
  const unknown = axis.buckets.map(() => null);
  const chartData: SpendChartData = hasDays
    ? { totals: model.bars.totals, series: barSeries, ...model.cumulative }
    : { totals: unknown, series: [], thisMonth: unknown, lastMonth: unknown, countedFrom: null };
  const loadingText = sync.progress
    ? common.firstSyncProgress(count(sync.progress.done, language), count(sync.progress.total, language))
    : m.states.loading(days(model.days.requested, language));
  const empty = hasDays && model.totals.every((total) => total === 0);
  const message: ReactNode = loading ? (
    <p role="status">{loadingText}</p>
  ) : empty ? (
    <EmptyRange range={choice.range} today={today} onChoose={(range) => setChoice({ ...choice, range })} />
  ) : undefined;
  const total = money(model.figures.total, language);
  const monthSoFar = model.cumulative.thisMonth.at(-1);
  const chartLabel = loading
    ? loadingText
    : choice.mode === 'cumulative'
      ? m.chart.cumulative(
          period,
          monthSoFar === null || monthSoFar === undefined ? common.dash : money(monthSoFar, language),
        )
      : axis.weekly
        ? m.chart.weekly(period, total)
        : m.chart.daily(period, total);
  const latestBalance = spend.balance.at(-1);
  const threshold = state.autoRecharge.settings?.enabled
    ? usdMicros(state.autoRecharge.settings.threshold)
    : null;

  return (
    <>
      <h1>{common.nav.spend}</h1>
      {sync.state === 'failing' && sync.lastOkAt !== null ? (
        <p className="banner banner--warning" role="status">
          {common.syncFailed(
            utcDay(sync.lastOkAt) === utcDay(state.now)
              ? time(sync.lastOkAt, language)
              : dateTime(sync.lastOkAt, language),
          )}
        </p>
      ) : null}
      <SpendFigures
        figures={hasDays ? model.figures : null}
        requested={model.days.requested}
        historyStart={hasDays && model.days.clamped ? spend.days[0]! : null}
      />
      <SpendControls choice={choice} onChange={setChoice} />
      <SpendChart
        mode={choice.mode}
        axis={axis}
        data={chartData}
        budget={usdMicros(state.settings.monthlyBudget)}
        label={chartLabel}
        message={message}
      />
      <BalanceSection
        axis={axis}
        balance={hasDays ? model.balance.values : unknown}
        markers={hasDays ? model.balance.markers : []}
        threshold={threshold}
        syncId={SPEND_SYNC_ID}
        label={
          loading || latestBalance === undefined
            ? loadingText
            : m.balance.chart(period, money(latestBalance, language))
        }
        message={loading ? <p>{loadingText}</p> : undefined}
      />
      <SpendTables
        period={period}
        data={
          hasDays
            ? {
                days: model.days.days,
                totals: model.totals,
                series,
                cumulative: choice.mode === 'cumulative' ? model.cumulative : null,
                balance: spend.balance.slice(model.days.window.start, model.days.window.end),
                markers: state.markers,
                firstDay: spend.days[0]!,
                window: model.days.window,
              }
            : null
        }
      />
      <p className="spend-note">{common.utcNote}</p>
    </>
  );
}
