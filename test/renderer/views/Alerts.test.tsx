import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { BridgeAlert, DashboardState } from '../../../shared/bridge';
import { dateTime } from '../../../renderer/i18n/format';
import { AlertsView } from '../../../renderer/views/Alerts';
import { dashboardFixture, NOW } from '../support/dashboard-fixture';
import { renderView, type Answers } from '../support/render-view';
import { axeViolations } from './axe-violations';
import { steadySpend } from './steady-spend';

const creditUsedUp: BridgeAlert = {
  id: 'credit-used-up',
  kind: 'credit-used-up',
  severity: 'critical',
  title: { en: 'Credit used up', nl: 'Tegoed op' },
  body: {
    en: "Your credit is used up, so OpenAI now refuses API requests. Retrying won't help: buy credit on OpenAI's billing page.",
    nl: 'Je tegoed is op, dus OpenAI weigert nu API-verzoeken. Opnieuw proberen helpt niet: koop tegoed op de facturatiepagina van OpenAI.',
  },
  view: 'overview',
};
const expiry: BridgeAlert = {
  id: 'expiry-7:2026-12-09',
  kind: 'expiry',
  severity: 'warning',
  title: { en: '$5.00 of credit expires on Dec 9, 2026', nl: 'Op 9 dec 2026 vervalt US$ 5,00 tegoed' },
  body: {
    en: 'At your current pace, about $2.50 of it will go unused.',
    nl: 'Bij je huidige verbruik blijft daarvan ongeveer US$ 2,50 ongebruikt.',
  },
  view: 'credits',
};
const restored: BridgeAlert = {
  id: 'credit-restored',
  kind: 'credit-restored',
  severity: 'info',
  title: { en: 'Credit available again', nl: 'Weer tegoed beschikbaar' },
  body: { en: 'API requests work again.', nl: 'API-verzoeken werken weer.' },
  view: 'alerts',
};

function fixture(overrides: Partial<DashboardState> = {}, language: 'en' | 'nl' = 'en'): DashboardState {
  const base = dashboardFixture({ spend: steadySpend(), ...overrides });
  return { ...base, settings: { ...base.settings, language } };
}

function withAlerts(language: 'en' | 'nl' = 'en') {
  return fixture(
    {
      alerts: {
        current: [creditUsedUp, expiry],
        past: [
          { alert: restored, firedAt: NOW - 2 * 86_400_000 },
          { alert: creditUsedUp, firedAt: NOW - 3_600_000 },
        ],
      },
    },
    language,
  );
}

function renderAlerts(state: DashboardState = fixture(), answers?: Answers) {
  return { user: userEvent.setup(), ...renderView(AlertsView, { state, answers }) };
}

describe('AlertsView', () => {
  it('lists current alerts with severity as icon and word, title, body and a link to the view that fixes it', async () => {
    const { user, navigations } = renderAlerts(withAlerts());
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1, name: 'Alerts' })).toBeInTheDocument();
    const current = document.querySelectorAll('.alert-list > li');
    expect(current).toHaveLength(2);
    expect(current[0]).toHaveTextContent('Critical');
    expect(current[0]!.querySelector('.status-mark__icon')).toHaveAttribute('aria-hidden', 'true');
    expect(
      within(current[0] as HTMLElement).getByRole('heading', { level: 3, name: 'Credit used up' }),
    ).toBeVisible();
    expect(current[1]).toHaveTextContent('Warning');
    expect(current[1]).toHaveTextContent('At your current pace, about $2.50 of it will go unused.');
    await user.click(within(current[1] as HTMLElement).getByRole('link', { name: 'Open Credits' }));
    expect(navigations).toEqual(['credits']);
  });

  it.each([
    ['en' as const, 'Open Auto-recharge'],
    ['nl' as const, 'Automatisch opladen openen'],
  ])('names the view to open as the navigation does (%s)', async (language, name) => {
    const missing: BridgeAlert = { ...expiry, id: 'recharge-missing', view: 'auto-recharge' };
    const { user, navigations } = renderAlerts(
      fixture({ alerts: { current: [missing], past: [] } }, language),
    );
    await user.click(screen.getByRole('link', { name }));
    expect(navigations).toEqual(['auto-recharge']);
  });

  it('lists past alerts newest first with the local date and time they fired', () => {
    renderAlerts(withAlerts());
    const past = document.querySelectorAll('.alert-history > li');
    expect(past).toHaveLength(2);
    expect(past[0]).toHaveTextContent('Credit used up');
    expect(past[0]).toHaveTextContent(`Fired ${dateTime(NOW - 3_600_000, 'en')}`);
    expect(past[1]).toHaveTextContent('Info');
    expect(past[1]).toHaveTextContent('Credit available again');
  });

  it('says when there are no alerts, now or in the last 90 days', () => {
    renderAlerts();
    expect(screen.getByText(/No alerts right now\./)).toBeInTheDocument();
    expect(screen.getByText('No alerts in the last 90 days.')).toBeInTheDocument();
  });

  it('shows the settings with the warn-only budget sentence', () => {
    renderAlerts();
    expect(screen.getByLabelText('Low balance below (USD)')).toHaveValue('5');
    expect(screen.getByLabelText('Runway warning (days)')).toHaveValue('3');
    for (const name of ['30 days before', '7 days before', '1 day before']) {
      expect(screen.getByRole('checkbox', { name })).toBeChecked();
    }
    expect(screen.getByRole('checkbox', { name: /Forecast warnings/ })).not.toBeChecked();
    expect(screen.getByText('Needs 7 days of spend history.')).toBeInTheDocument();
    const budget = screen.getByLabelText('Monthly budget (USD, optional)');
    expect(budget).toHaveValue('');
    expect(budget).toHaveAccessibleDescription(
      "Warns at 50%, 75%, 90%, and 100% of this month's spend. Saldo's budget only warns; it does not stop OpenAI spending.",
    );
  });

  it('sends only the changed fields', async () => {
    const { user, calls } = renderAlerts();
    const threshold = screen.getByLabelText('Low balance below (USD)');
    await user.clear(threshold);
    await user.type(threshold, '$7.50');
    await user.click(screen.getByRole('checkbox', { name: '1 day before' }));
    await user.click(screen.getByRole('checkbox', { name: /Forecast warnings/ }));
    await user.type(screen.getByLabelText('Monthly budget (USD, optional)'), '1,200');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(calls).toEqual([
      {
        channel: 'settings:update',
        request: {
          lowBalanceThreshold: '7.50',
          expiryReminderDays: [30, 7],
          forecastWarnings: true,
          monthlyBudget: '1200',
        },
      },
    ]);
    expect(await screen.findByText('Alert settings saved.')).toBeInTheDocument();
  });

  it('clears a budget by sending null, and sends nothing when nothing changed', async () => {
    const base = fixture();
    const { user, calls } = renderAlerts({ ...base, settings: { ...base.settings, monthlyBudget: '50' } });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Nothing to save: no setting changed.')).toBeInTheDocument();
    expect(calls).toEqual([]);

    await user.clear(screen.getByLabelText('Monthly budget (USD, optional)'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(calls).toEqual([{ channel: 'settings:update', request: { monthlyBudget: null } }]);
  });

  it('checks the fields first and names the rule beside each, keeping what was typed', async () => {
    const { user, calls } = renderAlerts();
    const threshold = screen.getByLabelText('Low balance below (USD)');
    await user.clear(threshold);
    await user.type(threshold, 'five');
    const runway = screen.getByLabelText('Runway warning (days)');
    await user.clear(runway);
    await user.type(runway, '400');
    await user.type(screen.getByLabelText('Monthly budget (USD, optional)'), '0');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(calls).toEqual([]);
    expect(threshold).toHaveValue('five');
    expect(threshold).toBeInvalid();
    expect(threshold).toHaveAccessibleDescription(
      /Enter an amount in USD, like \$12\.50, with at most 6 decimals\./,
    );
    expect(runway).toHaveAccessibleDescription(/Enter a whole number of days from 0 to 365\./);
    expect(screen.getByLabelText('Monthly budget (USD, optional)')).toHaveAccessibleDescription(
      /Enter an amount in USD greater than zero/,
    );
  });

  it('shows a server error beside the field it names', async () => {
    const { user } = renderAlerts(fixture(), {
      'settings:update': () => ({
        ok: false,
        error: { field: 'runwayDays', message: 'must be at most 365' },
      }),
    });
    const runway = screen.getByLabelText('Runway warning (days)');
    await user.clear(runway);
    await user.type(runway, '10');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('must be at most 365')).toBeInTheDocument();
    expect(runway).toHaveAccessibleDescription(/must be at most 365/);
  });

  it('can be saved with the keyboard alone', async () => {
    const { user, calls } = renderAlerts();
    await user.click(screen.getByLabelText('Runway warning (days)'));
    await user.keyboard('{Control>}a{/Control}14{Enter}');
    expect(calls).toEqual([{ channel: 'settings:update', request: { runwayDays: 14 } }]);
  });

  describe('in Dutch', () => {
    it('shows alerts, history and settings in Dutch', async () => {
      const { user, navigations } = renderAlerts(withAlerts('nl'));
      expect(screen.getByRole('heading', { level: 1, name: 'Meldingen' })).toBeInTheDocument();
      expect(screen.getByRole('heading', { level: 3, name: 'Tegoed op' })).toBeInTheDocument();
      expect(screen.getAllByText('Kritiek').length).toBeGreaterThan(0);
      expect(screen.getByText('Waarschuwing')).toBeInTheDocument();
      expect(screen.getByText(`Gemeld ${dateTime(NOW - 3_600_000, 'nl')}`)).toBeInTheDocument();
      expect(screen.getByLabelText('Maandbudget (USD, optioneel)')).toHaveAccessibleDescription(
        /Het budget van Saldo waarschuwt alleen; het houdt de uitgaven bij OpenAI niet tegen\./,
      );
      expect(screen.getByRole('checkbox', { name: '1 dag van tevoren' })).toBeChecked();
      await user.click(screen.getByRole('link', { name: 'Tegoeden openen' }));
      expect(navigations).toEqual(['credits']);
    });

    it('reads a Dutch decimal comma and validates in Dutch', async () => {
      const { user, calls } = renderAlerts(fixture({}, 'nl'));
      const threshold = screen.getByLabelText('Laag saldo onder (USD)');
      await user.clear(threshold);
      await user.type(threshold, 'vijf');
      await user.click(screen.getByRole('button', { name: 'Opslaan' }));
      expect(threshold).toHaveAccessibleDescription(/Vul een bedrag in US\$ in, zoals US\$\s12,50/);
      expect(calls).toEqual([]);

      await user.clear(threshold);
      await user.type(threshold, 'US$ 7,50');
      await user.click(screen.getByRole('button', { name: 'Opslaan' }));
      expect(calls).toEqual([{ channel: 'settings:update', request: { lowBalanceThreshold: '7.50' } }]);
    });
  });

  it.each(['en', 'nl'] as const)('has nothing axe can find in %s', async (language) => {
    const { container } = renderAlerts(withAlerts(language));
    expect(await axeViolations(container)).toEqual([]);
  });
});
