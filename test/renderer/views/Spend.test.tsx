import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DashboardState, Spend } from '../../../shared/bridge';
import { money, time } from '../../../renderer/i18n/format';
import { SpendView } from '../../../renderer/views/Spend';
import { dashboardFixture, NOW } from '../support/dashboard-fixture';
import { renderView, type Answers } from '../support/render-view';
import { MODELS, PROJECTS, spendFixture } from './spend/spend-fixture';

const NO_SPEND: Spend = { days: [], totals: [], byModel: [], byProject: [], byLineItem: [], balance: [] };

function snapshot(overrides: Partial<DashboardState> = {}, language: 'en' | 'nl' = 'en'): DashboardState {
  const base = dashboardFixture({ spend: spendFixture(), ...overrides });
  return dashboardFixture({
    spend: spendFixture(),
    ...overrides,
    settings: { ...base.settings, ...overrides.settings, language },
  });
}

function renderSpend(options: { state?: DashboardState; answers?: Answers } = {}) {
  return {
    user: userEvent.setup({ delay: null }),
    ...renderView(SpendView, { state: snapshot(), ...options }),
  };
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** The value shown for a figure above the charts. */
function figure(label: string | RegExp): string {
  return screen.getByText(label, { selector: 'dt' }).nextElementSibling!.textContent ?? '';
}

function legend(): string[] {
  return within(screen.getAllByRole('list', { name: 'Legend' })[0]!)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

async function showTable(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Show as table' }));
  return screen.getByTestId('spend-table');
}

function columns(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('columnheader')
    .map((cell) => cell.textContent ?? '');
}

function bodyRows(table: HTMLElement): HTMLElement[] {
  return within(table.querySelector('tbody')!).getAllByRole('row');
}

/**
 * The chart's tooltip at bar `index`, reached with the keyboard as recharts' accessibility layer
 * allows: focus shows the first bar, each arrow key (handled once per animation frame) the next.
 */
async function tooltipAt(testId: string, index = 0): Promise<HTMLElement> {
  const surface = screen.getByTestId(testId).querySelector('svg[role="application"]') as SVGElement;
  act(() => surface.focus());
  for (let step = 0; step < index; step += 1) {
    fireEvent.keyDown(surface, { key: 'ArrowRight' });
    await act(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
  return screen.getByTestId(testId).querySelector('.chart-tooltip') as HTMLElement;
}

function tooltipLines(tooltip: HTMLElement): string[] {
  return [...tooltip.querySelectorAll('.chart-tooltip__line')].map(
    (line) => `${line.querySelector('dt')!.textContent}: ${line.querySelector('dd')!.textContent}`,
  );
}

// Two recharts charts per render make these slower than most view tests in jsdom.
describe('SpendView', { timeout: 20_000 }, () => {
  it('leads with the last 30 days in figures: total, average, highest day and the change', () => {
    const spend = spendFixture();
    renderSpend();
    const current = spend.totals.slice(30);
    const previous = sum(spend.totals.slice(0, 30));
    const highest = Math.max(...current);

    expect(screen.getByRole('heading', { level: 1, name: 'Spend' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '30 days' })).toBeChecked();
    expect(figure('Total')).toBe(money(sum(current), 'en'));
    expect(figure('Average per day')).toBe(money(Math.round(sum(current) / 30), 'en'));
    expect(current.indexOf(highest)).toBe(29);
    expect(figure('Highest day')).toBe(`${money(highest, 'en')}on Nov 27, 2026`);
    const percent = Math.round(((sum(current) - previous) / previous) * 100);
    expect(figure('Change against the previous 30 days')).toBe(
      `Up ${percent}% (${money(sum(current) - previous, 'en')})`,
    );
    // Figures first, then the controls, then the charts.
    const total = screen.getByText('Total', { selector: 'dt' });
    expect(total.compareDocumentPosition(screen.getByRole('group', { name: 'Range' }))).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
  });

  it('draws the stacked daily chart and the balance chart, each named by a summary', () => {
    const spend = spendFixture();
    renderSpend();
    const chart = screen.getByTestId('spend-chart');
    expect(chart.querySelector('svg')).toHaveAttribute(
      'aria-label',
      `Daily spend, last 30 days, total ${money(sum(spend.totals.slice(30)), 'en')}`,
    );
    expect(chart.querySelectorAll('.recharts-bar-rectangle').length).toBe(30 * 3);
    expect(legend()).toEqual(MODELS);
    const balance = screen.getByTestId('balance-chart');
    expect(balance.querySelector('.recharts-line-curve')).not.toBeNull();
    expect(balance.querySelector('svg')).toHaveAttribute(
      'aria-label',
      `Balance at the end of each day, last 30 days, now ${money(spend.balance.at(-1)!, 'en')}`,
    );
    expect(screen.getByText('Days are UTC. Today is not complete yet.')).toBeInTheDocument();
  });

  it('marks auto-recharges on the balance and draws the threshold, named in the legend', () => {
    renderSpend();
    const balance = screen.getByTestId('balance-chart');
    expect(balance.querySelectorAll('.marker-glyph--auto-recharge')).toHaveLength(1);
    expect(balance).toHaveTextContent('Auto-recharge threshold $10.00');
    const balanceLegend = within(screen.getAllByRole('list', { name: 'Legend' })[1]!).getAllByRole(
      'listitem',
    );
    expect(balanceLegend.map((item) => item.textContent)).toEqual([
      'Balance at day’s end',
      'Auto-recharge threshold',
      'Auto-recharge',
    ]);
  });

  it('gives the day in the tooltip: weekday and date, the total first, then each series exactly', async () => {
    const spend = spendFixture();
    renderSpend();
    const tooltip = await tooltipAt('spend-chart');
    expect(tooltip.querySelector('.chart-tooltip__title')).toHaveTextContent('Thu, Oct 29, 2026');
    expect(tooltipLines(tooltip)).toEqual([
      `Total: ${money(spend.totals[30]!, 'en')}`,
      ...spend.byModel.map((series) => `${series.name}: ${money(series.values[30]!, 'en')}`),
    ]);
    // The balance chart's tooltip follows (syncId).
    expect(screen.getByTestId('balance-chart').querySelector('.chart-tooltip')).toHaveTextContent(
      `Thu, Oct 29, 2026Balance at day’s end${money(spend.balance[30]!, 'en')}`,
    );
  });

  it('shows a real zero as $0.00 in the tooltip', async () => {
    const spend = spendFixture();
    spend.byModel[2]!.values[30] = 0;
    spend.byModel[0]!.values[30]! += spendFixture().byModel[2]!.values[30]!;
    renderSpend({ state: snapshot({ spend }) });
    expect(tooltipLines(await tooltipAt('spend-chart'))).toContain('o3: $0.00');
  });

  it('shows the same numbers as a table with a caption and one row per day', async () => {
    const spend = spendFixture();
    const { user } = renderSpend();
    const table = await showTable(user);
    expect(screen.getByRole('button', { name: 'Hide table' })).toHaveAttribute('aria-expanded', 'true');
    expect(
      within(table).getByText('Spend per day, last 30 days (UTC)', { selector: 'caption' }),
    ).toBeVisible();
    expect(columns(table)).toEqual(['Day (UTC)', 'Total', ...MODELS]);
    const rows = bodyRows(table);
    expect(rows).toHaveLength(30);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('Oct 29, 2026');
    expect(within(rows[29]!).getByRole('rowheader')).toHaveTextContent('Nov 27, 2026, so far');
    expect(
      within(rows[29]!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual([
      money(spend.totals[59]!, 'en'),
      ...spend.byModel.map((series) => money(series.values[59]!, 'en')),
    ]);
    expect(within(rows[0]!).getAllByRole('cell')[0]).toHaveClass('num');
    const balance = screen.getByTestId('balance-table');
    expect(within(balance).getByText('Auto-recharge: $20.00')).toBeInTheDocument();
  });

  it('changes the table and the legend when the range or the grouping changes', async () => {
    const { user } = renderSpend();
    await showTable(user);
    await user.click(screen.getByRole('radio', { name: '7 days' }));
    expect(bodyRows(screen.getByTestId('spend-table'))).toHaveLength(7);
    expect(screen.getByTestId('spend-table')).toHaveTextContent('Spend per day, last 7 days (UTC)');
    expect(screen.getByTestId('spend-chart').querySelector('svg')).toHaveAttribute(
      'aria-label',
      expect.stringMatching(/^Daily spend, last 7 days, total/),
    );

    await user.click(screen.getByRole('radio', { name: 'Project' }));
    expect(columns(screen.getByTestId('spend-table'))).toEqual(['Day (UTC)', 'Total', ...PROJECTS]);
    expect(legend()).toEqual(PROJECTS);

    await user.click(screen.getByRole('radio', { name: 'This month' }));
    expect(bodyRows(screen.getByTestId('spend-table'))).toHaveLength(27);
    expect(within(bodyRows(screen.getByTestId('spend-table'))[0]!).getByRole('rowheader')).toHaveTextContent(
      'Nov 1, 2026',
    );
  });

  it('folds more than six series into a grey "Other", in the same order in legend, table and tooltip', async () => {
    const projects = Array.from({ length: 9 }, (_, k) => `Project ${k + 1}`);
    const { user } = renderSpend({ state: snapshot({ spend: spendFixture({ projects }) }) });
    await user.click(screen.getByRole('radio', { name: 'Project' }));
    const named = projects.slice(0, 6);
    expect(legend()).toEqual([...named, 'Other']);
    expect(screen.getAllByRole('list', { name: 'Legend' })[0]!.querySelectorAll('rect')[6]).toHaveAttribute(
      'fill',
      '#999999',
    );
    const tooltip = await tooltipAt('spend-chart');
    expect(tooltipLines(tooltip).map((line) => line.split(':')[0])).toEqual(['Total', ...named, 'Other']);
    expect(columns(await showTable(user))).toEqual(['Day (UTC)', 'Total', ...named, 'Other']);
  });

  it('keeps each series in the colour of its rank over the whole history when the range changes', async () => {
    // Totals over the 60 days: big 500, a 300, b 240, c 180, d 120, e 102, f 60, late 40.
    const per = (value: (index: number) => number) => Array.from({ length: 60 }, (_, index) => value(index));
    const usd = 1_000_000;
    const byModel = [
      { name: 'big', values: per((i) => (i < 50 ? 10 * usd : 0)) },
      { name: 'a', values: per(() => 5 * usd) },
      { name: 'b', values: per(() => 4 * usd) },
      { name: 'c', values: per(() => 3 * usd) },
      { name: 'd', values: per(() => 2 * usd) },
      // Largest of the last 7 days, fifth of the last 30.
      { name: 'e', values: per((i) => (i >= 53 ? 7 * usd : usd)) },
      { name: 'f', values: per(() => usd) },
      // Outside the history's top six, but named in the last 7 days.
      { name: 'late', values: per((i) => (i >= 55 ? 8 * usd : 0)) },
    ];
    const base = spendFixture();
    const totals = base.days.map((_, index) => byModel.reduce((total, one) => total + one.values[index]!, 0));
    const spend = { ...base, totals, byModel, byProject: [], byLineItem: [] };
    const { user } = renderSpend({ state: snapshot({ spend }) });
    const colours = () =>
      new Map(
        within(screen.getAllByRole('list', { name: 'Legend' })[0]!)
          .getAllByRole('listitem')
          .map((item) => [item.textContent, item.querySelector('rect')!.getAttribute('fill')]),
      );

    const month = colours();
    expect([...month.keys()]).toEqual(['big', 'a', 'b', 'c', 'e', 'd', 'Other']);
    expect([...month.values()]).toEqual([
      '#0072B2',
      '#D55E00',
      '#009E73',
      '#CC79A7',
      '#56B4E9',
      '#E69F00',
      '#999999',
    ]);

    await user.click(screen.getByRole('radio', { name: '7 days' }));
    const week = colours();
    expect([...week.keys()]).toEqual(['e', 'late', 'a', 'b', 'c', 'd', 'Other']);
    for (const name of ['a', 'b', 'c', 'd', 'e']) expect(week.get(name)).toBe(month.get(name));
    // "big" spent nothing this week: "late" takes its free colour, which no other series here has.
    expect(week.get('late')).toBe('#0072B2');
    expect(new Set(week.values()).size).toBe(week.size);
  });

  it('shows a year as weekly bars while the table stays daily', async () => {
    const { user } = renderSpend({ state: snapshot({ spend: spendFixture({ days: 366 }) }) });
    await user.click(screen.getByRole('radio', { name: '365 days' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Spend per week' })).toBeInTheDocument();
    const chart = screen.getByTestId('spend-chart');
    expect(chart.querySelector('svg')).toHaveAttribute('aria-label', expect.stringMatching(/^Weekly spend/));
    // 365 days: 52 weeks ending today and the one day before them.
    expect(chart.querySelector('.recharts-bar')!.querySelectorAll('rect')).toHaveLength(53);
    expect(chart).toHaveTextContent('so far');
    const tooltip = await tooltipAt('spend-chart', 1);
    expect(tooltip.querySelector('.chart-tooltip__title')).toHaveTextContent('Nov 29 – Dec 5, 2025');
    expect(bodyRows(await showTable(user))).toHaveLength(365);
  });

  it('draws the cumulative view: month to date, last month dashed, the budget as a line', async () => {
    const spend = spendFixture();
    const base = snapshot();
    const { user } = renderSpend({
      state: snapshot({ settings: { ...base.settings, monthlyBudget: '100' } }),
    });
    await user.click(screen.getByRole('radio', { name: 'Cumulative' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Month-to-date spend' })).toBeInTheDocument();
    expect(legend()).toEqual(['This month to date', 'Last month, same day', 'Monthly budget']);
    const chart = screen.getByTestId('spend-chart');
    expect(chart.querySelectorAll('.recharts-line-curve').length).toBeGreaterThan(0);
    expect(chart.querySelector('.recharts-line-curve[stroke-dasharray="6 4"]')).not.toBeNull();
    expect(chart).toHaveTextContent('Monthly budget $100.00');
    const november = sum(spend.totals.slice(spend.days.indexOf('2026-11-01')));
    expect(chart.querySelector('svg')).toHaveAttribute(
      'aria-label',
      `Month-to-date spend, last 30 days, ${money(november, 'en')} so far this month`,
    );
    // 29 Oct: October so far is known; 29 Sep's month began before the history.
    const october = sum(
      spend.totals.slice(spend.days.indexOf('2026-10-01'), spend.days.indexOf('2026-10-30')),
    );
    expect(tooltipLines(await tooltipAt('spend-chart'))).toEqual([
      `This month to date: ${money(october, 'en')}`,
      'Last month, same day: —',
      `Spend this day: ${money(spend.totals[30]!, 'en')}`,
      'Monthly budget: $100.00',
    ]);
  });

  it('draws the cumulative line over the whole range when the history starts mid-month', async () => {
    // 8 Sep … 27 Nov: September is known from the 8th on.
    const spend = spendFixture({ days: 81 });
    const { user } = renderSpend({ state: snapshot({ spend }) });
    await user.click(screen.getByRole('radio', { name: '365 days' }));
    await user.click(screen.getByRole('radio', { name: 'Cumulative' }));
    expect(spend.days[0]).toBe('2026-09-08');
    expect(
      screen.getByText('September 2026 counts from Sep 8, 2026, the day your history starts.'),
    ).toBeVisible();
    expect(tooltipLines(await tooltipAt('spend-chart'))[0]).toBe(
      `This month to date: ${money(spend.totals[0]!, 'en')}`,
    );
    // The table holds the cumulative line's numbers, every day of the range included.
    const table = await showTable(user);
    expect(columns(table)).toEqual([
      'Day (UTC)',
      'Spend this day',
      'This month to date',
      'Last month, same day',
    ]);
    const september = bodyRows(table).slice(0, 23);
    expect(september.at(-1)!.querySelectorAll('td')[1]).toHaveTextContent(
      money(sum(spend.totals.slice(0, 23)), 'en'),
    );
    // October against a September that is only partly known: no comparison.
    expect(bodyRows(table)[30]!.querySelectorAll('td')[2]).toHaveTextContent('—');
  });

  it('disables "Group by" in the cumulative view, where it would do nothing, and says why', async () => {
    const { user } = renderSpend();
    const groupBy = screen.getByRole('group', { name: 'Group by' });
    expect(within(groupBy).getByRole('radio', { name: 'Project' })).toBeEnabled();
    await user.click(screen.getByRole('radio', { name: 'Cumulative' }));
    const reason = 'The cumulative view adds up all spend in one line: choose Daily to group it.';
    expect(groupBy).toBeDisabled();
    expect(within(groupBy).getByRole('radio', { name: 'Project' })).toBeDisabled();
    expect(groupBy).toHaveAccessibleDescription(reason);
    expect(screen.getByText(reason)).toBeVisible();
    // Range and view stay usable: both change what the cumulative view shows.
    expect(screen.getByRole('radio', { name: '90 days' })).toBeEnabled();
    await user.click(screen.getByRole('radio', { name: 'Daily' }));
    expect(groupBy).toBeEnabled();
    expect(groupBy).not.toHaveAccessibleDescription();
  });

  it('says why "Group by" is disabled in Dutch too', async () => {
    const { user } = renderSpend({ state: snapshot({}, 'nl') });
    await user.click(screen.getByRole('radio', { name: 'Cumulatief' }));
    expect(screen.getByRole('group', { name: 'Groeperen op' })).toHaveAccessibleDescription(
      'De cumulatieve weergave telt alle uitgaven op in één lijn: kies Per dag om te groeperen.',
    );
  });

  it.each(['en', 'nl'] as const)(
    "labels both charts' amount ticks with the currency sign of the text (%s)",
    (language) => {
      renderSpend({ state: snapshot({}, language) });
      const sign = money(1_000_000, language).replace(/[\d.,\s\u00a0]/g, '');
      for (const chart of ['spend-chart', 'balance-chart']) {
        const ticks = [...screen.getByTestId(chart).querySelectorAll('.recharts-yAxis-tick-labels text')];
        expect(ticks.length).toBeGreaterThan(0);
        for (const tick of ticks) expect(tick.textContent!.replace(/[-\d.,\s\u00a0KM]/g, '')).toBe(sign);
      }
    },
  );

  it('says when a range holds no spend, keeps the axes and offers a longer range', async () => {
    const { user } = renderSpend({ state: snapshot({ spend: spendFixture({ quietDays: 10 }) }) });
    await user.click(screen.getByRole('radio', { name: '7 days' }));
    const chart = screen.getByTestId('spend-chart');
    expect(within(chart).getByText('No spend in this period')).toBeInTheDocument();
    expect(chart.querySelector('.recharts-xAxis')).not.toBeNull();
    expect(figure('Highest day')).toBe('—');
    await user.click(within(chart).getByRole('button', { name: 'Show the last 30 days' }));
    expect(screen.getByRole('radio', { name: '30 days' })).toBeChecked();
    expect(screen.queryByText('No spend in this period')).not.toBeInTheDocument();
  });

  it('says there is nothing to compare when the history is shorter than two ranges', async () => {
    const { user } = renderSpend();
    await user.click(screen.getByRole('radio', { name: '90 days' }));
    expect(figure('Change against the previous 90 days')).toBe(
      'Nothing to compare: your history does not go back that far.',
    );
    expect(screen.getByText('Your history starts on Sep 29, 2026.')).toBeInTheDocument();
  });

  it('draws the frame with axes and the progress during the first sync', () => {
    const syncing = (progress: DashboardState['sync']['progress']) =>
      snapshot({
        account: null,
        spend: NO_SPEND,
        markers: [],
        sync: { ...dashboardFixture({ spend: spendFixture() }).sync, state: 'syncing', progress },
      });
    const view = renderSpend({ state: syncing({ done: 3, total: 15 }) });
    const chart = screen.getByTestId('spend-chart');
    expect(within(chart).getByRole('status')).toHaveTextContent('Fetching your history: 3 of 15');
    expect(chart.querySelector('.recharts-xAxis')).not.toBeNull();
    expect(chart.querySelectorAll('.recharts-bar-rectangle')).toHaveLength(0);
    expect(figure('Total')).toBe('—');
    expect(figure('Average per day')).toBe('—');

    view.update(syncing(null));
    expect(within(screen.getByTestId('spend-chart')).getByRole('status')).toHaveTextContent(
      'Loading 30 days of spend…',
    );
  });

  it('says there is no data yet when nothing was ever synced', () => {
    const base = snapshot();
    renderSpend({
      state: snapshot({ account: null, spend: NO_SPEND, markers: [], sync: { ...base.sync, state: 'ok' } }),
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Spend' })).toBeInTheDocument();
    expect(screen.getByText('No data yet. The first refresh is on its way.')).toBeInTheDocument();
    expect(screen.queryByTestId('spend-chart')).not.toBeInTheDocument();
  });

  it('keeps the data while syncing fails, and says from when it is', () => {
    const base = snapshot();
    const lastOkAt = NOW - 20 * 60_000;
    renderSpend({
      state: snapshot({
        sync: { ...base.sync, state: 'failing', lastOkAt, failingSince: NOW - 10 * 60_000 },
      }),
    });
    expect(screen.getByText(`Showing data from ${time(lastOkAt, 'en')}`)).toBeInTheDocument();
    expect(
      screen.getByTestId('spend-chart').querySelectorAll('.recharts-bar-rectangle').length,
    ).toBeGreaterThan(0);
  });

  it('moves through the ranges with the arrow keys', async () => {
    const { user } = renderSpend();
    act(() => screen.getByRole('radio', { name: '30 days' }).focus());
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: '90 days' })).toBeChecked();
    expect(screen.getByText('Change against the previous 90 days')).toBeInTheDocument();
  });

  it('speaks Dutch: words, money as US$ and the chart summary', async () => {
    const spend = spendFixture();
    const { user } = renderSpend({ state: snapshot({}, 'nl') });
    const total = money(sum(spend.totals.slice(30)), 'nl');
    expect(total).toMatch(/^US\$\s[\d.]+,\d\d$/);
    expect(screen.getByRole('heading', { level: 1, name: 'Uitgaven' })).toBeInTheDocument();
    expect(figure('Totaal')).toBe(total);
    expect(screen.getByText('Gemiddeld per dag')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '30 dagen' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Kostenpost' })).toBeInTheDocument();
    expect(screen.getByTestId('spend-chart').querySelector('svg')).toHaveAttribute(
      'aria-label',
      `Uitgaven per dag, afgelopen 30 dagen, totaal ${total}`,
    );
    expect(screen.getByText('Dagen zijn in UTC. Vandaag is nog niet compleet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Als tabel tonen' }));
    const table = screen.getByTestId('spend-table');
    expect(within(table).getByText('Uitgaven per dag, afgelopen 30 dagen (UTC)')).toBeInTheDocument();
    expect(columns(table).slice(0, 2)).toEqual(['Dag (UTC)', 'Totaal']);
    expect(within(bodyRows(table)[29]!).getByRole('rowheader')).toHaveTextContent('27 nov 2026, tot nu toe');
  });

  describe('Export CSV', () => {
    afterEach(() => vi.restoreAllMocks());

    it('asks main for the CSV and downloads it', async () => {
      const createObjectURL = vi.fn((blob: Blob) => (blob.type === 'text/csv' ? 'blob:saldo' : 'blob:wrong'));
      const revokeObjectURL = vi.fn();
      vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL }));
      const clicked: { href: string; download: string }[] = [];
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push({ href: this.href, download: this.download });
      });
      const { user, calls } = renderSpend({
        answers: {
          'data:export': () => ({
            ok: true,
            value: { filename: 'saldo-2026-11-27.csv', mediaType: 'text/csv', content: 'day,total\n' },
          }),
        },
      });
      await user.click(screen.getByRole('button', { name: 'Export CSV' }));
      expect(calls).toContainEqual({ channel: 'data:export', request: { format: 'csv' } });
      expect(clicked).toEqual([{ href: 'blob:saldo', download: 'saldo-2026-11-27.csv' }]);
      expect(await screen.findByText('Downloaded saldo-2026-11-27.csv')).toBeInTheDocument();
      await vi.waitFor(() => expect(revokeObjectURL).toHaveBeenCalledWith('blob:saldo'));
    });

    it("shows main's error when the export fails", async () => {
      const { user } = renderSpend({
        answers: {
          'data:export': () => ({
            ok: false,
            error: { field: 'store', message: 'The ledger could not be read.' },
          }),
        },
      });
      await user.click(screen.getByRole('button', { name: 'Export CSV' }));
      expect(await screen.findByRole('alert')).toHaveTextContent('The ledger could not be read.');
    });
  });
});
