/**
 * The launch-at-login setting, applied to the OS whenever it differs from what the OS has: macOS and
 * Windows through Electron's login items, Linux through an autostart entry (Electron has none there).
 */
import os from 'node:os';
import {
  autostartDir,
  isAutostartEnabled,
  setAutostart,
  type AutostartResult,
} from '../core/autostart/linux-autostart';
import type { AppEdge } from './electron-edge';

export interface LoginItemContext {
  app: Pick<AppEdge, 'getLoginItemSettings' | 'setLoginItemSettings'>;
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** What starts Saldo: the AppImage when run from one (its mount point changes each run). */
  executable: string;
  home?: string;
}

export function applyLoginItem(context: LoginItemContext, enabled: boolean): AutostartResult {
  if (context.platform === 'linux') {
    const dir = autostartDir(context.env, context.home ?? os.homedir());
    if (isAutostartEnabled(dir) === enabled) return { ok: true };
    return setAutostart(dir, enabled, context.env.APPIMAGE ?? context.executable);
  }
  if (context.app.getLoginItemSettings().openAtLogin !== enabled) {
    context.app.setLoginItemSettings({ openAtLogin: enabled });
  }
  return { ok: true };
}
