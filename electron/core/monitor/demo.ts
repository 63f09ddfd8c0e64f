/**
 * The demo mode (`SALDO_DEMO=1`, or no key): the embedded simulator's demo account behind the
 * OpenAI client, stores in `dir`, and the monitor over both, on the simulator's clock.
 */
import { createOpenAiBackend, type OpenAiBackendOptions } from '../openai';
import { startSimulator, type SimulatorOptions } from '../simulator';
import { openStores, type OpenError } from '../stores';
import { createMonitor, type Monitor } from './monitor';

/** The simulator wants an admin-shaped key on its admin routes; this one opens nothing real. */
const DEMO_KEY = 'sk-admin-fake-key-for-the-embedded-simulator';

export interface DemoMonitorOptions {
  /** Simulator options (scenario is always `demo`). */
  simulator?: Pick<SimulatorOptions, 'speed' | 'startAt'>;
  /** Client options, e.g. `maxRetries` or `sleep` in tests. */
  backend?: Pick<OpenAiBackendOptions, 'maxRetries' | 'sleep' | 'timeoutMs'>;
}

export interface DemoMonitor {
  monitor: Monitor;
  /** The simulator's address, for its `/sim` control API. */
  simulatorUrl: string;
  notices: string[];
  close(): Promise<void>;
}

export type OpenedDemoMonitor = ({ ok: true } & DemoMonitor) | { ok: false; error: OpenError };

export async function openDemoMonitor(
  dir: string,
  options: DemoMonitorOptions = {},
): Promise<OpenedDemoMonitor> {
  const stores = openStores({ dir });
  if (!stores.ok) return stores;
  const sim = await startSimulator({ port: 0, scenario: 'demo', ...options.simulator });
  const now = () => sim.now();
  const backend = createOpenAiBackend({ apiKey: DEMO_KEY, baseUrl: sim.baseUrl, now, ...options.backend });
  const monitor = createMonitor({
    backend,
    stores: { ledger: stores.ledger, settings: stores.settings },
    now,
    backendName: 'demo',
  });
  return { ok: true, monitor, simulatorUrl: sim.url, notices: stores.notices, close: () => sim.close() };
}
