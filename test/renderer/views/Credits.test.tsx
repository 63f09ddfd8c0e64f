import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DashboardState, GrantRow } from '../../../shared/bridge';
import { CreditsView } from '../../../renderer/views/Credits';
import { dashboardFixture, grantRow, NOW } from '../support/dashboard-fixture';
import { renderView, type Answers } from '../support/render-view';
import { axeViolations } from './axe-violations';
import { steadySpend } from './steady-spend';

const DAY = 86_400_000;
const USD = 1_000_000;

/** The shared fixture with round daily spend: $1.00 a day, then $1.12 for the last 30 days. */
function fixture(overrides: Partial<DashboardState> = {}): DashboardState {
  return dashboardFixture({ spend: steadySpend(), ...overrides });
}

function dutch(overrides: Partial<DashboardState> = {}): DashboardState {
  const base = fixture(overrides);
  return fixture({ ...overrides, settings: { ...base.settings, language: 'nl' } });
}

function rowHeaders(table: HTMLElement): string[] {
  return within(table)
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '');
}

const expired = grantRow('grant-old', {
  source: 'grant',
  amount: 99 * USD,
  used: 59 * USD,
  remaining: 7 * USD,
  forfeited: 40 * USD,
  at: NOW - 400 * DAY,
  expiresAt: NOW - 35 * DAY,
  status: 'expired',
  forfeitRisk: 3 * USD,
});

function renderCredits(options: { state?: DashboardState; answers?: Answers } = {}) {
  return { user: userEvent.setup(), ...renderView(CreditsView, { state: fixture(), ...options }) };
}

async function openForm(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByText(name, { selector: 'summary' }));
  return screen.getByRole('form', { name });
}

describe('CreditsView', () => {
  it('lists active credits in drawing order: free credit first, then the soonest expiry', () => {
    const base = fixture();
    const soonPurchase: GrantRow = { ...base.grants[1]!, id: 'P-soon', expiresAt: NOW + 5 * DAY };
    renderCredits({ state: fixture({ grants: [base.grants[2]!, soonPurchase, ...base.grants] }) });

    expect(screen.getByRole('heading', { level: 1, name: 'Credits' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /in the order OpenAI uses them/ });
    expect(rowHeaders(table)).toEqual([
      'Free credit',
      'Purchase',
      'Purchase',
      'Auto-recharge',
      'Auto-recharge',
    ]);
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((cell) => cell.textContent);
    expect(headers).toEqual([
      'Source',
      'Amount',
      'Used',
      'Left',
      'Bought on',
      'Expires',
      'Status',
      'Unused at expiry',
    ]);
  });

  it('names a credit the provider listed as such, drawn with the free credit (as the engine draws it)', () => {
    const base = fixture();
    const listed = grantRow('purchase-7', { source: 'provider', expiresAt: NOW + 300 * DAY });
    renderCredits({ state: fixture({ grants: [...base.grants, listed] }) });
    const table = screen.getByRole('table', { name: /in the order OpenAI uses them/ });
    expect(rowHeaders(table)).toEqual(['Free credit', 'Listed by OpenAI', 'Purchase', 'Auto-recharge']);
    cleanup();
    renderCredits({ state: dutch({ grants: [listed] }) });
    expect(screen.getByText('Gemeld door OpenAI')).toBeInTheDocument();
  });

  it('shows each credit with its real date, expiry, status and what will go unused', () => {
    renderCredits();
    const table = screen.getByRole('table', { name: /in the order OpenAI uses them/ });
    const [free, purchase] = within(table).getAllByRole('row').slice(1);
    const freeCells = within(free!).getAllByRole('cell');
    expect(freeCells.map((cell) => cell.textContent)).toEqual([
      '$25.00',
      '$20.00',
      '$5.00',
      'Dec 22, 2025',
      'Dec 9, 2026 !Soon · in 12 days',
      '✓Active',
      '$2.50',
    ]);
    expect(freeCells[0]).toHaveClass('num');
    const purchaseCells = within(purchase!).getAllByRole('cell');
    expect(purchaseCells[4]).toHaveTextContent('Oct 18, 2027 in 325 days');
    expect(purchaseCells[4]).not.toHaveTextContent('Soon');
    expect(purchaseCells[6]).toHaveTextContent('—');
  });

  it('sums the summary strip from active credits only, and keeps the history collapsed and out of it', () => {
    const base = fixture();
    renderCredits({ state: fixture({ grants: [...base.grants, expired] }) });

    const summary = screen.getByRole('region', { name: 'Credit summary' });
    expect(within(summary).getByText('Available credit').nextSibling).toHaveTextContent('$42.10');
    expect(within(summary).getByText('Expiring in the next 30 days').nextSibling).toHaveTextContent('$5.00');
    expect(within(summary).getByText('Likely to go unused').nextSibling).toHaveTextContent('$2.50');

    const active = screen.getByRole('table', { name: /in the order OpenAI uses them/ });
    expect(within(active).queryByText('$99.00')).toBeNull();
    const history = screen.getByText('History (1)').closest('details')!;
    expect(history).not.toHaveAttribute('open');
    expect(within(history).getByRole('table', { name: /not counted in any total/ })).toHaveTextContent(
      '$40.00',
    );
  });

  it('says "—" for what will go unused while there is no pace yet', () => {
    const base = fixture();
    renderCredits({ state: fixture({ account: { ...base.account!, historyDays: 3, paceKnown: false } }) });
    const summary = screen.getByRole('region', { name: 'Credit summary' });
    expect(within(summary).getByText('Likely to go unused').nextSibling).toHaveTextContent('—');
  });

  it('speaks Dutch', () => {
    renderCredits({ state: dutch() });
    expect(screen.getByRole('heading', { level: 1, name: 'Tegoeden' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: /eerst gratis tegoed/ });
    expect(rowHeaders(table)).toEqual(['Gratis tegoed', 'Aankoop', 'Automatisch opladen']);
    expect(
      within(table).getByRole('columnheader', { name: 'Ongebruikt bij vervaldatum' }),
    ).toBeInTheDocument();
    const freeCells = within(within(table).getAllByRole('row')[1]!).getAllByRole('cell');
    expect(freeCells[0]).toHaveTextContent('US$ 25,00');
    expect(freeCells[4]).toHaveTextContent('9 dec 2026 !Binnenkort · over 12 dagen');
    expect(freeCells[5]).toHaveTextContent('Actief');
    expect(screen.getByRole('region', { name: 'Overzicht van je tegoed' })).toHaveTextContent(
      'Blijft waarschijnlijk ongebruiktUS$ 2,50',
    );
    expect(screen.getByText('Aankoop toevoegen', { selector: 'summary' })).toBeInTheDocument();
  });

  it('shows no data yet, the first sync in progress, and no credits yet', () => {
    const view = renderCredits({ state: fixture({ account: null, grants: [] }) });
    expect(screen.getByText('No data yet. The first refresh is on its way.')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: /in the order OpenAI uses them/ })).toBeNull();
    // Recording a purchase is how a first-time user gets data: the forms stay.
    expect(screen.getByText('Add purchase', { selector: 'summary' })).toBeInTheDocument();

    const base = fixture();
    view.update(
      fixture({
        account: null,
        grants: [],
        sync: { ...base.sync, state: 'syncing', progress: { done: 3, total: 15 } },
      }),
    );
    expect(screen.getByText('Fetching your history: 3 of 15')).toBeInTheDocument();

    view.update(fixture({ grants: [] }));
    expect(screen.getByText('No credits yet')).toBeInTheDocument();
  });

  describe('Add purchase', () => {
    it('refuses $60 naming the rule, keeps what was typed, and sends nothing', async () => {
      const { user, calls } = renderCredits();
      const form = await openForm(user, 'Add purchase');
      const amount = within(form).getByLabelText('Amount (USD)');
      await user.type(amount, '60');
      await user.click(within(form).getByRole('button', { name: 'Add purchase' }));

      expect(amount).toHaveAccessibleDescription(
        expect.stringContaining('A purchase must be between $5.00 and $50.00. $60.00 is outside that range.'),
      );
      expect(amount).toHaveAttribute('aria-invalid', 'true');
      expect(amount).toHaveValue('60');
      expect(calls).toEqual([]);
    });

    it('refuses $60 in Dutch', async () => {
      const { user, calls } = renderCredits({ state: dutch() });
      const form = await openForm(user, 'Aankoop toevoegen');
      const amount = within(form).getByLabelText('Bedrag (USD)');
      await user.type(amount, '60');
      await user.click(within(form).getByRole('button', { name: 'Aankoop toevoegen' }));
      expect(amount).toHaveAccessibleDescription(
        expect.stringContaining(
          'Een aankoop moet tussen US$\u00a05,00 en US$\u00a050,00 liggen. US$\u00a060,00 valt daarbuiten.',
        ),
      );
      expect(calls).toEqual([]);
    });

    it('refuses text that is no amount', async () => {
      const { user, calls } = renderCredits();
      const form = await openForm(user, 'Add purchase');
      await user.type(within(form).getByLabelText('Amount (USD)'), 'twenty');
      await user.click(within(form).getByRole('button', { name: 'Add purchase' }));
      expect(within(form).getByText(/Enter an amount in USD, like \$12\.50/)).toBeInTheDocument();
      expect(calls).toEqual([]);
    });

    it('sends $20 as USD text, then clears the form and says it was recorded', async () => {
      const { user, calls } = renderCredits();
      const form = await openForm(user, 'Add purchase');
      const amount = within(form).getByLabelText('Amount (USD)');
      await user.type(amount, '$20');
      await user.click(within(form).getByRole('button', { name: 'Add purchase' }));

      expect(calls).toEqual([{ channel: 'ledger:add-purchase', request: { amount: '20' } }]);
      await waitFor(() => expect(within(form).getByRole('status')).toHaveTextContent('Recorded'));
      expect(amount).toHaveValue('');
    });

    it('reads a Dutch decimal comma and sends the day and reference', async () => {
      const { user, calls } = renderCredits({ state: dutch() });
      const form = await openForm(user, 'Aankoop toevoegen');
      await user.type(within(form).getByLabelText('Bedrag (USD)'), '12,50');
      await user.type(within(form).getByLabelText('Gekocht op (optioneel)'), '2026-11-20');
      await user.type(within(form).getByLabelText('Factuur of referentie (optioneel)'), ' INV-7 ');
      await user.click(within(form).getByRole('button', { name: 'Aankoop toevoegen' }));

      expect(calls).toEqual([
        {
          channel: 'ledger:add-purchase',
          request: { amount: '12.50', at: '2026-11-20T00:00:00Z', id: 'INV-7' },
        },
      ]);
      await waitFor(() => expect(within(form).getByRole('status')).toHaveTextContent('Vastgelegd'));
    });

    it('leaves the moment to the store when the day is today', async () => {
      const { user, calls } = renderCredits();
      const form = await openForm(user, 'Add purchase');
      await user.type(within(form).getByLabelText('Amount (USD)'), '5');
      await user.type(within(form).getByLabelText('Bought on (optional)'), '2026-11-27');
      await user.click(within(form).getByRole('button', { name: 'Add purchase' }));
      expect(calls).toEqual([{ channel: 'ledger:add-purchase', request: { amount: '5' } }]);
    });

    it("shows the server's error beside the field it names and keeps the input", async () => {
      const { user } = renderCredits({
        answers: {
          'ledger:add-purchase': () => ({ ok: false, error: { field: 'id', message: 'is used twice' } }),
        },
      });
      const form = await openForm(user, 'Add purchase');
      await user.type(within(form).getByLabelText('Amount (USD)'), '20');
      const reference = within(form).getByLabelText('Invoice or reference (optional)');
      await user.type(reference, 'P-1001');
      await user.click(within(form).getByRole('button', { name: 'Add purchase' }));

      await waitFor(() => expect(reference).toHaveAccessibleDescription('is used twice'));
      expect(reference).toHaveValue('P-1001');
      expect(within(form).getByLabelText('Amount (USD)')).toHaveValue('20');
      expect(within(form).getByRole('status')).toHaveTextContent('');
    });

    it('shows an error that names no field for the whole form', async () => {
      const { user } = renderCredits({
        answers: {
          'ledger:add-purchase': () => ({ ok: false, error: { field: 'store', message: 'disk full' } }),
        },
      });
      const form = await openForm(user, 'Add purchase');
      await user.type(within(form).getByLabelText('Amount (USD)'), '20');
      await user.click(within(form).getByRole('button', { name: 'Add purchase' }));
      expect(await within(form).findByRole('alert')).toHaveTextContent('disk full');
    });
  });

  describe('Add free credit', () => {
    it('sends the amount and the expiry as midnight UTC', async () => {
      const { user, calls } = renderCredits();
      const form = await openForm(user, 'Add free credit');
      await user.type(within(form).getByLabelText('Amount (USD)'), '100');
      await user.type(within(form).getByLabelText('Expires on (optional)'), '2027-03-01');
      await user.click(within(form).getByRole('button', { name: 'Add free credit' }));
      expect(calls).toEqual([
        { channel: 'ledger:add-grant', request: { amount: '100', expiresAt: '2027-03-01T00:00:00Z' } },
      ]);
    });

    it('refuses zero and an expiry before the day received', async () => {
      const { user, calls } = renderCredits();
      const form = await openForm(user, 'Add free credit');
      const amount = within(form).getByLabelText('Amount (USD)');
      await user.type(amount, '0');
      await user.click(within(form).getByRole('button', { name: 'Add free credit' }));
      expect(amount).toHaveAccessibleDescription('Free credit must be more than $0.00.');

      await user.clear(amount);
      await user.type(amount, '10');
      const expires = within(form).getByLabelText('Expires on (optional)');
      await user.type(within(form).getByLabelText('Received on (optional)'), '2026-11-01');
      await user.type(expires, '2026-10-01');
      await user.click(within(form).getByRole('button', { name: 'Add free credit' }));
      expect(expires).toHaveAccessibleDescription(
        expect.stringContaining('The expiry date must be after the day you received it.'),
      );
      expect(calls).toEqual([]);
    });
  });

  it('corrects the balance with the amount the billing page shows, negative included', async () => {
    const { user, calls } = renderCredits();
    await user.click(screen.getByText('Correct balance', { selector: 'summary' }));
    await user.type(screen.getByLabelText('Balance on the billing page (USD)'), '-1.37');
    await user.click(screen.getByRole('button', { name: 'Correct balance' }));
    expect(calls).toEqual([{ channel: 'ledger:calibrate', request: { balance: '-1.37' } }]);
  });

  describe('what you recorded', () => {
    it('removes an entry only after a confirm step, with focus kept in place', async () => {
      const { user, calls } = renderCredits();
      const remove = screen.getByRole('button', { name: 'Remove entry P-1001' });
      await user.click(remove);
      expect(screen.getByText('Remove the purchase of $50.00 on Oct 18, 2026?')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Yes, remove' })).toHaveFocus();
      expect(calls).toEqual([]);

      await user.click(screen.getByRole('button', { name: 'Cancel' }));
      expect(screen.getByRole('button', { name: 'Remove entry P-1001' })).toHaveFocus();
      expect(calls).toEqual([]);

      await user.keyboard('{Enter}');
      await user.keyboard('{Escape}');
      expect(screen.getByRole('button', { name: 'Remove entry P-1001' })).toHaveFocus();

      await user.keyboard('{Enter}');
      await user.keyboard('{Enter}');
      expect(calls).toEqual([{ channel: 'ledger:remove-entry', request: { id: 'P-1001' } }]);
      await waitFor(() => expect(screen.getByRole('heading', { name: 'What you recorded' })).toHaveFocus());
      expect(screen.getByText('Removed')).toBeInTheDocument();
    });

    it('lists every kind of entry, newest first, in Dutch too', () => {
      const base = fixture();
      const at = (days: number) => new Date(NOW - days * DAY).toISOString().replace('.000', '');
      const entries: DashboardState['entries'] = [
        ...base.entries,
        { type: 'balance', id: 'B-1', at: at(3), createdAt: at(3), balance: '-1.37' },
        { type: 'grant', id: 'G-1', at: at(100), createdAt: at(100), amount: '25' },
      ];
      renderCredits({ state: dutch({ entries }) });
      const table = screen.getByRole('table', { name: /die je hebt vastgelegd/ });
      expect(rowHeaders(table)).toEqual(['Correctie', 'Aankoop', 'Gratis tegoed']);
      expect(table).toHaveTextContent('US$ -1,37');
      expect(screen.getByRole('button', { name: 'Regel B-1 verwijderen' })).toBeInTheDocument();
    });

    it('says when nothing is recorded yet', () => {
      renderCredits({ state: fixture({ entries: [] }) });
      expect(screen.getByText('Nothing recorded yet.')).toBeInTheDocument();
    });
  });

  it.each(['en', 'nl'] as const)('has nothing axe finds wrong, forms open (%s)', async (language) => {
    const base = fixture();
    const { container } = renderCredits({
      state: fixture({ grants: [...base.grants, expired], settings: { ...base.settings, language } }),
    });
    for (const details of container.querySelectorAll('details')) details.open = true;
    expect(await axeViolations(container)).toEqual([]);
  });
});
