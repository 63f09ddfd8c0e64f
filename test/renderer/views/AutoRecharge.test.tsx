import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DashboardState } from '../../../shared/bridge';
import { AutoRechargeView } from '../../../renderer/views/AutoRecharge';
import { dashboardFixture, NOW } from '../support/dashboard-fixture';
import { renderView, type Answers } from '../support/render-view';
import { axeViolations } from './axe-violations';
import { steadySpend } from './steady-spend';

const DAY = 86_400_000;
const USD = 1_000_000;

/** The shared fixture with round daily spend: $1.00 a day, then $1.12 for the last 30 days. */
function fixture(overrides: Partial<DashboardState> = {}): DashboardState {
  return dashboardFixture({ spend: steadySpend(), ...overrides });
}
const NBSP = '\u00a0';

function withSettings(
  settings: DashboardState['autoRecharge']['settings'],
  overrides: Partial<DashboardState> = {},
): DashboardState {
  const base = fixture();
  return fixture({ ...overrides, autoRecharge: { ...base.autoRecharge, settings } });
}

function dutch(state: DashboardState = fixture()): DashboardState {
  return fixture({ ...state, settings: { ...state.settings, language: 'nl' } });
}

function openai(state: DashboardState = fixture()): DashboardState {
  return fixture({
    ...state,
    backend: {
      name: 'openai',
      reason: 'An Admin key is stored.',
      baseUrl: 'https://api.openai.com/v1',
      capabilities: { balance: 'absent', autoRechargeSettings: false },
    },
  });
}

function renderRecharge(options: { state?: DashboardState; answers?: Answers } = {}) {
  return { user: userEvent.setup(), ...renderView(AutoRechargeView, { state: fixture(), ...options }) };
}

/** A card: its heading's section. */
const card = (title: string) => screen.getByRole('heading', { level: 2, name: title }).closest('section')!;
const projection = (title = "At today's pace") => card(title);
const form = (name = 'Setting') => screen.getByRole('form', { name });
const field = (label: string, formName?: string) => within(form(formName)).getByLabelText(label);

/** Replaces a field's text in one edit (typing key by key redraws the chart each time). */
async function retype(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, text: string) {
  await user.clear(input);
  if (text !== '') await user.paste(text);
}

const SETTING_LABELS = {
  threshold: 'When balance goes below (USD)',
  target: 'Bring balance back up to (USD)',
  limit: 'Monthly limit (USD, optional)',
};

/** Retypes fields of the English setting form, in the order given. */
async function retypeSetting(
  user: ReturnType<typeof userEvent.setup>,
  texts: Partial<Record<keyof typeof SETTING_LABELS, string>>,
) {
  for (const [name, text] of Object.entries(texts))
    await retype(user, field(SETTING_LABELS[name as keyof typeof SETTING_LABELS]), text!);
}

describe('AutoRechargeView', () => {
  describe('the current setting in one sentence', () => {
    it('says what is on, the limit and what was used this month', () => {
      renderRecharge();
      expect(screen.getByRole('heading', { level: 1, name: 'Auto-recharge' })).toBeInTheDocument();
      expect(screen.getByRole('region', { name: 'Current setting' })).toHaveTextContent(
        'On · below $10.00, bring the balance back up to $30.00 · at most $100.00 a month · $20.00 used this month',
      );
    });

    it('says off, and not set', () => {
      const base = fixture().autoRecharge.settings!;
      const view = renderRecharge({ state: withSettings({ ...base, enabled: false }) });
      expect(screen.getByRole('region', { name: 'Current setting' })).toHaveTextContent(/^Off$/);
      view.update(withSettings(null));
      expect(screen.getByRole('region', { name: 'Current setting' })).toHaveTextContent(
        "Not set: enter what you set on OpenAI's billing page.",
      );
    });

    it('speaks Dutch', () => {
      const base = fixture().autoRecharge.settings!;
      renderRecharge({
        state: dutch(withSettings({ ...base, mode: 'add', amount: '20', target: null, monthlyLimit: null })),
      });
      expect(screen.getByRole('heading', { level: 1, name: 'Automatisch opladen' })).toBeInTheDocument();
      expect(screen.getByRole('region', { name: 'Huidige instelling' })).toHaveTextContent(
        `Aan · onder US$ 10,00, US$ 20,00 opladen · geen maandlimiet · deze maand US$ 20,00 gebruikt`,
      );
    });
  });

  describe('the projection follows the form before it is saved', () => {
    it('shows the next recharge, recharges per month and the preview chart', () => {
      renderRecharge();
      // The engine's projection, as the Overview says it: $42.10 down to $10 at $1.30 a day.
      expect(projection()).toHaveTextContent('Next recharge around Dec 22, 2026 (in 25 days).');
      expect(projection()).toHaveTextContent('Recharges per month: about 2, costing about $39.00.');
      expect(projection()).toHaveTextContent('API requests keep working for at least a year at this pace.');
      const chart = screen.getByTestId('projection-chart');
      expect(chart.querySelector('svg')).not.toBeNull();
      expect(chart.querySelector('.marker-glyph--auto-recharge')).not.toBeNull();
      expect(projection()).toHaveTextContent(
        'Projected balance over the next 30 days: $42.10 today, $23.68 at the end, lowest $10.00. Recharges: 1.',
      );
    });

    it('moves the next recharge and the count as the threshold and target change, sending nothing', async () => {
      const { user, calls } = renderRecharge();
      await retype(user, field('When balance goes below (USD)'), '20');
      expect(projection()).toHaveTextContent('Next recharge around Dec 14, 2026 (in 17 days).');
      expect(projection()).toHaveTextContent('Recharges per month: about 3.9, costing about $39.00.');

      await retype(user, field('Bring balance back up to (USD)'), '50');
      expect(projection()).toHaveTextContent('Recharges per month: about 1.3, costing about $39.00.');
      expect(calls).toEqual([]);
    });

    it('says when the monthly limit stops the recharges', async () => {
      const { user } = renderRecharge();
      await retypeSetting(user, { threshold: '40', target: '45', limit: '30' });
      expect(projection()).toHaveTextContent(
        'The monthly limit of $30.00 is reached around Dec 25, 2026. No more top-ups until Jan 1, 2027.',
      );
    });

    it('says when API requests start to fail with auto-recharge off', async () => {
      const base = fixture();
      const start = base.autoRecharge.start!;
      // $10 of credit left, in one grant: at $1.30 a day it is used up in 7.7 days.
      const grants = [{ ...start.grants[1]!, remaining: 10 * USD }];
      const { user } = renderRecharge({
        state: fixture({
          account: { ...base.account!, available: 10 * USD, balance: 10 * USD },
          autoRecharge: { ...base.autoRecharge, start: { ...start, grants } },
        }),
      });
      expect(projection()).toHaveTextContent('API requests keep working for at least a year at this pace.');
      await user.click(within(form()).getByRole('checkbox', { name: 'Auto-recharge on' }));
      expect(projection()).toHaveTextContent('API requests start to fail around Dec 5, 2026.');
      // OpenAI refuses requests once credit is used up: the preview stops at zero.
      expect(projection()).toHaveTextContent('$10.00 today, $0.00 at the end, lowest $0.00.');
    });

    it('asks for the rest of the form while a needed field is empty, and says when it is off', async () => {
      const { user } = renderRecharge();
      await retype(user, field('Bring balance back up to (USD)'), '');
      expect(projection()).toHaveTextContent('Complete the form to see what auto-recharge would do.');
      expect(screen.queryByTestId('projection-chart')).toBeNull();

      await user.click(within(form()).getByRole('checkbox', { name: 'Auto-recharge on' }));
      expect(projection()).toHaveTextContent('With auto-recharge off, nothing is topped up.');
      expect(screen.getByTestId('projection-chart')).toBeInTheDocument();
    });

    it('shows the preview as a table on request', async () => {
      const { user } = renderRecharge();
      const toggle = within(projection()).getByRole('button', { name: 'Show as table' });
      expect(screen.queryByRole('table', { name: /Projected balance per day/ })).toBeNull();
      await user.click(toggle);
      expect(toggle).toHaveAttribute('aria-expanded', 'true');
      const table = screen.getByRole('table', { name: /Projected balance per day/ });
      const row = within(table).getByRole('row', { name: /Dec 22, 2026/ });
      expect(
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ).toEqual(['$30.00', '$20.00']);
    });

    it('speaks Dutch', () => {
      renderRecharge({ state: dutch() });
      const section = projection('Bij je huidige verbruik');
      expect(section).toHaveTextContent('Volgende keer opladen rond 22 dec 2026 (over 25 dagen).');
      expect(section).toHaveTextContent(`Oplaadbeurten per maand: ongeveer 2, samen ongeveer US$ 39,00.`);
    });
  });

  describe('saving', () => {
    it('applies on the demo with apply: true', async () => {
      const { user, calls } = renderRecharge();
      await user.click(within(form()).getByRole('button', { name: 'Apply' }));
      expect(calls).toEqual([
        {
          channel: 'auto-recharge:set',
          // The stored setting, unchanged.
          request: { settings: fixture().autoRecharge.settings, apply: true },
        },
      ]);
      await waitFor(() => expect(within(form()).getByRole('status')).toHaveTextContent('Applied'));
    });

    it('for OpenAI says Saldo cannot change its settings, links there, and saves with apply: false', async () => {
      const { user, calls } = renderRecharge({ state: openai() });
      expect(screen.getByText(/Saldo cannot change OpenAI's settings/)).toBeInTheDocument();
      expect(screen.getByRole('link', { name: "Open OpenAI's billing page" })).toHaveAttribute(
        'href',
        'https://platform.openai.com/settings/organization/billing/overview',
      );
      expect(within(form()).queryByRole('button', { name: 'Apply' })).toBeNull();
      await user.click(within(form()).getByRole('radio', { name: 'Add a fixed amount' }));
      await user.type(field('Add (USD)'), '$25');
      await retype(user, field('Monthly limit (USD, optional)'), '');
      await user.click(within(form()).getByRole('button', { name: 'Save' }));
      expect(calls).toEqual([
        {
          channel: 'auto-recharge:set',
          request: {
            settings: {
              enabled: true,
              threshold: '10',
              mode: 'add',
              amount: '25',
              target: null,
              monthlyLimit: null,
            },
            apply: false,
          },
        },
      ]);
      await waitFor(() => expect(within(form()).getByRole('status')).toHaveTextContent('Saved'));
    });

    it('reads Dutch amounts and shows the Dutch notice', async () => {
      const { user, calls } = renderRecharge({ state: dutch(openai()) });
      expect(screen.getByText(/Saldo kan de instellingen van OpenAI niet wijzigen/)).toBeInTheDocument();
      expect(field('Saldo aanvullen tot (USD)', 'Instelling')).toHaveValue('30');
      await retype(user, field('Als het saldo lager wordt dan (USD)', 'Instelling'), '12,50');
      await user.click(
        within(screen.getByRole('form', { name: 'Instelling' })).getByRole('button', { name: 'Opslaan' }),
      );
      expect(calls).toEqual([
        {
          channel: 'auto-recharge:set',
          request: {
            settings: {
              enabled: true,
              threshold: '12.50',
              mode: 'topUp',
              amount: null,
              target: '30',
              monthlyLimit: '100',
            },
            apply: false,
          },
        },
      ]);
    });

    it('sends a switched-off setting without checking its rules', async () => {
      const { user, calls } = renderRecharge();
      await user.click(within(form()).getByRole('checkbox', { name: 'Auto-recharge on' }));
      await retype(user, field('Bring balance back up to (USD)'), '');
      await user.click(within(form()).getByRole('button', { name: 'Apply' }));
      expect(calls).toEqual([
        {
          channel: 'auto-recharge:set',
          request: {
            settings: { ...fixture().autoRecharge.settings!, enabled: false, target: null },
            apply: true,
          },
        },
      ]);
    });
  });

  describe('validation', () => {
    it('names the purchase limits for a fixed amount, and sends nothing', async () => {
      const { user, calls } = renderRecharge();
      await user.click(within(form()).getByRole('radio', { name: 'Add a fixed amount' }));
      const amount = field('Add (USD)');
      await user.type(amount, '60');
      await user.click(within(form()).getByRole('button', { name: 'Apply' }));
      expect(amount).toHaveAccessibleDescription(
        expect.stringContaining(
          'Each recharge is a purchase, so it must be between $5.00 and $50.00. $60.00 is outside that range.',
        ),
      );
      expect(amount).toHaveValue('60');
      expect(calls).toEqual([]);
    });

    it('wants the target above the threshold, a positive limit and a threshold', async () => {
      const { user, calls } = renderRecharge();
      await retypeSetting(user, { target: '8', limit: '0', threshold: '' });
      await user.click(within(form()).getByRole('button', { name: 'Apply' }));
      expect(field('When balance goes below (USD)')).toHaveAccessibleDescription(
        'Enter an amount: auto-recharge needs it when it is on.',
      );
      expect(field('Monthly limit (USD, optional)')).toHaveAccessibleDescription(
        'The monthly limit must be more than $0.00; leave it empty for no limit.',
      );

      await retype(user, field('When balance goes below (USD)'), '10');
      await user.click(within(form()).getByRole('button', { name: 'Apply' }));
      expect(field('Bring balance back up to (USD)')).toHaveAccessibleDescription(
        'The balance to top up to must be above the threshold of $10.00.',
      );
      expect(calls).toEqual([]);
    });

    it('refuses text that is no amount, in Dutch', async () => {
      const { user, calls } = renderRecharge({ state: dutch() });
      const threshold = field('Als het saldo lager wordt dan (USD)', 'Instelling');
      await retype(user, threshold, 'tien');
      await user.click(
        within(screen.getByRole('form', { name: 'Instelling' })).getByRole('button', { name: 'Toepassen' }),
      );
      expect(threshold).toHaveAccessibleDescription(
        `Vul een bedrag in US$ in, zoals US$${NBSP}12,50, met hooguit 6 decimalen.`,
      );
      expect(calls).toEqual([]);
    });

    it("shows the server's error beside the field it names", async () => {
      const { user } = renderRecharge({
        answers: {
          'auto-recharge:set': () => ({
            ok: false,
            error: { field: 'target', message: 'must be greater than autoRecharge.threshold ($10)' },
          }),
        },
      });
      await user.click(within(form()).getByRole('button', { name: 'Apply' }));
      await waitFor(() =>
        expect(field('Bring balance back up to (USD)')).toHaveAccessibleDescription(
          'must be greater than autoRecharge.threshold ($10)',
        ),
      );
    });
  });

  describe('warnings as the user types', () => {
    it('warns of a threshold below the busiest day, a balance already below it, and a limit below one recharge', async () => {
      const { user } = renderRecharge();
      const warnings = () => within(form()).queryByRole('list', { name: 'Check these' });
      expect(warnings()).toBeNull();

      await retype(user, field('When balance goes below (USD)'), '1');
      expect(warnings()).toHaveTextContent(
        'Your busiest day cost $1.12, more than the threshold of $1.00: the credit can run out before a top-up lands. Leave some buffer.',
      );

      await retypeSetting(user, { threshold: '45', target: '60' });
      expect(warnings()).toHaveTextContent(
        'Your balance of $42.10 is already below the threshold: this means a charge right away.',
      );

      await retypeSetting(user, { threshold: '10', target: '30', limit: '5' });
      expect(warnings()).toHaveTextContent(
        'The monthly limit of $5.00 is smaller than one recharge, so every recharge is blocked.',
      );
    });

    it('warns of a fixed amount outside the purchase limits, in Dutch', async () => {
      const { user } = renderRecharge({ state: dutch() });
      const dutchForm = screen.getByRole('form', { name: 'Instelling' });
      await user.click(within(dutchForm).getByRole('radio', { name: 'Een vast bedrag opladen' }));
      await user.type(within(dutchForm).getByLabelText('Oplaadbedrag (USD)'), '60');
      expect(within(dutchForm).getByRole('list', { name: 'Let op' })).toHaveTextContent(
        `Een oplaadbedrag buiten US$ 5,00 tot US$ 50,00 wordt nooit opgeladen: er zou niets gebeuren.`,
      );
    });
  });

  it('switches the mode with the arrow keys', async () => {
    const { user } = renderRecharge();
    within(form()).getByRole('radio', { name: 'Top up to a target' }).focus();
    await user.keyboard('{ArrowLeft}');
    expect(within(form()).getByRole('radio', { name: 'Add a fixed amount' })).toBeChecked();
    expect(field('Add (USD)')).toBeInTheDocument();
    expect(within(form()).queryByLabelText('Bring balance back up to (USD)')).toBeNull();
  });

  it('says a missing top-up usually means a card problem', () => {
    const alert = {
      id: 'recharge-missing',
      kind: 'recharge-missing' as const,
      severity: 'critical' as const,
      title: {
        en: 'Auto-recharge did not top up: $4.20 left',
        nl: 'Automatisch opladen heeft niet opgeladen',
      },
      body: { en: 'Check your card.', nl: 'Controleer je kaart.' },
      view: 'auto-recharge' as const,
    };
    renderRecharge({ state: fixture({ alerts: { current: [alert], past: [] } }) });
    expect(screen.getByText('Top-up expected but not seen')).toBeInTheDocument();
    expect(screen.getByText('Auto-recharge did not top up: $4.20 left')).toBeInTheDocument();
    expect(screen.getByText(/A missing top-up usually means a card problem/)).toBeInTheDocument();
  });

  describe('recharges made', () => {
    it("lists each with the month's total against the limit, and what the limit blocked", () => {
      const base = fixture();
      renderRecharge({
        state: fixture({
          autoRecharge: {
            ...base.autoRecharge,
            made: [
              { id: 'auto-0', at: NOW - 45 * DAY, amount: 30 * USD, balanceBefore: -1_370_000 },
              ...base.autoRecharge.made,
              { id: 'auto-2', at: NOW - 2 * DAY, amount: 25 * USD, balanceBefore: 4_000 },
            ],
            blocked: [{ month: '2026-10', at: NOW - 40 * DAY, amount: 20 * USD }],
          },
        }),
      });
      const table = screen.getByRole('table', { name: /Recharges auto-recharge made/ });
      const totals = within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) =>
          within(row)
            .getAllByRole('cell')
            .map((cell) => cell.textContent),
        );
      expect(totals).toEqual([
        ['$25.00', '< $0.01', '$45.00 of $100.00'],
        ['$20.00', '$9.80', '$20.00 of $100.00'],
        ['$30.00', '-$1.37', '$30.00 of $100.00'],
      ]);
      expect(within(table).getByRole('columnheader', { name: 'When the balance was' })).toBeInTheDocument();
      expect(
        screen.getByText('The monthly limit blocked a recharge of $20.00 on Oct 18, 2026.'),
      ).toBeInTheDocument();
    });

    it('shows the balance that triggered each in Dutch', () => {
      const base = fixture();
      renderRecharge({ state: { ...base, settings: { ...base.settings, language: 'nl' } } });
      const table = screen.getByRole('table', { name: /met het saldo dat elke oplaadbeurt startte/ });
      expect(within(table).getByRole('columnheader', { name: 'Bij een saldo van' })).toBeInTheDocument();
      expect(within(table).getAllByRole('cell')[1]!.textContent).toBe(`US$${NBSP}9,80`);
    });

    it('says when there are none yet', () => {
      const base = fixture();
      renderRecharge({ state: fixture({ autoRecharge: { ...base.autoRecharge, made: [] } }) });
      expect(screen.getByText('No recharges yet.')).toBeInTheDocument();
    });
  });

  describe('without data', () => {
    it('shows no data yet and the first sync, and keeps the form', () => {
      const base = fixture();
      const view = renderRecharge({ state: fixture({ account: null, grants: [] }) });
      expect(projection()).toHaveTextContent('No data yet. The first refresh is on its way.');
      expect(form()).toBeInTheDocument();
      view.update(
        fixture({
          account: null,
          grants: [],
          sync: { ...base.sync, state: 'syncing', progress: { done: 3, total: 15 } },
        }),
      );
      expect(projection()).toHaveTextContent('Fetching your history: 3 of 15');
    });

    it('needs a week of spend before projecting', () => {
      const base = fixture();
      renderRecharge({
        state: fixture({ account: { ...base.account!, historyDays: 3, paceKnown: false } }),
      });
      expect(projection()).toHaveTextContent('Not enough spend history yet to project auto-recharge.');
      expect(screen.queryByTestId('projection-chart')).toBeNull();
    });
  });

  it.each(['en', 'nl'] as const)('has nothing axe finds wrong (%s)', async (language) => {
    const base = fixture();
    const { container } = renderRecharge({
      state: openai(fixture({ settings: { ...base.settings, language } })),
    });
    expect(await axeViolations(container)).toEqual([]);
  });
});
