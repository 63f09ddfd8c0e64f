/**
 * The standard application menu, built from Electron's roles so each OS labels and places the items
 * the way its users expect (macOS translates role labels itself): About, Edit (copy and paste in the
 * forms need it on macOS), View with zoom, Window; developer tools only in development.
 */
import type { MenuItemConstructorOptions } from './electron-edge';

export function appMenuTemplate(
  platform: NodeJS.Platform,
  development: boolean,
): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions = {
    role: 'viewMenu',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(development
        ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const]
        : []),
    ],
  };
  if (platform === 'darwin') {
    return [{ role: 'appMenu' }, { role: 'fileMenu' }, { role: 'editMenu' }, view, { role: 'windowMenu' }];
  }
  return [{ role: 'fileMenu' }, { role: 'editMenu' }, view, { role: 'help', submenu: [{ role: 'about' }] }];
}

export const ABOUT = {
  applicationName: 'Saldo',
  copyright: 'MIT licence · Saldo contributors',
  credits: 'Watches your LLM API prepaid credit: balance, runway, expiry and auto-recharge.',
} as const;
