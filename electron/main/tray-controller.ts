/**
 * The tray: icon, tooltip, macOS title and menu, all from `trayViewOf` (shared/tray), so what it
 * says is decided — and tested — in the pure core. The menu is set again on every change: on Linux
 * a changed menu only shows once it is set again (Electron Tray docs).
 */
import path from 'node:path';
import type { DashboardState } from '../../shared/bridge/dashboard-state';
import { trayViewOf, type TrayIconState, type TrayView } from '../../shared/tray';
import type { ElectronEdge, MenuItemConstructorOptions, TrayEdge } from './electron-edge';

export interface TrayActions {
  refresh(): void;
  open(): void;
  buyCredit(): void;
  quit(): void;
}

export interface TrayControllerOptions {
  electron: Pick<ElectronEdge, 'Tray' | 'Menu'>;
  platform: NodeJS.Platform;
  /** The folder holding assets/tray/*.png. */
  iconDir: string;
  actions: TrayActions;
}

/**
 * The image for a state: macOS menu bars take monochrome template images (Electron picks the
 * `Template` and `@2x` files by name); Windows and Linux the coloured set.
 */
function trayIconPath(iconDir: string, state: TrayIconState, platform: NodeJS.Platform): string {
  return path.join(iconDir, `${state}${platform === 'darwin' ? 'Template' : ''}.png`);
}

/** The menu, top to bottom (ux.md §1): the view's lines as plain text, then the actions. */
function trayMenuTemplate(view: TrayView, actions: TrayActions): MenuItemConstructorOptions[] {
  return [
    ...view.lines.map((label): MenuItemConstructorOptions => ({ label, enabled: false })),
    { type: 'separator' },
    { label: view.refreshLabel, click: () => actions.refresh() },
    { label: view.labels.buyCredit, click: () => actions.buyCredit() },
    { label: view.labels.open, click: () => actions.open() },
    { type: 'separator' },
    { label: view.labels.quit, click: () => actions.quit() },
  ];
}

export class TrayController {
  readonly #tray: TrayEdge;
  #shown: string | null = null;

  constructor(private readonly options: TrayControllerOptions) {
    const view = trayViewOf(null);
    this.#tray = new options.electron.Tray(trayIconPath(options.iconDir, view.icon, options.platform));
    // Windows and most Linux desktops open the window on a click; the menu is on the right button.
    this.#tray.on('click', () => options.actions.open());
    this.#show(view);
  }

  /** Follows the snapshot (null while the monitor opens). */
  update(state: DashboardState | null): void {
    this.#show(trayViewOf(state));
  }

  #show(view: TrayView): void {
    const print = JSON.stringify(view);
    if (print === this.#shown) return;
    this.#shown = print;
    const { electron, platform, iconDir, actions } = this.options;
    this.#tray.setImage(trayIconPath(iconDir, view.icon, platform));
    this.#tray.setToolTip(view.tooltip);
    if (platform === 'darwin') this.#tray.setTitle(view.title, { fontType: 'monospacedDigit' });
    this.#tray.setContextMenu(electron.Menu.buildFromTemplate(trayMenuTemplate(view, actions)));
  }

  destroy(): void {
    this.#tray.destroy();
  }
}
