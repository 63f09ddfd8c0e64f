/**
 * How syncing goes, as the dashboard shows it: the last sync the ledger remembers (kept across
 * restarts) and what the poller is doing now. Pure.
 */
import type { SyncStatus } from '../../../shared/bridge/dashboard-state';
import type { LastSync } from '../monitor';
import type { PollerStatus } from '../poller';

export function syncStatusOf(
  lastSync: LastSync | null,
  poller: Pick<PollerStatus, 'state' | 'nextAt'> | null,
  progress: SyncStatus['progress'] = null,
): SyncStatus {
  const error = lastSync?.error ?? null;
  return {
    state: stateOf(lastSync, poller),
    lastAttemptAt: lastSync?.at ?? null,
    lastOkAt: lastSync?.okAt ?? null,
    failingSince: lastSync?.failingSince ?? null,
    error:
      error === null
        ? null
        : {
            source: error.source,
            kind: error.kind,
            code: error.code ?? null,
            reason: error.reason ?? null,
            message: error.message,
          },
    warnings: lastSync?.warnings ?? [],
    nextAt: poller?.state === 'waiting' ? poller.nextAt : null,
    progress: poller?.state === 'polling' ? progress : null,
  };
}

function stateOf(lastSync: LastSync | null, poller: Pick<PollerStatus, 'state'> | null): SyncStatus['state'] {
  if (poller?.state === 'polling') return 'syncing';
  // Told apart from sleep: offline is what the tray dims for and the footer explains.
  if (poller?.state === 'offline') return 'offline';
  if (poller?.state === 'paused') return 'paused';
  if (lastSync === null) return 'never';
  if (!lastSync.ok) return 'failing';
  return lastSync.partial ? 'partial' : 'ok';
}
