/**
 * The dashboard window: one at most, opened from the tray, a notification, a second launch or the
 * dock, and destroyed — not hidden — when closed, so Saldo at rest in the tray holds no renderer
 * process. It opens where it was last closed (window.json).
 */
import type { ViewName } from '../../shared/bridge/views';
import { placeWindow, MIN_SIZE } from '../core/window/placement';
import type { WindowStateStore } from '../core/window/window-state-store';
import type { ElectronEdge, WindowEdge } from './electron-edge';
import { sendEvent } from './ipc';
import { guardContents, secureWebPreferences } from './security';

export interface MainWindowOptions {
  electron: Pick<ElectronEdge, 'BrowserWindow' | 'screen' | 'shell'>;
  /** The page's address: saldo://app/index.html, or the dev server's (`npm run dev`). */
  pageUrl: string;
  preload: string;
  windowState: WindowStateStore | null;
  /** Told when the window opens or is gone (the macOS dock follows it). */
  onOpenChanged(open: boolean): void;
  /** A write that failed (the window's place is a convenience: it is logged, not shown). */
  onError(message: string): void;
}

export class MainWindow {
  #window: WindowEdge | null = null;

  constructor(private readonly options: MainWindowOptions) {}

  get isOpen(): boolean {
    return this.#window !== null;
  }

  /** The web contents of the open window, for events; null when none is open. */
  get contents() {
    return this.#window?.webContents ?? null;
  }

  /** Opens the window at `view` (default: where the page was), or brings the open one forward there. */
  open(view?: ViewName): void {
    const open = this.#window;
    if (open !== null) {
      if (open.isMinimized()) open.restore();
      open.show();
      open.focus();
      if (view !== undefined) sendEvent(open.webContents, 'app:open-view', view);
      return;
    }
    this.#window = this.#create(view ?? 'overview');
    this.options.onOpenChanged(true);
  }

  #create(view: ViewName): WindowEdge {
    const { electron, windowState } = this.options;
    const saved = windowState?.read() ?? null;
    const placed = placeWindow(
      saved?.bounds ?? null,
      electron.screen.getAllDisplays().map((display) => display.workArea),
    );
    const window = new electron.BrowserWindow({
      ...placed,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      show: false,
      title: 'Saldo',
      autoHideMenuBar: true,
      webPreferences: secureWebPreferences(this.options.preload),
    });
    guardContents(window.webContents, {
      openExternal: (address) => void electron.shell.openExternal(address),
    });
    window.once('ready-to-show', () => {
      if (saved?.maximized === true) window.maximize();
      window.show();
    });
    window.on('close', () => this.#remember(window));
    window.on('closed', () => {
      this.#window = null;
      this.options.onOpenChanged(false);
    });
    window
      .loadURL(`${this.options.pageUrl}#/${view}`)
      .catch((error: unknown) => this.options.onError(`The dashboard did not load: ${String(error)}`));
    return window;
  }

  #remember(window: WindowEdge): void {
    if (this.options.windowState === null || window.isDestroyed()) return;
    const { x, y, width, height } = window.getNormalBounds();
    // Scaled screens can report fractions; the file keeps whole pixels.
    const bounds = {
      x: Math.round(x),
      y: Math.round(y),
      width: Math.round(width),
      height: Math.round(height),
    };
    const saved = this.options.windowState.save(bounds, window.isMaximized());
    if (!saved.ok) this.options.onError(`The window's place was not saved: ${saved.error.message}`);
  }
}
