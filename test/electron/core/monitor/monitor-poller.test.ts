/**
 * The monitor under the poller: real syncs over HTTP against the simulator, the poller's timers on
 * the named FakeClock (time moves only when the test says).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMonitorPoller, openMonitor, pollOutcomeOf } from '../../../../electron/core/monitor';
import type { Poller, PollerStatus } from '../../../../electron/core/poller';
import { MemorySecretStore } from '../../../../electron/core/secrets';
import { startSimulator, type RunningSimulator } from '../../../../electron/core/simulator';
import { FakeClock } from '../../../support/fake-clock';
import { ADMIN_KEY, PROJECT_KEY } from '../openai/openai-test-kit';

const START_AT = Date.UTC(2026, 10, 27, 9, 30);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(key: string) {
  const sim: RunningSimulator = await startSimulator({ startAt: START_AT, speed: 1e-9 });
  cleanups.push(() => sim.close());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-poller-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const opened = await openMonitor({
    env: { OPENAI_ADMIN_KEY: key, OPENAI_BASE_URL: sim.baseUrl },
    dir,
    openSecrets: async () => new MemorySecretStore(),
    now: sim.now,
    client: { maxRetries: 0 },
  });
  if (!opened.ok) throw new Error(opened.message);
  const clock = new FakeClock(START_AT);
  const poller = createMonitorPoller(
    opened.value.monitor,
    { pollIntervalMinutes: 15 },
    { clock, random: () => 0.5 },
  );
  cleanups.push(() => poller.stop());
  return { monitor: opened.value.monitor, poller, clock };
}

/** Resolves with the first status past the poll in flight. */
function settled(poller: Poller): Promise<PollerStatus> {
  return new Promise((resolve) => {
    const stop = poller.onStatus((status) => {
      if (status.state !== 'polling') {
        stop();
        resolve(status);
      }
    });
  });
}

describe('the monitor poller', () => {
  it('syncs at once, then waits the interval from the settings', async () => {
    const { monitor, poller, clock } = await setup(ADMIN_KEY);
    const done = settled(poller);
    poller.start();
    expect(await done).toEqual({
      state: 'waiting',
      nextAt: START_AT + 15 * 60_000,
      lastError: null,
      consecutiveFailures: 0,
    });
    expect(monitor.state().lastSync).toMatchObject({ ok: true });
    expect(clock.pendingDelays()).toEqual([15 * 60_000]);
  });

  it('stops on a key that is not an Admin key, until reset', async () => {
    const { poller, clock } = await setup(PROJECT_KEY);
    const done = settled(poller);
    poller.start();
    const status = await done;
    expect(status).toMatchObject({ state: 'stopped', lastError: { kind: 'auth', reason: 'not-admin-key' } });
    expect(clock.pendingDelays()).toEqual([]);
    expect(JSON.stringify(status)).not.toContain(PROJECT_KEY.slice(9, 29));
  });

  it('maps a local failure to a passing one', () => {
    expect(
      pollOutcomeOf({
        ok: false,
        at: 0,
        error: { source: 'store', error: { kind: 'io', message: 'ENOSPC' } },
        notified: null,
      }),
    ).toEqual({ ok: false, error: { kind: 'local', message: 'ENOSPC' } });
  });
});
