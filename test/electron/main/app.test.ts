/**
 * The desktop app's wiring, end to end below Electron: the real bridge session on the real demo
 * simulator (frozen clock), real stores in a temp dir, the real preload bridge talking to main's real
 * IPC handlers — and FAKE ELECTRON (support/fake-electron.ts) in place of the binary that cannot run
 * here, recording windows, tray, menus and notifications.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/bridge/channels';
import { dashboardStateSchema } from '../../../shared/bridge/dashboard-state';
import { OPENAI_PAGES } from '../../../shared/openai-pages';
import { APP_ID, startSaldo, type RunningApp, type StartOptions } from '../../../electron/main/app';
import { SECURE_WEB_PREFERENCES } from '../../../electron/main/security';
import { CONTENT_SECURITY_POLICY } from '../../../electron/core/content-security-policy';
import { createPreloadBridge } from '../../../electron/preload/preload-bridge';
import { MemorySecretStore } from '../../../electron/core/secrets';
import { prepareDemo, prepareLowBalanceDemo } from '../support/demo-data-dir';
import { FakeElectron, FakePreventable, type FakeBrowserWindow } from './support/fake-electron';

const START_AT = Date.UTC(2026, 10, 20, 9, 30);
/** Next to frozen: the simulated clock moves only when a test advances it. */
const FROZEN = 1e-9;
const PAGE = 'saldo://app/index.html';
/** A built dashboard, as small as one: the page and one script. */
const RENDERER = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-renderer-'));
fs.mkdirSync(path.join(RENDERER, 'assets'));
fs.writeFileSync(
  path.join(RENDERER, 'index.html'),
  '<!doctype html><script type="module" src="./assets/app.js"></script>',
);
fs.writeFileSync(path.join(RENDERER, 'assets', 'app.js'), 'export {};');
afterAll(() => fs.rmSync(RENDERER, { recursive: true, force: true }));

// Each test runs the demo's first sync for real; under a full parallel run that can take a while.
vi.setConfig({ testTimeout: 60_000 });

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-main-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const silentLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

interface Started {
  fake: FakeElectron;
  app: RunningApp;
  dir: string;
  home: string;
}

async function start(
  options: { dir?: string; fake?: FakeElectron; platform?: NodeJS.Platform } & Partial<StartOptions> = {},
): Promise<Started> {
  const fake = options.fake ?? new FakeElectron();
  const dir = options.dir ?? tempDir();
  const home = tempDir();
  const app = await startSaldo({
    electron: fake,
    platform: options.platform ?? 'linux',
    env: {},
    home,
    paths: { renderer: { dir: RENDERER }, preload: '/app/out/preload/index.js', iconDir: '/app/assets/tray' },
    log: silentLog,
    executable: '/opt/Saldo/saldo',
    session: {
      dir,
      openSecrets: async () => new MemorySecretStore(),
      demo: { simulator: { startAt: START_AT, speed: FROZEN }, backend: { maxRetries: 0 } },
      client: { maxRetries: 0 },
    },
    ...options,
  });
  if (app === null) throw new Error('the app did not start');
  cleanups.push(() => app.shutdown());
  return { fake, app, dir, home };
}

/** The preload's bridge as the page in `window` has it, over main's real IPC handlers. */
function pageBridge(fake: FakeElectron, window: FakeBrowserWindow) {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  const bridge = createPreloadBridge({
    invoke: (channel, payload) => fake.ipcMain.invoke(channel, payload, window.topFrame()),
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      set.add(listener);
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  });
  return bridge;
}

async function until(condition: () => boolean, timeoutMs = 45_000): Promise<void> {
  const startedAt = Date.now();
  while (!condition()) {
    if (Date.now() - startedAt > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const synced = (fake: FakeElectron) => () => fake.tray.toolTip.includes('$');

/** Counts the polls the session starts from now on (the demo's clock is frozen, so times do not tell). */
function countPolls(app: RunningApp): () => number {
  let polls = 0;
  app.session.subscribe((event) => {
    if (event.name === 'sync:changed' && event.payload.state === 'syncing') polls += 1;
  });
  return () => polls;
}

describe('the desktop app starting', () => {
  it('on the first run opens the dashboard in a window with the secure webPreferences', async () => {
    const { fake } = await start();
    expect(fake.windows).toHaveLength(1);
    const window = fake.windows[0]!;
    expect(window.options.webPreferences).toEqual({
      ...SECURE_WEB_PREFERENCES,
      preload: '/app/out/preload/index.js',
    });
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(window.options.show).toBe(false);
    expect(window.loaded).toBe(`${PAGE}#/overview`);
    window.ready();
    expect(window.visible).toBe(true);
  });

  it('later starts stay in the tray: the window opens where it was closed', async () => {
    const dir = tempDir();
    const first = await start({ dir });
    const window = first.fake.windows[0]!;
    window.bounds = { x: 300, y: 200, width: 1000, height: 700 };
    window.close();
    await first.app.shutdown();

    const second = await start({ dir });
    expect(second.fake.windows).toHaveLength(0);
    second.fake.tray.clickItem('Open Saldo');
    expect(second.fake.windows[0]!.options).toMatchObject({ x: 300, y: 200, width: 1000, height: 700 });
  });

  it('a window left on a screen that is gone opens at its size, placed by the OS', async () => {
    const dir = tempDir();
    const first = await start({ dir });
    first.fake.windows[0]!.bounds = { x: 4000, y: 200, width: 1000, height: 700 };
    first.fake.windows[0]!.close();
    await first.app.shutdown();

    const second = await start({ dir });
    second.fake.tray.clickItem('Open Saldo');
    const options = second.fake.windows[0]!.options;
    expect(options).toMatchObject({ width: 1000, height: 700 });
    expect(options.x).toBeUndefined();
  });

  it('a second instance quits at once; the first brings its window forward', async () => {
    const { fake } = await start();
    const window = fake.windows[0]!;
    window.minimized = true;
    fake.app.emit('second-instance');
    expect(fake.windows).toHaveLength(1);
    expect(window.minimized).toBe(false);
    expect(window.focused).toBeGreaterThan(0);

    const other = new FakeElectron();
    other.app.hasLock = false;
    const second = await startSaldo({
      electron: other,
      platform: 'linux',
      env: {},
      home: tempDir(),
      paths: { renderer: { dir: RENDERER }, preload: '/p.js', iconDir: '/i' },
      log: silentLog,
      executable: '/x',
    });
    expect(second).toBeNull();
    expect(other.app.quits).toBe(1);
    expect(other.trays).toHaveLength(0);
    expect(other.windows).toHaveLength(0);
  });

  it('sets up the app: permissions denied, remote requests cancelled, the app menu, About, the Windows app id', async () => {
    const { fake } = await start({ platform: 'win32' });
    expect(fake.app.userModelId).toBe(APP_ID);
    let granted: boolean | null = null;
    fake.session.requestHandler!(null, 'notifications', (answer) => (granted = answer));
    expect(granted).toBe(false);
    expect(fake.session.checkHandler!(null, 'clipboard-read')).toBe(false);
    expect(fake.session.allows('https://platform.openai.com/')).toBe(false);
    expect(fake.session.allows(`${PAGE}#/overview`)).toBe(true);
    expect(fake.app.about).toMatchObject({ applicationName: 'Saldo', applicationVersion: '0.1.0' });
    expect(fake.appMenu?.map((item) => item.role)).toEqual(['fileMenu', 'editMenu', 'viewMenu', 'help']);
  });
});

describe('the dashboard under saldo://app', () => {
  it('is a standard, secure scheme registered before ready, serving the build with its CSP', async () => {
    const { fake } = await start();
    expect(fake.schemes).toEqual([
      { scheme: 'saldo', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const page = await fake.fetch(PAGE);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('./assets/app.js');
    const script = await fake.fetch('saldo://app/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('export {};');
  });

  it('never answers with a file outside the build, or for another host', async () => {
    const { fake } = await start();
    const secret = path.join(path.dirname(RENDERER), `${path.basename(RENDERER)}-secret.txt`);
    fs.writeFileSync(secret, 'not for the page');
    try {
      for (const address of [
        `saldo://app/../${path.basename(secret)}`,
        `saldo://app/%2e%2e/${path.basename(secret)}`,
        `saldo://app/assets/..%2f..%2f${path.basename(secret)}`,
      ]) {
        expect(await (await fake.fetch(address)).text(), address).not.toContain('not for the page');
      }
      expect((await fake.fetch('saldo://elsewhere/index.html')).status).toBe(404);
    } finally {
      fs.rmSync(secret, { force: true });
    }
  });
});

describe('the window', () => {
  it('closing it destroys it (no renderer at rest) and keeps the tray; the dock follows on macOS', async () => {
    const { fake, app } = await start({ platform: 'darwin' });
    const window = fake.windows[0]!;
    expect(fake.app.dockShown).toEqual([false, true]);
    window.close();
    expect(app.window.isOpen).toBe(false);
    expect(fake.app.dockShown.at(-1)).toBe(false);
    expect(fake.tray.destroyed).toBe(false);
    expect(fake.app.quits).toBe(0);
    // A dock click opens a new window.
    fake.app.emit('activate');
    expect(fake.windows).toHaveLength(2);
    expect(fake.windows[1]!.destroyed).toBe(false);
  });

  it('cannot navigate or open windows; allowed OpenAI pages go to the browser', async () => {
    const { fake } = await start();
    const contents = fake.windows[0]!.webContents;
    expect(contents.navigate('https://evil.example/')).toBe(false);
    expect(contents.navigate(OPENAI_PAGES.billing)).toBe(false);
    expect(contents.windowOpenHandler!({ url: OPENAI_PAGES.adminKeys })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'http://platform.openai.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual([OPENAI_PAGES.billing, OPENAI_PAGES.adminKeys]);
    const attach = new FakePreventable();
    contents.emit('will-attach-webview', attach);
    expect(attach.prevented).toBe(true);
  });
});

describe('the bridge over IPC', () => {
  it('answers every contract channel, and nothing else', async () => {
    const { fake } = await start();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('the page, through the preload, gets a checked snapshot at once when it subscribes', async () => {
    const { fake } = await start();
    const bridge = pageBridge(fake, fake.windows[0]!);
    const pushed: unknown[] = [];
    bridge.on('state:changed', (state) => pushed.push(state));
    await until(() => pushed.length > 0);
    expect(dashboardStateSchema.safeParse(pushed[0]).success).toBe(true);
    const answer = await bridge.call('settings:update', { pollIntervalMinutes: 0 });
    expect(answer).toEqual({
      ok: false,
      error: { field: 'pollIntervalMinutes', message: expect.stringContaining('at least 1') },
    });
  });

  it('refuses calls from a frame that is not Saldo’s own page, and unparsed payloads', async () => {
    const { fake } = await start();
    const window = fake.windows[0]!;
    const stateGet = (frame: { url: string; parent: unknown } | null) =>
      fake.ipcMain.invoke('state:get', {}, frame);
    expect(await stateGet({ url: 'https://evil.example/', parent: null })).toMatchObject({
      ok: false,
      error: { field: 'sender' },
    });
    expect(await stateGet({ ...window.topFrame(), parent: {} })).toMatchObject({
      ok: false,
      error: { field: 'sender' },
    });
    expect(await stateGet(null)).toMatchObject({ ok: false, error: { field: 'sender' } });
    expect(await stateGet(window.topFrame())).toMatchObject({ ok: true });
    expect(
      await fake.ipcMain.invoke('ledger:add-purchase', 'not an object', window.topFrame()),
    ).toMatchObject({
      ok: false,
      error: { field: 'request' },
    });
  });

  it('forwards events to the open window only', async () => {
    const { fake, app } = await start();
    const window = fake.windows[0]!;
    await until(() => window.webContents.sent.some((sent) => sent.channel === 'sync:changed'));
    window.close();
    const before = window.webContents.sent.length;
    await app.session.handlers['sync:refresh-now']({});
    expect(window.webContents.sent).toHaveLength(before);
  });
});

describe('the tray', () => {
  it('shows the balance in the tooltip and menu, with the actions of ux.md', async () => {
    const { fake } = await start();
    await until(synced(fake));
    const labels = fake.tray.menu.map((item) => item.label ?? item.type);
    expect(labels.slice(-6)).toEqual([
      'separator',
      expect.stringMatching(/^Refresh now/),
      'Buy credit on OpenAI…',
      'Open Saldo',
      'separator',
      'Quit Saldo',
    ]);
    expect(fake.tray.menu[0]).toMatchObject({ enabled: false, label: expect.stringContaining('$') });
    expect(fake.tray.toolTip.length).toBeLessThan(127);
    expect(fake.tray.image).toBe(path.join('/app/assets/tray', 'demo.png'));

    fake.tray.clickItem('Buy credit on OpenAI…');
    expect(fake.opened).toEqual([OPENAI_PAGES.billing]);
  });

  it('follows the state: a balance below the threshold turns it low, and back', async () => {
    const dir = tempDir();
    prepareDemo(dir);
    const { fake, app } = await start({ dir });
    await until(synced(fake));
    expect(fake.tray.image).toMatch(/demo\.png$/);
    await app.session.handlers['settings:update']({ lowBalanceThreshold: '100000' });
    await until(() => fake.tray.image.endsWith('low.png'));
    expect(fake.tray.menu.map((item) => item.label)).toContain(
      'Low balance: below your threshold of $100,000.00.',
    );
    await app.session.handlers['settings:update']({ lowBalanceThreshold: '5' });
    await until(() => fake.tray.image.endsWith('demo.png'));
  });

  it('uses template images and the title on macOS', async () => {
    const { fake } = await start({ platform: 'darwin' });
    await until(synced(fake));
    expect(fake.tray.image).toMatch(/demoTemplate\.png$/);
    expect(fake.tray.title).toMatch(/^\$/);
  });

  it('Refresh now polls; Quit closes the session before Electron quits', async () => {
    const { fake, app } = await start();
    await until(synced(fake));
    const polls = countPolls(app);
    fake.tray.clickItem(fake.tray.menu.find((item) => item.label?.startsWith('Refresh now'))!.label!);
    await until(() => polls() === 1);
    fake.tray.clickItem('Quit Saldo');
    await until(() => fake.app.quits === 2);
    expect(app.session.snapshot()).toBeNull();
    expect(fake.tray.destroyed).toBe(true);
  });
});

describe('notifications', () => {
  it('an alert the rules decide becomes one native notification; a click opens its view', async () => {
    const dir = tempDir();
    prepareLowBalanceDemo(dir);
    const { fake } = await start({ dir });
    await until(() => fake.notifications.length > 0);
    const [notification] = fake.notifications;
    expect(fake.notifications).toHaveLength(1);
    expect(notification!.shown).toBe(true);
    expect(notification!.options).toMatchObject({
      id: 'low-balance',
      groupId: 'saldo-low-balance',
      title: expect.stringContaining('Low balance'),
      urgency: 'normal',
    });
    // The window is open (first run): the click brings it forward on the alert's view.
    const window = fake.windows[0]!;
    notification!.emit('click');
    expect(window.webContents.sent).toContainEqual({ channel: 'app:open-view', args: ['overview'] });
    // Closed, a click opens a new window on that view.
    window.close();
    notification!.emit('click');
    expect(fake.windows[1]!.loaded).toBe(`${PAGE}#/overview`);
  });

  it('shows nothing where the OS has no notifications', async () => {
    const dir = tempDir();
    prepareLowBalanceDemo(dir);
    const fake = new FakeElectron();
    fake.notificationsSupported = false;
    const { app } = await start({ dir, fake });
    await until(() => app.session.snapshot()?.alerts.current.length !== 0);
    expect(fake.notifications).toHaveLength(0);
    expect(await app.session.handlers['notifications:test']({})).toEqual({
      ok: false,
      error: { field: 'notifications', message: 'This system does not show notifications.' },
    });
  });

  it('Settings can send a test notification, silent when the sound is off; a click opens Settings', async () => {
    const { fake } = await start();
    const bridge = pageBridge(fake, fake.windows[0]!);
    expect(await bridge.call('notifications:test', {})).toEqual({ ok: true, value: { shown: true } });
    expect(fake.notifications.at(-1)!.options).toMatchObject({
      id: 'saldo-test',
      title: 'Saldo notifications work',
      silent: false,
    });
    expect(await bridge.call('settings:update', { notificationSound: false })).toMatchObject({ ok: true });
    await bridge.call('notifications:test', {});
    expect(fake.notifications.at(-1)!.options).toMatchObject({ silent: true });
    fake.notifications.at(-1)!.emit('click');
    expect(fake.windows[0]!.webContents.sent).toContainEqual({
      channel: 'app:open-view',
      args: ['settings'],
    });
  });
});

describe('power and network', () => {
  it('suspend pauses, resume polls at once; offline is told and dims the tray', async () => {
    const { fake, app } = await start();
    await until(synced(fake));
    fake.powerMonitor.emit('suspend');
    // A poll in flight finishes; none follows it.
    await until(() => app.session.snapshot()?.sync.state === 'paused');
    const polls = countPolls(app);
    fake.powerMonitor.emit('resume');
    await until(() => polls() === 1);
    fake.powerMonitor.emit('lock-screen');
    await until(() => app.session.snapshot()?.sync.state === 'paused');
    fake.powerMonitor.emit('unlock-screen');
    await until(() => app.session.snapshot()?.sync.state !== 'paused');

    fake.online = false;
    fake.powerMonitor.emit('suspend');
    fake.powerMonitor.emit('resume');
    await until(() => fake.tray.image.endsWith('offline.png'));
    expect(app.session.snapshot()!.sync.state).toBe('offline');
  });
});

describe('launch at login', () => {
  it('on Linux writes and removes an autostart entry', async () => {
    const { app, home } = await start();
    const entry = path.join(home, '.config', 'autostart', 'saldo.desktop');
    expect(fs.existsSync(entry)).toBe(false);
    await app.session.handlers['settings:update']({ launchAtLogin: true });
    await until(() => fs.existsSync(entry));
    expect(fs.readFileSync(entry, 'utf8')).toContain('Exec="/opt/Saldo/saldo"');
    await app.session.handlers['settings:update']({ launchAtLogin: false });
    await until(() => !fs.existsSync(entry));
  });

  it('on macOS and Windows sets the login item', async () => {
    const { fake, app } = await start({ platform: 'darwin' });
    await app.session.handlers['settings:update']({ launchAtLogin: true });
    await until(() => fake.app.loginItem.openAtLogin);
  });
});
