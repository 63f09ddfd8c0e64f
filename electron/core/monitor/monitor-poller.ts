/**
 * The monitor in the background: the Poller (never overlapping, jitter, backoff, Retry-After,
 * stopped by a bad key until `reset`) running `syncOnce` at the settings' interval. The desktop
 * app owns one; the CLI polls once per command and needs none.
 */
import { Poller, type Clock, type PollOutcome, type PollSettings } from '../poller';
import type { Settings } from '../../../shared/settings/settings-schema';
import type { Monitor, SyncOnceResult } from './monitor';

/** What the poller needs to know of a sync: a backend error as it is, a local failure as `local`. */
export function pollOutcomeOf(result: SyncOnceResult): PollOutcome {
  if (result.ok) return { ok: true };
  if (result.error.source === 'backend') return { ok: false, error: result.error.error };
  return { ok: false, error: { kind: 'local', message: result.error.error.message } };
}

export function pollSettingsOf(settings: Pick<Settings, 'pollIntervalMinutes'>): PollSettings {
  return { intervalMs: settings.pollIntervalMinutes * 60_000 };
}

export interface MonitorPollerOptions {
  clock?: Clock;
  random?: () => number;
}

export function createMonitorPoller(
  monitor: Monitor,
  settings: Pick<Settings, 'pollIntervalMinutes'>,
  options: MonitorPollerOptions = {},
): Poller {
  return new Poller({
    poll: async () => pollOutcomeOf(await monitor.syncOnce()),
    settings: pollSettingsOf(settings),
    ...options,
  });
}
