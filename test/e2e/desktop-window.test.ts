/**
 * The desktop window as far as this machine can have it: the desktop build's dashboard in real
 * Chromium (Electron's engine), under its own CSP, with the BUILT preload running in the page and
 * exposing `window.saldo`, talking to main's real IPC handlers over the real session on the demo
 * account. What only the Electron binary could add is stood in for:
 * - the `saldo://app` scheme: Chromium alone cannot register it, so an HTTP server on 127.0.0.1
 *   answers with main's own `rendererResponse` (the same files, types and CSP header);
 * - FAKE ELECTRON (test/electron/main/support): `contextBridge`/`ipcRenderer` in the page are shims
 *   that carry calls to the fake `ipcMain`, with the page's own URL as the sender frame, and main's
 *   `webContents.send` back into the page.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSaldo, type RunningApp } from '../../electron/main/app';
import { rendererResponse } from '../../electron/main/app-protocol';
import { MemorySecretStore } from '../../electron/core/secrets';
import { FakeElectron } from '../electron/main/support/fake-electron';
import { buildDesktop } from '../support/built-desktop';
import { collectPageProblems, launchChromium } from './support/browser';

const START_AT = Date.UTC(2026, 10, 20, 9, 30);

let work: string;
let browser: Browser;
let page: Page;
let fake: FakeElectron;
let app: RunningApp;
let problems: string[];
let closeServer: (() => Promise<void>) | undefined;

/** Runs in the page before its scripts: what Electron would give the sandboxed preload. */
function electronShim(): void {
  type Listener = (event: unknown, payload: unknown) => void;
  const scope = globalThis as unknown as Record<string, unknown>;
  const listeners = new Map<string, Set<Listener>>();
  scope.__saldoDeliver = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({}, payload);
  };
  scope.__electronShim = {
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) =>
        Object.defineProperty(globalThis, key, { value: Object.freeze(api) }),
    },
    ipcRenderer: {
      invoke: (channel: string, payload: unknown) =>
        (scope.__saldoInvoke as (c: string, p: unknown) => Promise<unknown>)(channel, payload),
      on: (channel: string, listener: Listener) => {
        const set = listeners.get(channel) ?? new Set<Listener>();
        listeners.set(channel, set);
        set.add(listener);
      },
      removeListener: (channel: string, listener: Listener) => listeners.get(channel)?.delete(listener),
    },
  };
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-desktop-window-'));
  const out = path.join(work, 'out');
  // Its own output folder: the tooling suite builds into out/ at the same time.
  await buildDesktop(out);
  const server = http.createServer((request, response) => {
    void (async () => {
      const answer = await rendererResponse(path.join(out, 'renderer'), `saldo://app${request.url ?? '/'}`);
      response.writeHead(answer.status, Object.fromEntries(answer.headers));
      response.end(Buffer.from(await answer.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closeServer = () => new Promise((resolve) => server.close(() => resolve()));
  const pageUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`;
  const preload = fs.readFileSync(path.join(out, 'preload', 'index.js'), 'utf8');

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
  problems = collectPageProblems(page);
  await page.exposeFunction('__saldoInvoke', (channel: string, payload: unknown) =>
    fake.ipcMain.invoke(channel, payload, { url: page.mainFrame().url(), parent: null }),
  );
  await page.addInitScript(electronShim);
  // The built preload, as Electron runs it: CommonJS, `require('electron')` its only import.
  await page.addInitScript({
    content: `(function (module, exports, require) {\n${preload}\n})({ exports: {} }, {}, (name) => {
      if (name !== 'electron') throw new Error('the sandboxed preload required ' + name);
      return window.__electronShim;
    });`,
  });

  fake = new FakeElectron();
  const dir = path.join(work, 'data');
  const started = await startSaldo({
    electron: fake,
    platform: 'linux',
    env: {},
    home: path.join(work, 'home'),
    paths: {
      renderer: { devServer: pageUrl },
      preload: path.join(out, 'preload', 'index.js'),
      iconDir: '/app/assets/tray',
    },
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    executable: '/opt/Saldo/saldo',
    session: {
      dir,
      openSecrets: async () => new MemorySecretStore(),
      demo: { simulator: { startAt: START_AT, speed: 1e-9 }, backend: { maxRetries: 0 } },
      client: { maxRetries: 0 },
    },
  });
  if (started === null) throw new Error('the app did not start');
  app = started;
  // Main's events for the window go into the page, where the shim hands them to the preload.
  const contents = fake.windows[0]!.webContents;
  contents.send = (channel: string, ...args: unknown[]) => {
    contents.sent.push({ channel, args });
    void page
      .evaluate(
        ([name, payload]) =>
          (globalThis as unknown as { __saldoDeliver(c: unknown, p: unknown): void }).__saldoDeliver(
            name,
            payload,
          ),
        [channel, args[0]],
      )
      .catch(() => undefined);
  };
  await page.goto(fake.windows[0]!.loaded!);
}, 120_000);

afterAll(async () => {
  await app?.shutdown();
  await browser?.close();
  await closeServer?.();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('the desktop window (built dashboard and preload, real Chromium, fake Electron)', () => {
  it('shows the demo account through window.saldo, and the page carries the CSP as a header too', async () => {
    await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
    expect(
      await page.evaluate(() => Object.keys((globalThis as unknown as { saldo: object }).saldo).sort()),
    ).toEqual(['call', 'on']);
    await page.getByText('Demo', { exact: true }).first().waitFor();
    expect(page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/index\.html#\/overview$/);
    const answer = await page.request.get(page.url());
    expect(answer.headers()['content-security-policy']).toContain("script-src 'self'");
  });

  it('opens the view main asks for, as after a notification click', async () => {
    app.window.open('credits');
    await page.getByRole('heading', { level: 1, name: 'Credits' }).waitFor();
  });

  it('turns launch at login on from Settings, down to the autostart entry on disk', async () => {
    app.window.open('settings');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const launch = page.getByRole('checkbox', { name: 'Start Saldo when you log in' });
    expect(await launch.isEnabled()).toBe(true);
    await launch.click();
    const entry = path.join(work, 'home', '.config', 'autostart', 'saldo.desktop');
    await expect.poll(() => fs.existsSync(entry), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => launch.isChecked()).toBe(true);
  });

  it('sends a test notification from Settings', async () => {
    await page.getByRole('button', { name: 'Send a test notification' }).click();
    await page
      .getByText('Sent. If nothing appeared, allow notifications for Saldo in your system settings.')
      .waitFor();
    expect(fake.notifications.at(-1)!.options).toMatchObject({
      id: 'saldo-test',
      title: 'Saldo notifications work',
    });
  });

  it('logged no errors and no CSP violation in the page', () => {
    expect(problems).toEqual([]);
  });
});
