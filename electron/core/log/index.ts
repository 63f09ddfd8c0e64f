/** main's log: electron-log configured once, every message redacted before it is written. */
export { configureLog, type Logger, type LogOptions } from './configure-log';
export { redactDeep, redactLogMessage } from './redact-log';
export { syncLogLine, type SyncLogLine } from './sync-log-line';
