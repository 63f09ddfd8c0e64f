/**
 * The desktop app's log: `main.log` in the app's log directory (macOS `~/Library/Logs/Saldo`,
 * elsewhere `<userData>/logs`), through the redactor. Main's other modules take the returned
 * Logger and never import electron-log themselves. Its Node build, not `electron-log/main`: the
 * main build registers an IPC channel (`__ELECTRON_LOG__`) for renderer logging at import, and the
 * bridge contract is to be the only IPC the page can reach; the renderer does not log through IPC.
 */
import path from 'node:path';
import { app } from 'electron';
import log from 'electron-log/node';
import { configureLog, type Logger } from '../core/log';

export type { Logger } from '../core/log';

/** Starts the log (and catching uncaught errors into it); call once, first thing in main. */
export function openLog(): Logger {
  return configureLog(log, { file: path.join(app.getPath('logs'), 'main.log'), console: !app.isPackaged });
}
