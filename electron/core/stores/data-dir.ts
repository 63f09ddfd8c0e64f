/**
 * Where Saldo keeps its files: `SALDO_HOME` when set, else the OS app-data directory — the same
 * place Electron's `app.getPath('userData')` gives for the product name `Saldo`, so the CLI and the
 * desktop app share one ledger.
 */
import path from 'node:path';

export const APP_DIR_NAME = 'Saldo';

export interface DataDirEnvironment {
  SALDO_HOME?: string;
  XDG_CONFIG_HOME?: string;
  APPDATA?: string;
}

/**
 * The data directory for `platform` (a `process.platform` value). `home` is the user's home
 * directory. Paths are built with the target platform's own separators, so this is testable anywhere.
 */
export function dataDir(env: DataDirEnvironment, platform: NodeJS.Platform, home: string): string {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  if (env.SALDO_HOME !== undefined && env.SALDO_HOME !== '') return paths.resolve(env.SALDO_HOME);
  switch (platform) {
    case 'darwin':
      return paths.join(home, 'Library', 'Application Support', APP_DIR_NAME);
    case 'win32':
      return paths.join(env.APPDATA || paths.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
    default:
      return paths.join(xdgConfigHome(env, home), APP_DIR_NAME);
  }
}

/** `$XDG_CONFIG_HOME`, else `~/.config` (Linux and the like); the XDG spec says to ignore a relative one. */
export function xdgConfigHome(env: Pick<DataDirEnvironment, 'XDG_CONFIG_HOME'>, home: string): string {
  const xdg = env.XDG_CONFIG_HOME;
  return xdg !== undefined && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.config');
}
