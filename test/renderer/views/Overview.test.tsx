import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DashboardState, SyncStatus } from '../../../shared/bridge';
import { date, money, time } from '../../../renderer/i18n/format';
import { OverviewView } from '../../../renderer/views/Overview';
import { dashboardFixture, FIXTURE_RECHARGE, fixtureOutlook, NOW } from '../support/dashboard-fixture';
import { renderView } from '../support/render-view';
import { axeViolations } from './axe-violations';
import { steadySpend } from './steady-spend';

const USD = 1_000_000;
const BILLING = 'https://platform.openai.com/settings/organization/billing/overview';
const LIMITS = 'https://platform.openai.com/settings/organization/limits';

function fixture(overrides: Partial<DashboardState> = {}, language: 'en' | 'nl' = 'en'): DashboardState {
  const base = dashboardFixture({ spend: steadySpend(), ...overrides });
  return { ...base, settings: { ...base.settings, language } };
}

/** The fixture without auto-recharge, so the plain runway shows. */
function withoutAutoRecharge(overrides: Partial<DashboardState> = {}, language: 'en' | 'nl' = 'en') {
  const base = fixture(overrides, language);
  return {
    ...base,
    account: { ...base.account!, ...fixtureOutlook(null) },
    autoRecharge: { ...base.autoRecharge, settings: null },
  };
}

function failing(error: SyncStatus['error'], state: Partial<SyncStatus> = {}): Partial<DashboardState> {
  return { sync: { ...fixture().sync, state: 'failing', error, ...state } };
}

function authError(reason: 'invalid-key' | 'not-admin-key' | null): SyncStatus['error'] {
  return { source: 'backend', kind: 'auth', code: null, reason, message: 'OpenAI refused the key (401)' };
}

describe('OverviewView', () => {
  it('shows the balance large, with its provenance and drift, under one h1', () => {
    renderView(OverviewView, { state: fixture() });
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('heading', { level: 1, name: 'Overview' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Balance' })).toBeInTheDocument();
    expect(screen.getByText('$42.10', { selector: '.overview-balance__amount' })).toBeInTheDocument();
    expect(
      screen.getByText(/Estimated: \$46\.00 confirmed on Nov 24, 2026, minus \$3\.90 spent since\./),
    ).toHaveTextContent('Drift: the billing page showed $0.12 less than Saldo had counted.');
  });

  it("says OpenAI reported the drift when the calibration was the provider's own report, in both languages", () => {
    const base = fixture();
    const account = {
      ...base.account!,
      lastCalibration: { ...base.account!.lastCalibration!, drift: 7_580_000, by: 'provider' as const },
    };
    renderView(OverviewView, { state: { ...base, account } });
    expect(
      screen.getByText(/Drift: OpenAI reported \$7\.58 more than Saldo had counted\./),
    ).toBeInTheDocument();
    cleanup();
    renderView(OverviewView, { state: { ...fixture({}, 'nl'), account } });
    expect(
      screen.getByText(/Afwijking: OpenAI meldde US\$\s7,58 meer dan Saldo had berekend\./),
    ).toBeInTheDocument();
  });

  it('leaves the drift out when the last correction agreed', () => {
    const base = fixture();
    renderView(OverviewView, {
      state: {
        ...base,
        account: {
          ...base.account!,
          lastCalibration: { at: NOW, observed: 42_100_000, drift: 0, by: 'you' },
        },
      },
    });
    expect(screen.getByText(/Estimated: \$42\.10 confirmed/)).not.toHaveTextContent('Drift');
  });

  it('says when API requests start to fail, in one line', () => {
    renderView(OverviewView, { state: withoutAutoRecharge() });
    // $42.10 at $1.30 a day: the free grant is drawn first, so none of it expires unused.
    expect(screen.getByText('API requests fail in about 32 days · around Dec 29, 2026')).toBeInTheDocument();
  });

  it('says "Not enough data yet" before 7 days of spend', () => {
    const base = withoutAutoRecharge();
    renderView(OverviewView, {
      state: { ...base, account: { ...base.account!, historyDays: 5, paceKnown: false } },
    });
    expect(screen.getByText('Not enough data yet')).toBeInTheDocument();
    expect(screen.queryByText(/API requests fail in/)).not.toBeInTheDocument();
  });

  it('with auto-recharge on, says requests keep working beyond the horizon, and what the credit alone lasts', () => {
    renderView(OverviewView, { state: fixture() });
    expect(
      screen.getByText('Auto-recharge keeps API requests working beyond Nov 27, 2027', { exact: false }),
    ).toBeInTheDocument();
    expect(screen.getByText('Without recharges the credit alone lasts about 32 days.')).toBeInTheDocument();
    expect(screen.queryByText(/API requests fail in/)).not.toBeInTheDocument();
  });

  it('with a monthly limit too low to keep up, says when requests fail and when the limit stops the next recharge', () => {
    const base = fixture();
    const limited = { ...FIXTURE_RECHARGE, monthlyLimit: 20n * 1_000_000n };
    renderView(OverviewView, {
      state: { ...base, account: { ...base.account!, ...fixtureOutlook(limited) } },
    });
    // One $20 recharge a month cannot keep up with $1.30 a day.
    expect(screen.getByText('API requests fail in about 63 days · around Jan 29, 2027')).toBeInTheDocument();
    expect(screen.queryByText(/keeps API requests working/)).not.toBeInTheDocument();
  });

  it('says the next recharge with its amount and date, as the projection has it', () => {
    const base = fixture();
    renderView(OverviewView, { state: base });
    const next = base.account!.nextRecharge!;
    expect(next.amount).toBeGreaterThanOrEqual(5 * USD);
    expect(screen.getByText(/ expected around /)).toHaveTextContent(
      `${money(next.amount, 'en')} expected around ${date(next.at, 'en')}`,
    );
  });

  it('shows available and pending, and the negative balance only when there is one', () => {
    const { unmount } = renderView(OverviewView, { state: fixture() });
    expect(screen.getByText('Available').nextElementSibling).toHaveTextContent('$42.10');
    expect(screen.getByText('Pending').nextElementSibling).toHaveTextContent('$0.00');
    expect(screen.queryByText('Negative balance')).not.toBeInTheDocument();
    unmount();

    const base = fixture();
    renderView(OverviewView, {
      state: { ...base, account: { ...base.account!, available: 0, balance: -1_370_000, debt: 1_370_000 } },
    });
    expect(screen.getByText('Negative balance', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      '-$1.37',
    );
  });

  it('shows the next expiry with what will likely go unused, and the next auto-recharge', () => {
    renderView(OverviewView, { state: fixture() });
    expect(
      screen.getByText(
        '$5.00 of credit expires on Dec 9, 2026 (in 12 days). At your current pace, about $2.50 of it will go unused.',
      ),
    ).toBeInTheDocument();
    // The engine's projection: $42.10 down to the $10 threshold at $1.30 a day, then topped up to $30.
    expect(screen.getByText('$20.00 expected around Dec 22, 2026 (in 25 days).')).toBeInTheDocument();
  });

  it('says no recharge is needed within the horizon when the projection buys none', () => {
    const base = fixture();
    const state = { ...base, account: { ...base.account!, nextRecharge: null } };
    renderView(OverviewView, { state });
    expect(screen.getByText("None needed before Nov 27, 2027 at today's pace.")).toBeInTheDocument();
    cleanup();
    renderView(OverviewView, { state: { ...state, settings: { ...state.settings, language: 'nl' } } });
    expect(screen.getByText('Bij je huidige verbruik niet nodig vóór 27 nov 2027.')).toBeInTheDocument();
  });

  it('says when nothing expires and auto-recharge is off', () => {
    const base = withoutAutoRecharge();
    renderView(OverviewView, { state: { ...base, account: { ...base.account!, nextExpiry: null } } });
    expect(screen.getByText('No credit is due to expire.')).toBeInTheDocument();
    expect(screen.getByText('Auto-recharge is off.')).toBeInTheDocument();
  });

  it('sums 30 days of spend in a sentence, hides the sparkline from assistive tech, and links to Spend', async () => {
    const user = userEvent.setup();
    const view = renderView(OverviewView, { state: fixture() });
    expect(screen.getByText('$33.60 in the last 30 days, up 12%')).toBeInTheDocument();
    expect(screen.getByText('This month so far: $30.24')).toBeInTheDocument();
    const chart = view.container.querySelector('.overview-spend__chart');
    expect(chart).toHaveAttribute('aria-hidden', 'true');
    expect(chart!.querySelector('svg')).not.toBeNull();
    await user.click(screen.getByRole('link', { name: 'See all spend' }));
    expect(view.navigations).toEqual(['spend']);
  });

  it('puts this month’s spend against OpenAI’s spend limit, from the reading, only where one is set', () => {
    const base = fixture();
    const spendLimit = { limit: 120 * USD, spentThisMonth: 84_200_000, fraction: 84.2 / 120 };
    renderView(OverviewView, { state: { ...base, account: { ...base.account!, spendLimit } } });
    expect(screen.getByText('Spent $84.20 of the $120.00 monthly spend limit (70%)')).toBeInTheDocument();
    cleanup();
    renderView(OverviewView, { state: base });
    expect(screen.queryByText(/monthly spend limit/)).not.toBeInTheDocument();
  });

  it('says a spend limit 89.9 % used as 89 %, never the 90 % it has not reached', () => {
    const base = fixture();
    const spendLimit = { limit: 100 * USD, spentThisMonth: 89_900_000, fraction: 0.899 };
    renderView(OverviewView, { state: { ...base, account: { ...base.account!, spendLimit } } });
    expect(screen.getByText('Spent $89.90 of the $100.00 monthly spend limit (89%)')).toBeInTheDocument();
  });

  it('says there is no spend yet rather than $0.00', () => {
    renderView(OverviewView, {
      state: fixture({
        spend: { days: [], totals: [], byModel: [], byProject: [], byLineItem: [], balance: [] },
      }),
    });
    expect(screen.getByText('No spend recorded yet.')).toBeInTheDocument();
    expect(screen.queryByText(/in the last 30 days/)).not.toBeInTheDocument();
  });

  it('on demo data, says so and links to Settings to connect a key', async () => {
    const user = userEvent.setup();
    const view = renderView(OverviewView, { state: fixture() });
    expect(
      screen.getByText(
        /Connect an OpenAI Admin key to see your own balance and spend\. Until then, Saldo shows demo data\./,
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Connect a key in Settings' }));
    expect(view.navigations).toEqual(['settings']);
  });

  it('with an OpenAI key, shows no demo sentence and no status line when all is well', () => {
    const base = fixture();
    renderView(OverviewView, { state: { ...base, backend: { ...base.backend, name: 'openai' } } });
    expect(screen.queryByText(/Saldo shows demo data/)).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(document.querySelector('.status-line')).toBeNull();
  });

  describe('status line', () => {
    it('credit used up: says retrying will not help, with one link to buy credit', () => {
      const base = fixture();
      renderView(OverviewView, {
        state: { ...base, account: { ...base.account!, quotaExhausted: true, exhaustedSince: NOW } },
      });
      const status = screen.getByRole('alert');
      expect(status).toHaveTextContent('Credit used up');
      expect(status).toHaveTextContent(
        "Your credit is used up, so OpenAI now refuses API requests. Retrying won't help: buy credit on OpenAI's billing page.",
      );
      expect(screen.getByRole('link', { name: 'Buy credit on OpenAI' })).toHaveAttribute('href', BILLING);
    });

    it.each([
      ['credit_balance_exhausted', 'Credit used up', 'buy credit', BILLING],
      ['insufficient_quota', 'Credit used up', 'buy credit', BILLING],
      ['organization_spend_limit_exceeded', 'Spend limit reached', "your organization's spend limit", LIMITS],
      ['project_spend_limit_exceeded', 'Spend limit reached', "this project's spend limit", LIMITS],
      ['organization_usage_limit_exceeded', 'Usage limit reached', 'wait for the limit to reset', LIMITS],
    ])('decodes the quota error %s into its cause and fix', (code, word, fix, href) => {
      renderView(OverviewView, {
        state: fixture(
          failing({ source: 'backend', kind: 'quota', code, reason: null, message: 'insufficient_quota' }),
        ),
      });
      const status = document.querySelector('.status-line')!;
      expect(status).toHaveTextContent(word);
      expect(status).toHaveTextContent(fix);
      expect(status).toHaveTextContent("Retrying won't help");
      expect(status.querySelectorAll('a')).toHaveLength(1);
      expect(status.querySelector('a')).toHaveAttribute('href', href);
    });

    it('negative balance: names the amount and that it comes off the next purchase', () => {
      const base = fixture();
      renderView(OverviewView, {
        state: { ...base, account: { ...base.account!, balance: -1_370_000, available: 0, debt: 1_370_000 } },
      });
      expect(document.querySelector('.status-line')).toHaveTextContent(
        'Your balance is -$1.37. OpenAI stopped requests a little late; this amount will come off your next purchase.',
      );
    });

    it.each([['invalid-key' as const], [null]])(
      'key rejected (reason %s): says OpenAI rejected the key, and points to Settings',
      async (reason) => {
        const user = userEvent.setup();
        const view = renderView(OverviewView, {
          state: fixture(failing(authError(reason))),
        });
        const status = document.querySelector('.status-line')!;
        expect(status).toHaveTextContent('Key rejected');
        expect(status).toHaveTextContent(
          "OpenAI rejected the key, so Saldo can't read your costs. Check or replace the key in Settings.",
        );
        expect(status).not.toHaveTextContent('project key');
        await user.click(screen.getByRole('link', { name: 'Open Settings' }));
        expect(view.navigations).toEqual(['settings']);
      },
    );

    it('not an Admin key: says which key is needed, and points to Settings', async () => {
      const user = userEvent.setup();
      const view = renderView(OverviewView, { state: fixture(failing(authError('not-admin-key'))) });
      const status = document.querySelector('.status-line')!;
      expect(status).toHaveTextContent('Not an Admin key');
      expect(status).toHaveTextContent(
        'This is a project key. Reading costs needs an Admin key (it starts with sk-admin-), which only organization owners can create.',
      );
      expect(status).not.toHaveTextContent('rejected');
      await user.click(screen.getByRole('link', { name: 'Open Settings' }));
      expect(view.navigations).toEqual(['settings']);
    });

    it('OpenAI unreachable: shows when the data is from and when it tries again', () => {
      const lastOkAt = NOW - 30 * 60_000;
      renderView(OverviewView, {
        state: fixture(
          failing(
            { source: 'backend', kind: 'network', code: null, reason: null, message: 'fetch failed' },
            { lastOkAt, nextAt: NOW + 3 * 60_000 },
          ),
        ),
      });
      expect(document.querySelector('.status-line')).toHaveTextContent(
        `Can't reach OpenAI. Showing data from ${time(lastOkAt, 'en')}; trying again in 3 min.`,
      );
    });
  });

  describe('no data yet', () => {
    it('says the first refresh is on its way', () => {
      renderView(OverviewView, { state: fixture({ account: null, grants: [] }) });
      expect(screen.getByText('No data yet. The first refresh is on its way.')).toBeInTheDocument();
      expect(screen.queryByRole('heading', { name: 'Balance' })).not.toBeInTheDocument();
    });

    it('shows the first sync’s progress', () => {
      const sync = {
        ...fixture().sync,
        state: 'syncing' as const,
        progress: { done: 3, total: 15 },
      };
      renderView(OverviewView, { state: fixture({ account: null, sync }) });
      expect(screen.getByText('Fetching your history: 3 of 15')).toBeInTheDocument();
    });

    it('still shows why syncing fails', () => {
      renderView(OverviewView, {
        state: fixture({
          account: null,
          ...failing(authError('invalid-key')),
        }),
      });
      expect(document.querySelector('.status-line')).toHaveTextContent('Key rejected');
      expect(screen.getByText('No data yet. The first refresh is on its way.')).toBeInTheDocument();
    });
  });

  describe('in Dutch', () => {
    it('shows the balance, provenance, runway and figures in Dutch', () => {
      renderView(OverviewView, { state: withoutAutoRecharge({}, 'nl') });
      expect(screen.getByRole('heading', { level: 1, name: 'Overzicht' })).toBeInTheDocument();
      expect(screen.getByRole('heading', { level: 2, name: 'Saldo' })).toBeInTheDocument();
      expect(screen.getByText('US$ 42,10', { selector: '.overview-balance__amount' })).toBeInTheDocument();
      expect(
        screen.getByText(
          /Geschat: US\$ 46,00 bevestigd op 24 nov 2026, min US\$ 3,90 uitgegeven sindsdien\./,
        ),
      ).toBeInTheDocument();
      expect(
        screen.getByText('API-verzoeken mislukken over ongeveer 32 dagen · rond 29 dec 2026'),
      ).toBeInTheDocument();
      expect(screen.getByText('Beschikbaar tegoed')).toBeInTheDocument();
      expect(
        screen.getByText(
          'Op 9 dec 2026 (over 12 dagen) vervalt US$ 5,00 tegoed. Bij je huidige verbruik blijft daarvan ongeveer US$ 2,50 ongebruikt.',
        ),
      ).toBeInTheDocument();
      expect(screen.getByText(/Tot die tijd toont Saldo demogegevens\./)).toBeInTheDocument();
    });

    it('says the spend limit in Dutch, with the glossary’s word', () => {
      const base = fixture({}, 'nl');
      const spendLimit = { limit: 120 * USD, spentThisMonth: 84_200_000, fraction: 84.2 / 120 };
      renderView(OverviewView, { state: { ...base, account: { ...base.account!, spendLimit } } });
      expect(
        screen.getByText('US$ 84,20 uitgegeven van de maandelijkse uitgavenlimiet van US$ 120,00 (70%)'),
      ).toBeInTheDocument();
    });

    it('says credit used up in Dutch', () => {
      const base = fixture({}, 'nl');
      renderView(OverviewView, { state: { ...base, account: { ...base.account!, quotaExhausted: true } } });
      expect(screen.getByRole('alert')).toHaveTextContent(
        'Je tegoed is op, dus OpenAI weigert nu API-verzoeken. Opnieuw proberen helpt niet: koop tegoed op de facturatiepagina van OpenAI.',
      );
      expect(screen.getByRole('link', { name: 'Tegoed kopen' })).toHaveAttribute('href', BILLING);
    });

    it.each([
      [
        'invalid-key' as const,
        'Sleutel geweigerd',
        'OpenAI weigert de sleutel, dus Saldo kan je kosten niet lezen. Controleer of vervang de sleutel in Instellingen.',
      ],
      [
        'not-admin-key' as const,
        'Geen Admin-sleutel',
        'Dit is een projectsleutel. Voor het lezen van de kosten is een Admin-sleutel nodig (die begint met sk-admin-); alleen eigenaren van de organisatie kunnen die aanmaken.',
      ],
    ])('names the key problem %s in Dutch, with the way to Instellingen', (reason, word, text) => {
      renderView(OverviewView, { state: fixture(failing(authError(reason)), 'nl') });
      const status = document.querySelector('.status-line')!;
      expect(status).toHaveTextContent(word);
      expect(status).toHaveTextContent(text);
      expect(screen.getByRole('link', { name: 'Naar Instellingen' })).toBeInTheDocument();
    });

    it('shows the first sync’s progress in Dutch', () => {
      const sync = {
        ...fixture().sync,
        state: 'syncing' as const,
        progress: { done: 3, total: 15 },
      };
      renderView(OverviewView, { state: fixture({ account: null, sync }, 'nl') });
      expect(screen.getByText('Je geschiedenis wordt opgehaald: 3 van 15')).toBeInTheDocument();
    });
  });

  it.each(['en', 'nl'] as const)(
    'has nothing axe can find in %s, with a status line showing',
    async (language) => {
      const base = fixture({}, language);
      const { container } = renderView(OverviewView, {
        state: { ...base, account: { ...base.account!, quotaExhausted: true } },
      });
      expect(await axeViolations(container)).toEqual([]);
    },
  );
});
