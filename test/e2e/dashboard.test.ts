/**
 * The dashboard end to end, in real Chromium against `saldo serve --demo` with the simulator sped
 * up: what a newcomer does in their first minutes, an axe-core scan of every view in both languages
 * and themes, and a screenshot of each (saved under test-results/screenshots/).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardState } from '../../shared/bridge';
import { VIEWS } from '../../shared/bridge/views';
import { money } from '../../renderer/i18n/format';
import { axeViolations } from './support/axe';
import { collectPageProblems, launchChromium } from './support/browser';
import { startDemoDashboard, type DemoDashboard } from './support/dashboard';

const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');
/** Ten simulated minutes per second: usage moves while the test runs. */
const SPEED = 600;

let dashboard: DemoDashboard;
let browser: Browser;
let page: Page;
let problems: string[];

/**
 * The page's globals as a predicate running in the page sees them. This project is typed for Node,
 * without the DOM, hence the casts; predicates are functions, not text, because the page's CSP
 * rightly forbids evaluating strings. (Each predicate is sent to the page alone: no helpers.)
 */
type PageGlobals = {
  location: { hash: string };
  document: { documentElement: { lang: string; dataset: Record<string, string | undefined> } };
};

async function state() {
  const answer = await dashboard.call('state:get', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

async function open(view: string): Promise<void> {
  await page
    .getByRole('navigation')
    .getByRole('link')
    .nth(VIEWS.indexOf(view as never))
    .click();
  await page.waitForFunction(
    (name) => (globalThis as unknown as PageGlobals).location.hash === `#/${name}`,
    view,
  );
}

beforeAll(async () => {
  dashboard = await startDemoDashboard(SPEED);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  problems = collectPageProblems(page);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
});

describe('the dashboard in Chromium, on the demo account', () => {
  it('opens from the printed link and shows the balance on the Overview', async () => {
    await page.goto(dashboard.server.dashboardUrl);
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    // The token leaves the address bar at once.
    expect(page.url()).not.toContain(dashboard.server.token);
    const amount = page.locator('.overview-balance__amount');
    await amount.waitFor();
    await expect
      .poll(async () => (await amount.textContent()) === money((await state()).account!.balance, 'en'), {
        timeout: 20_000,
      })
      .toBe(true);
    await expect(page.locator('.shell__brand .badge--demo').textContent()).resolves.toBe('Demo');
  });

  it('connects a tab opened without the token once the printed address is opened in it, without a reload', async () => {
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await tab.goto(`${dashboard.server.url}/`);
      await tab.getByText('This page needs the address Saldo printed', { exact: false }).waitFor();
      // A mark on the page's globals survives only if the page is not loaded again.
      await tab.evaluate(() => {
        (globalThis as unknown as { sameDocument: boolean }).sameDocument = true;
      });
      await tab.goto(dashboard.server.dashboardUrl);
      await tab.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
      await expect(
        tab.evaluate(() => (globalThis as unknown as { sameDocument?: boolean }).sameDocument),
      ).resolves.toBe(true);
      expect(tab.url()).not.toContain(dashboard.server.token);
    } finally {
      await tab.close();
    }
  });

  it('switches the spend chart between groupings and ranges', async () => {
    await open('spend');
    const chart = page.getByTestId('spend-chart');
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    const snapshot = await state();
    const project = snapshot.spend.byProject[0]!.name;
    const model = snapshot.spend.byModel[0]!.name;
    // The first legend is the spend chart's; its entries name the series.
    const legend = page.locator('.chart-legend').first();
    await expect(legend.textContent()).resolves.toContain(model);

    await page.getByRole('radio', { name: 'Project' }).check();
    await expect.poll(() => legend.textContent()).toContain(project);

    await page.getByRole('radio', { name: '7 days' }).check();
    await page.getByRole('button', { name: 'Show as table' }).click();
    const rows = page.getByTestId('spend-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(7);
    await page.getByRole('radio', { name: '30 days' }).check();
    await expect.poll(() => rows.count()).toBe(30);
  });

  it('records a purchase, and refuses $60 naming the $50 limit', async () => {
    await open('credits');
    await page.getByText('Add purchase', { exact: true }).first().click();
    const form = page.getByRole('form', { name: 'Add purchase' });
    await form.getByLabel('Amount (USD)').fill('20');
    await form.getByRole('button', { name: 'Add purchase' }).click();
    await form.getByText('Recorded').waitFor();
    // The user's own purchases: the demo's ledger starts with its owner's (ids `demo-…`).
    const own = (entries: DashboardState['entries']) =>
      entries.filter((e) => e.type === 'purchase' && !e.id.startsWith('demo-'));
    await expect.poll(async () => own((await state()).entries).length).toBe(1);

    await form.getByLabel('Amount (USD)').fill('60');
    await form.getByRole('button', { name: 'Add purchase' }).click();
    await form
      .getByText('A purchase must be between $5.00 and $50.00. $60.00 is outside that range.')
      .waitFor();
    // What was typed stays, and nothing was recorded.
    await expect(form.getByLabel('Amount (USD)').inputValue()).resolves.toBe('60');
    expect(own((await state()).entries)).toHaveLength(1);
  });

  it('corrects the balance to what the billing page shows', async () => {
    await page.getByText('Correct balance', { exact: true }).first().click();
    const form = page.locator('.calibrate-form');
    await form.getByRole('textbox').fill('41.50');
    await form.getByRole('button', { name: 'Correct balance' }).click();
    await expect
      .poll(async () => (await state()).entries.some((e) => e.type === 'balance' && e.balance === '41.50'))
      .toBe(true);
  });

  it('sets auto-recharge and the projection follows the form, then applies it to the demo', async () => {
    await open('auto-recharge');
    await page.getByRole('checkbox').first().check();
    await page.getByRole('radio', { name: 'Top up to a target' }).check();
    await page.getByLabel('When balance goes below (USD)').fill('10');
    await page.getByLabel('Bring balance back up to (USD)').fill('50');
    const facts = page.locator('.projection-facts');
    await facts.waitFor();
    const before = await facts.textContent();
    await page.getByLabel('When balance goes below (USD)').fill('40');
    await expect.poll(() => facts.textContent()).not.toBe(before);
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect
      .poll(async () => (await state()).autoRecharge.settings)
      .toMatchObject({ enabled: true, mode: 'topUp', threshold: '40', target: '50' });
    const simulator = await fetch(`${dashboard.server.session.simulatorUrl()}/sim/auto-recharge`);
    await expect(simulator.json()).resolves.toMatchObject({ enabled: true, mode: 'topUp' });
    await page.getByTestId('projection-chart').locator('.recharts-line-curve').first().waitFor();
  });

  it('explains Admin keys when a project key is entered, and stores nothing', async () => {
    await open('settings');
    await page
      .getByRole('textbox', { name: 'Admin key', exact: true })
      .fill('sk-proj-abcdefghijklmnopqrstuvwxyz0123456789');
    await page.getByRole('button', { name: 'Store key' }).click();
    await page
      .getByText(
        'This is a project key. Reading costs needs an Admin key (it starts with sk-admin-), which only organization owners can create.',
      )
      .waitFor();
    expect((await state()).key.stored).toBeNull();
    // The key never stays on the page.
    await expect(page.getByRole('textbox', { name: 'Admin key', exact: true }).inputValue()).resolves.toBe(
      '',
    );
  });

  it('switches to Dutch: the whole UI and the document language follow', async () => {
    await page.getByRole('radio', { name: 'Nederlands' }).check();
    await page.getByRole('heading', { level: 1, name: 'Instellingen' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await open('overview');
    await page.getByRole('heading', { level: 1, name: 'Overzicht' }).waitFor();
    await expect(page.locator('.overview-balance__amount').textContent()).resolves.toMatch(/^US\$/);
  });

  it('has no axe-core violations on any view, in both languages and themes, and saves a screenshot of each', async () => {
    const found: string[] = [];
    for (const language of ['nl', 'en'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        await dashboard.call('settings:update', { language, theme });
        await page.waitForFunction(
          ([lang, mode]) => {
            const root = (globalThis as unknown as PageGlobals).document.documentElement;
            return root.lang === lang && root.dataset.theme === mode;
          },
          [language, theme] as const,
        );
        for (const view of VIEWS) {
          await open(view);
          await page.locator('main h1').waitFor();
          for (const violation of await axeViolations(page)) {
            found.push(
              `${view} ${language} ${theme}: ${violation.id} (${violation.help}) at ${violation.nodes.join(', ')}`,
            );
          }
          await page.screenshot({
            path: path.join(SCREENSHOTS, `${view}-${language}-${theme}.png`),
            fullPage: true,
          });
        }
      }
    }
    expect(found).toEqual([]);
    expect(fs.readdirSync(SCREENSHOTS).filter((name) => name.endsWith('.png'))).toHaveLength(
      VIEWS.length * 4,
    );
  });

  it('logged no errors and no CSP violation in the page', () => {
    expect(problems).toEqual([]);
  });

  it('answers 401 to /api/ without the token', async () => {
    const response = await fetch(`${dashboard.server.url}/api/call/state:get`, {
      method: 'POST',
      body: '{}',
    });
    expect(response.status).toBe(401);
  });
});
