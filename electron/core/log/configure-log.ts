/**
 * One setup for electron-log, shared by the app (`electron-log/main`, in electron/main/log.ts) and
 * the tests (`electron-log/node`, the same code without Electron): a file in the app's log
 * directory, readable by its owner only; the console in development; nothing sent anywhere else; and
 * every message, crash reports included, through the redactor first.
 */
import type { LogLevel, NodeLogger } from 'electron-log';
import { redactLogMessage } from './redact-log';

/** What main's modules log through, so that only electron/main/log.ts knows electron-log. */
export interface Logger {
  info(...data: unknown[]): void;
  warn(...data: unknown[]): void;
  error(...data: unknown[]): void;
}

export interface LogOptions {
  /** The log file, e.g. `<app.getPath('logs')>/main.log`; electron-log rotates it at 1 MB. */
  file: string;
  /** Also to the console: in development, not in a packaged app. */
  console: boolean;
}

const LEVEL: LogLevel = 'info';
/** The log shows what the user spent and when: like the stores, for the owner only. */
const FILE_MODE = 0o600;

/** Configures `log` and starts catching uncaught errors into it; returns it as a Logger. */
export function configureLog(log: NodeLogger, options: LogOptions): Logger {
  const { file, console: toConsole, ipc, remote } = log.transports;
  file.resolvePathFn = () => options.file;
  file.level = LEVEL;
  file.writeOptions = { flag: 'a', mode: FILE_MODE, encoding: 'utf8' };
  toConsole.level = options.console ? LEVEL : false;
  // The renderer's devtools and remote servers get nothing: the log stays on this computer. (The
  // IPC transport exists only inside Electron, whatever the typings say.)
  if (ipc) ipc.level = false;
  remote.level = false;
  if (!log.hooks.includes(redactLogMessage)) log.hooks.push(redactLogMessage);
  // No dialog: electron-log's shows the raw stack, which the hook never sees. The log gets it redacted.
  log.errorHandler.startCatching({ showDialog: false });
  return log;
}
