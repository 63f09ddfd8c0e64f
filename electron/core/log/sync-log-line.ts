/**
 * What main.log says about syncing: one line when a sync fails and when syncing recovers, so a
 * support question ("why does the tray say offline?") can be answered from the log. Lines carry the
 * error's kind and message, which the backend has already made key-free; the log redacts again.
 */
import type { SyncStatus } from '../../../shared/bridge';

export interface SyncLogLine {
  level: 'warn' | 'info';
  text: string;
}

/** The line for the step from `before` to `after`, or null when nothing new finished. */
export function syncLogLine(before: SyncStatus | null, after: SyncStatus): SyncLogLine | null {
  // A sync is stamped when it starts, so its end is the step out of `syncing` (or a new stamp).
  const finished =
    after.state !== 'syncing' &&
    after.lastAttemptAt !== null &&
    (before?.state === 'syncing' || after.lastAttemptAt !== before?.lastAttemptAt);
  if (!finished) return null;
  const { error } = after;
  if (error !== null && after.state === 'failing') {
    const reason = error.reason ?? error.code;
    return {
      level: 'warn',
      text: `sync failed (${error.source} ${error.kind}${reason === null ? '' : `, ${reason}`}): ${error.message}`,
    };
  }
  if (before?.state === 'failing' && (after.state === 'ok' || after.state === 'partial')) {
    return { level: 'info', text: 'sync works again' };
  }
  return null;
}
