/**
 * The dashboard's figures (#5 §5): the renderer's JavaScript gzipped, navigation to the spend chart
 * drawn with a year of data for 20 projects, and a grouping switch — each beside a baseline measured
 * in the same run on the same machine (a React-only bundle; a static page in the same Chromium), so
 * a slow machine shows up in both numbers.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { startDashboardServer } from '../../electron/cli/serve/server';
import { startSimulator } from '../../electron/core/simulator';
import { openLedgerIn, openSettingsIn } from '../../electron/core/stores';
import type { DailyCost } from '../../shared/ledger/synced-data';
import { launchChromium } from '../../test/e2e/support/browser';
import { DASHBOARD_BUILD as RENDERER } from './dashboard-build';

const ROOT = path.resolve(__dirname, '../..');
const DAY_MS = 86_400_000;
const PROJECTS = 20;
const LINE_ITEMS = [
  'gpt-4o, input',
  'gpt-4o, output',
  'gpt-4o-mini, input',
  'gpt-4o-mini, output',
  'o3, output',
];

function gzipKb(files: string[]): number {
  const bytes = files.reduce(
    (sum, file) => sum + zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length,
    0,
  );
  return Math.round((bytes / 1024) * 10) / 10;
}

function jsFiles(dir: string): string[] {
  const assets = path.join(dir, 'assets');
  return fs
    .readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => path.join(assets, name));
}

/** React and react-dom alone, built by the same Vite: what any React dashboard starts from. */
async function reactBaselineKb(): Promise<number> {
  const { build } = await import('vite');
  const react = (await import('@vitejs/plugin-react')).default;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-bench-react-'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<div id="root"></div><script type="module" src="./main.tsx"></script>',
  );
  fs.writeFileSync(
    path.join(dir, 'main.tsx'),
    "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')!).render(<h1>Saldo</h1>);\n",
  );
  await build({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    plugins: [react()],
    resolve: {
      alias: {
        react: path.join(ROOT, 'node_modules/react'),
        'react-dom': path.join(ROOT, 'node_modules/react-dom'),
      },
    },
    build: { outDir: path.join(dir, 'dist'), emptyOutDir: true },
  });
  const kb = gzipKb(jsFiles(path.join(dir, 'dist')));
  fs.rmSync(dir, { recursive: true, force: true });
  return kb;
}

/** A year of daily costs for 20 projects over five line items, with some days idle. */
function yearOfCosts(now: number): DailyCost[] {
  const rows: DailyCost[] = [];
  for (let offset = 364; offset >= 0; offset--) {
    const day = new Date(now - offset * DAY_MS).toISOString().slice(0, 10);
    for (let project = 0; project < PROJECTS; project++) {
      LINE_ITEMS.forEach((lineItem, item) => {
        if ((offset + project + item) % 7 === 0) return;
        const amountMicros = 20_000 + ((offset * 37 + project * 101 + item * 13) % 400) * 1_000;
        rows.push({ day, amountMicros, lineItem, projectId: `proj_${String(project).padStart(2, '0')}` });
      });
    }
  }
  return rows;
}

/** A data directory holding that year, on the OpenAI backend, synced up to now. */
export function seedHome(now: number): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-bench-dashboard-'));
  const settings = openSettingsIn({ dir: home });
  if (!settings.ok) throw new Error(settings.error.message);
  settings.settings.update({ backend: 'openai' });
  const opened = openLedgerIn({ dir: home });
  if (!opened.ok) throw new Error(opened.error.message);
  const ledger = opened.ledger;
  const costs = yearOfCosts(now);
  const check = (result: { ok: boolean; error?: { message: string } }) => {
    if (!result.ok) throw new Error(result.error?.message);
  };
  check(ledger.replaceCosts(costs[0]!.day, costs));
  check(
    ledger.addPurchase({ amount: '50', at: new Date(now - 200 * DAY_MS).toISOString().slice(0, 19) + 'Z' }),
  );
  check(
    ledger.addBalance({ balance: '120', at: new Date(now - 300 * DAY_MS).toISOString().slice(0, 19) + 'Z' }),
  );
  check(ledger.setCursor({ costsAt: now, usageAt: now, balanceAt: now }));
  return home;
}

/** Records, in the page, when the first element matching `selector` appeared (ms since navigation). */
function appearanceProbe(selector: string): string {
  return `(() => {
    const selector = ${JSON.stringify(selector)};
    const mark = () => { if (!window.__appearedAt && document.querySelector(selector)) window.__appearedAt = performance.now(); };
    new MutationObserver(mark).observe(document, { childList: true, subtree: true, attributes: true });
  })();`;
}

// In-page code is passed as text: this script is typed for Node, which has no DOM types.
async function appearedAt(page: Page): Promise<number> {
  // A function, not text: the dashboard's CSP forbids evaluating strings while polling.
  await page.waitForFunction(
    () => (globalThis as { __appearedAt?: number }).__appearedAt !== undefined,
    null,
    {
      timeout: 30_000,
    },
  );
  return (await page.evaluate('window.__appearedAt')) as number;
}

/** Time from a click to the frame after the DOM under `selector` changed, measured in the page. */
async function clickToFrame(page: Page, click: () => Promise<void>, selector: string): Promise<number> {
  await page.evaluate(`(() => {
    window.__clickAt = undefined;
    window.__switch = new Promise((resolve) => {
      document.addEventListener('click', () => (window.__clickAt = performance.now()), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (window.__clickAt === undefined) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - window.__clickAt));
      });
      observer.observe(document.querySelector(${JSON.stringify(selector)}), {
        childList: true, subtree: true, attributes: true, characterData: true,
      });
    });
  })()`);
  await click();
  return (await page.evaluate('window.__switch')) as number;
}

const STATIC_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>baseline</title></head><body>
<fieldset><legend>Group by</legend><label><input type="radio" name="g" checked> Model</label><label><input type="radio" name="g" id="project"> Project</label></fieldset>
<div data-testid="spend-chart"><svg width="600" height="200"><rect class="recharts-bar-rectangle" width="10" height="10"/></svg></div>
<script src="/toggle.js"></script></body></html>`;
const STATIC_SCRIPT = `document.getElementById('project').addEventListener('change', () => {
  document.querySelector('[data-testid="spend-chart"] rect').setAttribute('height', '20');
});`;

/** The static baseline: the same probe and click on a page with no framework at all. */
async function staticBaseline(browser: Browser, runs: number): Promise<{ ready: number; switch: number }> {
  const server = http.createServer((req, res) => {
    const js = req.url === '/toggle.js';
    res.writeHead(req.url === '/favicon.ico' ? 204 : 200, {
      'Content-Type': js ? 'text/javascript' : 'text/html',
    });
    res.end(req.url === '/favicon.ico' ? undefined : js ? STATIC_SCRIPT : STATIC_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const ready: number[] = [];
  const switched: number[] = [];
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage();
    await page.addInitScript(appearanceProbe('[data-testid="spend-chart"] .recharts-bar-rectangle'));
    await page.goto(url);
    ready.push(await appearedAt(page));
    switched.push(await clickToFrame(page, () => page.click('#project'), '[data-testid="spend-chart"]'));
    await page.close();
  }
  server.close();
  return { ready: median(ready), switch: median(switched) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)]! * 10) / 10;
}

export async function benchDashboard(runs: number): Promise<Record<string, number>> {
  const figures: Record<string, number> = {
    renderer_js_gzip_kb: gzipKb(jsFiles(RENDERER)),
    renderer_js_gzip_kb_baseline: await reactBaselineKb(),
  };
  const now = Date.now();
  const sim = await startSimulator({ port: 0, scenario: 'empty', speed: Number.MIN_VALUE, startAt: now });
  const home = seedHome(now);
  const started = await startDashboardServer({
    env: {
      SALDO_HOME: home,
      OPENAI_ADMIN_KEY: 'sk-admin-fake-bench-dashboard-key',
      OPENAI_BASE_URL: sim.baseUrl,
    },
    port: 0,
    poll: false,
  });
  if (!started.ok) throw new Error(`${started.field}: ${started.message}`);
  const server = started.server;
  const browser = await launchChromium();
  try {
    const ready: number[] = [];
    const switched: number[] = [];
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.addInitScript(appearanceProbe('[data-testid="spend-chart"] .recharts-bar-rectangle'));
      await page.goto(`${server.url}/#/spend&token=${server.token}`);
      ready.push(await appearedAt(page));
      const project = page.getByRole('radio', { name: 'Project' });
      switched.push(await clickToFrame(page, () => project.click(), '[data-testid="spend-chart"]'));
      await page.close();
    }
    const baseline = await staticBaseline(browser, runs);
    figures.dashboard_ready_ms = median(ready);
    figures.dashboard_ready_ms_baseline = baseline.ready;
    figures.chart_switch_ms = median(switched);
    figures.chart_switch_ms_baseline = baseline.switch;
  } finally {
    await browser.close();
    await server.close();
    await sim.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
  return figures;
}
