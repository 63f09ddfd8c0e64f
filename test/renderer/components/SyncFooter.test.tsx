import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SyncFooter } from '../../../renderer/components/SyncFooter';
import { dateTime, time } from '../../../renderer/i18n/format';
import { dashboardFixture, NOW } from '../support/dashboard-fixture';
import { renderView } from '../support/render-view';

describe('the sync footer', () => {
  it('says when the data is from, and offers a refresh', () => {
    const base = dashboardFixture();
    const lastOkAt = NOW - 5 * 60_000;
    renderView(SyncFooter, { state: { ...base, sync: { ...base.sync, state: 'ok', lastOkAt } } });
    expect(screen.getByText(`Updated ${time(lastOkAt, 'en')}`)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh now' })).toBeEnabled();
  });

  it('offline: says so, keeps the data, and does not offer a refresh that cannot run', () => {
    const base = dashboardFixture();
    const lastOkAt = NOW - 40 * 60_000;
    renderView(SyncFooter, {
      state: { ...base, sync: { ...base.sync, state: 'offline', lastOkAt, nextAt: null } },
    });
    expect(
      screen.getByText(
        `Offline. Showing data from ${dateTime(lastOkAt, 'en')}; Saldo refreshes when you are back online.`,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Refresh now' })).toBeDisabled();
  });

  it('says a sync left costs out, in both languages, and nothing when none were', () => {
    const base = dashboardFixture();
    const warnings = [{ kind: 'cost-not-usd', message: '1 cost row on 2026-12-01 in EUR was left out' }];
    const view = renderView(SyncFooter, { state: { ...base, sync: { ...base.sync, warnings } } });
    expect(screen.getByText(/could not be counted in dollars and were left out/)).toBeInTheDocument();
    const dutch = { ...base, settings: { ...base.settings, language: 'nl' as const } };
    view.update({ ...dutch, sync: { ...base.sync, warnings } });
    expect(screen.getByText(/konden niet in dollars worden geteld en zijn weggelaten/)).toBeInTheDocument();
    expect(screen.queryByText(/left out/)).toBeNull();
    view.update(dutch);
    expect(screen.queryByText(/weggelaten/)).toBeNull();
  });

  it('offline, in Dutch', () => {
    const base = dashboardFixture();
    const lastOkAt = NOW - 40 * 60_000;
    renderView(SyncFooter, {
      state: {
        ...base,
        settings: { ...base.settings, language: 'nl' },
        sync: { ...base.sync, state: 'offline', lastOkAt, nextAt: null },
      },
    });
    expect(
      screen.getByText(
        `Offline. Je ziet gegevens van ${dateTime(lastOkAt, 'nl')}; Saldo vernieuwt zodra je weer online bent.`,
      ),
    ).toBeInTheDocument();
  });
});
