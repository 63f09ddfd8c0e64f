/**
 * Launch at login on Linux, where Electron's `setLoginItemSettings` does nothing: a desktop entry in
 * `$XDG_CONFIG_HOME/autostart` (the freedesktop Desktop Application Autostart spec), which GNOME,
 * KDE, Xfce and the like start at login. Plain Node, so it is tested for real.
 */
import fs from 'node:fs';
import path from 'node:path';
import { xdgConfigHome } from '../stores/data-dir';

const AUTOSTART_FILE = 'saldo.desktop';

export function autostartDir(env: { XDG_CONFIG_HOME?: string }, home: string): string {
  return path.join(xdgConfigHome(env, home), 'autostart');
}

/** An Exec argument quoted as the Desktop Entry spec asks: in double quotes, with `"`, `` ` ``, `$`, `\` escaped. */
export function quoteExecArgument(argument: string): string {
  return `"${argument.replace(/(["`$\\])/g, '\\$1')}"`;
}

export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Saldo',
    'Comment=Watches your OpenAI API credit from the tray',
    `Exec=${quoteExecArgument(executable)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export type AutostartResult = { ok: true } | { ok: false; message: string };

export function isAutostartEnabled(dir: string): boolean {
  return fs.existsSync(path.join(dir, AUTOSTART_FILE));
}

/** Writes or removes the entry; `executable` is what starts Saldo (the AppImage's path, if one). */
export function setAutostart(dir: string, enabled: boolean, executable: string): AutostartResult {
  const file = path.join(dir, AUTOSTART_FILE);
  try {
    if (enabled) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(file, autostartEntry(executable), { mode: 0o644 });
    } else {
      fs.rmSync(file, { force: true });
    }
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      message: `Launch at login could not be ${enabled ? 'set' : 'removed'} in ${dir}: ${String(error)}`,
    };
  }
}
