/**
 * Request counts of the OpenAI client's sync against the demo simulator, counted by the simulator
 * itself (/sim/requests): a 365-day backfill, then steady polls 15 minutes apart.
 */
import { createOpenAiBackend } from '../../electron/core/openai';
import { startSimulator } from '../../electron/core/simulator';
import { syncBilling } from '../../electron/core/sync';

/** Any `sk-admin-…` key: the simulator checks the key's kind, not its value. */
const BENCH_KEY = `sk-admin-bench${'0'.repeat(44)}T3BlbkFJ${'0'.repeat(58)}`;

/** Enough steady polls that usage and the balance each take their turn twice. */
const STEADY_POLLS = 4;

interface RequestCounts {
  total: number;
  byPath: Record<string, number>;
}

export async function benchSync(): Promise<Record<string, number>> {
  const sim = await startSimulator({ port: 0, scenario: 'demo' });
  try {
    const control = async (method: string, path: string, body?: unknown): Promise<RequestCounts> => {
      const response = await fetch(`${sim.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`simulator ${method} ${path}: HTTP ${response.status}`);
      const text = await response.text();
      return (text === '' ? { total: 0, byPath: {} } : JSON.parse(text)) as RequestCounts;
    };
    const count = (counts: RequestCounts, suffix: string) =>
      Object.entries(counts.byPath)
        .filter(([path]) => path.endsWith(suffix))
        .reduce((sum, [, n]) => sum + n, 0);
    const backend = createOpenAiBackend({
      apiKey: BENCH_KEY,
      keyOrigin: new URL(sim.baseUrl).origin,
      baseUrl: sim.baseUrl,
      now: () => sim.now(),
    });

    await control('DELETE', '/sim/requests');
    const backfill = await syncBilling(backend, { cursor: null, now: sim.now() });
    if (!backfill.ok) throw new Error(`backfill failed: ${backfill.error.message}`);
    const afterBackfill = await control('GET', '/sim/requests');
    const costs = count(afterBackfill, '/organization/costs');
    const usage = count(afterBackfill, '/organization/usage/completions');

    // Polls differ (usage and the balance take turns), so the figure is the worst of them.
    let cursor = backfill.value.cursor;
    let steadyMax = 0;
    for (let poll = 0; poll < STEADY_POLLS; poll++) {
      await control('POST', '/sim/clock/advance', { ms: 15 * 60_000 });
      await control('DELETE', '/sim/requests');
      const steady = await syncBilling(backend, { cursor, now: sim.now() });
      if (!steady.ok) throw new Error(`steady sync failed: ${steady.error.message}`);
      steadyMax = Math.max(steadyMax, (await control('GET', '/sim/requests')).total);
      cursor = steady.value.cursor;
    }

    return {
      sync_backfill_requests: costs + usage,
      sync_backfill_costs_requests: costs,
      sync_backfill_usage_requests: usage,
      // Every request of the busiest steady poll: costs + usage or the balance (target ≤ 2).
      sync_steady_requests: steadyMax,
    };
  } finally {
    await sim.close();
  }
}
