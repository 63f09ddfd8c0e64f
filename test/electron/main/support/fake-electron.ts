/**
 * FAKE ELECTRON. The Electron binary cannot be downloaded on the build machines, so the main
 * process's wiring is tested against this stand-in: it implements `ElectronEdge` (the compiler holds
 * it to the same interface the real module is checked against in electron/main/index.ts) and records
 * what main asked of it, so tests can assert on windows, tray, menus, notifications and IPC. Nothing
 * under test is faked: the session, stores, simulator and rules behind it are the real ones.
 */
import type {
  AppEdge,
  BrowserWindowConstructorOptions,
  ElectronEdge,
  FrameEdge,
  IpcMainEdge,
  MenuEdge,
  MenuItemConstructorOptions,
  NotificationEdge,
  PreventableEvent,
  Rectangle,
  SessionEdge,
  TrayEdge,
  WebContentsEdge,
  WindowEdge,
} from '../../../../electron/main/electron-edge';

type Listener = (...args: never[]) => unknown;

/** on/once/emit, as Electron's EventEmitter-based classes have them. */
class Emitter {
  readonly #listeners = new Map<string, { listener: Listener; once: boolean }[]>();

  on(event: string, listener: Listener): this {
    this.#add(event, listener, false);
    return this;
  }

  once(event: string, listener: Listener): this {
    this.#add(event, listener, true);
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    const listeners = this.#listeners.get(event) ?? [];
    this.#listeners.set(
      event,
      listeners.filter((entry) => !entry.once),
    );
    for (const { listener } of listeners) (listener as (...args: unknown[]) => unknown)(...args);
  }

  listenerCount(event: string): number {
    return this.#listeners.get(event)?.length ?? 0;
  }

  #add(event: string, listener: Listener, once: boolean): void {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), { listener, once }]);
  }
}

export class FakePreventable implements PreventableEvent {
  prevented = false;
  preventDefault(): void {
    this.prevented = true;
  }
}

export class FakeWebContents extends Emitter implements WebContentsEdge {
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  /** What the page would go through to navigate: true when main let it. */
  navigate(url: string): boolean {
    const event = new FakePreventable();
    this.emit('will-navigate', event, url);
    return !event.prevented;
  }
}

export class FakeBrowserWindow extends Emitter implements WindowEdge {
  readonly webContents = new FakeWebContents();
  /** The address it was asked to load. */
  loaded: string | null = null;
  visible = false;
  focused = 0;
  minimized = false;
  maximized = false;
  destroyed = false;
  bounds: Rectangle;

  constructor(
    readonly options: BrowserWindowConstructorOptions,
    private readonly fake: FakeElectron,
  ) {
    super();
    this.bounds = {
      x: options.x ?? 100,
      y: options.y ?? 100,
      width: options.width ?? 800,
      height: options.height ?? 600,
    };
    fake.windows.push(this);
  }

  async loadURL(url: string): Promise<void> {
    this.loaded = url;
  }

  show(): void {
    this.visible = true;
  }

  focus(): void {
    this.focused += 1;
  }

  restore(): void {
    this.minimized = false;
  }

  maximize(): void {
    this.maximized = true;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  getNormalBounds(): Rectangle {
    return this.bounds;
  }

  /** The page finished its first paint. */
  ready(): void {
    this.emit('ready-to-show');
  }

  /** The user closed the window: Electron emits close, destroys it, then emits closed. */
  close(): void {
    this.emit('close');
    this.destroyed = true;
    this.emit('closed');
  }

  /** The frame of this window's page, as an IPC event carries it. */
  topFrame(): FrameEdge {
    return { url: this.loaded ?? '', parent: null };
  }
}

export class FakeTray extends Emitter implements TrayEdge {
  image: string;
  toolTip = '';
  title = '';
  menu: MenuItemConstructorOptions[] = [];
  destroyed = false;

  constructor(image: string) {
    super();
    this.image = image;
  }

  setImage(image: string): void {
    this.image = image;
  }

  setToolTip(toolTip: string): void {
    this.toolTip = toolTip;
  }

  setTitle(title: string): void {
    this.title = title;
  }

  setContextMenu(menu: MenuEdge | null): void {
    this.menu = (menu?.items ?? []) as MenuItemConstructorOptions[];
  }

  destroy(): void {
    this.destroyed = true;
  }

  /** Clicks the menu item with this label. */
  clickItem(label: string): void {
    const item = this.menu.find((entry) => entry.label === label);
    if (item?.click === undefined) throw new Error(`no clickable tray item "${label}"`);
    (item.click as () => void)();
  }
}

export class FakeNotification extends Emitter implements NotificationEdge {
  shown = false;

  constructor(
    readonly options: ConstructorParameters<ElectronEdge['Notification']>[0],
    fake: FakeElectron,
  ) {
    super();
    fake.notifications.push(this);
  }

  show(): void {
    this.shown = true;
  }
}

export class FakeIpcMain implements IpcMainEdge {
  readonly handlers = new Map<
    string,
    (event: { senderFrame: FrameEdge | null }, payload: unknown) => Promise<unknown>
  >();

  handle(
    channel: string,
    listener: (event: { senderFrame: FrameEdge | null }, payload: unknown) => Promise<unknown>,
  ): void {
    if (this.handlers.has(channel)) throw new Error(`a second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What `ipcRenderer.invoke` from `frame` would get. */
  invoke(channel: string, payload: unknown, frame: FrameEdge | null): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return handler({ senderFrame: frame }, payload);
  }
}

export class FakeSession implements SessionEdge {
  requestHandler:
    ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  checkHandler: ((contents: unknown, permission: string) => boolean) | null = null;
  beforeRequest:
    ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | null = null;
  readonly webRequest = {
    onBeforeRequest: (listener: FakeSession['beforeRequest']) => {
      this.beforeRequest = listener;
    },
  };

  /** Whether a request for `url` would go ahead. */
  allows(url: string): boolean {
    let cancelled: boolean | null = null;
    this.beforeRequest!({ url }, ({ cancel }) => (cancelled = cancel));
    return cancelled === false;
  }

  setPermissionRequestHandler(handler: FakeSession['requestHandler']): void {
    this.requestHandler = handler;
  }

  setPermissionCheckHandler(handler: FakeSession['checkHandler']): void {
    this.checkHandler = handler;
  }
}

export class FakeApp extends Emitter implements AppEdge {
  hasLock = true;
  quits = 0;
  userModelId: string | null = null;
  about: Record<string, unknown> | null = null;
  loginItem = { openAtLogin: false };
  readonly dockShown: boolean[] = [];
  readonly dock = {
    show: async () => void this.dockShown.push(true),
    hide: () => void this.dockShown.push(false),
  };

  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  }

  async whenReady(): Promise<void> {}

  quit(): void {
    this.quits += 1;
    const event = new FakePreventable();
    this.emit('before-quit', event);
  }

  exit(): void {
    this.quits += 1;
  }

  getVersion(): string {
    return '0.1.0';
  }

  getAppPath(): string {
    return '/fake/app';
  }

  getPath(name: 'userData' | 'logs'): string {
    return `/fake/${name}`;
  }

  setAppUserModelId(id: string): void {
    this.userModelId = id;
  }

  setAboutPanelOptions(options: Record<string, unknown>): void {
    this.about = options;
  }

  getLoginItemSettings(): { openAtLogin: boolean } {
    return this.loginItem;
  }

  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    this.loginItem = { openAtLogin: settings.openAtLogin };
  }
}

/** The whole fake module: one per test. */
export class FakeElectron implements ElectronEdge {
  readonly windows: FakeBrowserWindow[] = [];
  readonly trays: FakeTray[] = [];
  readonly notifications: FakeNotification[] = [];
  readonly opened: string[] = [];
  readonly errorBoxes: { title: string; content: string }[] = [];
  appMenu: MenuItemConstructorOptions[] | null = null;
  online = true;
  notificationsSupported = true;
  displays: Rectangle[] = [{ x: 0, y: 0, width: 1920, height: 1080 }];

  readonly app = new FakeApp();
  readonly ipcMain = new FakeIpcMain();
  readonly powerMonitor = new Emitter();
  readonly session = new FakeSession();
  readonly BrowserWindow: new (options: BrowserWindowConstructorOptions) => FakeBrowserWindow;
  readonly Tray: new (image: string) => FakeTray;
  readonly Notification: ElectronEdge['Notification'];

  readonly Menu = {
    buildFromTemplate: (template: MenuItemConstructorOptions[]): MenuEdge => ({ items: template }),
    setApplicationMenu: (menu: MenuEdge | null) => {
      this.appMenu = (menu?.items ?? null) as MenuItemConstructorOptions[] | null;
    },
  };

  readonly shell = {
    openExternal: async (url: string) => {
      this.opened.push(url);
    },
  };

  readonly net = { isOnline: () => this.online };
  readonly screen = { getAllDisplays: () => this.displays.map((workArea) => ({ workArea })) };
  readonly schemes: { scheme: string; privileges: Record<string, boolean> }[] = [];
  readonly protocolHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  readonly protocol = {
    registerSchemesAsPrivileged: (schemes: { scheme: string; privileges: Record<string, boolean> }[]) => {
      if (this.ready) throw new Error('schemes must be registered before the app is ready');
      this.schemes.push(...schemes);
    },
    handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) => {
      if (!this.ready) throw new Error('protocol.handle before the app is ready');
      this.protocolHandlers.set(scheme, handler);
    },
  };
  /** Whether `app.whenReady()` has resolved: Electron refuses some calls before, some after. */
  ready = false;

  /** What the page would get for `url` from a handled scheme. */
  async fetch(url: string): Promise<Response> {
    const handler = this.protocolHandlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (handler === undefined) throw new Error(`no handler for ${url}`);
    return handler(new Request(url));
  }

  readonly dialog = {
    showErrorBox: (title: string, content: string) => void this.errorBoxes.push({ title, content }),
  };
  /** Never called by the wiring tests' app: the session gets its key store from the test. */
  readonly safeStorage = {
    isEncryptionAvailable: () => false,
    encryptString: (): Buffer => {
      throw new Error('the fake has no encryption');
    },
    decryptString: (): string => {
      throw new Error('the fake has no encryption');
    },
  };

  constructor() {
    this.app.whenReady = async () => {
      this.ready = true;
    };
    // Classes bound to this fake, so each test's windows and trays are its own.
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the classes below need it by name
    const fake = this;
    this.BrowserWindow = class extends FakeBrowserWindow {
      constructor(options: BrowserWindowConstructorOptions) {
        super(options, fake);
      }
    };
    this.Tray = class extends FakeTray {
      constructor(image: string) {
        super(image);
        fake.trays.push(this);
      }
    };
    this.Notification = class extends FakeNotification {
      static isSupported(): boolean {
        return fake.notificationsSupported;
      }
      constructor(options: ConstructorParameters<ElectronEdge['Notification']>[0]) {
        super(options, fake);
      }
    };
  }

  defaultSession(): SessionEdge {
    return this.session;
  }

  /** The one tray main made. */
  get tray(): FakeTray {
    const tray = this.trays[0];
    if (tray === undefined) throw new Error('main made no tray');
    return tray;
  }

  /** The window that is open now, if any. */
  get openWindow(): FakeBrowserWindow | undefined {
    return this.windows.find((window) => !window.destroyed);
  }
}
