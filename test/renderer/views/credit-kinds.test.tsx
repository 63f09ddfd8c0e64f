/**
 * Credits by what they are, on every view that shows them: Credits' tables, Spend's balance legend
 * and table, Auto-recharge's "Recharges made" — one set of words (shared/account/credit-kind.ts),
 * and a credit the provider listed is "Listed by OpenAI", never "Free credit".
 */
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { DashboardState, Marker } from '../../../shared/bridge';
import type { LedgerEntry } from '../../../shared/ledger/ledger-schema';
import { AutoRechargeView } from '../../../renderer/views/AutoRecharge';
import { CreditsView } from '../../../renderer/views/Credits';
import { SpendView } from '../../../renderer/views/Spend';
import { dashboardFixture, grantRow, NOW } from '../support/dashboard-fixture';
import { renderView } from '../support/render-view';
import { spendFixture } from './spend/spend-fixture';

afterEach(cleanup);

const DAY = 86_400_000;
const USD = 1_000_000;

function state(overrides: Partial<DashboardState>, language: 'en' | 'nl' = 'en'): DashboardState {
  const base = dashboardFixture({ spend: spendFixture() });
  return dashboardFixture({ spend: spendFixture(), ...overrides, settings: { ...base.settings, language } });
}

/** One credit of each kind, as the snapshot's markers say them, two days apart. */
const MARKERS: Marker[] = (
  [
    ['purchase', 'P-1'],
    ['auto-recharge', 'auto-1'],
    ['free-credit', 'promo'],
    ['listed', 'purchase-7'],
    ['correction', 'calibration-1'],
  ] as const
).map(([kind, id], index) => ({ kind, id, at: NOW - (12 - 2 * index) * DAY, amount: (index + 1) * USD }));

describe('Spend: the balance legend and table', () => {
  it('name each credit by what it is; a listed one is "Listed by OpenAI"', async () => {
    renderView(SpendView, { state: state({ markers: MARKERS }) });
    const legend = within(screen.getAllByRole('list', { name: 'Legend' })[1]!).getAllByRole('listitem');
    expect(legend.map((item) => item.textContent).slice(-5)).toEqual([
      'Purchase',
      'Auto-recharge',
      'Free credit',
      'Listed by OpenAI',
      'Correction',
    ]);
    expect(screen.getByTestId('balance-chart').querySelectorAll('.marker-glyph--listed')).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Show as table' }));
    const table = screen.getByTestId('balance-table');
    expect(within(table).getByText('Listed by OpenAI: $4.00')).toBeInTheDocument();
    expect(within(table).getByText('Free credit: $3.00')).toBeInTheDocument();
    expect(within(table).queryByText('Free credit: $4.00')).toBeNull();
  });

  it('in Dutch', () => {
    renderView(SpendView, { state: state({ markers: MARKERS }, 'nl') });
    const legend = within(screen.getAllByRole('list', { name: 'Legenda' })[1]!).getAllByRole('listitem');
    expect(legend.map((item) => item.textContent).slice(-5)).toEqual([
      'Aankoop',
      'Automatisch opladen',
      'Gratis tegoed',
      'Gemeld door OpenAI',
      'Correctie',
    ]);
  });
});

describe('Credits: what the user recorded', () => {
  const entries: LedgerEntry[] = [
    {
      type: 'purchase',
      id: 'inv-1',
      at: '2026-11-01T10:00:00Z',
      createdAt: '2026-11-01T10:00:00Z',
      amount: '20',
      source: 'manual',
    },
    {
      type: 'purchase',
      id: 'rec-1',
      at: '2026-11-02T10:00:00Z',
      createdAt: '2026-11-02T10:00:00Z',
      amount: '10',
      source: 'auto',
    },
    {
      type: 'grant',
      id: 'promo',
      at: '2026-11-03T10:00:00Z',
      createdAt: '2026-11-03T10:00:00Z',
      amount: '5',
    },
    {
      type: 'balance',
      id: 'read',
      at: '2026-11-04T10:00:00Z',
      createdAt: '2026-11-04T10:00:00Z',
      balance: '30',
    },
  ];

  it('names an auto-recharge the user recorded as one, not as a purchase', () => {
    renderView(CreditsView, { state: state({ entries }) });
    const table = screen.getByRole('table', { name: /Purchases, free credit and corrections you recorded/ });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Correction', 'Free credit', 'Auto-recharge', 'Purchase']);
  });
});

describe('Auto-recharge: Recharges made', () => {
  it('lists a recharge the user recorded beside the engine’s, with no triggering balance to show', () => {
    const base = dashboardFixture();
    const made = [
      { id: 'auto-1', at: NOW - 10 * DAY, amount: 20 * USD, balanceBefore: 9 * USD },
      { id: 'rec-1', at: NOW - 5 * DAY, amount: 10 * USD, balanceBefore: null },
    ];
    renderView(AutoRechargeView, { state: state({ autoRecharge: { ...base.autoRecharge, made } }) });
    const table = screen.getByRole('table', { name: /Recharges auto-recharge made/ });
    const rows = within(table.querySelector('tbody')!).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getAllByRole('cell')[1]).toHaveTextContent('—');
    expect(within(rows[1]!).getAllByRole('cell')[1]).toHaveTextContent('$9.00');
  });

  it('where the provider lists its credits, says it does not tell which were recharges, instead of "none"', () => {
    const base = dashboardFixture();
    const listed = state({
      grants: [grantRow('purchase-7', { source: 'provider' })],
      autoRecharge: { ...base.autoRecharge, made: [] },
    });
    renderView(AutoRechargeView, { state: listed });
    expect(screen.queryByText('No recharges yet.')).toBeNull();
    expect(
      screen.getByText(
        'OpenAI lists its credits without saying which were recharges: see Credits, where they show as “Listed by OpenAI”.',
      ),
    ).toBeInTheDocument();
  });

  it('with nothing listed and nothing made: no recharges yet', () => {
    const base = dashboardFixture();
    renderView(AutoRechargeView, {
      state: state({ grants: [grantRow('P-1')], autoRecharge: { ...base.autoRecharge, made: [] } }),
    });
    expect(screen.getByText('No recharges yet.')).toBeInTheDocument();
  });
});
