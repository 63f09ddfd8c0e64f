/**
 * What a steady day of polling costs (§7): the network traffic and the store writes of 24 simulated
 * hours of polls at the default interval, through the real OpenAI client, monitor and stores, against
 * the demo simulator. The backfill runs first and is not counted: the figures are for a steady day.
 * The simulator's clock moves only when told to, so the day takes seconds, not a day.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { createMonitor } from '../../electron/core/monitor';
import { createOpenAiBackend } from '../../electron/core/openai';
import { DEFAULT_POLL_SETTINGS, INITIAL_SCHEDULE, nextDelay } from '../../electron/core/poller/next-delay';
import { startSimulator } from '../../electron/core/simulator';
import { mulberry32 } from '../../electron/core/simulator/prng';
import { openStores, type StoreClass } from '../../electron/core/stores';

/** The simulator checks a key's kind, not its value. */
const BENCH_KEY = 'sk-admin-fake-bench-key';
const DAY_MS = 24 * 60 * 60_000;
/** A fixed start and a seeded jitter make the figures the same on every run. */
const START_AT = Date.UTC(2026, 2, 10, 9, 0, 0);
const JITTER_SEED = 20260310;

interface Counter {
  count: number;
  bytes: number;
}

/**
 * Conf, counting what it writes. Conf rewrites the whole file on every write (atomically, through a
 * temp file), so the file's size after a write is the bytes that write put on disk; fsync and
 * directory metadata are not counted.
 */
function countingConf(written: Counter): StoreClass {
  return class CountingConf extends Conf {
    override get store(): Record<string, unknown> {
      return super.store;
    }

    override set store(value: Record<string, unknown>) {
      super.store = value;
      written.count += 1;
      written.bytes += fs.statSync(this.path).size;
    }
  };
}

/**
 * Fetch, counting each request and the bytes the client sends and receives at the HTTP level: the
 * URL, the headers the client sets, the response headers and the body as read (uncompressed — the
 * simulator does not compress). Not counted: headers undici adds itself, TLS and TCP framing.
 */
function countingFetch(traffic: Counter & { bodyBytes: number }): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const body = await response.clone().arrayBuffer();
    const url = input instanceof Request ? input.url : String(input);
    let headerBytes = 0;
    for (const [name, value] of new Headers(init?.headers)) headerBytes += name.length + value.length + 4;
    for (const [name, value] of response.headers) headerBytes += name.length + value.length + 4;
    traffic.count += 1;
    traffic.bodyBytes += body.byteLength;
    traffic.bytes += Buffer.byteLength(url) + headerBytes + body.byteLength;
    return response;
  };
}

export async function benchPoll(): Promise<Record<string, number>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saldo-bench-poll-'));
  // The smallest speed the simulator takes: the clock moves only through /sim/clock/advance.
  const sim = await startSimulator({ port: 0, scenario: 'demo', speed: Number.MIN_VALUE, startAt: START_AT });
  try {
    const control = async (method: string, route: string, body?: unknown): Promise<unknown> => {
      const response = await fetch(`${sim.url}${route}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`simulator ${method} ${route}: HTTP ${response.status}`);
      return response.json();
    };
    const written: Counter = { count: 0, bytes: 0 };
    const traffic = { count: 0, bytes: 0, bodyBytes: 0 };
    const stores = openStores({ dir, storeClass: countingConf(written), now: () => sim.now() });
    if (!stores.ok) throw new Error(`stores: ${stores.error.message}`);
    const now = () => sim.now();
    const backend = createOpenAiBackend({
      apiKey: BENCH_KEY,
      keyOrigin: new URL(sim.baseUrl).origin,
      baseUrl: sim.baseUrl,
      now,
      fetch: countingFetch(traffic),
    });
    const monitor = createMonitor({ backend, stores, now, backendName: 'openai' });

    const backfill = await monitor.syncOnce();
    if (!backfill.ok) throw new Error(`backfill failed: ${JSON.stringify(backfill.error)}`);
    Object.assign(written, { count: 0, bytes: 0 });
    Object.assign(traffic, { count: 0, bytes: 0, bodyBytes: 0 });
    await control('DELETE', '/sim/requests');

    const random = mulberry32(JITTER_SEED);
    let elapsed = 0;
    let polls = 0;
    for (;;) {
      // Every poll succeeds (a failure throws below), so each wait is the one after a success.
      const next = nextDelay(INITIAL_SCHEDULE, { ok: true }, DEFAULT_POLL_SETTINGS, random);
      if (next.delayMs === null || elapsed + next.delayMs > DAY_MS) break;
      elapsed += next.delayMs;
      await control('POST', '/sim/clock/advance', { ms: next.delayMs });
      const poll = await monitor.syncOnce();
      // A failed poll would make the day cheaper than it is: the figures are for polls that work.
      if (!poll.ok) throw new Error(`poll ${polls + 1} failed: ${JSON.stringify(poll.error)}`);
      polls += 1;
    }

    // The simulator's own count of what it served must agree with what the client saw.
    const served = (await control('GET', '/sim/requests')) as { total: number; bytes: number };
    if (served.total !== traffic.count || served.bytes !== traffic.bodyBytes) {
      throw new Error(
        `client saw ${traffic.count} requests (${traffic.bodyBytes} B of bodies), ` +
          `simulator served ${served.total} (${served.bytes} B)`,
      );
    }
    return {
      poll_count_per_day: polls,
      poll_requests_per_day: traffic.count,
      poll_bytes_per_day: traffic.bytes,
      store_bytes_written_per_day: written.bytes,
    };
  } finally {
    await sim.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
