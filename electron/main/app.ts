/**
 * The desktop app, composed: one instance, in the tray from the start, the dashboard window on
 * demand (and on the first run), the monitor core in-process behind the bridge session, native
 * notifications for what the alert rules decide, and polling that follows sleep and the network.
 * Everything Electron is reached through `ElectronEdge`, so this runs in the wiring tests with a fake.
 */
import type { DashboardState } from '../../shared/bridge/dashboard-state';
import type { ViewName } from '../../shared/bridge/views';
import { OPENAI_PAGES } from '../../shared/openai-pages';
import { openBridgeSession, type BridgeSession, type BridgeSessionOptions } from '../core/bridge';
import { syncLogLine, type Logger } from '../core/log';
import { dataDir } from '../core/stores';
import { openWindowStateStore } from '../core/window/window-state-store';
import { ABOUT, appMenuTemplate } from './app-menu';
import { APP_PAGE_URL, registerAppScheme, serveAppFiles } from './app-protocol';
import { DesktopNotifier } from './desktop-notifier';
import type { ElectronEdge } from './electron-edge';
import { appFrameCheck, sendEvent, serveBridge } from './ipc';
import { applyLoginItem } from './login-item';
import { MainWindow } from './main-window';
import { watchPower } from './power';
import { blockRemoteRequests, denyPermissions } from './security';
import { TrayController } from './tray-controller';

/** Windows shows no notification for an app without its AppUserModelID (Electron notifications docs). */
export const APP_ID = 'app.saldo.desktop';

/** The window refreshes what it shows when it opens, unless a poll ran this recently. */
const FRESH_ON_OPEN_MS = 60_000;

export interface AppPaths {
  /** The built dashboard's folder (served as saldo://app), or the dev server (`npm run dev`). */
  renderer: { dir: string } | { devServer: string };
  preload: string;
  /** assets/tray inside the app. */
  iconDir: string;
}

export interface StartOptions {
  electron: ElectronEdge;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  paths: AppPaths;
  log: Logger;
  /** What starts Saldo again at login. */
  executable: string;
  development?: boolean;
  /** The session's edges: the key store, the store class (electron-store), test clocks. */
  session?: Omit<BridgeSessionOptions, 'env' | 'notifier'>;
}

export interface RunningApp {
  readonly session: BridgeSession;
  readonly window: MainWindow;
  readonly tray: TrayController;
  /** Closes the session (a poll in flight finishes), then lets Electron quit. */
  shutdown(): Promise<void>;
}

/**
 * Starts Saldo; null when another instance runs (that one is brought forward instead) or when the
 * data cannot be opened (the user is told why).
 */
export async function startSaldo(options: StartOptions): Promise<RunningApp | null> {
  const { electron, platform, log } = options;
  const { app } = electron;
  const { renderer } = options.paths;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  let running: RunningApp | null = null;
  let window: MainWindow | null = null;
  const pendingOpen: (ViewName | undefined)[] = [];
  const openWindow = (view?: ViewName) => (window === null ? pendingOpen.push(view) : window.open(view));
  app.on('second-instance', () => openWindow());
  // macOS: a click on the dock icon opens the window.
  app.on('activate', () => openWindow());
  // A tray app stays when its window closes; only Quit ends it.
  app.on('window-all-closed', () => undefined);
  let quitting = false;
  app.on('before-quit', (event) => {
    if (running === null || quitting) return;
    // Held until the session closed: a sync in flight writes its result before Saldo goes.
    event.preventDefault();
    quitting = true;
    void running.shutdown().finally(() => app.quit());
  });

  if ('dir' in renderer) registerAppScheme(electron);
  await app.whenReady();
  if (platform === 'win32') app.setAppUserModelId(APP_ID);
  denyPermissions(electron.defaultSession());
  const devServer = 'devServer' in renderer ? renderer.devServer : null;
  blockRemoteRequests(electron.defaultSession(), devServer);
  if ('dir' in renderer) serveAppFiles(electron, renderer.dir);
  const pageUrl = devServer ?? APP_PAGE_URL;
  electron.Menu.setApplicationMenu(
    electron.Menu.buildFromTemplate(appMenuTemplate(platform, options.development === true)),
  );
  app.setAboutPanelOptions({ ...ABOUT, applicationVersion: app.getVersion() });
  // Tray-first: the dock icon shows only while the window is open.
  app.dock?.hide();

  const dir = options.session?.dir ?? dataDir(options.env, platform, options.home);
  const windowState = openWindowStateStore({ dir, storeClass: options.session?.storeClass });
  if (!windowState.ok) log.warn(`window.json: ${windowState.error.message}`);
  else if (windowState.notice !== null) log.warn(windowState.notice);

  const notifier = new DesktopNotifier(electron.Notification, (view) => openWindow(view));
  const opened = await openBridgeSession({ ...options.session, env: options.env, notifier });
  if (!opened.ok) {
    log.error(`Saldo could not start: ${opened.field}: ${opened.message}`);
    electron.dialog.showErrorBox('Saldo could not start', `${opened.field}: ${opened.message}`);
    app.quit();
    return null;
  }
  const { session } = opened;
  for (const notice of session.takeNotices()) log.warn(notice);
  /** The snapshot as last told (with the newest sync status): what the tray and the window read. */
  let last: DashboardState | null = session.snapshot();

  const refresh = () => void session.handlers['sync:refresh-now']({});
  const mainWindow = new MainWindow({
    electron,
    pageUrl,
    preload: options.paths.preload,
    windowState: windowState.ok ? windowState.store : null,
    onOpenChanged: (open) => {
      if (open) {
        void app.dock?.show();
        const lastAttempt = last?.sync.lastAttemptAt ?? null;
        if (lastAttempt === null || Date.now() - lastAttempt > FRESH_ON_OPEN_MS) refresh();
      } else {
        app.dock?.hide();
      }
    },
    onError: (message) => log.warn(message),
  });
  const tray = new TrayController({
    electron,
    platform,
    iconDir: options.paths.iconDir,
    actions: {
      refresh,
      open: () => mainWindow.open(),
      buyCredit: () => void electron.shell.openExternal(OPENAI_PAGES.billing),
      quit: () => app.quit(),
    },
  });

  const followSettings = (state: DashboardState) => {
    const applied = applyLoginItem(
      { app, platform, env: options.env, executable: options.executable, home: options.home },
      state.settings.launchAtLogin,
    );
    if (!applied.ok) log.warn(applied.message);
  };
  tray.update(last);
  if (last !== null) followSettings(last);
  const unsubscribe = session.subscribe((event) => {
    const contents = mainWindow.contents;
    if (contents !== null) sendEvent(contents, event.name, event.payload);
    const sync =
      event.name === 'state:changed'
        ? event.payload.sync
        : event.name === 'sync:changed'
          ? event.payload
          : null;
    const line = sync === null ? null : syncLogLine(last?.sync ?? null, sync);
    if (line !== null) log[line.level](line.text);
    if (event.name === 'state:changed') {
      if (last?.settings.launchAtLogin !== event.payload.settings.launchAtLogin)
        followSettings(event.payload);
      last = event.payload;
    } else if (event.name === 'sync:changed' && last !== null) {
      // The sync status alone changed: no need to build the whole snapshot again.
      last = { ...last, sync: event.payload };
    }
    tray.update(last);
  });

  const stopServing = serveBridge(electron, session.handlers, appFrameCheck(pageUrl));
  const stopWatching = watchPower(electron, session);
  session.start();

  window = mainWindow;
  // The first run opens the window, so a new user sees more than an icon; later starts stay in the tray.
  const firstRun = windowState.ok && windowState.store.read().bounds === null;
  if (firstRun && pendingOpen.length === 0) pendingOpen.push(undefined);
  for (const view of pendingOpen.splice(0)) mainWindow.open(view);

  running = {
    session,
    window: mainWindow,
    tray,
    shutdown: async () => {
      stopWatching();
      stopServing();
      unsubscribe();
      await session.close();
      tray.destroy();
    },
  };
  log.info(`Saldo ${app.getVersion()} started on the ${session.backend()?.backend ?? 'unknown'} backend`);
  return running;
}
