/**
 * Debian's Chromium driven by playwright-core: the real browser engine the dashboard runs in
 * (Electron is Chromium too). `npx playwright install` cannot download browsers here, so the
 * system's `/usr/bin/chromium` is used; `SALDO_CHROMIUM` points elsewhere.
 */
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.SALDO_CHROMIUM ?? '/usr/bin/chromium';

/** The flags the machine notes give for headless Chromium as root, without network side trips. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH}: not installed (run: bash scripts/install-test-deps.sh)`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
}

/** Problems a page reports on its own: console errors, uncaught exceptions, CSP violations. */
export function collectPageProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}
