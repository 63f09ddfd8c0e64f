/**
 * The slice of Electron the main process uses, as interfaces of our own. `index.ts` hands the real
 * module in, so the compiler checks Electron's own typings against every line here; the wiring
 * tests hand in a recording fake (test/electron/main/support/fake-electron.ts), because the
 * Electron binary cannot run on the build machines. Nothing else in electron/main imports 'electron'
 * at runtime.
 */
/* eslint-disable @typescript-eslint/unified-signatures --
   one overload per event, as Electron declares them: a union of event names would not match
   Electron's own overloads, and the compiler check in index.ts would fail. */
import type {
  BrowserWindowConstructorOptions,
  MenuItemConstructorOptions,
  NotificationConstructorOptions,
  Rectangle,
} from 'electron';
import type { SafeStorageApi } from '../core/secrets/safe-storage';

export type { BrowserWindowConstructorOptions, MenuItemConstructorOptions, Rectangle };

/** Electron's navigation events carry more; this is what the guards read. */
export interface PreventableEvent {
  preventDefault(): void;
}

export interface WebContentsEdge {
  send(channel: string, ...args: unknown[]): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
}

export interface WindowEdge {
  readonly webContents: WebContentsEdge;
  loadURL(url: string): Promise<void>;
  show(): void;
  focus(): void;
  restore(): void;
  maximize(): void;
  isMinimized(): boolean;
  isMaximized(): boolean;
  isDestroyed(): boolean;
  getNormalBounds(): Rectangle;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
}

/** The parts of a frame the IPC guard reads: only the top frame of our own page may call. */
export interface FrameEdge {
  readonly url: string;
  readonly parent: unknown;
}

export interface InvokeEventEdge {
  readonly senderFrame: FrameEdge | null;
}

export interface IpcMainEdge {
  handle(channel: string, listener: (event: InvokeEventEdge, payload: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface MenuEdge {
  readonly items: readonly unknown[];
}

export interface MenuStatic {
  buildFromTemplate(template: MenuItemConstructorOptions[]): MenuEdge;
  setApplicationMenu(menu: MenuEdge | null): void;
}

/** Images are given as file paths: Electron then picks `@2x` files and `Template` images itself. */
export interface TrayEdge {
  setImage(imagePath: string): void;
  setToolTip(toolTip: string): void;
  setTitle(title: string, options?: { fontType?: 'monospaced' | 'monospacedDigit' }): void;
  setContextMenu(menu: MenuEdge | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface NotificationEdge {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

export interface NotificationStatic {
  new (options: NotificationConstructorOptions): NotificationEdge;
  isSupported(): boolean;
}

export interface SessionEdge {
  setPermissionRequestHandler(
    handler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((contents: unknown, permission: string) => boolean) | null): void;
  readonly webRequest: {
    onBeforeRequest(
      listener:
        ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | null,
    ): void;
  };
}

export interface AppEdge {
  requestSingleInstanceLock(): boolean;
  whenReady(): Promise<void>;
  quit(): void;
  exit(code?: number): void;
  getVersion(): string;
  getAppPath(): string;
  getPath(name: 'userData' | 'logs'): string;
  setAppUserModelId(id: string): void;
  setAboutPanelOptions(options: {
    applicationName?: string;
    applicationVersion?: string;
    copyright?: string;
    credits?: string;
  }): void;
  getLoginItemSettings(): { openAtLogin: boolean };
  setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] }): void;
  readonly dock?: { show(): Promise<void>; hide(): void } | undefined;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  on(event: 'activate', listener: () => void): unknown;
  on(event: 'before-quit', listener: (event: PreventableEvent) => void): unknown;
}

export interface PowerMonitorEdge {
  on(event: 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen', listener: () => void): unknown;
}

/** Everything main takes from Electron, in one object. */
export interface ElectronEdge {
  app: AppEdge;
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => WindowEdge;
  Tray: new (imagePath: string) => TrayEdge;
  Menu: MenuStatic;
  Notification: NotificationStatic;
  ipcMain: IpcMainEdge;
  shell: { openExternal(url: string): Promise<void> };
  powerMonitor: PowerMonitorEdge;
  net: { isOnline(): boolean };
  screen: { getAllDisplays(): readonly { workArea: Rectangle }[] };
  safeStorage: SafeStorageApi;
  dialog: { showErrorBox(title: string, content: string): void };
  protocol: {
    registerSchemesAsPrivileged(
      schemes: {
        scheme: string;
        privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean };
      }[],
    ): void;
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
  };
  /** The default session, once the app is ready (Electron has none before). */
  defaultSession(): SessionEdge;
}
