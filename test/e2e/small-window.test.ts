/**
 * Every view of the demo in real Chromium at 800 × 600, the smallest window, in English and Dutch,
 * with every table shown: no column sits off-screen without a visible cue to scroll to it, no
 * caption is cut, status icons keep their shape, and axe-core finds nothing. Screenshots go to
 * test-results/small-window/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWS } from '../../shared/bridge/views';
import { axeViolations } from './support/axe';
import { launchChromium } from './support/browser';
import { startDemoDashboard, type DemoDashboard } from './support/dashboard';
import { layoutProblems } from './support/layout';

const SCREENSHOTS = path.resolve(__dirname, '../../test-results/small-window');

let dashboard: DemoDashboard;
let browser: Browser;
let page: Page;

type PageGlobals = {
  location: { hash: string };
  document: {
    documentElement: { lang: string };
    querySelectorAll(selector: string): Iterable<{ open: boolean }>;
  };
};

beforeAll(async () => {
  // Real time: the account stays as it is while the views are measured.
  dashboard = await startDemoDashboard(1);
  // Something recorded, so the Credits view has its table of recorded entries too.
  const recorded = await dashboard.call('ledger:add-purchase', { amount: '20' });
  if (!recorded.ok) throw new Error(recorded.error.message);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.goto(dashboard.server.dashboardUrl);
  await page.locator('main h1').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await dashboard?.close();
});

/** Opens every disclosure and every "Show as table" of the view, so each of its tables is laid out. */
async function showEveryTable(): Promise<void> {
  await page.evaluate(() => {
    for (const details of (globalThis as unknown as PageGlobals).document.querySelectorAll('details')) {
      details.open = true;
    }
  });
  for (const toggle of await page.locator('main button[aria-expanded="false"][aria-controls]').all()) {
    await toggle.click();
  }
}

// Six views, two languages, an axe-core scan of each: longer than the e2e default.
describe('the dashboard at 800 × 600', { timeout: 120_000 }, () => {
  it.each(['en', 'nl'] as const)('fits every view in %s', async (language) => {
    const updated = await dashboard.call('settings:update', { language });
    if (!updated.ok) throw new Error(updated.error.message);
    await page.waitForFunction(
      (lang) => (globalThis as unknown as PageGlobals).document.documentElement.lang === lang,
      language,
    );
    const found: string[] = [];
    let tables = 0;
    for (const view of VIEWS) {
      await page.evaluate((name) => {
        (globalThis as unknown as PageGlobals).location.hash = `#/${name}`;
      }, view);
      await page.locator('main h1').waitFor();
      await showEveryTable();
      // A table scrolling sideways says so once it is laid out (a resize observer, then a render).
      await page.waitForTimeout(200);
      tables += await page.locator('main table').count();
      found.push(...(await layoutProblems(page)).map((problem) => `${view} (${language}): ${problem}`));
      // A table that scrolls is a region the keyboard can scroll: axe checks it is named and reachable.
      for (const violation of await axeViolations(page)) {
        found.push(
          `${view} (${language}): ${violation.id} (${violation.help}) at ${violation.nodes.join(', ')}`,
        );
      }
      await page.screenshot({ path: path.join(SCREENSHOTS, `${view}-${language}.png`), fullPage: true });
    }
    // The spend and balance tables, the projection, the credits and what was recorded, at least.
    expect(tables).toBeGreaterThanOrEqual(5);
    expect(found).toEqual([]);
  });
});
