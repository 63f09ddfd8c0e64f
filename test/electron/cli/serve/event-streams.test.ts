/**
 * What an event stream may cost the server (issue 13 §3): a client that stops reading gets the
 * latest snapshot instead of every one, is dropped once it stalls, and the number of streams is
 * capped. Real server on 127.0.0.1, the demo account, raw sockets that stop reading.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDashboardServer, type DashboardServer } from '../../../../electron/cli/serve/server';
import type { StreamLimits } from '../../../../electron/cli/serve/event-streams';
import { MemorySecretStore } from '../../../../electron/core/secrets';
import { createHttpBridge } from '../../../../renderer/transport/http-bridge';
import { openEvents, openStalledEvents, raw } from './serve-harness';

const START_AT = Date.UTC(2026, 10, 20, 9, 30);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(streamLimits: Partial<StreamLimits>, heartbeatMs = 15_000): Promise<DashboardServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-streams-'));
  const started = await startDashboardServer({
    env: {},
    demo: true,
    dir,
    openSecrets: async () => new MemorySecretStore(),
    poll: false,
    session: {
      demo: { simulator: { startAt: START_AT, speed: 1e-9 }, backend: { maxRetries: 0 } },
      client: { maxRetries: 0 },
    },
    heartbeatMs,
    streamLimits,
  });
  if (!started.ok) throw new Error(`${started.field}: ${started.message}`);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => started.server.close());
  // The demo's history (90 days of spend) makes each snapshot some 20 KB, so the kernel's socket
  // buffers fill within a few hundred changes.
  expect(await call(started.server, 'sync:refresh-now', {})).toMatchObject({ ok: true });
  return started.server;
}

async function call(server: DashboardServer, channel: string, request: unknown): Promise<unknown> {
  const response = await fetch(`${server.url}/api/call/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}` },
    body: JSON.stringify(request),
  });
  return response.json();
}

/**
 * Enough changes to fill the kernel's buffers for one socket (on Linux about 4 MB: the sender's
 * largest send buffer and the receiver's first window), with room to spare.
 */
const CHANGES = 300;
const LAST = `"monthlyBudget":"${CHANGES}"`;

/** A new snapshot on every stream; the `i`th change's budget is `i`. */
async function changeSettings(server: DashboardServer, i: number): Promise<void> {
  expect(await call(server, 'settings:update', { monthlyBudget: String(i) })).toMatchObject({ ok: true });
}

/**
 * Changes until the server has dropped the stalled stream, which held the only place
 * (`maxStreams: 1`): a new stream is refused until then. Returns how many changes it took.
 */
async function changeUntilDropped(server: DashboardServer): Promise<number> {
  for (let i = 1; i <= CHANGES; i++) {
    await changeSettings(server, i);
    if (i % 10 !== 0) continue;
    const probe = openStalledEvents(server.port, server.token);
    const status = await probe.status();
    probe.close();
    if (status === 200) return i;
  }
  return CHANGES;
}

const snapshotsIn = (text: string) => text.split('event: state:changed\n').length - 1;

describe('event streams that stop reading', () => {
  it('get the newest snapshot, not every one, once they read again', async () => {
    const server = await start({ stallMs: 60_000 });
    const stalled = openStalledEvents(server.port, server.token);
    cleanups.push(() => stalled.close());
    expect(await stalled.status()).toBe(200);
    for (let i = 1; i <= CHANGES; i++) await changeSettings(server, i);

    const { text, ended } = await stalled.readRest();
    expect(ended).toBe(false);
    // Every change made a snapshot; those still waiting when a newer one came were replaced.
    expect(snapshotsIn(text)).toBeLessThan(CHANGES);
    expect(text).toContain(LAST);
  }, 60_000);

  it('are dropped once they stall, and their client gets the state afresh on a new stream', async () => {
    const server = await start({ stallMs: 300, maxStreams: 1 }, 100);
    const stalled = openStalledEvents(server.port, server.token);
    cleanups.push(() => stalled.close());
    expect(await stalled.status()).toBe(200);
    const changes = await changeUntilDropped(server);
    expect(changes).toBeLessThan(CHANGES);

    const { text, ended } = await stalled.readRest();
    expect(ended).toBe(true);
    expect(text).not.toContain(`"monthlyBudget":"${changes}"`);

    const fresh = await openEvents(server.url, server.token);
    cleanups.push(() => fresh.close());
    const state = await fresh.next((message) => message.event === 'state:changed');
    expect(state.data).toContain(`"monthlyBudget":"${changes}"`);
  }, 60_000);

  it('are dropped once they hold more than their share, even before they stall', async () => {
    const server = await start({ stallMs: 60_000, maxPendingBytes: 1, maxStreams: 1 });
    const stalled = openStalledEvents(server.port, server.token);
    cleanups.push(() => stalled.close());
    expect(await stalled.status()).toBe(200);
    expect(await changeUntilDropped(server)).toBeLessThan(CHANGES);

    const { ended } = await stalled.readRest();
    expect(ended).toBe(true);
  }, 60_000);
});

describe('how many streams', () => {
  it('past the limit: 503 with Retry-After; a closed stream frees its place', async () => {
    const server = await start({ maxStreams: 2 });
    const first = await openEvents(server.url, server.token);
    const second = await openEvents(server.url, server.token);
    cleanups.push(
      () => first.close(),
      () => second.close(),
    );
    const refused = await raw(server.port, {
      path: '/api/events',
      headers: { Authorization: `Bearer ${server.token}` },
    });
    expect(refused).toMatchObject({ status: 503, headers: { 'retry-after': '60' } });
    expect(JSON.parse(refused.body)).toEqual({ error: 'too many event streams' });

    first.close();
    await expect
      .poll(async () => {
        const again = await openEvents(server.url, server.token);
        again.close();
        return again.status;
      })
      .toBe(200);
  });

  it('the dashboard refused a place keeps trying, and hears the state once one frees', async () => {
    const server = await start({ maxStreams: 1 });
    const holder = await openEvents(server.url, server.token);
    cleanups.push(() => holder.close());
    const connections: boolean[] = [];
    const bridge = createHttpBridge({
      token: server.token,
      base: server.url,
      onConnection: (up) => connections.push(up),
    });
    cleanups.push(() => bridge.close());
    let heard = 0;
    bridge.on('state:changed', () => heard++);
    await expect.poll(() => connections.filter((up) => !up).length).toBeGreaterThanOrEqual(1);
    expect(heard).toBe(0);

    holder.close();
    await expect.poll(() => heard, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(connections.at(-1)).toBe(true);
  });
});
